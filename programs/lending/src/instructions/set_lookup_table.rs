//! `set_lookup_table`: the owner records the market's address lookup table, where the SDK, the
//! CLI and the bot find it to build v0 transactions. Instant: a table only maps indexes to
//! addresses (the runtime resolves them, and the program checks every account it receives), so
//! a wrong or closed table makes transactions fail or grow, never reach other accounts.

use crate::constants::ADDRESS_LOOKUP_TABLE_PROGRAM;
use crate::errors::LendingError;
use crate::events::LookupTableSet;
use crate::state::LendingMarket;
use anchor_lang::prelude::*;

/// The lookup table program's tag for an initialized table (`ProgramState::LookupTable`).
const LOOKUP_TABLE_TAG: [u8; 4] = [1, 0, 0, 0];

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct SetLookupTable<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(mut, has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// CHECK: an initialized table of the lookup table program (checked in the handler).
    pub lookup_table: UncheckedAccount<'info>,
}

/// Stores the table after checking that it is one.
pub fn handler(ctx: Context<SetLookupTable>) -> Result<()> {
    let table = &ctx.accounts.lookup_table;
    let is_table = *table.owner == ADDRESS_LOOKUP_TABLE_PROGRAM
        && table.try_borrow_data()?.get(..4) == Some(&LOOKUP_TABLE_TAG[..]);
    require!(is_table, LendingError::NotALookupTable);
    ctx.accounts.market.load_mut()?.lookup_table = table.key();
    emit!(LookupTableSet {
        market: ctx.accounts.market.key(),
        lookup_table: table.key(),
    });
    Ok(())
}
