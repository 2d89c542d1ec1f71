//! Market-wide settings as instruction arguments: the liquidation limits and the timelock.

use anchor_lang::prelude::*;
use lending_core::ops::market::LiquidationLimits;
use lending_core::ops::timelock::TimelockSettings;

/// The market's liquidation limits, as sent by the owner.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationLimitsParams {
    /// Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000).
    pub close_factor_bps: u16,
    /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
    pub dust_threshold: u128,
    /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
    pub max_liquidation_value: u128,
}

impl LiquidationLimitsParams {
    /// The limits in the core's format.
    pub fn limits(&self) -> LiquidationLimits {
        LiquidationLimits {
            close_factor_bps: self.close_factor_bps,
            dust_threshold: self.dust_threshold,
            max_liquidation_value: self.max_liquidation_value,
        }
    }
}

/// The timelock's settings, as sent by the owner (through the queue after creation).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelockParams {
    /// Seconds between queuing a change and applying it: 1 to 14 days (0 allowed in markets
    /// that allow fixed prices).
    pub delay_secs: u64,
    /// Seconds a lowered liquidation threshold takes to reach its new value: 1 to 30 days (0
    /// allowed in markets that allow fixed prices).
    pub ramp_secs: u64,
}

impl TimelockParams {
    /// The settings in the core's format.
    pub fn settings(&self) -> TimelockSettings {
        TimelockSettings {
            delay_secs: self.delay_secs,
            ramp_secs: self.ramp_secs,
        }
    }
}
