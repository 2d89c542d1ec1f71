//! `init_obligation`: a wallet opens an obligation (one wallet may hold several, by `id`).

use crate::constants::OBLIGATION_SEED;
use crate::events::ObligationInitialized;
use crate::state::OBLIGATION_SIZE;
use crate::state::{LendingMarket, Obligation, ACCOUNT_VERSION};
use anchor_lang::prelude::*;

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
    let clock = Clock::get()?;
    {
        let mut o = ctx.accounts.obligation.load_init()?;
        o.version = ACCOUNT_VERSION;
        o.market = ctx.accounts.market.key();
        o.owner = ctx.accounts.owner.key();
        o.id = id;
        o.bump = ctx.bumps.obligation;
        o.last_update.update(clock.slot, clock.unix_timestamp);
    }
    emit!(ObligationInitialized {
        market: ctx.accounts.market.key(),
        obligation: ctx.accounts.obligation.key(),
        owner: ctx.accounts.owner.key(),
        id,
    });
    Ok(())
}
