//! `withdraw_obligation_collateral`: takes collateral shares out of the obligation back to the
//! owner's wallet, if the obligation stays within its borrow limit.

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
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let reserve = reserve_accounts.load()?;
    user_token_account(&accounts.user_shares, &reserve.share_mint)?;
    check_market(
        &*accounts.market.load()?,
        Action::Withdraw,
        clock.unix_timestamp,
    )
    .map_err(LendingError::from)?;
    check_status(&reserve, Action::Withdraw).map_err(LendingError::from)?;
    check_not_vault(&reserve, accounts.user_shares.key).map_err(LendingError::from)?;
    let mut obligation = load_obligation(
        &accounts.obligation,
        accounts.market.as_ref().key,
        Some(accounts.owner.key),
    )?;
    crate::probe!("withdraw: accounts loaded and checked");

    let others = RemainingReserves(ctx.remaining_accounts);
    let shares = take_collateral(
        &mut obligation,
        &reserve_accounts.key(),
        &reserve,
        &others,
        shares,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("withdraw: operation");
    let (authority, health) = (ReserveAuthority::of(&reserve), obligation.health());
    drop((obligation, reserve));

    reserve_accounts.mint_shares(&authority, &accounts.user_shares, shares)?;
    emit!(CollateralWithdrawn {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        shares,
        liquidity_amount: 0,
        health: health.into(),
    });
    Ok(())
}
