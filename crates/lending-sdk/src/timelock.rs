//! The timelock from a client's side: whether a change may be made directly or must be queued
//! (the program's own classification, [`lending_core::ops::timelock`]), the instruction that
//! makes it either way, the queued changes of a market, and the ramps running in it.

use crate::health::Groups;
use crate::ix;
use crate::market::MarketState;
use crate::program::lending::accounts::PendingChange;
use crate::program::types::{AdminChange, EmodeGroupParams, OracleConfigParams};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::AccountDeserialize;
use lending_core::ops::fund::{FundCuts, FundSettings};
use lending_core::ops::market::LiquidationLimits;
use lending_core::ops::oracle::OracleSettings;
use lending_core::ops::timelock::{self, ChangePath};
use lending_core::risk::ramp::RampSpan;
use lending_core::state::{EmodeLimits, OracleSource};

/// A queued change, decoded, at its address.
#[derive(Debug, Clone)]
pub struct Queued {
    /// The change account's address.
    pub key: Pubkey,
    /// The account.
    pub change: PendingChange,
}

impl Queued {
    /// True when anyone may apply it at `now`.
    pub fn applicable(&self, now: i64) -> bool {
        (self.change.effective_at..=self.change.expires_at).contains(&now)
    }

    /// True when it can no longer be applied at `now` (anyone may close it).
    pub fn expired(&self, now: i64) -> bool {
        now > self.change.expires_at
    }

    /// When it may be applied, in words: "applicable in N s (at T)", "applicable now, until
    /// T", or "expired: anyone may close it".
    pub fn when(&self, now: i64) -> String {
        let c = &self.change;
        if self.expired(now) {
            "expired: anyone may close it".to_string()
        } else if self.applicable(now) {
            format!("applicable now, until {}", c.expires_at)
        } else {
            format!(
                "applicable in {} s (at {})",
                c.effective_at - now,
                c.effective_at
            )
        }
    }

    /// The instruction that applies it.
    pub fn apply_ix(&self) -> Instruction {
        let c = &self.change;
        ix::apply_change(c.market, c.id, c.target, c.payer)
    }

    /// The instruction that cancels it, signed by `signer` (owner or guardian; anyone once
    /// expired).
    pub fn cancel_ix(&self, signer: Pubkey) -> Instruction {
        let c = &self.change;
        ix::cancel_change(signer, c.market, c.id, c.payer)
    }
}

/// Decodes a queued change's account data.
pub fn decode(data: &[u8]) -> anchor_lang::Result<PendingChange> {
    PendingChange::try_deserialize(&mut &data[..])
}

/// The core's e-mode limits of `p`.
pub fn emode_limits(p: &EmodeGroupParams) -> EmodeLimits {
    EmodeLimits {
        ltv_bps: p.ltv_bps,
        liquidation_threshold_bps: p.liquidation_threshold_bps,
        min_liquidation_bonus_bps: p.min_liquidation_bonus_bps,
        max_liquidation_bonus_bps: p.max_liquidation_bonus_bps,
    }
}

/// The core's oracle settings of `p` (`None` for an unknown source kind).
pub fn oracle_settings(p: &OracleConfigParams) -> Option<OracleSettings> {
    Some(OracleSettings {
        kind: OracleSource::from_u8(p.source_kind)?,
        source: p.source,
        feed_id: p.feed_id,
        max_age_secs: p.max_age_secs,
        max_age_for_risk_secs: p.max_age_for_risk_secs,
        max_conf_bps: p.max_conf_bps,
        max_ema_deviation_bps: p.max_ema_deviation_bps,
    })
}

/// The account `change` is made to in `ms`: the reserve, group or price account it names, or
/// the market itself.
pub fn target_of(
    ms: &MarketState,
    change: &AdminChange,
    reserve_or_oracle: Option<Pubkey>,
) -> Pubkey {
    match change {
        AdminChange::LiquidationLimits(_)
        | AdminChange::FundSettings(_)
        | AdminChange::Timelock(_) => ms.key,
        _ => reserve_or_oracle.unwrap_or(ms.key),
    }
}

/// How the program will take `change` to `target` at `now` (`None` when the target is not in
/// `ms` or the change cannot be read): directly, or only through the queue. The e-mode group
/// of a group change is found by its address among `ms.groups`.
pub fn path(
    ms: &MarketState,
    target: &Pubkey,
    change: &AdminChange,
    now: i64,
) -> Option<ChangePath> {
    let group = |groups: &Groups| {
        groups
            .values()
            .find(|g| ix::pda::emode_group(&ms.key, g.id) == *target)
            .copied()
    };
    Some(match change {
        AdminChange::ReserveConfig(p) => timelock::reserve_change_path(
            ms.reserves.get(target)?,
            &crate::program::reserve_config(p)?,
        ),
        AdminChange::FundCuts(p) => timelock::fund_cuts_path(
            ms.reserves.get(target)?,
            &FundCuts {
                interest_cut_bps: p.interest_cut_bps,
                liquidation_cut_bps: p.liquidation_cut_bps,
            },
        ),
        AdminChange::EmodeGroup(p) => {
            timelock::group_change_path(&group(&ms.groups)?, &emode_limits(p), p.debt_ceiling)
        }
        AdminChange::OracleConfig(p) => {
            timelock::oracle_change_path(ms.oracles.get(target)?, &oracle_settings(p)?, now)
        }
        AdminChange::LiquidationLimits(p) => timelock::market_limits_path(
            &ms.market,
            &LiquidationLimits {
                close_factor_bps: p.close_factor_bps,
                dust_threshold: p.dust_threshold,
                max_liquidation_value: p.max_liquidation_value,
            },
        ),
        AdminChange::FundSettings(p) => timelock::fund_settings_path(
            &ms.market,
            &FundSettings {
                cooldown_secs: p.cooldown_secs,
                unstake_window_secs: p.unstake_window_secs,
                stream_secs: p.stream_secs,
                max_slash_bps: p.max_slash_bps,
            },
        ),
        AdminChange::Timelock(_) => ChangePath::Queued,
    })
}

