//! `borrow_obligation_liquidity`: borrows against the obligation's collateral.

use super::shared::accounts::{
    clock, load_obligation, RemainingReserves, ReserveAccounts, ReserveAuthority,
};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::Borrowed;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::borrow::borrow;
use lending_core::ops::guards::check_not_vault;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct BorrowObligationLiquidity<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, fee_vault.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve lending.
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
    /// The reserve's fee vault (receives the origination fee).
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub fee_vault: UncheckedAccount<'info>,
    /// Owner's token account receiving the loan.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> BorrowObligationLiquidity<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
            .fee_vault(&self.fee_vault)
    }
}

/// Borrows `amount` (`u64::MAX`: the most allowed); the origination fee is added to the debt.
/// The obligation's other reserves follow as remaining accounts.
pub fn handler(ctx: Context<BorrowObligationLiquidity>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;
    check_not_vault(&r, a.user_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("borrow: accounts loaded and checked");

    let others = RemainingReserves(ctx.remaining_accounts);
    let market = a.market.load()?;
    let out = borrow(
        &market,
        &reserve.key(),
        &mut r,
        &mut ob,
        &others,
        amount,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("borrow: operation");
    let authority = ReserveAuthority::of(&r);
    drop((ob, r));

    reserve.pay_out(&authority, &a.user_liquidity, out.amount)?;
    reserve.pay_out(&authority, &a.fee_vault, out.fee)?;
    emit!(Borrowed {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        amount: out.amount,
        fee: out.fee,
        health: out.health.into(),
    });
    Ok(())
}
