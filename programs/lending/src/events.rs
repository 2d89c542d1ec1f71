//! Events emitted with `emit!` for every user-visible state change: one `Program data:` log
//! line (`sol_log_data`: discriminator + borsh) each. A self-CPI (`emit_cpi!`) would survive
//! log truncation but costs several times as much per action (docs/compute-units.md); this
//! program's transactions log well under the runtime's 10 KB limit, so clients read the
//! events from the logs.
//!
//! Refresh instructions update caches (interest index, prices, health) that are readable from
//! the accounts themselves, so they emit nothing and stay cheap.

use crate::risk::health::Health;
use anchor_lang::prelude::*;

/// An obligation's health after an action (WAD quote units).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HealthSnapshot {
    /// Collateral at spot.
    pub deposited: u128,
    /// Debt at price + conf.
    pub borrowed: u128,
    /// Debt at price + conf weighted by the borrow factors: what the borrow limit and the
    /// liquidation line are compared with.
    pub borrowed_weighted: u128,
    /// Borrow limit.
    pub borrow_limit: u128,
    /// Liquidation line.
    pub liquidation_line: u128,
}

impl From<Health> for HealthSnapshot {
    fn from(h: Health) -> Self {
        Self {
            deposited: h.deposited,
            borrowed: h.borrowed,
            borrowed_weighted: h.borrowed_weighted,
            borrow_limit: h.borrow_limit,
            liquidation_line: h.liquidation_line,
        }
    }
}

/// A market was created.
#[event]
pub struct MarketInitialized {
    pub market: Pubkey,
    pub owner: Pubkey,
    pub allow_fixed_price: bool,
}

/// A new owner was proposed.
#[event]
pub struct OwnerProposed {
    pub market: Pubkey,
    pub pending_owner: Pubkey,
}

/// The proposed owner accepted.
#[event]
pub struct OwnerChanged {
    pub market: Pubkey,
    pub old_owner: Pubkey,
    pub new_owner: Pubkey,
}

/// Market-wide limits or pause flags changed.
#[event]
pub struct MarketConfigUpdated {
    pub market: Pubkey,
    pub close_factor_bps: u16,
    pub dust_threshold: u128,
    pub max_liquidation_value: u128,
    pub pause_flags: u8,
}

/// A reserve was created with its seed deposit.
#[event]
pub struct ReserveInitialized {
    pub market: Pubkey,
    pub reserve: Pubkey,
    pub mint: Pubkey,
    pub seed_amount: u64,
}

/// A reserve's configuration changed.
#[event]
pub struct ReserveConfigUpdated {
    pub reserve: Pubkey,
    pub ltv_bps: u16,
    /// The threshold set (a lower one than in force ramps down to it until `threshold_ramp_end`).
    pub liquidation_threshold_bps: u16,
    pub status: u8,
    /// True when accrual up to the change overflowed and the period's interest was forgiven.
    pub interest_forgiven: bool,
    /// When the threshold reaches the value set (0: it is in force now).
    pub threshold_ramp_end: i64,
    /// E-mode groups the asset is leaving as collateral, and when it has left them (0: none).
    pub emode_exit_mask: u32,
    pub emode_exit_end: i64,
}

/// An e-mode group was created or changed.
#[event]
pub struct EmodeGroupSet {
    pub market: Pubkey,
    pub group: Pubkey,
    pub id: u8,
    pub isolated: bool,
    /// Isolated groups: the one reserve their obligations may borrow from.
    pub debt_reserve: Pubkey,
    pub params: crate::instructions::EmodeGroupParams,
    /// The slot from which the limits are in force.
    pub effective_slot: u64,
    /// When a lowered threshold reaches the value set (0: no ramp).
    pub threshold_ramp_end: i64,
}

/// An obligation moved into an e-mode group, to another, or out of any (0 = none).
#[event]
pub struct ObligationEmodeSet {
    pub obligation: Pubkey,
    pub from: u8,
    pub to: u8,
    pub health: HealthSnapshot,
}

