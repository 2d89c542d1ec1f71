//! `deposit_reserve_liquidity`: supplies liquidity and receives deposit shares.

use super::shared::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_reserve_binding, check_reserve_fresh,
    check_status, resolve_amount, Action,
};
use super::shared::token_ops::{mint_shares, pay_into_vault};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::LiquidityDeposited;
use crate::risk::fixed::{wad_to_amount, Rounding};
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Books a deposit of `amount` tokens for `shares` new shares in the reserve.
pub fn record_deposit(r: &mut Reserve, amount: u64, shares: u64) -> Result<()> {
    r.available = r
        .available
        .checked_add(amount)
        .ok_or(LendingError::MathOverflow)?;
    r.share_supply = r
        .share_supply
        .checked_add(shares)
        .ok_or(LendingError::MathOverflow)?;
    Ok(())
}

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositReserveLiquidity<'info> {
    /// Depositor.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, share_mint.key, user_liquidity.key, user_shares.key])
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
    /// Depositor's token account of the asset.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// Depositor's token account receiving shares.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Checks a deposit of `amount` from `source` (never one of the reserve's vaults) against
/// the pause, status, freshness and the cap; returns the shares it mints. Shared with
/// `deposit_and_collateralize`, whose `action` is a top-up.
pub fn plan_deposit(
    market: &LendingMarket,
    r: &Reserve,
    source: &Pubkey,
    amount: u64,
    action: Action,
    clock: &Clock,
) -> Result<u64> {
    let slot = clock.slot;
    check_not_vault(r, source)?;
    check_market(market, action, clock.unix_timestamp)?;
    check_status(r, action)?;
    check_no_flash_loan(r)?;
    check_reserve_fresh(r, slot)?;
    require!(amount > 0, LendingError::ZeroAmount);
    let pool = r.pool();
    if r.config.deposit_cap > 0 {
        let supplied = wad_to_amount(
            pool.total_liquidity().map_err(LendingError::from)?,
            Rounding::Up,
        )
        .map_err(LendingError::from)?;
        require!(
            supplied
                .checked_add(amount)
                .ok_or(LendingError::MathOverflow)?
                <= r.config.deposit_cap,
            LendingError::DepositCapReached
        );
    }
    let shares = pool
        .shares_for_deposit(amount)
        .map_err(LendingError::from)?;
    require!(shares > 0, LendingError::AmountTooSmall);
    Ok(shares)
}

/// Deposits `amount` tokens (`u64::MAX`: the whole token account) for shares, rounded down.
pub fn handler(ctx: Context<DepositReserveLiquidity>, amount: u64) -> Result<()> {
    crate::probe!("deposit: accounts loaded");
    crate::probe!("deposit: probe cost");
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a).with_share_mint(a.share_mint.key);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    let from = user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    user_token_account(&a.user_shares, a.share_mint.key)?;
    let amount = resolve_amount(amount, from.amount)?;
    crate::probe!("deposit: clock and user accounts read");
    let (shares, signer, decimals) = {
        let r = a.reserve.load()?;
        check_not_vault(&r, &a.user_shares.key())?;
        let shares = plan_deposit(
            &*a.market.load()?,
            &r,
            &a.user_liquidity.key(),
            amount,
            Action::Supply,
            &clock,
        )?;
        (shares, r.signer(), r.decimals)
    };
    crate::probe!("deposit: planned (checks, cap, shares)");
    pay_into_vault(
        &a.token_program,
        &a.user_liquidity,
        &a.supply_vault,
        &a.liquidity_mint,
        decimals,
        &a.user,
        amount,
    )?;
    crate::probe!("deposit: tokens in");
    mint_shares(
        &a.token_program,
        &a.share_mint.to_account_info(),
        &a.user_shares.to_account_info(),
        &a.reserve.to_account_info(),
        &signer,
        shares,
    )?;
    crate::probe!("deposit: shares minted");
    record_deposit(&mut *a.reserve.load_mut()?, amount, shares)?;
    crate::probe!("deposit: reserve updated");
    emit!(LiquidityDeposited {
        reserve: ctx.accounts.reserve.key(),
        user: ctx.accounts.user.key(),
        amount,
        shares,
    });
    crate::probe!("deposit: event emitted");
    Ok(())
}
