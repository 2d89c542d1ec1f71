//! `update_reserve_config`: the owner changes a reserve's risk and fee settings within bounds.

use super::reserve_config::ReserveConfigParams;
use super::shared::guards::check_reserve_fresh;
use crate::errors::LendingError;
use crate::events::ReserveConfigUpdated;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct UpdateReserveConfig<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub reserve: AccountLoader<'info, Reserve>,
}

/// Validates and applies the configuration. The reserve must be refreshed in this slot, so
/// interest up to now accrues under the old curve; it is then marked stale so the next action
/// re-reads rates under the new one.
pub fn handler(ctx: Context<UpdateReserveConfig>, config: ReserveConfigParams) -> Result<()> {
    let config = config.to_config()?;
    {
        let mut r = ctx.accounts.reserve.load_mut()?;
        check_reserve_fresh(&r, Clock::get()?.slot)?;
        r.config = config;
        r.last_update.mark_stale();
    }
    emit!(ReserveConfigUpdated {
        reserve: ctx.accounts.reserve.key(),
        ltv_bps: config.ltv_bps,
        liquidation_threshold_bps: config.liquidation_threshold_bps,
        status: config.status,
    });
    Ok(())
}
