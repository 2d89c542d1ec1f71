//! `init_obligation`: a wallet opens an obligation (one wallet may hold several, by `id`).

use super::shared::accounts::clock;
use crate::constants::OBLIGATION_SEED;
use crate::events::ObligationInitialized;
use crate::state::OBLIGATION_SIZE;
use crate::state::{LendingMarket, Obligation};
use anchor_lang::prelude::*;
use lending_core::ops::obligation::init_obligation;

/// Accounts of [`handler`].
#[derive(Accounts)]
#[instruction(id: u64)]
pub struct InitObligation<'info> {
    /// Owner of the new obligation; pays rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The new obligation.
    #[account(
        init,
        payer = owner,
        space = 8 + OBLIGATION_SIZE,
        seeds = [OBLIGATION_SEED, market.key().as_ref(), owner.key().as_ref(), &id.to_le_bytes()],
        bump
    )]
    pub obligation: AccountLoader<'info, Obligation>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Creates an empty obligation.
pub fn handler(ctx: Context<InitObligation>, id: u64) -> Result<()> {
    let clock = clock()?;
    let (market, owner) = (ctx.accounts.market.key(), ctx.accounts.owner.key());
    init_obligation(
        &mut *ctx.accounts.obligation.load_init()?,
        &market,
        &owner,
        id,
        ctx.bumps.obligation,
        &clock,
    );
    emit!(ObligationInitialized {
        market,
        obligation: ctx.accounts.obligation.key(),
        owner,
        id,
    });
    Ok(())
}
