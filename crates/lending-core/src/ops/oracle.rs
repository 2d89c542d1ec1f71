//! The program's price accounts: their source binding and limits, and the prices they record.

use super::guards::ensure;
use super::Clock;
use crate::constants::{
    DEFAULT_ORACLE_MAX_AGE_FOR_RISK_SECS, MAX_ORACLE_CONF_BPS, MAX_ORACLE_MAX_AGE_FOR_RISK_SECS,
    MAX_ORACLE_MAX_AGE_SECS, MIN_ORACLE_MAX_AGE_SECS,
};
use crate::risk::price::{to_wad, validate, RawPrice, MAX_EXPO, MIN_EXPO};
use crate::state::{OraclePrice, OracleSource, ACCOUNT_VERSION};
use crate::{LendingError, Pubkey, Result};

/// Where a price account takes its price from, and the limits it checks it against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OracleSettings {
    /// The source kind.
    pub kind: OracleSource,
    /// The source account (zero key: any pull update with the right feed id; legacy sources
    /// must be pinned). Ignored for fixed prices.
    pub source: Pubkey,
    /// Pyth feed id (pull sources).
    pub feed_id: [u8; 32],
    /// Oldest acceptable price, in seconds.
    pub max_age_secs: u64,
    /// Oldest price borrows, withdrawals and liquidations accept, in seconds.
    pub max_age_for_risk_secs: u64,
    /// Widest acceptable confidence, in basis points of the price.
    pub max_conf_bps: u16,
    /// EMA divergence that pauses borrows and withdrawals, in basis points.
    pub max_ema_deviation_bps: u16,
}

impl OracleSettings {
    /// The max age for risk a new price account starts with: 30 s, or the max age if shorter
    /// (0 for fixed prices).
    pub fn default_max_age_for_risk(kind: OracleSource, max_age_secs: u64) -> u64 {
        if kind == OracleSource::Fixed {
            0
        } else {
            DEFAULT_ORACLE_MAX_AGE_FOR_RISK_SECS.min(max_age_secs)
        }
    }

    /// The source account as stored: none for fixed prices.
    pub(crate) fn stored_source(&self) -> Pubkey {
        if self.kind == OracleSource::Fixed {
            Pubkey::default()
        } else {
            self.source
        }
    }

    /// Refuses limits outside the bounds: a fixed price never ages (both ages 0); any other
    /// has a max age of 5 to 600 s and a max age for risk of 5 to 120 s, no longer than the max
    /// age. Confidence caps of 1 bp to 10%, EMA deviations of 1 bp to 100%. A legacy source
    /// must be pinned (its accounts live at fixed addresses); a fixed price needs a market that
    /// allows it.
    pub fn validate(&self, allow_fixed_price: bool) -> Result<()> {
        let ages_ok = if self.kind == OracleSource::Fixed {
            self.max_age_secs == 0 && self.max_age_for_risk_secs == 0
        } else {
            (MIN_ORACLE_MAX_AGE_SECS..=MAX_ORACLE_MAX_AGE_SECS).contains(&self.max_age_secs)
                && (MIN_ORACLE_MAX_AGE_SECS..=MAX_ORACLE_MAX_AGE_FOR_RISK_SECS)
                    .contains(&self.max_age_for_risk_secs)
                && self.max_age_for_risk_secs <= self.max_age_secs
        };
        ensure(
            ages_ok
                && self.max_conf_bps > 0
                && self.max_conf_bps <= MAX_ORACLE_CONF_BPS
                && self.max_ema_deviation_bps > 0
                && self.max_ema_deviation_bps <= 10_000,
            LendingError::InvalidOracleConfig,
        )?;
        match self.kind {
            OracleSource::PythLegacy => ensure(
                self.source != Pubkey::default(),
                LendingError::InvalidOracleConfig,
            ),
            OracleSource::Fixed => ensure(allow_fixed_price, LendingError::FixedPriceNotAllowed),
            OracleSource::PythPull => Ok(()),
        }
    }

    fn apply(&self, o: &mut OraclePrice) {
        o.source_kind = self.kind as u8;
        o.source = self.stored_source();
        o.feed_id = self.feed_id;
        o.max_age_secs = self.max_age_secs;
        o.max_age_for_risk_secs = self.max_age_for_risk_secs;
        o.max_conf_bps = self.max_conf_bps;
        o.max_ema_deviation_bps = self.max_ema_deviation_bps;
    }
}

