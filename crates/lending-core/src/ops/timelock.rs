//! Roles and the timelock: who may make a change, and whether it lands at once or waits in the
//! queue.
//!
//! Every change to a market's settings is classified by what it does to users:
//! - **instant**: it only tightens risk without taking anything from anyone at once (a lower
//!   LTV or cap, a stricter status, flash loans off, a lower liquidation threshold, which then
//!   ramps down). The owner or the risk admin makes it directly. Some instant changes trap
//!   depositors (a frozen reserve, a lower outflow limit): `docs/risk.md` marks them;
//! - **queued**: everything else (anything that loosens risk, moves fees, changes an oracle,
//!   a liquidation rule or an insurance-fund rule). The owner queues it; anyone applies it
//!   once the market's delay has passed and before it expires; the owner or the guardian may
//!   cancel it. A market with a zero delay (allowed only where fixed prices are, test markets)
//!   lets the owner make it directly, as queue-and-apply in one transaction would.

use super::fund::{FundCuts, FundSettings};
use super::guards::ensure;
use super::market::LiquidationLimits;
use super::oracle::OracleSettings;
use crate::constants::{
    CHANGE_GRACE_SECS, MAX_RAMP_SECS, MAX_TIMELOCK_DELAY_SECS, MIN_RAMP_SECS,
    MIN_TIMELOCK_DELAY_SECS, ORACLE_EMERGENCY_STALE_SECS,
};
use crate::state::{
    EmodeGroup, EmodeLimits, LendingMarket, OraclePrice, OracleSource, Reserve, ReserveConfig,
    ReserveStatus,
};
use crate::{LendingError, Pubkey, Result};

/// How a change may be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangePath {
    /// At once, by the owner or the risk admin: it only tightens risk.
    Instant,
    /// Through the queue, by the owner.
    Queued,
}

impl ChangePath {
    fn instant_if(tightens: bool) -> Self {
        if tightens {
            Self::Instant
        } else {
            Self::Queued
        }
    }
}

/// True when a cap where 0 means "none" goes from `old` to `new` without rising.
fn cap_tightens(old: u64, new: u64) -> bool {
    new == old || (new != 0 && (old == 0 || new < old))
}

/// A reserve configuration change: instant when every field stays or tightens (LTV,
/// utilisation cap, deposit and borrow caps and the outflow limit no higher, a longer outflow
/// window, flash loans no more enabled, a status away from active, the liquidation threshold
/// no higher than the one it is heading to, e-mode groups only removed as collateral) and
/// fees, bonuses, the curve, the borrow factor, the borrow mask and isolation unchanged.
pub fn reserve_change_path(r: &Reserve, new: &ReserveConfig) -> ChangePath {
    let old = &r.config;
    let status_ok =
        new.status != ReserveStatus::Active as u8 || old.status == ReserveStatus::Active as u8;
    let tightens = new.ltv_bps <= old.ltv_bps
        && new.liquidation_threshold_bps <= r.threshold_target()
        && new.min_liquidation_bonus_bps == old.min_liquidation_bonus_bps
        && new.max_liquidation_bonus_bps == old.max_liquidation_bonus_bps
        && new.protocol_liquidation_fee_bps == old.protocol_liquidation_fee_bps
        && new.origination_fee_bps == old.origination_fee_bps
        && new.flash_loan_fee_bps == old.flash_loan_fee_bps
        && new.protocol_take_rate_bps == old.protocol_take_rate_bps
        && new.utilization_cap_bps <= old.utilization_cap_bps
        && status_ok
        && new.flash_loans_enabled <= old.flash_loans_enabled
        && cap_tightens(old.deposit_cap, new.deposit_cap)
        && cap_tightens(old.borrow_cap, new.borrow_cap)
        && cap_tightens(old.outflow_limit, new.outflow_limit)
        && (new.outflow_window_secs >= old.outflow_window_secs || new.outflow_limit == 0)
        && new.curve == old.curve
        && new.borrow_factor_bps == old.borrow_factor_bps
        && new.isolated_collateral == old.isolated_collateral
        && new.emode_collateral_mask & !old.emode_collateral_mask == 0
        && new.emode_borrow_mask == old.emode_borrow_mask;
    ChangePath::instant_if(tightens)
}

