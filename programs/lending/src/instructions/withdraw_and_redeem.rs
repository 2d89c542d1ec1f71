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
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    check_not_vault(&r, a.user_liquidity.key).map_err(LendingError::from)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;

    // `redeem` checks the pause and the status; `take_collateral` the health.
    let others = RemainingReserves(ctx.remaining_accounts);
    let market = a.market.load()?;
    let shares = take_collateral(&mut ob, &reserve.key(), &r, &others, shares, &clock)
        .map_err(LendingError::from)?;
    let amount = supply::redeem(&market, &mut r, shares, &clock).map_err(LendingError::from)?;
    let (authority, health) = (ReserveAuthority::of(&r), ob.health());
    drop((ob, r));

    reserve.pay_out(&authority, &a.user_liquidity, amount)?;
    emit!(CollateralWithdrawn {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: amount,
        health: health.into(),
    });
    Ok(())
}
