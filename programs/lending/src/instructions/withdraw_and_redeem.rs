//! `withdraw_and_redeem`: takes collateral out of the obligation and redeems it for liquidity
//! in one token transfer (the combined instruction wallets use).

use super::deposit_and_collateralize::CollateralLiquidity;
use super::shared::accounts::{clock, load_obligation, RemainingReserves, ReserveAuthority};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::CollateralWithdrawn;
use anchor_lang::prelude::*;
use lending_core::ops::collateral::take_collateral;
use lending_core::ops::guards::check_not_vault;
use lending_core::ops::supply;

/// Withdraws `shares` of collateral (`u64::MAX`: the most health allows) and redeems them; the
/// obligation's other reserves follow as remaining accounts.
pub fn handler(ctx: Context<CollateralLiquidity>, shares: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    check_not_vault(&reserve, accounts.user_liquidity.key).map_err(LendingError::from)?;
    let mut obligation = load_obligation(
        &accounts.obligation,
        accounts.market.as_ref().key,
        Some(accounts.owner.key),
    )?;

    // `redeem` checks the pause and the status; `take_collateral` the health.
    let others = RemainingReserves(ctx.remaining_accounts);
    let market = accounts.market.load()?;
    let shares = take_collateral(
        &mut obligation,
        &reserve_accounts.key(),
        &reserve,
        &others,
        shares,
        &clock,
    )
    .map_err(LendingError::from)?;
    let amount =
        supply::redeem(&market, &mut reserve, shares, &clock).map_err(LendingError::from)?;
    let (authority, health) = (ReserveAuthority::of(&reserve), obligation.health());
    drop((obligation, reserve));

    reserve_accounts.pay_out(&authority, &accounts.user_liquidity, amount)?;
    emit!(CollateralWithdrawn {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        shares,
        liquidity_amount: amount,
        health: health.into(),
    });
    Ok(())
}
