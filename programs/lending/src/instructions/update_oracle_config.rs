//! `update_oracle_config`: the owner rebinds a price account to another source or feed, or
//! changes its limits. It works while the price is stale: that is when a dead or moved feed
//! needs it, since no obligation touching the reserve can be refreshed (or liquidated) then.

use super::set_fixed_price::OwnerOracle;
use crate::errors::LendingError;
use crate::events::OracleConfigUpdated;
use crate::state::OracleSource;
use anchor_lang::prelude::*;
use lending_core::ops::oracle::{configure_oracle, OracleSettings};

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

/// Applies `params` within the bounds `init_oracle_price` enforces ([`configure_oracle`]: a
/// new source kind, source account or feed id clears the stored price).
pub fn handler(ctx: Context<OwnerOracle>, params: OracleConfigParams) -> Result<()> {
    let settings = params.settings()?;
    // Only accounts fixed source needs the market's permission: read it only then.
    let allow_fixed_price =
        settings.kind == OracleSource::Fixed && ctx.accounts.market.load()?.allow_fixed_price != 0;
    let mut o = ctx.accounts.oracle.load_mut()?;
    let rebound =
        configure_oracle(&mut o, &settings, allow_fixed_price).map_err(LendingError::from)?;
    let source = o.source;
    drop(o);
    emit!(OracleConfigUpdated {
        oracle: ctx.accounts.oracle.key(),
        source_kind: params.source_kind,
        source,
        feed_id: params.feed_id,
        max_age_secs: params.max_age_secs,
        max_age_for_risk_secs: params.max_age_for_risk_secs,
        max_conf_bps: params.max_conf_bps,
        max_ema_deviation_bps: params.max_ema_deviation_bps,
        price_cleared: rebound,
    });
    Ok(())
}