/// Refuses a fixed price that is not positive, has an exponent out of range or is not
/// representable in WAD.
pub fn validate_fixed(price: i64, expo: i32) -> Result<()> {
    ensure(price > 0, LendingError::InvalidPrice)?;
    ensure(
        (MIN_EXPO..=MAX_EXPO).contains(&expo),
        LendingError::InvalidExponent,
    )?;
    ensure(to_wad(price as u64, expo)? > 0, LendingError::InvalidPrice)
}

/// Sets up a new price account of `mint` in `market`; a fixed source starts at `fixed`
/// (mantissa, exponent).
#[allow(clippy::too_many_arguments)]
pub fn init_oracle(
    o: &mut OraclePrice,
    market: &Pubkey,
    mint: &Pubkey,
    settings: &OracleSettings,
    allow_fixed_price: bool,
    fixed: (i64, i32),
    bump: u8,
    clock: &Clock,
) -> Result<()> {
    settings.validate(allow_fixed_price)?;
    if settings.kind == OracleSource::Fixed {
        validate_fixed(fixed.0, fixed.1)?;
    }
    o.version = ACCOUNT_VERSION;
    o.market = *market;
    o.mint = *mint;
    o.bump = bump;
    settings.apply(o);
    if settings.kind == OracleSource::Fixed {
        (o.price, o.expo) = fixed;
        o.publish_time = clock.unix_timestamp;
        o.slot = clock.slot;
    }
    Ok(())
}

/// Rebinds the price account or changes its limits; returns true when a new source kind,
/// source account or feed id cleared the stored price (the reserve is then unpriced until a
/// refresh from the new source: the old price cannot live on under the new binding, and the
/// new source's first price is not refused as older than the old one's).
pub fn configure_oracle(
    o: &mut OraclePrice,
    settings: &OracleSettings,
    allow_fixed_price: bool,
) -> Result<bool> {
    settings.validate(allow_fixed_price)?;
    let rebound = o.source_kind != settings.kind as u8
        || o.source != settings.stored_source()
        || o.feed_id != settings.feed_id;
    if rebound {
        o.clear_price();
        o.source_kind = settings.kind as u8;
        o.source = settings.stored_source();
        o.feed_id = settings.feed_id;
    }
    o.max_age_secs = settings.max_age_secs;
    o.max_age_for_risk_secs = settings.max_age_for_risk_secs;
    o.max_conf_bps = settings.max_conf_bps;
    o.max_ema_deviation_bps = settings.max_ema_deviation_bps;
    Ok(rebound)
}

/// Sets a fixed price (a fixed-price account only), with a confidence within its cap.
pub fn set_fixed_price(
    o: &mut OraclePrice,
    price: i64,
    expo: i32,
    conf: u64,
    clock: &Clock,
) -> Result<()> {
    validate_fixed(price, expo)?;
    ensure(
        o.source_kind() == Some(OracleSource::Fixed),
        LendingError::InvalidOracleConfig,
    )?;
    ensure(
        (conf as u128) * 10_000 <= (price as u128) * o.max_conf_bps as u128,
        LendingError::ConfidenceTooWide,
    )?;
    o.price = price;
    o.expo = expo;
    o.conf = conf;
    o.ema_price = 0;
    o.publish_time = clock.unix_timestamp;
    o.slot = clock.slot;
    Ok(())
}

/// Records a fixed price's refresh: it does not age, so only the time and slot move.
pub fn refresh_fixed(o: &mut OraclePrice, clock: &Clock) {
    o.publish_time = clock.unix_timestamp;
    o.slot = clock.slot;
}

/// Validates `raw`, read from the source, against the account's limits and stores it. Never
/// steps back to an older price: within max age a caller could otherwise pick whichever recent
/// price suits it.
pub fn record_price(o: &mut OraclePrice, raw: &RawPrice, clock: &Clock) -> Result<()> {
    let valid = validate(raw, &o.limits(), clock.unix_timestamp)?;
    ensure(
        raw.publish_time >= o.publish_time,
        LendingError::PriceTooOld,
    )?;
    o.price = raw.price;
    o.conf = raw.conf;
    o.expo = raw.expo;
    o.ema_price = raw.ema_price;
    o.publish_time = raw.publish_time;
    o.slot = clock.slot;
    o.ema_diverged = valid.ema_diverged as u8;
    Ok(())
}
