//! `propose_owner`: the owner names a successor, who must accept.

use crate::errors::LendingError;
use crate::events::OwnerProposed;
use crate::state::LendingMarket;
use anchor_lang::prelude::*;

/// Accounts of the owner's market-wide instructions (`propose_owner`, `set_guardian`,
/// `update_market_config`).
#[derive(Accounts)]
pub struct OwnerMarket<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(mut, has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
}

/// Records `new_owner` as pending (the default key cancels a proposal).
pub fn handler(ctx: Context<OwnerMarket>, new_owner: Pubkey) -> Result<()> {
    ctx.accounts.market.load_mut()?.pending_owner = new_owner;
    emit!(OwnerProposed {
        market: ctx.accounts.market.key(),
        pending_owner: new_owner,
    });
    Ok(())
}
