//! The real Pyth snapshots in `tests/fixtures/` and the account shapes around them, shared by
//! the oracle tests and the CU benchmark.

use crate::env::Account;
use anchor_lang::prelude::Pubkey;
use base64::Engine;
use lending_sdk::types::OracleParams;

/// SOL/USD feed id, as in the pull snapshot.
pub const SOL_FEED: &str = "ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d";
/// Publish time of the pull snapshot.
pub const PULL_PUBLISH_TIME: i64 = 1_735_984_087;
/// Publish time of the legacy snapshot.
pub const LEGACY_PUBLISH_TIME: i64 = 1_730_534_860;
/// Owner of legacy push accounts on mainnet.
pub const LEGACY_OWNER: Pubkey = lending::constants::PYTH_LEGACY_PROGRAM_MAINNET;

/// [`SOL_FEED`] as bytes.
pub fn feed_id() -> [u8; 32] {
    let mut id = [0u8; 32];
    for (i, b) in id.iter_mut().enumerate() {
        *b = u8::from_str_radix(&SOL_FEED[2 * i..2 * i + 2], 16).unwrap();
    }
    id
}

/// Loads a fixture written by `solana account --output json`: (address, data).
pub fn fixture(name: &str) -> (Pubkey, Vec<u8>) {
    let path = format!("{}/../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let key: Pubkey = v["pubkey"].as_str().unwrap().parse().unwrap();
    let data = base64::engine::general_purpose::STANDARD
        .decode(v["account"]["data"][0].as_str().unwrap())
        .unwrap();
    (key, data)
}

/// An oracle source account owned by `owner`.
pub fn account(owner: Pubkey, data: Vec<u8>) -> Account {
    Account {
        lamports: 10_000_000,
        data,
        owner,
        executable: false,
        rent_epoch: 0,
    }
}

/// Oracle parameters reading the SOL/USD pull feed from `source` (60 s, 2% confidence).
pub fn pull_params(source: Pubkey) -> OracleParams {
    OracleParams {
        source_kind: 0,
        source,
        feed_id: feed_id(),
        max_age_secs: 60,
        max_conf_bps: 200,
        max_ema_deviation_bps: 500,
        fixed_price: 0,
        fixed_expo: 0,
    }
}

/// A legacy price account's data with its aggregate marked Trading (the snapshot's is not).
pub fn legacy_trading(data: &[u8]) -> Vec<u8> {
    let mut acct = *pyth_sdk_solana::state::load_price_account::<32, ()>(data).unwrap();
    acct.agg.status = pyth_sdk_solana::state::PriceStatus::Trading;
    let mut bytes = data.to_vec();
    let raw = bytemuck::bytes_of(&acct);
    bytes[..raw.len()].copy_from_slice(raw);
    bytes
}

/// Where the price message starts in a `PriceUpdateV2` whose verification level is `Full`:
/// discriminator (8), write authority (32), the level's tag (1).
const PULL_MESSAGE: usize = 41;

/// A `PriceUpdateV2` account's data: the pull snapshot with its message rewritten to `price`
/// (expo -8) and an EMA at the same price, each with a 0.1% confidence, published at
/// `publish_time`.
pub fn pull_update(price: i64, publish_time: i64) -> Vec<u8> {
    let (_, mut data) = fixture("pyth-pull-sol-usd.json");
    let m = PULL_MESSAGE;
    assert_eq!(data[m..m + 32], feed_id(), "the snapshot's layout moved");
    assert_eq!(data[m + 48..m + 52], (-8i32).to_le_bytes());
    let conf = (price / 1_000) as u64;
    data[m + 32..m + 40].copy_from_slice(&price.to_le_bytes());
    data[m + 40..m + 48].copy_from_slice(&conf.to_le_bytes());
    data[m + 52..m + 60].copy_from_slice(&publish_time.to_le_bytes());
    data[m + 60..m + 68].copy_from_slice(&(publish_time - 1).to_le_bytes());
    data[m + 68..m + 76].copy_from_slice(&price.to_le_bytes());
    data[m + 76..m + 84].copy_from_slice(&conf.to_le_bytes());
    data
}
