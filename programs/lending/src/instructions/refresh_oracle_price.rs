//! `refresh_oracle_price`: anyone copies a validated price from the source into the program's
//! price account.

use crate::errors::LendingError;
use crate::oracle::{pyth_legacy, pyth_pull};
use crate::risk::price::validate;
use crate::state::{OraclePrice, OracleSource};
use anchor_lang::prelude::*;

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
    let clock = Clock::get()?;
    let mut o = ctx.accounts.oracle.load_mut()?;
    let kind = o.source_kind().ok_or(LendingError::InvalidOracleConfig)?;
    if kind == OracleSource::Fixed {
        // A fixed price does not age; refreshing only records the slot.
        o.publish_time = clock.unix_timestamp;
        o.slot = clock.slot;
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
    let valid = validate(&raw, &o.limits(), clock.unix_timestamp).map_err(LendingError::from)?;
    // Never step back to an older price: within max age a caller could otherwise pick
    // whichever recent price suits it.
    require!(
        raw.publish_time >= o.publish_time,
        LendingError::PriceTooOld
    );
    o.price = raw.price;
    o.conf = raw.conf;
    o.expo = raw.expo;
    o.ema_price = raw.ema_price;
    o.publish_time = raw.publish_time;
    o.slot = clock.slot;
    o.ema_diverged = valid.ema_diverged as u8;
    Ok(())
}
