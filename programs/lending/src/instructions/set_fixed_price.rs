//! `set_fixed_price`: the owner changes a fixed price (fixed-price markets only).

use super::init_oracle_price::validate_fixed;
use crate::errors::LendingError;
use crate::events::FixedPriceSet;
use crate::state::{LendingMarket, OraclePrice, OracleSource};
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct SetFixedPrice<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The fixed-price account.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub oracle: AccountLoader<'info, OraclePrice>,
}

/// Sets the price; every change emits [`FixedPriceSet`].
pub fn handler(ctx: Context<SetFixedPrice>, price: i64, expo: i32, conf: u64) -> Result<()> {
    validate_fixed(price, expo)?;
    let clock = Clock::get()?;
    {
        let mut o = ctx.accounts.oracle.load_mut()?;
        require!(
            o.source_kind() == Some(OracleSource::Fixed),
            LendingError::InvalidOracleConfig
        );
        require!(
            (conf as u128) * 10_000 <= (price as u128) * o.max_conf_bps as u128,
            LendingError::ConfidenceTooWide
        );
        o.price = price;
        o.expo = expo;
        o.conf = conf;
        o.ema_price = 0;
        o.publish_time = clock.unix_timestamp;
        o.slot = clock.slot;
    }
    emit!(FixedPriceSet {
        oracle: ctx.accounts.oracle.key(),
        price,
        expo,
        conf,
    });
    Ok(())
}
