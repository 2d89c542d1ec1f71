//! `refresh_reserve`: accrues interest up to now and caches the reserve's price for this slot.

use crate::errors::LendingError;
use crate::risk::price::validate;
use crate::state::reserve::PriceStatus;
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
    let clock = Clock::get()?;
    let o = ctx.accounts.oracle.load()?;
    let price = validate(&o.raw(), &o.limits(), clock.unix_timestamp);
    let mut r = ctx.accounts.reserve.load_mut()?;
    let elapsed = clock
        .unix_timestamp
        .saturating_sub(r.last_update.unix_timestamp)
        .max(0) as u64;
    let mut pool = r.pool();
    let apr = r
        .config
        .curve
        .apr_wad(pool.utilization().map_err(LendingError::from)?)
        .map_err(LendingError::from)?;
    pool.accrue(apr, r.config.protocol_take_rate_bps, elapsed)
        .map_err(LendingError::from)?;
    r.set_pool(&pool);
    r.borrow_apr.set(apr);
    match price {
        Ok(p) => {
            r.price.set(p.price);
            r.price_conf.set(p.conf);
            r.ema_diverged = (p.ema_diverged || o.ema_diverged != 0) as u8;
            r.price_status = PriceStatus::Valid as u8;
        }
        Err(e) => r.price_status = PriceStatus::from_error(e) as u8,
    }
    r.last_update.update(clock.slot, clock.unix_timestamp);
    Ok(())
}
