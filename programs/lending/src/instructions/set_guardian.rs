//! `set_guardian`: the owner names the market's guardian, who may pause it but never unpause
//! it or change a setting (the default key: no guardian).

use super::propose_owner::OwnerMarket;
use crate::events::GuardianSet;
use anchor_lang::prelude::*;

/// Stores the guardian.
pub fn handler(ctx: Context<OwnerMarket>, guardian: Pubkey) -> Result<()> {
    ctx.accounts.market.load_mut()?.guardian = guardian;
    emit!(GuardianSet {
        market: ctx.accounts.market.key(),
        guardian,
    });
    Ok(())
}
