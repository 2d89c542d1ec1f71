//! `set_guardian`: the owner names the market's guardian, who may pause it but never unpause
//! it or change a setting (the default key: no guardian).

use crate::errors::LendingError;
use crate::events::GuardianSet;
use crate::state::LendingMarket;
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct SetGuardian<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(mut, has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
}

/// Stores the guardian.
pub fn handler(ctx: Context<SetGuardian>, guardian: Pubkey) -> Result<()> {
    ctx.accounts.market.load_mut()?.guardian = guardian;
    emit!(GuardianSet {
        market: ctx.accounts.market.key(),
        guardian,
    });
    Ok(())
}
