//! `withdraw_and_redeem`: takes collateral out of the obligation and redeems it for liquidity
//! in one token transfer (the combined instruction wallets use).

use super::collateral::take_collateral;
use super::redeem_reserve_collateral::plan_redeem;
use super::shared::guards::{check_not_vault, check_obligation_binding, check_reserve_binding};
use super::shared::token_ops::pay_from_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::events::CollateralWithdrawn;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct WithdrawAndRedeem<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
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
    /// Owner's token account receiving liquidity.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Withdraws `shares` of collateral (`u64::MAX`: the most health allows) and redeems them.
pub fn handler(ctx: Context<WithdrawAndRedeem>, shares: u64) -> Result<()> {
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    let (shares, amount, signer, decimals, health) = {
        let mut r = a.reserve.load_mut()?;
        check_not_vault(&r, &a.user_liquidity.key())?;
        let mut ob = a.obligation.load_mut()?;
        check_obligation_binding(&ob, a.market.as_ref().key, Some(a.owner.key))?;
        let market = a.market.load()?;
        // plan_redeem checks pause and status; take_collateral checks health.
        let shares = take_collateral(
            &mut ob,
            &a.reserve.key(),
            &r,
            ctx.remaining_accounts,
            shares,
            &clock,
        )?;
        let amount = plan_redeem(&market, &mut r, shares, clock.unix_timestamp, clock.slot)?;
        (shares, amount, r.signer(), r.decimals, ob.health())
    };
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
    emit!(CollateralWithdrawn {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        shares,
        liquidity_amount: amount,
        health: health.into(),
    });
    Ok(())
}
