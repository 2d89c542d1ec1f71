//! The program's own validated copy of one asset's price.

use super::OraclePrice;
use crate::risk::price::{PriceLimits, RawPrice};

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
