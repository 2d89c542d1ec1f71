//! `update_reserve_config`: the owner changes a reserve's risk and fee settings within bounds.

use super::reserve_config::ReserveConfigParams;
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

/// Validates and applies the configuration. Interest up to now accrues under the old curve
/// first (a reserve whose accrual overflows is not stuck: it accrues nothing for the period,
/// see [`Reserve::settle_interest`]); the reserve is then marked stale so the next action
/// re-reads rates under the new one.
pub fn handler(ctx: Context<UpdateReserveConfig>, config: ReserveConfigParams) -> Result<()> {
    let config = config.to_config()?;
    let now = Clock::get()?.unix_timestamp;
    let interest_forgiven = {
        let mut r = ctx.accounts.reserve.load_mut()?;
        require!(
            config.trusted_issuer == r.config.trusted_issuer,
            LendingError::InvalidReserveConfig
        );
        let forgiven = r.settle_interest(now).map_err(LendingError::from)?;
        r.config = config;
        r.last_update.mark_stale();
        r.bump_valuation();
        forgiven
    };
    emit!(ReserveConfigUpdated {
        reserve: ctx.accounts.reserve.key(),
        ltv_bps: config.ltv_bps,
        liquidation_threshold_bps: config.liquidation_threshold_bps,
        status: config.status,
        interest_forgiven,
    });
    Ok(())
}
