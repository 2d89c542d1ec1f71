//! `refresh_obligation`: recomputes an obligation's position values and health from its
//! reserves, passed as remaining accounts: collateral reserves in order, then debt reserves in
//! order, each refreshed in this slot, then the obligation's e-mode group if it is in one.

use super::shared::accounts::{clock, RemainingReserves};
use super::shared::emode_group_account::{load_group, split_groups};
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
    let in_group = obligation.emode_group != 0;
    let (reserves, groups) = split_groups(ctx.remaining_accounts, in_group as usize);
    let group = groups.first().map(load_group).transpose()?;
    refresh_obligation(
        &mut obligation,
        &RemainingReserves(reserves),
        group.as_deref(),
        &clock,
    )
    .map_err(LendingError::from)?;
    Ok(())
}
