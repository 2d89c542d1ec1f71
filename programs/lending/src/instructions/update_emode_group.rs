//! `update_emode_group`: the market owner changes an e-mode group's limits (in force from the
//! next slot) and debt ceiling.

use super::emode_group_params::EmodeGroupParams;
use crate::errors::LendingError;
use crate::events::EmodeGroupSet;
use crate::state::{EmodeGroup, LendingMarket};
use anchor_lang::prelude::*;
use lending_core::ops::emode::update_group;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct UpdateEmodeGroup<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The group.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub group: AccountLoader<'info, EmodeGroup>,
}

/// Sets the group's limits from the next slot and its debt ceiling now; whether it is isolated,
/// and its debt reserve, never change.
pub fn handler(ctx: Context<UpdateEmodeGroup>, params: EmodeGroupParams) -> Result<()> {
    let slot = Clock::get()?.slot;
    let mut group = ctx.accounts.group.load_mut()?;
    update_group(&mut group, &params.limits(), params.debt_ceiling, slot)
        .map_err(LendingError::from)?;
    let (id, isolated, debt_reserve) = (group.id, group.isolated != 0, group.debt_reserve);
    drop(group);
    emit!(EmodeGroupSet {
        market: ctx.accounts.market.key(),
        group: ctx.accounts.group.key(),
        id,
        isolated,
        debt_reserve,
        params,
        effective_slot: slot + 1,
    });
    Ok(())
}
