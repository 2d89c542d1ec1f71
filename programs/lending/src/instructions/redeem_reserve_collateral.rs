//! `redeem_reserve_collateral`: burns deposit shares for liquidity.

use super::shared::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_reserve_binding, check_reserve_fresh,
    check_status, resolve_amount, Action,
};
use super::shared::token_ops::{burn_shares, pay_from_vault};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::SharesRedeemed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RedeemReserveCollateral<'info> {
    /// Share holder.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, share_mint.key, user_shares.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub user: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve.
    /// Checked against the accounts it names by `check_reserve_binding`.
    #[account(mut)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The reserve's supply vault.
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub supply_vault: UncheckedAccount<'info>,
    /// The reserve's share mint.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// Holder's share account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// Holder's token account receiving liquidity.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
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
    check_market(market, Action::Withdraw, now)?;
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
    let binding = crate::liquidity_binding!(a).with_share_mint(a.share_mint.key);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    let from = user_token_account(&a.user_shares, a.share_mint.key)?;
    user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    let shares = resolve_amount(shares, from.amount)?;
    let (amount, signer, decimals) = {
        let mut r = a.reserve.load_mut()?;
        check_not_vault(&r, &a.user_liquidity.key())?;
        let amount = plan_redeem(
            &*a.market.load()?,
            &mut r,
            shares,
            clock.unix_timestamp,
            clock.slot,
        )?;
        (amount, r.signer(), r.decimals)
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
        &a.supply_vault,
        &a.user_liquidity.to_account_info(),
        &a.liquidity_mint,
        decimals,
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
