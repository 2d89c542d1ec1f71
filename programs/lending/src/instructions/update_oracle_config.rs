//! `update_oracle_config`: the owner rebinds a price account to another source or feed, or
//! changes its limits. Through the queue, except while the feed is dead: then at once (the
//! emergency path), since no obligation touching the reserve can be refreshed (or liquidated)
//! and every minute of delay is debt nobody can liquidate. It touches only the price account,
//! so it works while the reserve is stale.

use super::set_fixed_price::OwnerOracle;
use super::shared::admin_change::make_directly;
use crate::errors::LendingError;
use crate::state::{AdminChange, OracleSource};
use anchor_lang::prelude::*;
use lending_core::ops::oracle::OracleSettings;

/// The new binding and limits of a price account.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct OracleConfigParams {
    /// 0 = Pyth pull, 1 = legacy Pyth, 2 = fixed (markets that allow fixed prices only; a new
    /// fixed price is then set with `set_fixed_price`).
    pub source_kind: u8,
    /// The source account (zero key: any pull update with the right feed id; legacy sources
    /// must be pinned). Ignored for fixed prices.
    pub source: Pubkey,
    /// Pyth feed id (pull sources).
    pub feed_id: [u8; 32],
    /// Oldest acceptable price, in seconds (5 to 600; 0 for fixed prices).
    pub max_age_secs: u64,
    /// Oldest price borrows, withdrawals and liquidations accept, in seconds (5 to 120, at
    /// most `max_age_secs`; 0 for fixed prices).
    pub max_age_for_risk_secs: u64,
    /// Widest acceptable confidence, in basis points of the price.
    pub max_conf_bps: u16,
    /// EMA divergence that pauses borrows and withdrawals, in basis points.
    pub max_ema_deviation_bps: u16,
}

impl OracleConfigParams {
    /// The source binding and limits.
    pub fn settings(&self) -> Result<OracleSettings> {
        Ok(OracleSettings {
            kind: OracleSource::from_u8(self.source_kind)
                .ok_or(LendingError::InvalidOracleConfig)?,
            source: self.source,
            feed_id: self.feed_id,
            max_age_secs: self.max_age_secs,
            max_age_for_risk_secs: self.max_age_for_risk_secs,
            max_conf_bps: self.max_conf_bps,
            max_ema_deviation_bps: self.max_ema_deviation_bps,
        })
    }
}

/// Applies `params` within the bounds `init_oracle_price` enforces ([`lending_core::ops::oracle::configure_oracle`]: a
/// new source kind, source account or feed id clears the stored price). Directly only while the
/// feed is dead (the emergency path, [`lending_core::ops::timelock::oracle_feed_dead`]) or in a
/// market with a zero delay; otherwise through the queue.
pub fn handler(ctx: Context<OwnerOracle>, params: OracleConfigParams) -> Result<()> {
    make_directly(
        ctx.accounts.owner.key,
        &ctx.accounts.market,
        ctx.accounts.oracle.as_ref(),
        &AdminChange::OracleConfig(params),
    )
}
