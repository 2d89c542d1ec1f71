//! `deposit_and_collateralize`: supplies liquidity and puts the resulting shares straight into
//! the obligation as collateral, in one token transfer (the combined instruction wallets use).

use super::collateral::add_collateral;
use super::deposit_reserve_liquidity::{plan_deposit, record_deposit};
use super::shared::guards::{
    check_obligation_binding, check_reserve_binding, resolve_amount, Action,
};
use super::shared::token_ops::pay_into_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositAndCollateralize<'info> {
    /// Obligation owner and depositor.
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
    /// Owner's token account of the asset.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Deposits `amount` tokens (`u64::MAX`: the whole token account) as collateral.
pub fn handler(ctx: Context<DepositAndCollateralize>, amount: u64) -> Result<()> {
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let mut ob = a.obligation.load_mut()?;
    check_obligation_binding(&ob, a.market.as_ref().key, Some(a.owner.key))?;
    let mut r = a.reserve.load_mut()?;
    let binding = crate::liquidity_binding!(a);
    check_reserve_binding(&r, &binding)?;
    let from = user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    let amount = resolve_amount(amount, from.amount)?;
    let decimals = r.decimals;
    let shares = plan_deposit(
        &*a.market.load()?,
        &r,
        &a.user_liquidity.key(),
        amount,
        Action::TopUp,
        &clock,
    )?;
    add_collateral(&mut ob, &a.reserve.key(), shares)?;
    record_deposit(&mut r, amount, shares)?;
    drop((ob, r));
    pay_into_vault(
        &a.token_program,
        &a.user_liquidity,
        &a.supply_vault,
        &a.liquidity_mint,
        decimals,
        &a.owner,
        amount,
    )?;
    emit!(CollateralDeposited {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        shares,
        liquidity_amount: amount,
    });
    Ok(())
}
