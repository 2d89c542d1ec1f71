//! `update_fund_settings`: the market owner changes the rules of the market's insurance funds
//! (cooldown, withdrawal window, income stream, most one write-off may take).

use super::fund_params::FundSettingsParams;
use super::propose_owner::OwnerMarket;
use crate::errors::LendingError;
use crate::events::FundSettingsUpdated;
use anchor_lang::prelude::*;
use lending_core::ops::fund::configure_funds;

/// Applies the new rules; requests already in cooldown keep their dates.
pub fn handler(ctx: Context<OwnerMarket>, params: FundSettingsParams) -> Result<()> {
    configure_funds(&mut *ctx.accounts.market.load_mut()?, &params.settings())
        .map_err(LendingError::from)?;
    emit!(FundSettingsUpdated {
        market: ctx.accounts.market.key(),
        cooldown_secs: params.cooldown_secs,
        unstake_window_secs: params.unstake_window_secs,
        stream_secs: params.stream_secs,
        max_slash_bps: params.max_slash_bps,
    });
    Ok(())
}
