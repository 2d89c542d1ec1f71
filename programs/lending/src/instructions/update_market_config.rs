//! `update_market_config`: the owner sets the pause flags at once, and the liquidation limits
//! directly only in a market with a zero delay (otherwise through the queue; unchanged limits
//! pass).

use super::propose_owner::OwnerMarket;
use crate::errors::LendingError;
use crate::events::MarketConfigUpdated;
use anchor_lang::prelude::*;
use lending_core::ops::market::{set_liquidation_limits, set_pause_flags, LiquidationLimits};
use lending_core::ops::timelock::{authorize_direct, market_limits_path, Role};

/// New market-wide settings.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct MarketConfigParams {
    /// Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000).
    pub close_factor_bps: u16,
    /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
    pub dust_threshold: u128,
    /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
    pub max_liquidation_value: u128,
    /// Pause flags: 1 = everything but repayments, liquidations and collateral top-ups, 2 =
    /// borrows and flash loans. They replace any pause in force, and hold until changed.
    pub pause_flags: u8,
}

/// Applies the new settings.
pub fn handler(ctx: Context<OwnerMarket>, params: MarketConfigParams) -> Result<()> {
    let limits = LiquidationLimits {
        close_factor_bps: params.close_factor_bps,
        dust_threshold: params.dust_threshold,
        max_liquidation_value: params.max_liquidation_value,
    };
    let mut m = ctx.accounts.market.load_mut()?;
    authorize_direct(&m, Role::Owner, market_limits_path(&m, &limits))
        .map_err(LendingError::from)?;
    set_liquidation_limits(&mut m, &limits).map_err(LendingError::from)?;
    set_pause_flags(&mut m, params.pause_flags).map_err(LendingError::from)?;
    drop(m);
    emit!(MarketConfigUpdated {
        market: ctx.accounts.market.key(),
        close_factor_bps: params.close_factor_bps,
        dust_threshold: params.dust_threshold,
        max_liquidation_value: params.max_liquidation_value,
        pause_flags: params.pause_flags,
    });
    Ok(())
}