/// An oracle-price account was created.
#[event]
pub struct OraclePriceInitialized {
    pub market: Pubkey,
    pub oracle: Pubkey,
    pub mint: Pubkey,
    pub source_kind: u8,
    pub source: Pubkey,
}

/// The market owner set a fixed price.
#[event]
pub struct FixedPriceSet {
    pub oracle: Pubkey,
    pub price: i64,
    pub expo: i32,
    pub conf: u64,
}

/// The market owner rebound a price account or changed its limits.
#[event]
pub struct OracleConfigUpdated {
    pub oracle: Pubkey,
    pub source_kind: u8,
    pub source: Pubkey,
    pub feed_id: [u8; 32],
    pub max_age_secs: u64,
    pub max_age_for_risk_secs: u64,
    pub max_conf_bps: u16,
    pub max_ema_deviation_bps: u16,
    /// True when the source changed and the stored price was cleared.
    pub price_cleared: bool,
}

/// The owner named the market's guardian (the default key: none).
#[event]
pub struct GuardianSet {
    pub market: Pubkey,
    pub guardian: Pubkey,
}

/// The guardian or the owner paused the market.
#[event]
pub struct MarketPauseSet {
    pub market: Pubkey,
    pub authority: Pubkey,
    /// The pause flags now in force.
    pub pause_flags: u8,
    /// When they lapse (0: when the owner lifts them).
    pub expires_at: i64,
}

/// Liquidity was deposited for shares.
#[event]
pub struct LiquidityDeposited {
    pub reserve: Pubkey,
    pub user: Pubkey,
    pub amount: u64,
    pub shares: u64,
}

/// Shares were redeemed for liquidity.
#[event]
pub struct SharesRedeemed {
    pub reserve: Pubkey,
    pub user: Pubkey,
    pub shares: u64,
    pub amount: u64,
}

/// An obligation was created.
#[event]
pub struct ObligationInitialized {
    pub market: Pubkey,
    pub obligation: Pubkey,
    pub owner: Pubkey,
    pub id: u64,
}

/// Shares were added to an obligation as collateral.
#[event]
pub struct CollateralDeposited {
    pub obligation: Pubkey,
    pub reserve: Pubkey,
    pub shares: u64,
    pub liquidity_amount: u64,
}

/// Collateral shares were taken out of an obligation.
#[event]
pub struct CollateralWithdrawn {
    pub obligation: Pubkey,
    pub reserve: Pubkey,
    pub shares: u64,
    pub liquidity_amount: u64,
    pub health: HealthSnapshot,
}

/// Liquidity was borrowed.
#[event]
pub struct Borrowed {
    pub obligation: Pubkey,
    pub reserve: Pubkey,
    pub amount: u64,
    pub fee: u64,
    pub health: HealthSnapshot,
}

/// Debt was repaid.
#[event]
pub struct Repaid {
    pub obligation: Pubkey,
    pub reserve: Pubkey,
    pub amount: u64,
    pub remaining_debt_shares: u128,
    pub health: HealthSnapshot,
}

/// An obligation was liquidated.
#[event]
pub struct Liquidated {
    pub obligation: Pubkey,
    pub liquidator: Pubkey,
    pub repay_reserve: Pubkey,
    pub collateral_reserve: Pubkey,
    pub repay_amount: u64,
    pub seized_shares: u64,
    pub liquidator_shares: u64,
    pub protocol_fee_shares: u64,
    pub received_liquidity: u64,
    pub bonus_bps: u16,
    pub health_before: HealthSnapshot,
    pub health: HealthSnapshot,
}

/// Debt with no collateral left behind it was written off against the reserve; the amounts
/// say who absorbed it, in order (WAD-scaled tokens but `fund_tokens`).
#[event]
pub struct BadDebtWrittenOff {
    pub obligation: Pubkey,
    pub reserve: Pubkey,
    pub debt_shares: u128,
    /// The whole loss.
    pub amount_wad: u128,
    /// Taken from the insurance fund's cut not yet collected.
    pub fund_fees_wad: u128,
    /// Paid in by the insurance fund from its vault (tokens).
    pub fund_tokens: u64,
    /// Taken from unclaimed protocol fees.
    pub protocol_fees_wad: u128,
    /// Left to depositors through the exchange rate.
    pub depositors_wad: u128,
}

