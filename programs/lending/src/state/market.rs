//! The lending market: owner, global risk limits and pause switches.

use super::{PodU128, Reserve};
use crate::risk::liquidation::LiquidationConfig;
use anchor_lang::prelude::*;

/// Pause flag: every user action but repayments, liquidations and collateral top-ups is
/// refused (refreshes and admin still work).
pub const PAUSE_ALL: u8 = 1;
/// Pause flag: new borrows and flash loans are refused.
pub const PAUSE_BORROWS: u8 = 2;

/// A market groups reserves that may be used as collateral for each other.
#[account(zero_copy)]
#[derive(Debug)]
pub struct LendingMarket {
    /// Layout version.
    pub version: u64,
    /// Owner: may change configuration and claim fees.
    pub owner: Pubkey,
    /// Proposed next owner; must accept before the change takes effect.
    pub pending_owner: Pubkey,
    /// Quote currency of all values (ASCII, zero-padded), e.g. "USD".
    pub quote_currency: [u8; 32],
    /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
    pub dust_threshold: PodU128,
    /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
    pub max_liquidation_value: PodU128,
    /// Share of an obligation's debt one liquidation may repay, in basis points.
    pub close_factor_bps: u16,
    /// Pause flags ([`PAUSE_ALL`], [`PAUSE_BORROWS`]).
    pub pause_flags: u8,
    /// Non-zero when fixed-price oracles may be created (set at creation, immutable).
    pub allow_fixed_price: u8,
    /// Reserved.
    pub _pad: [u8; 4],
    /// Number of reserves created in this market.
    pub reserve_count: u64,
    /// Guardian: may pause (`pause_market`), never unpause or change settings; the default
    /// key means none. The first role of the market.
    pub guardian: Pubkey,
    /// Unix time at which the pause flags lapse; 0 means they hold until the owner lifts them.
    pub pause_expires_at: i64,
    /// Reserved for upgrades.
    pub padding: [u64; 27],
}

impl LendingMarket {
    /// The bounds of a liquidation seizing collateral from `coll`: this market's close factor,
    /// dust threshold and per-call cap, the collateral reserve's bonus range and protocol fee.
    pub fn liquidation_config(&self, coll: &Reserve) -> LiquidationConfig {
        LiquidationConfig {
            close_factor_bps: self.close_factor_bps,
            dust_threshold: self.dust_threshold.get(),
            max_value_per_call: self.max_liquidation_value.get(),
            min_bonus_bps: coll.config.min_liquidation_bonus_bps,
            max_bonus_bps: coll.config.max_liquidation_bonus_bps,
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

/// Size of [`LendingMarket`] without the 8-byte discriminator.
pub const LENDING_MARKET_SIZE: usize = 408;
const _: () = assert!(core::mem::size_of::<LendingMarket>() == LENDING_MARKET_SIZE);