/// True when the owner may make `change` directly: it only tightens risk, or the market's delay
/// is zero (the timelock's own settings never).
pub fn direct_allowed(ms: &MarketState, target: &Pubkey, change: &AdminChange, now: i64) -> bool {
    match path(ms, target, change, now) {
        Some(ChangePath::Instant) => true,
        Some(ChangePath::Queued) => {
            ms.market.timelock_delay_secs == 0 && !matches!(change, AdminChange::Timelock(_))
        }
        None => false,
    }
}

/// One line naming what `change` does.
pub fn describe(change: &AdminChange) -> String {
    let bps = |v: u16| format!("{:.2}%", v as f64 / 100.0);
    match change {
        AdminChange::ReserveConfig(p) => format!(
            "reserve configuration: LTV {}, threshold {}, status {}, borrow factor {}x",
            bps(p.ltv_bps),
            bps(p.liquidation_threshold_bps),
            ["active", "reduce-only", "frozen"]
                .get(p.status as usize)
                .unwrap_or(&"?"),
            p.borrow_factor_bps as f64 / 10_000.0
        ),
        AdminChange::EmodeGroup(p) => format!(
            "e-mode group: LTV {}, threshold {}, bonus {}..{}, ceiling {}",
            bps(p.ltv_bps),
            bps(p.liquidation_threshold_bps),
            bps(p.min_liquidation_bonus_bps),
            bps(p.max_liquidation_bonus_bps),
            p.debt_ceiling
        ),
        AdminChange::OracleConfig(p) => format!(
            "price account: source kind {}, source {}, max age {} s ({} s for risk), confidence {}",
            p.source_kind,
            p.source,
            p.max_age_secs,
            p.max_age_for_risk_secs,
            bps(p.max_conf_bps)
        ),
        AdminChange::LiquidationLimits(p) => format!(
            "liquidation limits: close factor {}",
            bps(p.close_factor_bps)
        ),
        AdminChange::FundSettings(p) => format!(
            "insurance-fund rules: cooldown {} s, window {} s, stream {} s, max slash {}",
            p.cooldown_secs,
            p.unstake_window_secs,
            p.stream_secs,
            bps(p.max_slash_bps)
        ),
        AdminChange::FundCuts(p) => format!(
            "insurance-fund cuts: {} of interest, {} of liquidation fees",
            bps(p.interest_cut_bps),
            bps(p.liquidation_cut_bps)
        ),
        AdminChange::Timelock(p) => {
            format!("timelock: delay {} s, ramp {} s", p.delay_secs, p.ramp_secs)
        }
    }
}

/// A ramp running in a market.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningRamp {
    /// The reserve or e-mode group account.
    pub account: Pubkey,
    /// What is moving, in words.
    pub what: String,
    /// The ramp.
    pub span: RampSpan,
    /// Its value at the time asked, in basis points.
    pub now_bps: u16,
}

/// The ramps running in `ms` at `now`: reserve thresholds, collateral leaving e-mode groups,
/// and group thresholds.
pub fn running_ramps(ms: &MarketState, now: i64) -> Vec<RunningRamp> {
    let mut out = vec![];
    for (key, r) in &ms.reserves {
        let t = r.threshold_ramp.span();
        if t.running(now) {
            out.push(RunningRamp {
                account: *key,
                what: format!("liquidation threshold of reserve {key}"),
                span: t,
                now_bps: t.value_at(now, t.to_bps),
            });
        }
        let e = r.emode_exit_ramp.span();
        if e.running(now) {
            out.push(RunningRamp {
                account: *key,
                what: format!(
                    "collateral weight of reserve {key} in the groups it leaves (mask {:#b})",
                    r.emode_exit_mask
                ),
                span: e,
                now_bps: e.value_at(now, 0),
            });
        }
    }
    for g in ms.groups.values() {
        let t = g.threshold_ramp.span();
        if t.running(now) {
            out.push(RunningRamp {
                account: ix::pda::emode_group(&ms.key, g.id),
                what: format!("liquidation threshold of e-mode group {}", g.id),
                span: t,
                now_bps: t.value_at(now, t.to_bps),
            });
        }
    }
    out.sort_by_key(|r| r.span.end);
    out
}
