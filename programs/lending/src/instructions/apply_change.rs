//! `apply_change`: anyone applies a queued change once its delay has passed and before it
//! expires; interest accrues first where the change touches a reserve, and the rent goes back to
//! whoever paid it.

use super::shared::accounts::clock;
use crate::errors::LendingError;
use crate::events::ChangeApplied;
use crate::state::{LendingMarket, PendingChange};
use anchor_lang::prelude::*;
use lending_core::ops::timelock;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct ApplyChange<'info> {
    /// The market.
    #[account(mut)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The queued change (closed to its payer).
    #[account(mut, has_one = market @ LendingError::WrongMarket, has_one = payer @ LendingError::WrongChangeTarget, close = payer)]
    pub pending: Account<'info, PendingChange>,
    /// The account the change is made to (the market itself for market-wide settings).
    /// CHECK: must be the change's target; its kind and market are checked when applied.
    #[account(mut, address = pending.target @ LendingError::WrongChangeTarget)]
    pub target: UncheckedAccount<'info>,
    /// Who paid the rent.
    /// CHECK: must be the change's payer (`has_one`); only receives lamports.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
}

/// Applies the change.
pub fn handler(ctx: Context<ApplyChange>) -> Result<()> {
    let clock = clock()?;
    let market_key = ctx.accounts.market.key();
    let pending = &ctx.accounts.pending;
    let mut m = ctx.accounts.market.load_mut()?;
    timelock::apply_change(&mut m, &pending.schedule(), clock.unix_timestamp)
        .map_err(LendingError::from)?;
    pending
        .change
        .apply(&mut m, market_key, ctx.accounts.target.as_ref(), &clock)?;
    drop(m);
    emit!(ChangeApplied {
        market: market_key,
        change_id: pending.id,
        target: pending.target,
    });
    Ok(())
}
