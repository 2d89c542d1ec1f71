//! `refresh_obligation`: recomputes an obligation's position values and health from its
//! reserves, passed as remaining accounts: collateral reserves in order, then debt reserves in
//! order, each refreshed in this slot.

use super::shared::accounts::{clock, RemainingReserves};
use crate::errors::LendingError;
use crate::state::Obligation;
use anchor_lang::prelude::*;
use lending_core::ops::refresh::refresh_obligation;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RefreshObligation<'info> {
    /// The obligation.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
}

/// Recomputes every position and the obligation's totals.
pub fn handler<'info>(ctx: Context<'info, RefreshObligation<'info>>) -> Result<()> {
    let clock = clock()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    let reserves = RemainingReserves(ctx.remaining_accounts);
    refresh_obligation(&mut obligation, &reserves, &clock).map_err(LendingError::from)?;
    Ok(())
}
