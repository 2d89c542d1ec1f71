//! `set_risk_admin`: the owner names the market's risk admin, who may make the changes that
//! only tighten risk at once (the default key: none).

use super::propose_owner::OwnerMarket;
use crate::events::RiskAdminSet;
use anchor_lang::prelude::*;

/// Stores the risk admin.
pub fn handler(ctx: Context<OwnerMarket>, risk_admin: Pubkey) -> Result<()> {
    ctx.accounts.market.load_mut()?.risk_admin = risk_admin;
    emit!(RiskAdminSet {
        market: ctx.accounts.market.key(),
        risk_admin,
    });
    Ok(())
}