/// A flash loan was taken.
#[event]
pub struct FlashBorrowed {
    pub reserve: Pubkey,
    pub user: Pubkey,
    pub amount: u64,
}

/// A flash loan was repaid.
#[event]
pub struct FlashRepaid {
    pub reserve: Pubkey,
    pub user: Pubkey,
    pub amount: u64,
    pub fee: u64,
}

/// Protocol fees were claimed by the market owner.
#[event]
pub struct ProtocolFeesClaimed {
    pub reserve: Pubkey,
    pub interest_fees: u64,
    pub fee_vault_amount: u64,
}

/// A market's insurance-fund rules changed.
#[event]
pub struct FundSettingsUpdated {
    pub market: Pubkey,
    pub cooldown_secs: u64,
    pub unstake_window_secs: u64,
    pub stream_secs: u64,
    pub max_slash_bps: u16,
}

/// A reserve got its insurance fund, or its cuts for it changed (`seed_amount` 0).
#[event]
pub struct InsuranceFundSet {
    pub reserve: Pubkey,
    pub fund: Pubkey,
    pub seed_amount: u64,
    pub interest_cut_bps: u16,
    pub liquidation_cut_bps: u16,
}

/// Tokens were staked into an insurance fund.
#[event]
pub struct Staked {
    pub fund: Pubkey,
    pub staker: Pubkey,
    pub amount: u64,
    pub shares: u64,
}

/// Shares entered the cooldown; `value` is the most their withdrawal pays.
#[event]
pub struct UnstakeRequested {
    pub fund: Pubkey,
    pub staker: Pubkey,
    pub shares: u64,
    pub value: u64,
    pub cooldown_end: i64,
    pub window_end: i64,
}

/// Shares out of cooldown were withdrawn for `amount` tokens.
#[event]
pub struct StakeWithdrawn {
    pub fund: Pubkey,
    pub staker: Pubkey,
    pub shares: u64,
    pub amount: u64,
}

/// An unstake was cancelled; `shares_returned` came back to the staker.
#[event]
pub struct UnstakeCancelled {
    pub fund: Pubkey,
    pub staker: Pubkey,
    pub shares: u64,
    pub shares_returned: u64,
}

/// The fund's cut was collected from the reserve; it vests until `stream_end`.
#[event]
pub struct FundFeesCollected {
    pub reserve: Pubkey,
    pub fund: Pubkey,
    pub amount: u64,
    pub stream_end: i64,
}

/// The owner recorded the market's address lookup table.
#[event]
pub struct LookupTableSet {
    pub market: Pubkey,
    pub lookup_table: Pubkey,
}

/// The owner named the market's risk admin (the default key: none).
#[event]
pub struct RiskAdminSet {
    pub market: Pubkey,
    pub risk_admin: Pubkey,
}

/// The timelock's delay or ramp changed (through the queue).
#[event]
pub struct TimelockUpdated {
    pub market: Pubkey,
    pub delay_secs: u64,
    pub ramp_secs: u64,
}

/// The owner queued a change.
#[event]
pub struct ChangeQueued {
    pub market: Pubkey,
    /// The change's account.
    pub pending: Pubkey,
    pub change_id: u64,
    /// The account it changes (the market for market-wide settings).
    pub target: Pubkey,
    pub change: crate::state::AdminChange,
    /// From when anyone may apply it, and until when.
    pub effective_at: i64,
    pub expires_at: i64,
}

/// A queued change was applied.
#[event]
pub struct ChangeApplied {
    pub market: Pubkey,
    pub change_id: u64,
    pub target: Pubkey,
}

/// A queued change was cancelled (or closed once expired).
#[event]
pub struct ChangeCancelled {
    pub market: Pubkey,
    pub change_id: u64,
    pub by: Pubkey,
}
