//! `borrow_obligation_liquidity`: borrows against the obligation's collateral.

use super::shared::accounts::{clock, load_obligation, RemainingReserves, ReserveAuthority};
use super::shared::emode_group_account::{group_mut_at, split_groups};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::Borrowed;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::borrow::borrow;
use lending_core::ops::guards::check_not_vault;

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct BorrowObligationLiquidity {
        /// Obligation owner.
        owner: signer,
        market: market,
        /// The obligation.
        obligation: obligation,
        /// The reserve lending (its fee vault receives the origination fee).
        reserve: reserve_mut with [liquidity_mint, supply_vault, fee_vault],
        /// Owner's token account receiving the loan.
        user_liquidity: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, fee_vault, user_liquidity]
}

/// Borrows `amount` (`u64::MAX`: the most allowed); the origination fee is added to the debt.
/// The obligation's other reserves follow as remaining accounts, then its e-mode group (writable)
/// if the group is isolated.
pub fn handler(ctx: Context<BorrowObligationLiquidity>, amount: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    let mut obligation = load_obligation(
        &accounts.obligation,
        accounts.market.as_ref().key,
        Some(accounts.owner.key),
    )?;
    check_not_vault(&reserve, accounts.user_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("borrow: accounts loaded and checked");

    let isolated = obligation.emode_isolated != 0;
    let (others, groups) = split_groups(ctx.remaining_accounts, isolated as usize);
    let mut group = group_mut_at(groups, 0)?;
    let market = accounts.market.load()?;
    let outcome = borrow(
        &market,
        &reserve_accounts.key(),
        &mut reserve,
        &mut obligation,
        &RemainingReserves(others),
        group.as_deref_mut(),
        amount,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("borrow: operation");
    let authority = ReserveAuthority::of(&reserve);
    drop((obligation, reserve, group));

    reserve_accounts.pay_out(&authority, &accounts.user_liquidity, outcome.amount)?;
    reserve_accounts.pay_out(&authority, &accounts.fee_vault, outcome.fee)?;
    emit!(Borrowed {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        amount: outcome.amount,
        fee: outcome.fee,
        health: outcome.health.into(),
    });
    Ok(())
}
