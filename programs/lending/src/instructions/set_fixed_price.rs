//! `set_fixed_price`: the owner changes a fixed price (fixed-price markets only).

use super::shared::accounts::clock;
use crate::errors::LendingError;
use crate::events::FixedPriceSet;
use crate::state::{LendingMarket, OraclePrice};
use anchor_lang::prelude::*;
use lending_core::ops::oracle::set_fixed_price;

/// Accounts of the owner's instructions on a price account (`set_fixed_price`,
/// `update_oracle_config`).
#[derive(Accounts)]
pub struct OwnerOracle<'info> {
    /// Market owner.
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The price account.
    #[account(mut, has_one = market @ LendingError::WrongMarket)]
    pub oracle: AccountLoader<'info, OraclePrice>,
}

/// Sets the price; every change emits [`FixedPriceSet`].
pub fn handler(ctx: Context<OwnerOracle>, price: i64, expo: i32, conf: u64) -> Result<()> {
    let clock = clock()?;
    set_fixed_price(
        &mut *ctx.accounts.oracle.load_mut()?,
        price,
        expo,
        conf,
        &clock,
    )
    .map_err(LendingError::from)?;
    emit!(FixedPriceSet {
        oracle: ctx.accounts.oracle.key(),
        price,
        expo,
        conf,
    });
    Ok(())
}
