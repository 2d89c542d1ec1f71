//! The market's settings, owner and pause: what its owner and guardian change.

use super::fund::FundSettings;
use super::guards::ensure;
use super::timelock::TimelockSettings;
use crate::constants::{
    MAX_DUST_THRESHOLD, MAX_GUARDIAN_PAUSE_SECS, MIN_CLOSE_FACTOR_BPS, MIN_LIQUIDATION_VALUE_CAP,
};
use crate::state::{LendingMarket, ACCOUNT_VERSION, PAUSE_ALL, PAUSE_BORROWS};
use crate::{LendingError, Pubkey, Result};

/// The market-wide bounds of one liquidation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiquidationLimits {
    /// Share of an obligation's debt one liquidation may repay, in basis points.
    pub close_factor_bps: u16,
    /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
    pub dust_threshold: u128,
    /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
    pub max_liquidation_value: u128,
}

impl LiquidationLimits {
    /// Refuses limits under which a large position could take too many calls to close: a close
    /// factor of 10% to 100%, a dust threshold of at most $10,000, and a per-call cap (if any)
    /// of at least $10,000 and at least the dust threshold.
    pub fn validate(&self) -> Result<()> {
        ensure(
            (MIN_CLOSE_FACTOR_BPS..=10_000).contains(&self.close_factor_bps)
                && self.dust_threshold <= MAX_DUST_THRESHOLD
                && (self.max_liquidation_value == 0
                    || (self.max_liquidation_value >= MIN_LIQUIDATION_VALUE_CAP
                        && self.max_liquidation_value >= self.dust_threshold)),
            LendingError::InvalidMarketConfig,
        )
    }

    fn apply(&self, m: &mut LendingMarket) {
        m.close_factor_bps = self.close_factor_bps;
        m.dust_threshold.set(self.dust_threshold);
        m.max_liquidation_value.set(self.max_liquidation_value);
    }
}

/// Sets up a new market owned by `owner`, with its timelock and the default insurance-fund
/// settings.
pub fn init_market(
    m: &mut LendingMarket,
    owner: &Pubkey,
    quote_currency: [u8; 32],
    limits: &LiquidationLimits,
    allow_fixed_price: bool,
    timelock: &TimelockSettings,
) -> Result<()> {
    limits.validate()?;
    m.version = ACCOUNT_VERSION;
    m.owner = *owner;
    m.quote_currency = quote_currency;
    limits.apply(m);
    m.allow_fixed_price = allow_fixed_price as u8;
    timelock.apply(m)?;
    FundSettings::DEFAULT.apply(m);
    Ok(())
}

/// Replaces the liquidation limits (after [`super::timelock::market_limits_path`] allowed it).
pub fn set_liquidation_limits(m: &mut LendingMarket, limits: &LiquidationLimits) -> Result<()> {
    limits.validate()?;
    limits.apply(m);
    Ok(())
}

/// Sets the pause flags the owner holds until they change them (no expiry); 0 lifts any
/// pause.
pub fn set_pause_flags(m: &mut LendingMarket, pause_flags: u8) -> Result<()> {
    ensure(
        pause_flags & !(PAUSE_ALL | PAUSE_BORROWS) == 0,
        LendingError::InvalidMarketConfig,
    )?;
    m.pause_flags = pause_flags;
    m.pause_expires_at = 0;
    Ok(())
}

/// Adds `pause_flags` for `duration_secs` (0: until the owner lifts them; at most 7 days), by
/// the guardian or the owner (`signer`). A pause in force is never shortened: its flags stay,
/// and its end moves only later.
pub fn pause(
    m: &mut LendingMarket,
    signer: &Pubkey,
    pause_flags: u8,
    duration_secs: u64,
    now: i64,
) -> Result<()> {
    ensure(
        pause_flags != 0 && pause_flags & !(PAUSE_ALL | PAUSE_BORROWS) == 0,
        LendingError::InvalidMarketConfig,
    )?;
    ensure(
        duration_secs <= MAX_GUARDIAN_PAUSE_SECS,
        LendingError::InvalidMarketConfig,
    )?;
    ensure(
        *signer == m.owner || (m.guardian != Pubkey::default() && *signer == m.guardian),
        LendingError::NotGuardian,
    )?;
    let active = m.active_pause_flags(now);
    let requested_end = if duration_secs == 0 {
        0
    } else {
        now.saturating_add(duration_secs as i64)
    };
    let end = if active == 0 {
        requested_end
    } else if m.pause_expires_at == 0 || requested_end == 0 {
        0
    } else {
        m.pause_expires_at.max(requested_end)
    };
    m.pause_flags = active | pause_flags;
    m.pause_expires_at = end;
    Ok(())
}

/// Makes the pending owner the owner and returns the old one.
pub fn accept_owner(m: &mut LendingMarket) -> Pubkey {
    let old = m.owner;
    m.owner = m.pending_owner;
    m.pending_owner = Pubkey::default();
    old
}
