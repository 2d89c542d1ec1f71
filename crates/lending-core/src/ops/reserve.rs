//! Listing a reserve and changing its configuration.

use super::guards::ensure;
use super::Clock;
use crate::constants::{
    MAX_BORROW_FACTOR_BPS, MAX_FEE_BPS, MAX_LIQUIDATION_BONUS_BPS, MAX_OUTFLOW_WINDOW_SECS,
    MAX_PROTOCOL_LIQUIDATION_FEE_BPS, MIN_LIQUIDATION_BONUS_BPS, MIN_SEED_DEPOSIT,
};
use crate::risk::fixed::WAD;
use crate::risk::health::UNIT_BORROW_FACTOR_BPS;
use crate::risk::liquidation::bonus_keeps_liquidation_improving;
use crate::risk::ramp::RampSpan;
use crate::state::{PriceStatus, Reserve, ReserveConfig, ReserveStatus, ACCOUNT_VERSION};
use crate::{LendingError, Pubkey, Result};

/// Refuses a configuration outside the bounds.
///
/// LTV < liquidation threshold ≤ 100% (both zero marks a non-collateral asset), min bonus ≤
/// max bonus ≤ 25%, threshold × (1 + max bonus) < 100% so a liquidation always shrinks the
/// shortfall, every fee below 100%, a utilisation cap above zero, a valid status, a window of
/// 1 s to 7 days for any outflow limit, a borrow factor of 1x to 5x, an isolated-collateral flag of
/// 0 or 1, and a monotone curve from
/// 0% to 100%. So that every
/// collateral reserve stays profitable to liquidate (docs/security.md, L7): a minimum bonus of
/// at least 1%, and a protocol cut of at most half the bonus.
pub fn validate_reserve_config(c: &ReserveConfig) -> Result<()> {
    let non_collateral = c.ltv_bps == 0 && c.liquidation_threshold_bps == 0;
    let ok = (non_collateral
        || (c.ltv_bps < c.liquidation_threshold_bps
            && c.liquidation_threshold_bps <= 10_000
            && c.min_liquidation_bonus_bps >= MIN_LIQUIDATION_BONUS_BPS))
        && c.protocol_liquidation_fee_bps <= MAX_PROTOCOL_LIQUIDATION_FEE_BPS
        && c.min_liquidation_bonus_bps <= c.max_liquidation_bonus_bps
        && c.max_liquidation_bonus_bps <= MAX_LIQUIDATION_BONUS_BPS
        && bonus_keeps_liquidation_improving(
            c.liquidation_threshold_bps,
            c.max_liquidation_bonus_bps,
        )
        && c.protocol_liquidation_fee_bps <= MAX_FEE_BPS
        && c.origination_fee_bps <= MAX_FEE_BPS
        && c.flash_loan_fee_bps <= MAX_FEE_BPS
        && c.protocol_take_rate_bps <= MAX_FEE_BPS
        && c.utilization_cap_bps > 0
        && c.utilization_cap_bps <= 10_000
        && ReserveStatus::from_u8(c.status).is_some()
        && (c.outflow_limit == 0 || (1..=MAX_OUTFLOW_WINDOW_SECS).contains(&c.outflow_window_secs))
        && (UNIT_BORROW_FACTOR_BPS..=MAX_BORROW_FACTOR_BPS).contains(&c.borrow_factor_bps)
        && c.isolated_collateral <= 1
        && c.curve.is_valid();
    ensure(ok, LendingError::InvalidReserveConfig)
}

/// The accounts a new reserve names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReserveAddresses {
    /// Its market.
    pub market: Pubkey,
    /// The asset's mint.
    pub liquidity_mint: Pubkey,
    /// The asset's token program.
    pub token_program: Pubkey,
    /// The supply vault.
    pub supply_vault: Pubkey,
    /// The fee vault.
    pub fee_vault: Pubkey,
    /// The share mint.
    pub share_mint: Pubkey,
    /// The asset's price account.
    pub oracle: Pubkey,
}

