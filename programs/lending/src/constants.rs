//! Seeds and protocol-wide limits.

/// Seed of reserve PDAs: `["reserve", market, liquidity_mint]`.
pub const RESERVE_SEED: &[u8] = b"reserve";
/// Seed of supply vaults: `["supply", reserve]`.
pub const SUPPLY_VAULT_SEED: &[u8] = b"supply";
/// Seed of fee vaults: `["fees", reserve]`.
pub const FEE_VAULT_SEED: &[u8] = b"fees";
/// Seed of share mints: `["shares", reserve]`.
pub const SHARE_MINT_SEED: &[u8] = b"shares";
/// Seed of oracle-price PDAs: `["oracle", market, mint]`.
pub const ORACLE_SEED: &[u8] = b"oracle";
/// Seed of obligation PDAs: `["obligation", market, owner, id (u64 LE)]`.
pub const OBLIGATION_SEED: &[u8] = b"obligation";

/// Smallest seed deposit a new reserve must make (tokens). The seed shares are locked forever,
/// so the share price can never be inflated from an empty pool.
pub const MIN_SEED_DEPOSIT: u64 = 1_000;
/// Largest liquidation bonus a reserve may configure (25%).
pub const MAX_LIQUIDATION_BONUS_BPS: u16 = 2_500;
/// Largest protocol fee rates: every fee must stay below 100%.
pub const MAX_FEE_BPS: u16 = 9_999;
/// Shortest allowed oracle max age (seconds).
pub const MIN_ORACLE_MAX_AGE_SECS: u64 = 5;
/// Longest allowed oracle max age (seconds).
pub const MAX_ORACLE_MAX_AGE_SECS: u64 = 3_600;
/// Widest confidence cap an oracle may be configured with (10% of the price).
pub const MAX_ORACLE_CONF_BPS: u16 = 1_000;

/// Owner of legacy Pyth push price accounts on mainnet.
pub const PYTH_LEGACY_PROGRAM_MAINNET: anchor_lang::prelude::Pubkey =
    anchor_lang::pubkey!("FsJ3A3u2vn5cTVofAjvy6y5kwABJAqYWpe4975bi2epH");
/// Owner of legacy Pyth push price accounts on devnet.
pub const PYTH_LEGACY_PROGRAM_DEVNET: anchor_lang::prelude::Pubkey =
    anchor_lang::pubkey!("gSbePebfvPy7tRqimPoVecS2UsBvYv46ynrzWocc92s");
/// Stack height of an instruction invoked directly by the transaction (not through CPI).
pub const TRANSACTION_LEVEL_STACK_HEIGHT: usize = 1;
