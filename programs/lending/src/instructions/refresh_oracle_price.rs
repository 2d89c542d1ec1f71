//! `refresh_oracle_price`: anyone copies a validated price from the source into the program's
//! price account.

use super::shared::accounts::clock;
use crate::errors::LendingError;
use crate::oracle::{pyth_legacy, pyth_pull};
use crate::state::{OraclePrice, OracleSource};
use anchor_lang::prelude::*;
use lending_core::ops::oracle::{record_price, refresh_fixed};

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RefreshOraclePrice<'info> {
    /// The program's price account.
    #[account(mut)]
    pub oracle: AccountLoader<'info, OraclePrice>,
    /// The source account (omit for fixed prices).
    /// CHECK: owner, address and layout are checked by the source-specific reader.
    pub source: Option<UncheckedAccount<'info>>,
}

/// Reads, validates and stores the price.
pub fn handler(ctx: Context<RefreshOraclePrice>) -> Result<()> {
    let clock = clock()?;
    let mut o = ctx.accounts.oracle.load_mut()?;
    let kind = o.source_kind().ok_or(LendingError::InvalidOracleConfig)?;
    if kind == OracleSource::Fixed {
        refresh_fixed(&mut o, &clock);
        return Ok(());
    }
    let source = ctx
        .accounts
        .source
        .as_ref()
        .ok_or(LendingError::WrongOracleSource)?;
    if o.source != Pubkey::default() {
        require_keys_eq!(source.key(), o.source, LendingError::WrongOracleSource);
    }
    let raw = match kind {
        OracleSource::PythPull => pyth_pull::read(source, &o.feed_id)?,
        _ => pyth_legacy::read(source)?,
    };
    record_price(&mut o, &raw, &clock).map_err(LendingError::from)?;
    Ok(())
}
