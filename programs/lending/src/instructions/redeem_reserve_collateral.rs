//! `redeem_reserve_collateral`: burns deposit shares for liquidity.

use super::shared::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_reserve_fresh, check_status,
    resolve_amount, Action,
};
use super::shared::token_ops::{burn_shares, pay_from_vault};
use crate::errors::LendingError;
use crate::events::SharesRedeemed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RedeemReserveCollateral<'info> {
    /// Share holder.
    pub user: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = liquidity_mint @ LendingError::WrongReserveAccount,
        has_one = supply_vault @ LendingError::WrongReserveAccount,
        has_one = share_mint @ LendingError::WrongReserveAccount,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    pub liquidity_mint: Box<InterfaceAccount<'info, Mint>>,
    /// The reserve's supply vault.
    #[account(mut)]
    pub supply_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The reserve's share mint.
    #[account(mut)]
    pub share_mint: Box<InterfaceAccount<'info, Mint>>,
    /// Holder's share account.
    #[account(mut, constraint = user_shares.mint == share_mint.key() @ LendingError::WrongMint)]
    pub user_shares: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Holder's token account receiving liquidity.
    #[account(mut, constraint = user_liquidity.mint == liquidity_mint.key() @ LendingError::WrongMint)]
    pub user_liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Checks a redemption of `shares` and returns the liquidity it pays out (rounded down).
/// Records the outflow. Shared with `withdraw_and_redeem`.
pub fn plan_redeem(
    market: &LendingMarket,
    r: &mut Reserve,
    shares: u64,
    now: i64,
    slot: u64,
) -> Result<u64> {
    check_market(market, Action::Withdraw)?;
    check_status(r, Action::Withdraw)?;
    check_no_flash_loan(r)?;
    check_reserve_fresh(r, slot)?;
    require!(shares > 0, LendingError::ZeroAmount);
    let amount = r
        .pool()
        .liquidity_for_redeem(shares)
        .map_err(LendingError::from)?;
    require!(amount > 0, LendingError::AmountTooSmall);
    require!(amount <= r.available, LendingError::InsufficientLiquidity);
    let mut w = r.outflow();
    w.consume(amount, now).map_err(LendingError::from)?;
    r.set_outflow(&w);
    r.available -= amount;
    r.share_supply = r
        .share_supply
        .checked_sub(shares)
        .ok_or(LendingError::MathOverflow)?;
    Ok(amount)
}

/// Redeems `shares` (`u64::MAX`: the whole share account).
pub fn handler(ctx: Context<RedeemReserveCollateral>, shares: u64) -> Result<()> {
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let shares = resolve_amount(shares, a.user_shares.amount)?;
    let (amount, signer) = {
        let mut r = a.reserve.load_mut()?;
        check_not_vault(&r, &a.user_liquidity.key())?;
        let amount = plan_redeem(
            &*a.market.load()?,
            &mut r,
            shares,
            clock.unix_timestamp,
            clock.slot,
        )?;
        (amount, r.signer())
    };
    burn_shares(
        &a.token_program,
        &a.share_mint.to_account_info(),
        &a.user_shares.to_account_info(),
        &a.user,
        shares,
    )?;
    pay_from_vault(
        &a.token_program,
        &mut a.supply_vault,
        &a.user_liquidity.to_account_info(),
        &a.liquidity_mint,
        &a.reserve.to_account_info(),
        &signer,
        amount,
    )?;
    emit!(SharesRedeemed {
        reserve: ctx.accounts.reserve.key(),
        user: ctx.accounts.user.key(),
        shares,
        amount,
    });
    Ok(())
}
