//! `init_emode_group`: the market owner creates an e-mode group.

use super::emode_group_params::EmodeGroupParams;
use crate::constants::EMODE_GROUP_SEED;
use crate::errors::LendingError;
use crate::events::EmodeGroupSet;
use crate::state::{EmodeGroup, LendingMarket, Reserve, EMODE_GROUP_SIZE};
use anchor_lang::prelude::*;
use lending_core::ops::emode::init_group;
use lending_core::ops::timelock::hold_new_group;

/// Accounts of [`handler`].
#[derive(Accounts)]
#[instruction(id: u8)]
pub struct InitEmodeGroup<'info> {
    /// Market owner; pays rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The new group, at `["emode_group", market, [id]]`.
    #[account(
        init,
        payer = owner,
        space = 8 + EMODE_GROUP_SIZE,
        seeds = [EMODE_GROUP_SEED, market.key().as_ref(), &[id]],
        bump
    )]
    pub group: AccountLoader<'info, EmodeGroup>,
    /// Isolated groups only: the one reserve the group's obligations may borrow from.
    pub debt_reserve: Option<AccountLoader<'info, Reserve>>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Creates group `id` (1..=32) with `params`; it is isolated exactly when a debt reserve is
/// passed. Reserves join it through their e-mode masks (`update_reserve_config`); obligations
/// may enter it once the market's delay has passed.
pub fn handler(ctx: Context<InitEmodeGroup>, id: u8, params: EmodeGroupParams) -> Result<()> {
    let market = ctx.accounts.market.key();
    let debt_reserve = match &ctx.accounts.debt_reserve {
        Some(r) => Some((r.key(), *r.load()?)),
        None => None,
    };
    let group_params = params.limits().params(id, debt_reserve.is_some());
    let mut group = ctx.accounts.group.load_init()?;
    init_group(
        &mut group,
        &market,
        &group_params,
        debt_reserve.as_ref().map(|(k, r)| (k, &**r)),
        params.debt_ceiling,
        ctx.bumps.group,
    )
    .map_err(LendingError::from)?;
    hold_new_group(
        &mut group,
        &*ctx.accounts.market.load()?,
        Clock::get()?.unix_timestamp,
    );
    let debt_reserve = group.debt_reserve;
    drop(group);
    emit!(EmodeGroupSet {
        market,
        group: ctx.accounts.group.key(),
        id,
        isolated: group_params.isolated,
        debt_reserve,
        params,
        threshold_ramp_end: 0,
        effective_slot: Clock::get()?.slot,
    });
    Ok(())
}
