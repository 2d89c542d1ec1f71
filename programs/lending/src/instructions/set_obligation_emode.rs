//! `set_obligation_emode`: an obligation's owner moves it into an e-mode group, to another, or
//! out of any.

use super::shared::accounts::{clock, RemainingReserves};
use super::shared::emode_group_account::{group_mut_at, split_groups};
use crate::errors::LendingError;
use crate::events::ObligationEmodeSet;
use crate::state::Obligation;
use anchor_lang::prelude::*;
use lending_core::ops::emode::set_obligation_group;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct SetObligationEmode<'info> {
    /// Obligation owner.
    pub owner: Signer<'info>,
    /// The obligation.
    #[account(mut, has_one = owner @ LendingError::NotObligationOwner)]
    pub obligation: AccountLoader<'info, Obligation>,
}

/// Moves the obligation into group `group_id` (0: out of any group). Remaining accounts: its
/// reserves as for `refresh_obligation` (each refreshed in this slot), then its current group if
/// it is in one, then group `group_id` if not 0 (groups writable). The obligation is refreshed
/// under both ([`set_obligation_group`] has the rules).
pub fn handler(ctx: Context<SetObligationEmode>, group_id: u8) -> Result<()> {
    let clock = clock()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    let from = obligation.emode_group;
    // Moving to the group it is in is refused by the operation; its account is not loaded twice.
    let has_next = group_id != 0 && group_id != from;
    let (has_current, has_next) = ((from != 0) as usize, has_next as usize);
    let (reserves, groups) = split_groups(ctx.remaining_accounts, has_current + has_next);
    let mut current = group_mut_at(&groups[..has_current.min(groups.len())], 0)?;
    let mut next = group_mut_at(groups, has_current)?;
    let health = set_obligation_group(
        &mut obligation,
        &RemainingReserves(reserves),
        current.as_deref_mut(),
        next.as_deref_mut(),
        group_id,
        &clock,
    )
    .map_err(LendingError::from)?;
    drop((obligation, current, next));
    emit!(ObligationEmodeSet {
        obligation: ctx.accounts.obligation.key(),
        from,
        to: group_id,
        health: health.into(),
    });
    Ok(())
}
