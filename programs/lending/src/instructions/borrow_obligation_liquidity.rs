//! `borrow_obligation_liquidity`: borrows against the obligation's collateral.

use super::shared::accounts::{clock, load_obligation, RemainingReserves, ReserveAuthority};
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
