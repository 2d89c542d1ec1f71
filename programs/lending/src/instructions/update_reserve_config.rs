//! `update_reserve_config`: the owner changes a reserve's risk and fee settings within bounds.

use super::reserve_config::ReserveConfigParams;
use crate::errors::LendingError;
use crate::events::ReserveConfigUpdated;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use lending_core::ops::reserve::update_reserve_config;

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

/// Applies the configuration ([`update_reserve_config`]: interest accrues under the old curve
/// first, and the reserve is marked stale).
pub fn handler(ctx: Context<UpdateReserveConfig>, config: ReserveConfigParams) -> Result<()> {
    let config = config.to_config()?;
    let now = Clock::get()?.unix_timestamp;
    let mut r = ctx.accounts.reserve.load_mut()?;
    let interest_forgiven =
        update_reserve_config(&mut r, &config, now).map_err(LendingError::from)?;
    drop(r);
    emit!(ReserveConfigUpdated {
        reserve: ctx.accounts.reserve.key(),
        ltv_bps: config.ltv_bps,
        liquidation_threshold_bps: config.liquidation_threshold_bps,
        status: config.status,
        interest_forgiven,
    });
    Ok(())
}
