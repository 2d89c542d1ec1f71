//! `update_insurance_fund`: the market owner changes a reserve's cuts of its income for its
//! insurance fund (interest up to now accrues under the old ones).

use super::fund_params::FundCutsParams;
use crate::errors::LendingError;
use crate::events::InsuranceFundSet;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use lending_core::ops::fund::update_fund_cuts;

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

/// Sets the new cuts.
pub fn handler(ctx: Context<UpdateInsuranceFund>, cuts: FundCutsParams) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut reserve = ctx.accounts.reserve.load_mut()?;
    update_fund_cuts(&mut reserve, &cuts.cuts(), now).map_err(LendingError::from)?;
    let fund = reserve.insurance_fund;
    drop(reserve);
    emit!(InsuranceFundSet {
        reserve: ctx.accounts.reserve.key(),
        fund,
        seed_amount: 0,
        interest_cut_bps: cuts.interest_cut_bps,
        liquidation_cut_bps: cuts.liquidation_cut_bps,
    });
    Ok(())
}
