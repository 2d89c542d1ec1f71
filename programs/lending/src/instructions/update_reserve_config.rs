//! `update_reserve_config`: the owner or the risk admin changes a reserve's risk and fee
//! settings directly, within bounds, when the change only tightens risk (a lower threshold then
//! ramps down); anything else goes through the queue (`queue_change`).

use super::reserve_config::ReserveConfigParams;
use super::shared::admin_change::make_directly;
use crate::errors::LendingError;
use crate::state::{AdminChange, LendingMarket, Reserve};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct UpdateReserveConfig<'info> {
    /// Market owner or risk admin.
    pub authority: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub reserve: AccountLoader<'info, Reserve>,
}

/// Applies the configuration ([`lending_core::ops::reserve::update_reserve_config`]: interest
/// accrues under the old curve first, and the reserve is marked stale).
pub fn handler(ctx: Context<UpdateReserveConfig>, config: ReserveConfigParams) -> Result<()> {
    make_directly(
        ctx.accounts.authority.key,
        &ctx.accounts.market,
        ctx.accounts.reserve.as_ref(),
        &AdminChange::ReserveConfig(config),
    )
}
