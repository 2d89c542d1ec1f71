//! The insurance-fund settings as instruction arguments: a market's rules and a reserve's cuts.

use anchor_lang::prelude::*;
use lending_core::ops::fund::{FundCuts, FundSettings};

/// A market's rules for its insurance funds, as sent by the owner.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct FundSettingsParams {
    /// Seconds an unstake waits before its tokens may be withdrawn (at most 90 days).
    pub cooldown_secs: u64,
    /// Seconds, after the cooldown, during which the withdrawal is open (1 minute to 30 days).
    pub unstake_window_secs: u64,
    /// Seconds over which collected income vests to stakers (at most 30 days).
    pub stream_secs: u64,
    /// Most of a fund's assets one write-off may take, in basis points (100 to 9,000).
    pub max_slash_bps: u16,
}

impl FundSettingsParams {
    /// The settings in the core's format.
    pub fn settings(&self) -> FundSettings {
        FundSettings {
            cooldown_secs: self.cooldown_secs,
            unstake_window_secs: self.unstake_window_secs,
            stream_secs: self.stream_secs,
            max_slash_bps: self.max_slash_bps,
        }
    }
}

/// A reserve's cuts of its income for its fund, as sent by the owner.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct FundCutsParams {
    /// Share of interest, in basis points (with the protocol's take, below 100%).
    pub interest_cut_bps: u16,
    /// Share of the protocol's liquidation fee, in basis points (at most 10,000).
    pub liquidation_cut_bps: u16,
}

impl FundCutsParams {
    /// The cuts in the core's format.
    pub fn cuts(&self) -> FundCuts {
        FundCuts {
            interest_cut_bps: self.interest_cut_bps,
            liquidation_cut_bps: self.liquidation_cut_bps,
        }
    }
}
