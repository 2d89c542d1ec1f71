//! Adding and removing collateral positions, shared by the collateral instructions.

use super::shared::guards::{
    check_obligation_fresh, check_prices_fresh_for_risk, check_reserve_priced,
    check_valuations_current,
};
use crate::errors::LendingError;
use crate::risk::health::{deposit_values, max_withdraw_shares};
use crate::state::{Obligation, Reserve};
use anchor_lang::prelude::*;

/// Adds `shares` of `reserve` to the obligation's collateral and marks it stale.
pub fn add_collateral(ob: &mut Obligation, reserve: &Pubkey, shares: u64) -> Result<()> {
    require!(shares > 0, LendingError::ZeroAmount);
    require!(
        ob.find_borrow(reserve).is_none(),
        LendingError::CollateralAndDebtSameReserve
    );
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

/// Removes `requested` shares (`u64::MAX`: as many as health allows) of `reserve` from the
/// obligation's collateral. With debt outstanding, the obligation and reserve must be fresh,
/// prices must be young enough for risk and must not diverge from their EMA, no reserve of the
/// obligation (`r`, and the others in `other_reserves`, in the obligation's order) may have
/// changed its valuation since the refresh, and the debt must stay within the borrowing power
/// afterwards; the cached health is
/// updated in place. Returns the shares removed.
pub fn take_collateral(
    ob: &mut Obligation,
    reserve_key: &Pubkey,
    r: &Reserve,
    other_reserves: &[AccountInfo],
    requested: u64,
    clock: &Clock,
) -> Result<u64> {
    let slot = clock.slot;
    require!(requested > 0, LendingError::ZeroAmount);
    let i = ob
        .find_deposit(reserve_key)
        .ok_or(LendingError::NoCollateralInReserve)?;
    let held = ob.deposits[i].shares;
    let has_debt = ob.borrows_len > 0;
    if !has_debt {
        let shares = if requested == u64::MAX {
            held
        } else {
            requested
        };
        require!(shares <= held, LendingError::AmountExceedsCollateral);
        ob.deposits[i].shares = held - shares;
        ob.remove_deposit_if_empty(i);
        ob.last_update.mark_stale();
        return Ok(shares);
    }
    check_obligation_fresh(ob, slot)?;
    check_reserve_priced(r, slot)?;
    check_prices_fresh_for_risk(ob, &[], clock.unix_timestamp)?;
    check_valuations_current(ob, other_reserves, &[(reserve_key, r)])?;
    require!(
        ob.ema_diverged == 0 && r.ema_diverged == 0,
        LendingError::PriceDivergesFromEma
    );
    crate::probe!("take: freshness checks");
    let view = r.view();
    crate::probe!("take: reserve view");
    let old = ob.deposits[i].values();
    let health = ob.health();
    let shares = if requested == u64::MAX {
        max_withdraw_shares(&health, &view.pool, held, &old, &view.price, &view.risk)
            .map_err(LendingError::from)?
    } else {
        requested
    };
    require!(shares > 0, LendingError::WithdrawTooLarge);
    require!(shares <= held, LendingError::AmountExceedsCollateral);
    let new = deposit_values(&view.pool, held - shares, &view.price, &view.risk)
        .map_err(LendingError::from)?;
    crate::probe!("take: new position values");
    let mut h = health;
    h.replace_deposit(&old, &new);
    require!(h.within_borrow_limit(), LendingError::WithdrawTooLarge);
    ob.deposits[i].shares = held - shares;
    ob.deposits[i].set_values(&new);
    ob.set_health(&h);
    ob.remove_deposit_if_empty(i);
    Ok(shares)
}