/// An e-mode group change: instant when the LTV and the debt ceiling are no higher, the
/// threshold no higher than the one it is heading to, and the bonus range unchanged.
pub fn group_change_path(g: &EmodeGroup, new: &EmodeLimits, debt_ceiling: u64) -> ChangePath {
    let old = g.target_limits();
    ChangePath::instant_if(
        new.ltv_bps <= old.ltv_bps
            && new.liquidation_threshold_bps <= old.liquidation_threshold_bps
            && new.min_liquidation_bonus_bps == old.min_liquidation_bonus_bps
            && new.max_liquidation_bonus_bps == old.max_liquidation_bonus_bps
            && debt_ceiling <= g.debt_ceiling,
    )
}

/// A change of the market's liquidation limits: queued unless they stay as they are (both a
/// larger and a smaller close factor, dust threshold or cap move value between borrowers,
/// liquidators and depositors).
pub fn market_limits_path(m: &LendingMarket, new: &LiquidationLimits) -> ChangePath {
    ChangePath::instant_if(
        new.close_factor_bps == m.close_factor_bps
            && new.dust_threshold == m.dust_threshold.get()
            && new.max_liquidation_value == m.max_liquidation_value.get(),
    )
}

/// A change of the market's insurance-fund rules: queued unless nothing changes.
pub fn fund_settings_path(m: &LendingMarket, new: &FundSettings) -> ChangePath {
    ChangePath::instant_if(
        new.cooldown_secs == m.fund_cooldown_secs
            && new.unstake_window_secs == m.fund_unstake_window_secs
            && new.stream_secs == m.fund_stream_secs
            && new.max_slash_bps == m.fund_max_slash_bps,
    )
}

/// A change of a reserve's insurance-fund cuts: queued unless nothing changes.
pub fn fund_cuts_path(r: &Reserve, new: &FundCuts) -> ChangePath {
    ChangePath::instant_if(
        new.interest_cut_bps == r.fund_interest_cut_bps
            && new.liquidation_cut_bps == r.fund_liquidation_cut_bps,
    )
}

/// True when the price account's feed counts as dead at `now`: a live source (not fixed)
/// whose stored price is older than both its max age and [`ORACLE_EMERGENCY_STALE_SECS`], or
/// that holds no price at all.
pub fn oracle_feed_dead(o: &OraclePrice, now: i64) -> bool {
    if o.source_kind() == Some(OracleSource::Fixed) {
        return false;
    }
    let limit = ORACLE_EMERGENCY_STALE_SECS.max(o.max_age_secs.min(i64::MAX as u64) as i64);
    o.publish_time == 0 || now.saturating_sub(o.publish_time) > limit
}

/// A change of a price account's binding or limits: queued (a new source can be any price, and
/// stricter limits can stop liquidations), except at once while its feed is dead
/// ([`oracle_feed_dead`]): the emergency path, for the owner only.
pub fn oracle_change_path(o: &OraclePrice, new: &OracleSettings, now: i64) -> ChangePath {
    let unchanged = o.source_kind() == Some(new.kind)
        && o.source == new.stored_source()
        && o.feed_id == new.feed_id
        && o.max_age_secs == new.max_age_secs
        && o.max_age_for_risk_secs == new.max_age_for_risk_secs
        && o.max_conf_bps == new.max_conf_bps
        && o.max_ema_deviation_bps == new.max_ema_deviation_bps;
    ChangePath::instant_if(unchanged || oracle_feed_dead(o, now))
}

/// Who signed an administrative change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The market owner.
    Owner,
    /// The market's risk admin.
    RiskAdmin,
}

