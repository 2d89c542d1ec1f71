//! Pyth pull-oracle `PriceUpdateV2` accounts (the primary source).

use crate::errors::LendingError;
use crate::risk::price::RawPrice;
use anchor_lang::prelude::*;
use pyth_solana_receiver_sdk::price_update::{PriceUpdateV2, VerificationLevel};

/// Reads a `PriceUpdateV2`: owned by the Pyth receiver, fully verified, for `feed_id`.
pub fn read(account: &AccountInfo, feed_id: &[u8; 32]) -> Result<RawPrice> {
    require_keys_eq!(
        *account.owner,
        pyth_solana_receiver_sdk::ID,
        LendingError::WrongOracleSource
    );
    let data = account.try_borrow_data()?;
    let update = PriceUpdateV2::try_deserialize(&mut &data[..])
        .map_err(|_| error!(LendingError::InvalidOracleData))?;
    require!(
        update.verification_level == VerificationLevel::Full,
        LendingError::OracleNotFullyVerified
    );
    let m = &update.price_message;
    require!(m.feed_id == *feed_id, LendingError::WrongFeedId);
    Ok(RawPrice {
        price: m.price,
        conf: m.conf,
        expo: m.exponent,
        ema_price: m.ema_price,
        publish_time: m.publish_time,
    })
}
