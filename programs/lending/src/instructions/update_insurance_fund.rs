//! `update_insurance_fund`: the market owner changes a reserve's cuts of its income for its
//! insurance fund (interest up to now accrues under the old ones).

use super::fund_params::FundCutsParams;
use super::shared::admin_change::make_directly;
use crate::errors::LendingError;
use crate::state::{AdminChange, LendingMarket, Reserve};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct UpdateInsuranceFund<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The insured reserve.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub reserve: AccountLoader<'info, Reserve>,
}

/// Sets the new cuts: directly only in a market with a zero delay, otherwise through the queue.
pub fn handler(ctx: Context<UpdateInsuranceFund>, cuts: FundCutsParams) -> Result<()> {
    make_directly(
        ctx.accounts.owner.key,
        &ctx.accounts.market,
        ctx.accounts.reserve.as_ref(),
        &AdminChange::FundCuts(cuts),
    )
}
