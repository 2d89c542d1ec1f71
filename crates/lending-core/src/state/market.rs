//! The lending market: owner, global risk limits and pause switches.

use super::{LendingMarket, Reserve};
use crate::risk::emode::GroupParams;
use crate::risk::liquidation::LiquidationConfig;

/// Pause flag: every user action but repayments, liquidations and collateral top-ups is
/// refused (refreshes and admin still work).
pub const PAUSE_ALL: u8 = 1;
/// Pause flag: new borrows and flash loans are refused.
pub const PAUSE_BORROWS: u8 = 2;

impl LendingMarket {
    /// The bounds of a liquidation seizing collateral from `coll` from an obligation in `group`
    /// (or in none): this market's close factor, dust threshold and per-call cap, the group's
    /// bonus range (the collateral reserve's outside any group) and the reserve's protocol fee.
    pub fn liquidation_config(
        &self,
        coll: &Reserve,
        group: Option<&GroupParams>,
    ) -> LiquidationConfig {
        let (min_bonus_bps, max_bonus_bps) = match group {
            Some(g) => (g.min_liquidation_bonus_bps, g.max_liquidation_bonus_bps),
            None => (
                coll.config.min_liquidation_bonus_bps,
                coll.config.max_liquidation_bonus_bps,
            ),
        };
        LiquidationConfig {
            close_factor_bps: self.close_factor_bps,
            dust_threshold: self.dust_threshold.get(),
            max_value_per_call: self.max_liquidation_value.get(),
            min_bonus_bps,
            max_bonus_bps,
            protocol_fee_bps: coll.config.protocol_liquidation_fee_bps,
        }
    }

    /// The pause flags in force at `now` (none once a pause with an expiry has lapsed).
    pub fn active_pause_flags(&self, now: i64) -> u8 {
        if self.pause_expires_at != 0 && now >= self.pause_expires_at {
            0
        } else {
            self.pause_flags
        }
    }

    /// True when user actions (but repayments, liquidations and top-ups) are paused at `now`.
    pub fn paused(&self, now: i64) -> bool {
        self.active_pause_flags(now) & PAUSE_ALL != 0
    }

    /// True when borrows (and flash loans) are paused at `now`.
    pub fn borrows_paused(&self, now: i64) -> bool {
        self.active_pause_flags(now) & (PAUSE_ALL | PAUSE_BORROWS) != 0
    }
}