/// The role of `signer` in the market: the owner, else the risk admin (when one is set).
pub fn role_of(m: &LendingMarket, signer: &Pubkey) -> Result<Role> {
    if *signer == m.owner {
        Ok(Role::Owner)
    } else if m.risk_admin != Pubkey::default() && *signer == m.risk_admin {
        Ok(Role::RiskAdmin)
    } else {
        Err(LendingError::NotMarketAuthority)
    }
}

/// Allows a change made directly (not through the queue) by `role`: an instant change by
/// either role; a queued one only by the owner of a market with a zero delay.
pub fn authorize_direct(m: &LendingMarket, role: Role, path: ChangePath) -> Result<()> {
    match (path, role) {
        (ChangePath::Instant, _) => Ok(()),
        (ChangePath::Queued, Role::RiskAdmin) => Err(LendingError::RiskAdminCannotLoosen),
        (ChangePath::Queued, Role::Owner) => ensure(
            m.timelock_delay_secs == 0,
            LendingError::ChangeNeedsTimelock,
        ),
    }
}

/// When a queued change may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The change's id in its market.
    pub id: u64,
    /// Unix time it was queued.
    pub queued_at: i64,
    /// Unix time from which anyone may apply it.
    pub effective_at: i64,
    /// Unix time after which it can no longer be applied.
    pub expires_at: i64,
}

/// Queues a change at `now`: it takes the market's next id and may be applied from `now` plus
/// the market's delay until [`CHANGE_GRACE_SECS`] later.
pub fn queue_change(m: &mut LendingMarket, now: i64) -> Result<Schedule> {
    let id = m.changes_queued;
    let effective_at = now
        .checked_add(m.timelock_delay_secs as i64)
        .ok_or(LendingError::MathOverflow)?;
    m.changes_queued = id.checked_add(1).ok_or(LendingError::MathOverflow)?;
    m.changes_pending = m.changes_pending.saturating_add(1);
    Ok(Schedule {
        id,
        queued_at: now,
        effective_at,
        expires_at: effective_at.saturating_add(CHANGE_GRACE_SECS),
    })
}

/// Refuses to apply a change before its delay has passed or after it expired; otherwise
/// counts it out of the pending changes.
pub fn apply_change(m: &mut LendingMarket, s: &Schedule, now: i64) -> Result<()> {
    ensure(now >= s.effective_at, LendingError::ChangeNotYetEffective)?;
    ensure(now <= s.expires_at, LendingError::ChangeExpired)?;
    m.changes_pending = m.changes_pending.saturating_sub(1);
    Ok(())
}

/// Cancels a change: the owner or the guardian may at any time, anyone once it expired.
pub fn cancel_change(m: &mut LendingMarket, s: &Schedule, signer: &Pubkey, now: i64) -> Result<()> {
    let authority =
        *signer == m.owner || (m.guardian != Pubkey::default() && *signer == m.guardian);
    ensure(
        authority || now > s.expires_at,
        LendingError::NotChangeCanceller,
    )?;
    m.changes_pending = m.changes_pending.saturating_sub(1);
    Ok(())
}

/// The timelock's own settings: the delay before a queued change may be applied and the
/// ramp of a lowered threshold. They change only through the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelockSettings {
    /// Seconds from queuing to applying.
    pub delay_secs: u64,
    /// Seconds a lowered threshold takes to reach its new value.
    pub ramp_secs: u64,
}

impl TimelockSettings {
    /// Refuses settings outside the bounds: a delay of 1 to 14 days and a ramp of 1 to 30
    /// days, where a market that allows fixed prices may use 0 for either.
    pub fn validate(&self, allow_fixed_price: bool) -> Result<()> {
        let (min_delay, min_ramp) = if allow_fixed_price {
            (0, 0)
        } else {
            (MIN_TIMELOCK_DELAY_SECS, MIN_RAMP_SECS)
        };
        ensure(
            (min_delay..=MAX_TIMELOCK_DELAY_SECS).contains(&self.delay_secs)
                && (min_ramp..=MAX_RAMP_SECS).contains(&self.ramp_secs),
            LendingError::InvalidTimelockSettings,
        )
    }