/// Sets up a new reserve whose seed deposit of `seed_amount` tokens is already in its vault:
/// its shares are locked forever, so the share price can never be inflated from an empty pool.
/// The reserve starts stale and unpriced.
pub fn init_reserve(
    r: &mut Reserve,
    addresses: &ReserveAddresses,
    decimals: u8,
    bump: u8,
    config: &ReserveConfig,
    seed_amount: u64,
    clock: &Clock,
) -> Result<()> {
    validate_reserve_config(config)?;
    ensure(
        seed_amount >= MIN_SEED_DEPOSIT,
        LendingError::SeedDepositTooSmall,
    )?;
    r.version = ACCOUNT_VERSION;
    r.market = addresses.market;
    r.liquidity_mint = addresses.liquidity_mint;
    r.token_program = addresses.token_program;
    r.supply_vault = addresses.supply_vault;
    r.fee_vault = addresses.fee_vault;
    r.share_mint = addresses.share_mint;
    r.oracle = addresses.oracle;
    r.decimals = decimals;
    r.bump = bump;
    r.borrow_index.set(WAD);
    r.available = seed_amount;
    r.share_supply = seed_amount;
    r.seed_shares = seed_amount;
    r.config = *config;
    // Nothing is borrowed yet: the curve's rate at zero utilisation.
    r.borrow_apr.set(config.curve.apr_wad(0)?);
    r.last_update.update(clock.slot, clock.unix_timestamp);
    r.last_update.mark_stale();
    r.price_status = PriceStatus::Invalid as u8;
    Ok(())
}

/// Applies a new configuration (the trusted-issuer flag is fixed at listing and must be
/// repeated; the protocol's take of interest and the insurance fund's cut stay below 100%
/// together). Interest up to `now` accrues under the old curve first (a reserve whose accrual
/// overflows is not stuck: it accrues nothing for the period, see [`Reserve::settle_interest`]);
/// the reserve is then marked stale so the next action re-reads rates under the new one, and
/// obligations valued from it must refresh again. Returns true when interest was forgiven.
///
/// Two tightenings ramp over `ramp_secs` instead of landing at once (0: at once):
/// - a liquidation threshold below the one in force now moves down to the new value (a ramp
///   already heading to the same value goes on unchanged); the bonus bounds must hold at every
///   value on the way;
/// - collateral taken out of e-mode groups (bits cleared from `emode_collateral_mask`) keeps
///   counting in them at a weight going from whole to nothing, with no borrowing power; one
///   such exit at a time (`EmodeExitInProgress`). A group put back in the mask leaves the exit.
pub fn update_reserve_config(
    r: &mut Reserve,
    config: &ReserveConfig,
    now: i64,
    ramp_secs: u64,
) -> Result<bool> {
    validate_reserve_config(config)?;
    ensure(
        config.trusted_issuer == r.config.trusted_issuer,
        LendingError::InvalidReserveConfig,
    )?;
    // With the insurance fund's cut, depositors must keep some of the interest.
    ensure(
        config.protocol_take_rate_bps as u32 + r.fund_interest_cut_bps as u32 <= MAX_FEE_BPS as u32,
        LendingError::InvalidReserveConfig,
    )?;
    r.step_ramps(now);
    let mut stored = *config;

    let current = r.config.liquidation_threshold_bps;
    let target = config.liquidation_threshold_bps;
    let same_ramp = r.threshold_ramp.span().running(now) && r.threshold_target() == target;
    let ramp = if same_ramp {
        r.threshold_ramp.span()
    } else {
        RampSpan::lowering(current, target, now, ramp_secs)
    };
    if ramp.end != 0 {
        stored.liquidation_threshold_bps = ramp.value_at(now, target);
        // Every value on the way must keep a liquidation worth making and improving.
        validate_reserve_config(&ReserveConfig {
            liquidation_threshold_bps: ramp.from_bps,
            ..*config
        })?;
    }

    let leaving_now = r.config.emode_collateral_mask & !config.emode_collateral_mask;
    let still_leaving = r.emode_exit_mask & !config.emode_collateral_mask;
    let (exit_mask, exit_ramp) = if leaving_now != 0 && ramp_secs > 0 {
        ensure(still_leaving == 0, LendingError::EmodeExitInProgress)?;
        (leaving_now, RampSpan::lowering(10_000, 0, now, ramp_secs))
    } else if still_leaving != 0 {
        (still_leaving, r.emode_exit_ramp.span())
    } else {
        (0, RampSpan::default())
    };

    let forgiven = r.settle_interest(now)?;
    r.config = stored;
    r.threshold_ramp.set(&ramp);
    r.emode_exit_mask = exit_mask;
    r.emode_exit_ramp.set(&exit_ramp);
    r.emode_exit_factor_bps = exit_ramp.value_at(now, 0);
    r.last_update.mark_stale();
    r.bump_valuation();
    Ok(forgiven)
}
