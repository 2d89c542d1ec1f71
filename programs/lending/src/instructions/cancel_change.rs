//! `cancel_change`: the owner or the guardian cancels a queued change at any time; anyone may
//! close one that expired. The rent goes back to whoever paid it.

use super::shared::accounts::clock;
use crate::errors::LendingError;
use crate::events::ChangeCancelled;
use crate::state::{LendingMarket, PendingChange};
use anchor_lang::prelude::*;
use lending_core::ops::timelock;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct CancelChange<'info> {
    /// The owner, the guardian, or (for an expired change) anyone.
    pub signer: Signer<'info>,
    /// The market.
    #[account(mut)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The queued change (closed to its payer).
    #[account(mut, has_one = market @ LendingError::WrongMarket, has_one = payer @ LendingError::WrongChangeTarget, close = payer)]
    pub pending: Account<'info, PendingChange>,
    /// Who paid the rent.
    /// CHECK: must be the change's payer (`has_one`); only receives lamports.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
}

/// Cancels the change.
pub fn handler(ctx: Context<CancelChange>) -> Result<()> {
    let now = clock()?.unix_timestamp;
    let signer = ctx.accounts.signer.key();
    let pending = &ctx.accounts.pending;
    timelock::cancel_change(
        &mut *ctx.accounts.market.load_mut()?,
        &pending.schedule(),
        &signer,
        now,
    )
    .map_err(LendingError::from)?;
    emit!(ChangeCancelled {
        market: ctx.accounts.market.key(),
        change_id: pending.id,
        by: signer,
    });
    Ok(())
}
