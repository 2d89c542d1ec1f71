//! `pause_market`: the guardian (or the owner) adds pause flags, for a while or until the owner
//! lifts them. It can only add: lifting flags, shortening a pause and every other setting stay
//! with the owner (`update_market_config`). Repayments, liquidations and collateral top-ups
//! are never paused.

use crate::errors::LendingError;
use crate::events::MarketPauseSet;
use crate::state::LendingMarket;
use anchor_lang::prelude::*;
use lending_core::ops::market::pause;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct PauseMarket<'info> {
    /// The market's guardian, or its owner.
    pub authority: Signer<'info>,
    /// The market.
    #[account(mut)]
    pub market: AccountLoader<'info, LendingMarket>,
}

/// Adds `pause_flags` (1 = everything but repayments, liquidations and top-ups, 2 = borrows and
/// flash loans) for `duration_secs` (0: until the owner lifts them; at most 7 days). A pause
/// already in force is never shortened: its flags stay, and its end moves only later.
pub fn handler(ctx: Context<PauseMarket>, pause_flags: u8, duration_secs: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut m = ctx.accounts.market.load_mut()?;
    let signer = ctx.accounts.authority.key();
    pause(&mut m, &signer, pause_flags, duration_secs, now).map_err(LendingError::from)?;
    let (flags, expires_at) = (m.pause_flags, m.pause_expires_at);
    drop(m);
    emit!(MarketPauseSet {
        market: ctx.accounts.market.key(),
        authority: signer,
        pause_flags: flags,
        expires_at,
    });
    Ok(())
}
