//! The program's own validated copy of one asset's price.

use crate::risk::price::{PriceLimits, RawPrice};
use anchor_lang::prelude::*;

/// Where an [`OraclePrice`] takes its price from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum OracleSource {
    /// A Pyth pull-oracle `PriceUpdateV2` account (primary source).
    PythPull = 0,
    /// A legacy Pyth push price account (secondary, legacy format).
    PythLegacy = 1,
    /// A price set by the market owner (only in markets created to allow it).
    Fixed = 2,
}

impl OracleSource {
    /// Decodes the stored byte.
    pub fn from_u8(v: u8) -> Option<Self> {
        match v {
            0 => Some(Self::PythPull),
            1 => Some(Self::PythLegacy),
            2 => Some(Self::Fixed),
            _ => None,
        }
    }
}

/// The last validated price of one asset, with the limits it was checked against.
#[account(zero_copy)]
#[derive(Debug)]
pub struct OraclePrice {
    /// Layout version.
    pub version: u64,
    /// Market this price belongs to.
    pub market: Pubkey,
    /// The priced asset's mint.
    pub mint: Pubkey,
    /// The source account; all zeros accepts any account of the source's owner with the right
    /// feed id (pull oracles post updates to fresh accounts).
    pub source: Pubkey,
    /// Pyth feed id the source must carry (pull oracles).
    pub feed_id: [u8; 32],
    /// Price mantissa.
    pub price: i64,
    /// Confidence interval (same exponent).
    pub conf: u64,
    /// EMA price mantissa (0 when unknown).
    pub ema_price: i64,
    /// Unix time the price was published.
    pub publish_time: i64,
    /// Slot of the last successful refresh.
    pub slot: u64,
    /// Oldest acceptable price, in seconds; 0 only for fixed prices, which never age.
    pub max_age_secs: u64,
    /// Exponent of price, conf and EMA.
    pub expo: i32,
    /// Widest acceptable confidence, in basis points of the price.
    pub max_conf_bps: u16,
    /// EMA divergence that flags the price, in basis points.
    pub max_ema_deviation_bps: u16,
    /// [`OracleSource`] as a byte.
    pub source_kind: u8,
    /// Non-zero when the last refresh found spot and EMA diverged past the limit.
    pub ema_diverged: u8,
    /// PDA bump.
    pub bump: u8,
    /// Reserved.
    pub _pad: [u8; 5],
    /// Oldest price, in seconds, that borrows, withdrawals and liquidations accept (0 for
    /// fixed prices, which never age).
    pub max_age_for_risk_secs: u64,
    /// Reserved for upgrades.
    pub padding: [u64; 15],
}

impl OraclePrice {
    /// The stored price in the pure core's format.
    pub fn raw(&self) -> RawPrice {
        RawPrice {
            price: self.price,
            conf: self.conf,
            expo: self.expo,
            ema_price: self.ema_price,
            publish_time: self.publish_time,
        }
    }

    /// The limits this price is checked against.
    pub fn limits(&self) -> PriceLimits {
        PriceLimits {
            max_age_secs: self.max_age_secs,
            max_conf_bps: self.max_conf_bps,
            max_ema_deviation_bps: self.max_ema_deviation_bps,
        }
    }

    /// The decoded source kind.
    pub fn source_kind(&self) -> Option<OracleSource> {
        OracleSource::from_u8(self.source_kind)
    }

    /// Until when (unix time) the stored price may back a borrow, a withdrawal or a
    /// liquidation: its publish time plus the max age for risk, or forever for a price that
    /// never ages.
    pub fn risk_expiry(&self) -> i64 {
        if self.max_age_secs == 0 {
            return i64::MAX;
        }
        self.publish_time
            .saturating_add(i64::try_from(self.max_age_for_risk_secs).unwrap_or(i64::MAX))
    }

    /// Forgets the stored price (a new source or feed): the reserve stays unpriced until a
    /// refresh from the new source.
    pub fn clear_price(&mut self) {
        self.price = 0;
        self.conf = 0;
        self.ema_price = 0;
        self.publish_time = 0;
        self.ema_diverged = 0;
    }
}

/// Size of [`OraclePrice`] without the 8-byte discriminator.
pub const ORACLE_PRICE_SIZE: usize = 328;
const _: () = assert!(core::mem::size_of::<OraclePrice>() == ORACLE_PRICE_SIZE);