    /// Stores them.
    pub fn apply(&self, m: &mut LendingMarket) -> Result<()> {
        self.validate(m.allow_fixed_price != 0)?;
        m.timelock_delay_secs = self.delay_secs;
        m.ramp_secs = self.ramp_secs;
        Ok(())
    }
}

/// Refuses to list a reserve that could be used at once in a market with a delay: it starts
/// frozen there (nothing can be deposited or borrowed), and its activation is a queued change.
/// Its seed deposit is paid at listing, by the owner.
pub fn check_listing(m: &LendingMarket, config: &ReserveConfig) -> Result<()> {
    ensure(
        m.timelock_delay_secs == 0 || config.status == ReserveStatus::Frozen as u8,
        LendingError::ChangeNeedsTimelock,
    )
}

/// Holds a new e-mode group closed for the market's delay: reserves may have named it in their
/// masks before it existed, so its limits are a loosening that must wait like one.
pub fn hold_new_group(g: &mut EmodeGroup, m: &LendingMarket, now: i64) {
    g.usable_from = now.saturating_add(m.timelock_delay_secs.min(i64::MAX as u64) as i64);
}

/// Refuses a new insurance fund that takes a cut at once in a market with a delay: its cuts
/// start at zero there and are set through the queue.
pub fn check_new_fund(m: &LendingMarket, cuts: &FundCuts) -> Result<()> {
    ensure(
        m.timelock_delay_secs == 0 || *cuts == FundCuts::default(),
        LendingError::ChangeNeedsTimelock,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::reserve::update_reserve_config;
    use crate::risk::curve::BorrowRateCurve;
    use bytemuck::Zeroable;

    const NOW: i64 = 1_000_000;
    const DAY: u64 = 86_400;

    fn config() -> ReserveConfig {
        ReserveConfig {
            ltv_bps: 7_500,
            liquidation_threshold_bps: 8_500,
            min_liquidation_bonus_bps: 200,
            max_liquidation_bonus_bps: 500,
            protocol_liquidation_fee_bps: 100,
            origination_fee_bps: 10,
            flash_loan_fee_bps: 9,
            protocol_take_rate_bps: 1_000,
            utilization_cap_bps: 9_000,
            flash_loans_enabled: 1,
            deposit_cap: 1_000,
            borrow_cap: 0,
            outflow_limit: 500,
            outflow_window_secs: 3_600,
            curve: BorrowRateCurve::from_points(&[(0, 0), (8_000, 800), (10_000, 10_000)]).unwrap(),
            borrow_factor_bps: 10_000,
            emode_collateral_mask: 0b11,
            emode_borrow_mask: 0b1,
            ..Zeroable::zeroed()
        }
    }

    fn reserve() -> Reserve {
        let mut r: Reserve = Zeroable::zeroed();
        r.config = config();
        r.last_update.unix_timestamp = NOW;
        r
    }

    fn path(change: impl Fn(&mut ReserveConfig)) -> ChangePath {
        let mut c = config();
        change(&mut c);
        reserve_change_path(&reserve(), &c)
    }

    /// A named change and the path it must take.
    type Case = (&'static str, fn(&mut ReserveConfig), ChangePath);

    #[test]
    fn tightening_a_reserve_is_instant_and_anything_else_is_queued() {
        use ChangePath::{Instant, Queued};
        let cases: [Case; 24] = [
            ("nothing", |_| {}, Instant),
            ("ltv down", |c| c.ltv_bps = 7_000, Instant),
            ("ltv up", |c| c.ltv_bps = 8_000, Queued),
            (
                "threshold down (ramps)",
                |c| c.liquidation_threshold_bps = 8_000,
                Instant,
            ),
            (
                "threshold up",
                |c| c.liquidation_threshold_bps = 8_600,
                Queued,
            ),
            ("bonus down", |c| c.max_liquidation_bonus_bps = 400, Queued),
            ("bonus up", |c| c.min_liquidation_bonus_bps = 300, Queued),
            (
                "origination fee down",
                |c| c.origination_fee_bps = 0,
                Queued,
            ),
            ("take rate up", |c| c.protocol_take_rate_bps = 2_000, Queued),
            (
                "utilisation cap down",
                |c| c.utilization_cap_bps = 8_000,
                Instant,
            ),
            (
                "reduce-only",
                |c| c.status = ReserveStatus::ReduceOnly as u8,
                Instant,
            ),
            (
                "frozen (traps)",
                |c| c.status = ReserveStatus::Frozen as u8,
                Instant,
            ),
            ("flash loans off", |c| c.flash_loans_enabled = 0, Instant),
            ("deposit cap down", |c| c.deposit_cap = 900, Instant),
            ("deposit cap removed", |c| c.deposit_cap = 0, Queued),
            ("deposit cap up", |c| c.deposit_cap = 1_100, Queued),
            ("borrow cap set", |c| c.borrow_cap = 10, Instant),
            (
                "outflow limit down (traps)",
                |c| c.outflow_limit = 1,
                Instant,
            ),
            ("outflow limit removed", |c| c.outflow_limit = 0, Queued),
            (
                "outflow window shorter",
                |c| c.outflow_window_secs = 60,
                Queued,
            ),
            ("borrow factor up", |c| c.borrow_factor_bps = 12_000, Queued),
            (
                "collateral group removed (ramps)",
                |c| c.emode_collateral_mask = 0b1,
                Instant,
            ),
            (
                "collateral group added",
                |c| c.emode_collateral_mask = 0b111,
                Queued,
            ),
            ("borrow group removed", |c| c.emode_borrow_mask = 0, Queued),
        ];
        for (name, change, expected) in cases {
            assert_eq!(path(change), expected, "{name}");
        }
        // Leaving a frozen state: to reduce-only (depositors may leave) at once, to active queued.
        let mut frozen = reserve();
        frozen.config.status = ReserveStatus::Frozen as u8;
        let mut c = config();
        c.status = ReserveStatus::ReduceOnly as u8;
        assert_eq!(reserve_change_path(&frozen, &c), ChangePath::Instant);
        c.status = ReserveStatus::Active as u8;
        assert_eq!(reserve_change_path(&frozen, &c), ChangePath::Queued);
        // The curve is queued whichever way it moves.
        let mut c = config();
        c.curve = BorrowRateCurve::from_points(&[(0, 0), (8_000, 700), (10_000, 10_000)]).unwrap();
        assert_eq!(reserve_change_path(&reserve(), &c), ChangePath::Queued);
    }

    /// A lowered threshold ramps linearly over the market's period, refreshes follow it, and
    /// raising it back above the ramp's target is a loosening (queued).
    #[test]
    fn a_lowered_threshold_ramps_and_a_raise_above_its_target_is_queued() {
        let mut r = reserve();
        let mut c = config();
        c.liquidation_threshold_bps = 7_700;
        update_reserve_config(&mut r, &c, NOW, DAY).unwrap();
        assert_eq!(
            r.config.liquidation_threshold_bps, 8_500,
            "nothing moves at once"
        );
        assert_eq!(r.threshold_target(), 7_700);
        r.step_ramps(NOW + DAY as i64 / 2);
        assert_eq!(r.config.liquidation_threshold_bps, 8_100);
        // Repeating the same target (another field changing) does not restart the ramp.
        c.ltv_bps = 7_000;
        update_reserve_config(&mut r, &c, NOW + DAY as i64 / 2, DAY).unwrap();
        assert_eq!(r.threshold_ramp.end, NOW + DAY as i64);
        c.liquidation_threshold_bps = 7_800;
        assert_eq!(reserve_change_path(&r, &c), ChangePath::Queued);
        c.liquidation_threshold_bps = 7_600;
        assert_eq!(reserve_change_path(&r, &c), ChangePath::Instant);
        // A new target ramps from where the threshold is now.
        update_reserve_config(&mut r, &c, NOW + DAY as i64 / 2, DAY).unwrap();
        assert_eq!(r.threshold_ramp.from_bps, 8_100);
        assert!(r.step_ramps(NOW + 2 * DAY as i64));
        assert_eq!(r.config.liquidation_threshold_bps, 7_600);
        assert!(!r.threshold_ramp.is_set());
        // With no ramp period, the threshold lands at once.
        let mut r = reserve();
        let mut c = config();
        c.liquidation_threshold_bps = 8_000;
        update_reserve_config(&mut r, &c, NOW, 0).unwrap();
        assert_eq!(r.config.liquidation_threshold_bps, 8_000);
    }

    /// Collateral leaving an e-mode group keeps a weight that ramps to nothing; a second exit
    /// waits for the first; putting the group back ends the exit.
    #[test]
    fn collateral_leaves_a_group_over_the_ramp() {
        let mut r = reserve();
        let mut c = config();
        c.emode_collateral_mask = 0b01;
        update_reserve_config(&mut r, &c, NOW, DAY).unwrap();
        assert_eq!((r.emode_exit_mask, r.emode_exit_factor_bps), (0b10, 10_000));
        r.step_ramps(NOW + DAY as i64 / 4);
        assert_eq!(r.emode_exit_factor_bps, 7_500);
        assert_eq!(r.groups().exit_mask, 0b10);
        c.emode_collateral_mask = 0;
        assert_eq!(
            update_reserve_config(&mut r, &c, NOW + 10, DAY),
            Err(LendingError::EmodeExitInProgress)
        );
        c.emode_collateral_mask = 0b11;
        update_reserve_config(&mut r, &c, NOW + 10, DAY).unwrap();
        assert_eq!(r.emode_exit_mask, 0);
        // Left for good once the ramp ends.
        c.emode_collateral_mask = 0b01;
        update_reserve_config(&mut r, &c, NOW + 20, DAY).unwrap();
        assert!(r.step_ramps(NOW + 20 + DAY as i64));
        assert_eq!((r.emode_exit_mask, r.emode_exit_factor_bps), (0, 0));
    }

    /// A ramp must keep the bonus bounds at every value on the way: a non-collateral target
    /// reached by ramping keeps its minimum bonus.
    #[test]
    fn a_ramp_keeps_the_bonus_bounds_on_the_way() {
        let mut r = reserve();
        let mut c = config();
        (
            c.ltv_bps,
            c.liquidation_threshold_bps,
            c.min_liquidation_bonus_bps,
        ) = (0, 0, 0);
        assert_eq!(
            update_reserve_config(&mut r, &c, NOW, DAY),
            Err(LendingError::InvalidReserveConfig)
        );
        c.min_liquidation_bonus_bps = 200;
        update_reserve_config(&mut r, &c, NOW, DAY).unwrap();
        assert_eq!(r.config.liquidation_threshold_bps, 8_500);
    }

    fn market(delay_secs: u64) -> LendingMarket {
        let mut m: LendingMarket = Zeroable::zeroed();
        m.owner = Pubkey::new_from_array([1; 32]);
        m.risk_admin = Pubkey::new_from_array([2; 32]);
        m.guardian = Pubkey::new_from_array([3; 32]);
        m.timelock_delay_secs = delay_secs;
        m
    }

    #[test]
    fn the_risk_admin_only_tightens_and_the_owner_queues_where_there_is_a_delay() {
        let m = market(DAY);
        let (owner, admin, stranger) = (m.owner, m.risk_admin, Pubkey::new_from_array([9; 32]));
        assert_eq!(role_of(&m, &owner), Ok(Role::Owner));
        assert_eq!(role_of(&m, &admin), Ok(Role::RiskAdmin));
        assert_eq!(
            role_of(&m, &stranger),
            Err(LendingError::NotMarketAuthority)
        );
        let mut none = m;
        none.risk_admin = Pubkey::default();
        assert_eq!(
            role_of(&none, &Pubkey::default()),
            Err(LendingError::NotMarketAuthority)
        );
        for role in [Role::Owner, Role::RiskAdmin] {
            assert_eq!(authorize_direct(&m, role, ChangePath::Instant), Ok(()));
        }
        assert_eq!(
            authorize_direct(&m, Role::RiskAdmin, ChangePath::Queued),
            Err(LendingError::RiskAdminCannotLoosen)
        );
        assert_eq!(
            authorize_direct(&m, Role::Owner, ChangePath::Queued),
            Err(LendingError::ChangeNeedsTimelock)
        );
        let zero = market(0);
        assert_eq!(
            authorize_direct(&zero, Role::Owner, ChangePath::Queued),
            Ok(())
        );
        assert_eq!(
            authorize_direct(&zero, Role::RiskAdmin, ChangePath::Queued),
            Err(LendingError::RiskAdminCannotLoosen)
        );
    }

    #[test]
    fn a_queued_change_applies_only_between_its_delay_and_its_expiry() {
        let mut m = market(DAY);
        let s = queue_change(&mut m, NOW).unwrap();
        assert_eq!((s.id, m.changes_queued, m.changes_pending), (0, 1, 1));
        assert_eq!(s.effective_at, NOW + DAY as i64);
        assert_eq!(s.expires_at, s.effective_at + CHANGE_GRACE_SECS);
        assert_eq!(
            apply_change(&mut m, &s, s.effective_at - 1),
            Err(LendingError::ChangeNotYetEffective)
        );
        assert_eq!(
            apply_change(&mut m, &s, s.expires_at + 1),
            Err(LendingError::ChangeExpired)
        );
        assert_eq!(m.changes_pending, 1);
        apply_change(&mut m, &s, s.expires_at).unwrap();
        assert_eq!(m.changes_pending, 0);
        let s = queue_change(&mut m, NOW).unwrap();
        assert_eq!(s.id, 1);
        let (stranger, admin, guardian) =
            (Pubkey::new_from_array([9; 32]), m.risk_admin, m.guardian);
        assert_eq!(
            cancel_change(&mut m, &s, &admin, NOW),
            Err(LendingError::NotChangeCanceller)
        );
        assert_eq!(
            cancel_change(&mut m, &s, &stranger, s.expires_at),
            Err(LendingError::NotChangeCanceller)
        );
        cancel_change(&mut m, &s, &stranger, s.expires_at + 1).unwrap();
        let s = queue_change(&mut m, NOW).unwrap();
        cancel_change(&mut m, &s, &guardian, NOW).unwrap();
        assert_eq!(m.changes_pending, 0);
    }

    #[test]
    fn the_delay_and_the_ramp_have_a_floor_except_where_prices_are_fixed() {
        let t = |delay_secs, ramp_secs| TimelockSettings {
            delay_secs,
            ramp_secs,
        };
        assert!(t(DAY, DAY).validate(false).is_ok());
        assert!(t(DAY - 1, DAY).validate(false).is_err());
        assert!(t(DAY, DAY - 1).validate(false).is_err());
        assert!(t(0, 0).validate(true).is_ok());
        assert!(t(MAX_TIMELOCK_DELAY_SECS + 1, 0).validate(true).is_err());
        assert!(t(0, MAX_RAMP_SECS + 1).validate(true).is_err());
    }

    #[test]
    fn an_oracle_is_dead_only_after_the_emergency_age() {
        let mut o: OraclePrice = Zeroable::zeroed();
        o.max_age_secs = 60;
        assert!(oracle_feed_dead(&o, NOW), "no price at all");
        o.publish_time = NOW;
        assert!(!oracle_feed_dead(&o, NOW + 61), "stale, not dead");
        assert!(!oracle_feed_dead(&o, NOW + ORACLE_EMERGENCY_STALE_SECS));
        assert!(oracle_feed_dead(&o, NOW + ORACLE_EMERGENCY_STALE_SECS + 1));
        o.source_kind = OracleSource::Fixed as u8;
        assert!(!oracle_feed_dead(&o, i64::MAX), "a fixed price never dies");
    }
}
