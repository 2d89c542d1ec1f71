//! `accept_owner`: the proposed owner takes over the market.

use crate::errors::LendingError;
use crate::events::OwnerChanged;
use crate::state::LendingMarket;
use anchor_lang::prelude::*;
use lending_core::ops::market::accept_owner;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct AcceptOwner<'info> {
    /// The pending owner.
    pub pending_owner: Signer<'info>,
    /// The market.
    #[account(mut, has_one = pending_owner @ LendingError::NotPendingOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
}

/// Makes the pending owner the owner.
pub fn handler(ctx: Context<AcceptOwner>) -> Result<()> {
    let old_owner = accept_owner(&mut *ctx.accounts.market.load_mut()?);
    emit!(OwnerChanged {
        market: ctx.accounts.market.key(),
        old_owner,
        new_owner: ctx.accounts.pending_owner.key(),
    });
    Ok(())
}
