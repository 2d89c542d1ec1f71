//! `pause_market`: the guardian (or the owner) adds pause flags, for a while or until the owner
//! lifts them. It can only add: lifting flags, shortening a pause and every other setting stay
//! with the owner (`update_market_config`). Repayments, liquidations and collateral top-ups
//! are never paused.

use crate::constants::MAX_GUARDIAN_PAUSE_SECS;
use crate::errors::LendingError;
use crate::events::MarketPauseSet;
use crate::state::market::{PAUSE_ALL, PAUSE_BORROWS};
use crate::state::LendingMarket;
use anchor_lang::prelude::*;

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
    require!(
        pause_flags != 0 && pause_flags & !(PAUSE_ALL | PAUSE_BORROWS) == 0,
        LendingError::InvalidMarketConfig
    );
    require!(
        duration_secs <= MAX_GUARDIAN_PAUSE_SECS,
        LendingError::InvalidMarketConfig
    );
    let now = Clock::get()?.unix_timestamp;
    let (flags, expires_at) = {
        let mut m = ctx.accounts.market.load_mut()?;
        let signer = ctx.accounts.authority.key();
        require!(
            signer == m.owner || (m.guardian != Pubkey::default() && signer == m.guardian),
            LendingError::NotGuardian
        );
        let active = m.active_pause_flags(now);
        let requested_end = if duration_secs == 0 {
            0
        } else {
            now.saturating_add(duration_secs as i64)
        };
        let end = if active == 0 {
            requested_end
        } else if m.pause_expires_at == 0 || requested_end == 0 {
            0
        } else {
            m.pause_expires_at.max(requested_end)
        };
        m.pause_flags = active | pause_flags;
        m.pause_expires_at = end;
        (m.pause_flags, end)
    };
    emit!(MarketPauseSet {
        market: ctx.accounts.market.key(),
        authority: ctx.accounts.authority.key(),
        pause_flags: flags,
        expires_at,
    });
    Ok(())
}
