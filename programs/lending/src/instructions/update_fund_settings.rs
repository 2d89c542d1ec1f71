//! `update_fund_settings`: the market owner changes the rules of the market's insurance funds
//! (cooldown, withdrawal window, income stream, most one write-off may take): directly only in
//! a market with a zero delay, otherwise through the queue.

use super::fund_params::FundSettingsParams;
use super::propose_owner::OwnerMarket;
use super::shared::admin_change::make_directly;
use crate::state::AdminChange;
use anchor_lang::prelude::*;

/// Applies the new rules; requests already in cooldown keep their dates.
pub fn handler(ctx: Context<OwnerMarket>, params: FundSettingsParams) -> Result<()> {
    make_directly(
        ctx.accounts.owner.key,
        &ctx.accounts.market,
        ctx.accounts.market.as_ref(),
        &AdminChange::FundSettings(params),
    )
}
