//! `withdraw_obligation_collateral`: takes collateral shares out of the obligation back to the
//! owner's wallet, if the obligation stays within its borrowing power.

use super::deposit_obligation_collateral::CollateralShares;
use super::shared::accounts::{clock, load_obligation, RemainingReserves, ReserveAuthority};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::CollateralWithdrawn;
use anchor_lang::prelude::*;
use lending_core::ops::collateral::take_collateral;
use lending_core::ops::guards::{check_market, check_not_vault, check_status};
use lending_core::ops::Action;

/// Withdraws `shares` (`u64::MAX`: the most health allows); the obligation's other reserves
/// follow as remaining accounts.
pub fn handler(ctx: Context<CollateralShares>, shares: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let r = reserve.load()?;
    user_token_account(&a.user_shares, &r.share_mint)?;
    check_market(&*a.market.load()?, Action::Withdraw, clock.unix_timestamp)
        .map_err(LendingError::from)?;
    check_status(&r, Action::Withdraw).map_err(LendingError::from)?;
    check_not_vault(&r, a.user_shares.key).map_err(LendingError::from)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;
    crate::probe!("withdraw: accounts loaded and checked");

    let others = RemainingReserves(ctx.remaining_accounts);
    let shares = take_collateral(&mut ob, &reserve.key(), &r, &others, shares, &clock)
        .map_err(LendingError::from)?;
    crate::probe!("withdraw: operation");
    let (authority, health) = (ReserveAuthority::of(&r), ob.health());
    drop((ob, r));

    reserve.mint_shares(&authority, &a.user_shares, shares)?;
    emit!(CollateralWithdrawn {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: 0,
        health: health.into(),
    });
    Ok(())
}
