//! `queue_change`: the owner queues a change behind the market's timelock. Anyone may apply it
//! once the delay has passed (`apply_change`), until it expires; the owner or the guardian may
//! cancel it (`cancel_change`).

use super::shared::accounts::clock;
use crate::constants::PENDING_CHANGE_SEED;
use crate::errors::LendingError;
use crate::events::ChangeQueued;
use crate::state::{AdminChange, LendingMarket, PendingChange, PENDING_CHANGE_SPACE};
use anchor_lang::prelude::*;
use lending_core::ops::timelock;

/// Accounts of [`handler`].
#[derive(Accounts)]
#[instruction(change_id: u64)]
pub struct QueueChange<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// Pays the change account's rent (returned when it is applied or cancelled).
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The market.
    #[account(mut, has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The account the change is made to (the market itself for market-wide settings).
    /// CHECK: checked against the change's kind and the market in the handler.
    pub target: UncheckedAccount<'info>,
    /// The new change, at `["change", market, change_id]`.
    #[account(
        init,
        payer = payer,
        space = PENDING_CHANGE_SPACE,
        seeds = [PENDING_CHANGE_SEED, market.key().as_ref(), &change_id.to_le_bytes()],
        bump
    )]
    pub pending: Account<'info, PendingChange>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Queues `change` as the market's change `change_id` (its next id: `changes_queued`), after
/// checking its bounds and its target.
pub fn handler(ctx: Context<QueueChange>, change_id: u64, change: AdminChange) -> Result<()> {
    let now = clock()?.unix_timestamp;
    let market_key = ctx.accounts.market.key();
    let target = ctx.accounts.target.key();
    let mut m = ctx.accounts.market.load_mut()?;
    require!(
        change_id == m.changes_queued,
        LendingError::WrongChangeTarget
    );
    change.check_bounds(&m)?;
    super::shared::admin_change::check_target(
        change.target_kind(),
        &market_key,
        ctx.accounts.target.as_ref(),
    )?;
    let schedule = timelock::queue_change(&mut m, now).map_err(LendingError::from)?;
    drop(m);
    let pending = &mut ctx.accounts.pending;
    pending.set_inner(PendingChange {
        market: market_key,
        id: schedule.id,
        target,
        payer: ctx.accounts.payer.key(),
        queued_at: schedule.queued_at,
        effective_at: schedule.effective_at,
        expires_at: schedule.expires_at,
        bump: ctx.bumps.pending,
        change: change.clone(),
    });
    emit!(ChangeQueued {
        market: market_key,
        pending: pending.key(),
        change_id: schedule.id,
        target,
        change,
        effective_at: schedule.effective_at,
        expires_at: schedule.expires_at,
    });
    Ok(())
}
