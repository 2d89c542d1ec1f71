//! Moving deposit shares into and out of an obligation's collateral.

use super::guards::{
    check_no_ema_divergence, check_obligation_fresh, check_prices_fresh_for_risk,
    check_reserve_priced, check_valuations_current, ensure,
};
use super::{Clock, ObligationReserves};
use crate::risk::health::{deposit_values, max_withdraw_shares};
use crate::state::{Obligation, Reserve};
use crate::{LendingError, Pubkey, Result};

/// Adds `shares` of the reserve at `reserve_key` to the obligation's collateral and marks it
/// stale. The obligation's e-mode group, if any, must admit the asset.
pub fn add_collateral(
    ob: &mut Obligation,
    reserve_key: &Pubkey,
    reserve: &Reserve,
    shares: u64,
) -> Result<()> {
    ensure(shares > 0, LendingError::ZeroAmount)?;
    ensure(
        reserve
            .config
            .groups()
            .admits_collateral(ob.group().as_ref()),
        LendingError::AssetNotInEmodeGroup,
    )?;
    let reserve = reserve_key;
    ensure(
        ob.find_borrow(reserve).is_none(),
        LendingError::CollateralAndDebtSameReserve,
    )?;
    let i = ob
        .find_or_add_deposit(reserve)
        .ok_or(LendingError::TooManyDeposits)?;
    let d = &mut ob.deposits[i];
    d.shares = d
        .shares
        .checked_add(shares)
        .ok_or(LendingError::MathOverflow)?;
    ob.last_update.mark_stale();
    Ok(())
}

/// Removes `requested` shares (`u64::MAX`: as many as health allows) of the reserve at
/// `reserve_key` from the obligation's collateral and returns how many. With debt outstanding,
/// the obligation and the reserve must be fresh, their prices young enough for risk and in line
/// with their EMA, no reserve of the obligation (`reserve`, and the `others`) revalued since the
/// refresh, and the debt within the borrow limit afterwards; the cached health is updated in
/// place.
pub fn take_collateral(
    ob: &mut Obligation,
    reserve_key: &Pubkey,
    reserve: &Reserve,
    others: &(impl ObligationReserves + ?Sized),
    requested: u64,
    clock: &Clock,
) -> Result<u64> {
    ensure(requested > 0, LendingError::ZeroAmount)?;
    let i = ob
        .find_deposit(reserve_key)
        .ok_or(LendingError::NoCollateralInReserve)?;
    let held = ob.deposits[i].shares;
    if ob.borrows_len == 0 {
        let shares = if requested == u64::MAX {
            held
        } else {
            requested
        };
        ensure(shares <= held, LendingError::AmountExceedsCollateral)?;
        ob.deposits[i].shares = held - shares;
        ob.remove_deposit_if_empty(i);
        ob.last_update.mark_stale();
        return Ok(shares);
    }
    check_obligation_fresh(ob, clock.slot)?;
    check_reserve_priced(reserve, clock.slot)?;
    check_prices_fresh_for_risk(ob, &[], clock.unix_timestamp)?;
    check_valuations_current(ob, others, &[(reserve_key, reserve)])?;
    check_no_ema_divergence(ob, reserve)?;
    let view = reserve.view();
    let risk = view.risk_in(ob.group().as_ref());
    let old = ob.deposits[i].values();
    let health = ob.health();
    let shares = if requested == u64::MAX {
        max_withdraw_shares(&health, &view.pool, held, &old, &view.price, &risk)?
    } else {
        requested
    };
    ensure(shares > 0, LendingError::WithdrawTooLarge)?;
    ensure(shares <= held, LendingError::AmountExceedsCollateral)?;
    let new = deposit_values(&view.pool, held - shares, &view.price, &risk)?;
    let mut after = health;
    after.replace_deposit(&old, &new);
    ensure(after.within_borrow_limit(), LendingError::WithdrawTooLarge)?;
    ob.deposits[i].shares = held - shares;
    ob.deposits[i].set_values(&new);
    ob.set_health(&after);
    ob.remove_deposit_if_empty(i);
    Ok(shares)
}
