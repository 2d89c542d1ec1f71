//! `refresh_reserve`: accrues interest up to now and caches the reserve's price for this slot.

use super::shared::accounts::clock;
use crate::errors::LendingError;
use crate::state::{OraclePrice, Reserve};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RefreshReserve<'info> {
    /// The reserve.
    #[account(mut, has_one = oracle @ LendingError::WrongOracle)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's own price account.
    pub oracle: AccountLoader<'info, OraclePrice>,
}

/// Accrues interest, compounding per second, and re-validates the price for this slot.
///
/// A price that fails validation does not fail the refresh: interest still accrues and the
/// failure is recorded, so deposits, redemptions and repayments (which need no price) keep
/// working during an oracle outage, while every action that values positions refuses with
/// the specific oracle error.
pub fn handler(ctx: Context<RefreshReserve>) -> Result<()> {
    let clock = clock()?;
    let oracle = ctx.accounts.oracle.load()?;
    let mut r = ctx.accounts.reserve.load_mut()?;
    r.refresh(&oracle, clock.slot, clock.unix_timestamp)
        .map_err(LendingError::from)?;
    Ok(())
}
