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
/// Seed of an e-mode group PDA: `["emode_group", market, [id]]`.
pub const EMODE_GROUP_SEED: &[u8] = b"emode_group";
/// Seed of a reserve's insurance fund: `["insurance_fund", reserve]`.
pub const INSURANCE_FUND_SEED: &[u8] = b"insurance_fund";
/// Seed of an insurance fund's vault: `["fund_vault", reserve]`.
pub const FUND_VAULT_SEED: &[u8] = b"fund_vault";
/// Seed of an insurance fund's share mint: `["fund_shares", reserve]`.
pub const FUND_SHARE_MINT_SEED: &[u8] = b"fund_shares";
/// Seed of a staker's unstake request: `["unstake", fund, owner]`.
pub const UNSTAKE_REQUEST_SEED: &[u8] = b"unstake";

/// Smallest seed deposit a new reserve must make (tokens). The seed shares are locked forever,
/// so the share price can never be inflated from an empty pool.
pub const MIN_SEED_DEPOSIT: u64 = 1_000;
/// Largest liquidation bonus a reserve may configure (25%).
pub const MAX_LIQUIDATION_BONUS_BPS: u16 = 2_500;
/// Largest borrow factor a reserve may have, in basis points (5x).
pub const MAX_BORROW_FACTOR_BPS: u16 = 50_000;
/// Smallest minimum liquidation bonus of a collateral reserve (1%): below it a liquidation
/// at the line may not pay for its own transaction and price risk.
pub const MIN_LIQUIDATION_BONUS_BPS: u16 = 100;
/// Largest share of the liquidation bonus the protocol may keep (half): the liquidator keeps
/// at least the other half.
pub const MAX_PROTOCOL_LIQUIDATION_FEE_BPS: u16 = 5_000;
/// Longest outflow window (7 days).
pub const MAX_OUTFLOW_WINDOW_SECS: u64 = 7 * 86_400;
/// Smallest close factor a market may set (10%): below it a large position needs too many
/// liquidations to be brought back.
pub const MIN_CLOSE_FACTOR_BPS: u16 = 1_000;
/// Largest dust threshold (WAD quote, $10,000): debt at or below it is liquidated in full.
pub const MAX_DUST_THRESHOLD: u128 = 10_000 * crate::risk::WAD;
/// Smallest per-call liquidation cap other than none (WAD quote, $10,000), and never below
/// the dust threshold: with less, a large position could take too many calls to close.
pub const MIN_LIQUIDATION_VALUE_CAP: u128 = 10_000 * crate::risk::WAD;
/// Largest protocol fee rates: every fee must stay below 100%.
pub const MAX_FEE_BPS: u16 = 9_999;
/// Shortest allowed oracle max age (seconds).
pub const MIN_ORACLE_MAX_AGE_SECS: u64 = 5;
/// Longest allowed oracle max age (seconds): ten minutes, several missed heartbeats of a live
/// Pyth feed. A price this old still values positions for repayments and deposits; borrows,
/// withdrawals and liquidations need one no older than the oracle's max age for risk.
pub const MAX_ORACLE_MAX_AGE_SECS: u64 = 600;
/// Longest allowed max age for risk-increasing actions (seconds).
pub const MAX_ORACLE_MAX_AGE_FOR_RISK_SECS: u64 = 120;
/// Max age for risk-increasing actions that `init_oracle_price` sets (seconds), at most the
/// price's own max age; `update_oracle_config` changes it.
pub const DEFAULT_ORACLE_MAX_AGE_FOR_RISK_SECS: u64 = 30;
/// Longest pause the guardian may set with an end (7 days); 0 pauses until the owner lifts it.
pub const MAX_GUARDIAN_PAUSE_SECS: u64 = 7 * 86_400;
/// Widest confidence cap an oracle may be configured with (10% of the price).
pub const MAX_ORACLE_CONF_BPS: u16 = 1_000;
/// Insurance funds: the longest unstake cooldown a market may set (90 days).
pub const MAX_FUND_COOLDOWN_SECS: u64 = 90 * 86_400;
/// Insurance funds: the shortest and longest withdrawal window after the cooldown (1 minute
/// to 30 days).
pub const FUND_UNSTAKE_WINDOW_SECS: core::ops::RangeInclusive<u64> = 60..=30 * 86_400;
/// Insurance funds: the longest income stream (30 days).
pub const MAX_FUND_STREAM_SECS: u64 = 30 * 86_400;
/// Insurance funds: the largest share of a fund one write-off may take (90%): a single event
/// never empties a fund, so its shares keep a price.
pub const MAX_FUND_SLASH_BPS: u16 = 9_000;
/// Seed of a queued change: `["change", market, id (u64 LE)]`.
pub const PENDING_CHANGE_SEED: &[u8] = b"change";
/// Shortest timelock delay of a market without fixed prices (1 day). A market that allows
/// fixed prices (a test market, whose owner can move any price at will) may use 0.
pub const MIN_TIMELOCK_DELAY_SECS: u64 = 86_400;
/// Longest timelock delay (14 days).
pub const MAX_TIMELOCK_DELAY_SECS: u64 = 14 * 86_400;
/// How long a queued change may still be applied once its delay has passed (7 days); after
/// that it expires and anyone may close it.
pub const CHANGE_GRACE_SECS: i64 = 7 * 86_400;
/// Shortest ramp of a market without fixed prices (1 day); a test market may use 0.
pub const MIN_RAMP_SECS: u64 = 86_400;
/// Longest ramp (30 days).
pub const MAX_RAMP_SECS: u64 = 30 * 86_400;
/// A price account whose stored price is older than this (and older than its own max age) may
/// be rebound by the owner at once, without the queue: its feed is dead, and every minute of
/// delay is debt nobody can liquidate. Anyone can refresh a live feed to close that door.
pub const ORACLE_EMERGENCY_STALE_SECS: i64 = 1_800;
