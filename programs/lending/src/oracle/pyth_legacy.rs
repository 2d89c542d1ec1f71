//! Legacy Pyth push price accounts (secondary source; Pyth stopped updating them on mainnet in
//! mid-2024). Parsed from raw bytes with pyth-sdk-solana.

use crate::constants::{PYTH_LEGACY_PROGRAM_DEVNET, PYTH_LEGACY_PROGRAM_MAINNET};
use crate::errors::LendingError;
use crate::risk::price::RawPrice;
use anchor_lang::prelude::*;
use pyth_sdk_solana::state::{load_price_account, PriceStatus};

/// Reads a legacy price account owned by the Pyth oracle program; the aggregate must be in
/// Trading status (an Unknown or Halted aggregate is not a fresh price).
pub fn read(account: &AccountInfo) -> Result<RawPrice> {
    require!(
        *account.owner == PYTH_LEGACY_PROGRAM_MAINNET
            || *account.owner == PYTH_LEGACY_PROGRAM_DEVNET,
        LendingError::WrongOracleSource
    );
    let data = account.try_borrow_data()?;
    let p =
        load_price_account::<32, ()>(&data).map_err(|_| error!(LendingError::InvalidOracleData))?;
    require!(
        p.agg.status == PriceStatus::Trading,
        LendingError::OracleNotTrading
    );
    Ok(RawPrice {
        price: p.agg.price,
        conf: p.agg.conf,
        expo: p.expo,
        ema_price: p.ema_price.val,
        publish_time: p.timestamp,
    })
}
