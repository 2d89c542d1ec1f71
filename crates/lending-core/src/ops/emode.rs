//! E-mode groups: creating and changing a group, and moving an obligation into or out of one.

use super::guards::{check_prices_fresh_for_risk, ensure};
use super::refresh::refresh_obligation;
use super::{Clock, ObligationReserves};
use crate::risk::emode::GroupParams;
use crate::risk::health::Health;
use crate::risk::liquidation::bonus_keeps_liquidation_improving;
use crate::risk::ramp::RampSpan;
use crate::state::{EmodeGroup, EmodeLimits, Obligation, Reserve, ACCOUNT_VERSION};
use crate::{LendingError, Pubkey, Result};

/// Refuses limits outside the bounds ([`GroupParams::is_valid`]), and a debt ceiling on a
/// group that is not isolated.
fn validate(params: &GroupParams, debt_ceiling: u64) -> Result<()> {
    ensure(
        params.is_valid() && (params.isolated || debt_ceiling == 0),
        LendingError::InvalidEmodeGroup,
    )
}

/// Sets up group `params.id` of `market`. An isolated group names its one debt reserve
/// (`debt_reserve`, of the same market; `None` for a plain group) and its debt ceiling, both
/// fixed except the ceiling.
pub fn init_group(
    g: &mut EmodeGroup,
    market: &Pubkey,
    params: &GroupParams,
    debt_reserve: Option<(&Pubkey, &Reserve)>,
    debt_ceiling: u64,
    bump: u8,
) -> Result<()> {
    validate(params, debt_ceiling)?;
    ensure(
        params.isolated == debt_reserve.is_some(),
        LendingError::InvalidEmodeGroup,
    )?;
    if let Some((key, reserve)) = debt_reserve {
        ensure(reserve.market == *market, LendingError::WrongMarket)?;
        g.debt_reserve = *key;
    }
    g.version = ACCOUNT_VERSION;
    g.market = *market;
    g.id = params.id;
    g.isolated = params.isolated as u8;
    g.bump = bump;
    g.limits = EmodeLimits::of(params);
    g.debt_ceiling = debt_ceiling;
    Ok(())
}

/// Sets the group's limits, in force from the next slot (see [`EmodeGroup::set_limits`]), and
/// its debt ceiling, at once. A threshold below the one in force now ramps down to the new
/// value over `ramp_secs` (from the value in force now; a ramp already heading to the same
/// value goes on unchanged), and the bonus must keep liquidations improving at every value on
/// the way. Lowering the ceiling below what the group owes refuses new borrows only; nothing
/// is recalled.
pub fn update_group(
    g: &mut EmodeGroup,
    limits: &EmodeLimits,
    debt_ceiling: u64,
    clock: &Clock,
    ramp_secs: u64,
) -> Result<()> {
    validate(&limits.params(g.id, g.isolated != 0), debt_ceiling)?;
    let now = clock.unix_timestamp;
    let current = g.params_at(clock.slot, now).liquidation_threshold_bps;
    let target = limits.liquidation_threshold_bps;
    let same_ramp = g.threshold_ramp.span().running(now)
        && g.target_limits().liquidation_threshold_bps == target;
    if !same_ramp {
        g.threshold_ramp
            .set(&RampSpan::lowering(current, target, now, ramp_secs));
    }
    if g.threshold_ramp.is_set() {
        ensure(
            bonus_keeps_liquidation_improving(
                g.threshold_ramp.from_bps,
                limits.max_liquidation_bonus_bps,
            ),
            LendingError::InvalidEmodeGroup,
        )?;
    }
    g.set_limits(*limits, clock.slot);
    g.debt_ceiling = debt_ceiling;
    Ok(())
}

/// Moves the obligation from its group (`current`, its account; `None` outside any group) into
/// group `next_id` (`next`, its account, open since its `usable_from`; 0 and `None` to leave). The obligation is refreshed
/// from `reserves` (as for `refresh_obligation`) under its current group first and must not be
/// liquidatable then: a switch never rescues an obligation a liquidator may already take. The
/// new group must admit every position (an isolated one only debt in its debt reserve, which its
/// ceiling must then hold); an isolated group's count loses or gains the obligation's debt.
/// Refreshed again under the new group, an obligation with debt must be within its borrow limit,
/// on prices young enough for risk and in line with their EMA, as for a borrow. Returns the new
/// health.
pub fn set_obligation_group(
    ob: &mut Obligation,
    reserves: &(impl ObligationReserves + ?Sized),
    current: Option<&mut EmodeGroup>,
    next: Option<&mut EmodeGroup>,
    next_id: u8,
    clock: &Clock,
) -> Result<Health> {
    ensure(next_id != ob.emode_group, LendingError::EmodeUnchanged)?;
    match next.as_deref() {
        Some(g) => {
            ensure(
                next_id != 0 && g.market == ob.market && g.id == next_id,
                LendingError::WrongEmodeGroup,
            )?;
            ensure(
                clock.unix_timestamp >= g.usable_from,
                LendingError::EmodeGroupNotYetUsable,
            )?;
        }
        None => ensure(next_id == 0, LendingError::WrongEmodeGroup)?,
    }
    refresh_obligation(ob, reserves, current.as_deref(), clock)?;
    ensure(
        !ob.health().is_liquidatable(),
        LendingError::EmodeSwitchUnhealthy,
    )?;

    let next_params = next
        .as_deref()
        .map(|g| g.params_at(clock.slot, clock.unix_timestamp));
    let isolated_debt_reserve = next
        .as_deref()
        .filter(|g| g.isolated != 0)
        .map(|g| g.debt_reserve);
    let nd = ob.deposits_len as usize;
    for i in 0..reserves.len() {
        let admitted = reserves.with_reserve(i, |r| {
            let groups = r.config.groups();
            Ok(if i < nd {
                groups.admits_collateral(next_params.as_ref())
            } else {
                match isolated_debt_reserve {
                    Some(key) => *reserves.key(i) == key,
                    None => groups.admits_debt(next_params.as_ref()),
                }
            })
        })?;
        ensure(admitted, LendingError::AssetNotInEmodeGroup)?;
    }

    if let Some(g) = current.filter(|g| g.isolated != 0) {
        if let Some(j) = ob.find_borrow(&g.debt_reserve) {
            let mut count = g.isolated_debt();
            count.remove(ob.borrows[j].debt_shares.get())?;
            g.set_isolated_debt(&count);
        }
    }
    let mut next = next;
    if let Some(g) = next.as_deref_mut().filter(|g| g.isolated != 0) {
        if let Some(j) = ob.find_borrow(&g.debt_reserve) {
            let pool = reserves.with_reserve(nd + j, |r| Ok(r.pool()))?;
            let mut count = g.isolated_debt();
            ensure(
                count.add(ob.borrows[j].debt_shares.get(), &pool)?,
                LendingError::EmodeDebtCeilingReached,
            )?;
            g.set_isolated_debt(&count);
        }
    }
    ob.emode_group = next_id;
    ob.emode_isolated = next_params.is_some_and(|p| p.isolated) as u8;
    refresh_obligation(ob, reserves, next.as_deref(), clock)?;
    let health = ob.health();
    if ob.borrows_len > 0 {
        check_prices_fresh_for_risk(ob, &[], clock.unix_timestamp)?;
        ensure(ob.ema_diverged == 0, LendingError::PriceDivergesFromEma)?;
        ensure(
            health.within_borrow_limit(),
            LendingError::EmodeSwitchUnhealthy,
        )?;
    }
    Ok(health)
}
