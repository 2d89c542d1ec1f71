//! `update_emode_group`: the owner or the risk admin changes an e-mode group's limits (in force
//! from the next slot; a lower threshold ramps down) and debt ceiling directly when the change
//! only tightens risk; anything else goes through the queue (`queue_change`).

use super::emode_group_params::EmodeGroupParams;
use super::shared::admin_change::make_directly;
use crate::errors::LendingError;
use crate::state::{AdminChange, EmodeGroup, LendingMarket};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct UpdateEmodeGroup<'info> {
    /// Market owner or risk admin.
    pub authority: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The group.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub group: AccountLoader<'info, EmodeGroup>,
}

/// Sets the group's limits from the next slot and its debt ceiling now; whether it is isolated,
/// and its debt reserve, never change.
pub fn handler(ctx: Context<UpdateEmodeGroup>, params: EmodeGroupParams) -> Result<()> {
    make_directly(
        ctx.accounts.authority.key,
        &ctx.accounts.market,
        ctx.accounts.group.as_ref(),
        &AdminChange::EmodeGroup(params),
    )
}
