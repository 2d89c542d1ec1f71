//! The reserve configuration as an instruction argument, and its bounds.

use crate::errors::LendingError;
use crate::risk::curve::BorrowRateCurve;
use anchor_lang::prelude::*;

/// One point of a borrow-rate curve as sent by the market owner (borsh-identical to a
/// `(u32, u32)` pair; a struct so the IDL can describe it).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurvePointParams {
    /// Utilisation, in basis points.
    pub utilization_bps: u32,
    /// Borrow rate at that utilisation (APR), in basis points.
    pub rate_bps: u32,
}

/// Curve points from `(utilization_bps, rate_bps)` pairs.
pub fn curve_points(pairs: &[(u32, u32)]) -> Vec<CurvePointParams> {
    pairs
        .iter()
        .map(|&(utilization_bps, rate_bps)| CurvePointParams {
            utilization_bps,
            rate_bps,
        })
        .collect()
}

/// A reserve's configuration as sent by the market owner.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReserveConfigParams {
    /// Borrow limit per unit of collateral value, in basis points.
    pub ltv_bps: u16,
    /// Liquidation line, in basis points.
    pub liquidation_threshold_bps: u16,
    /// Liquidation bonus just past the line, in basis points.
    pub min_liquidation_bonus_bps: u16,
    /// Liquidation bonus at full insolvency, in basis points.
    pub max_liquidation_bonus_bps: u16,
    /// Share of the liquidation bonus kept by the protocol, in basis points.
    pub protocol_liquidation_fee_bps: u16,
    /// Fee added to every borrow, in basis points.
    pub origination_fee_bps: u16,
    /// Flash-loan fee, in basis points.
    pub flash_loan_fee_bps: u16,
    /// Share of interest kept by the protocol, in basis points.
    pub protocol_take_rate_bps: u16,
    /// Utilisation above which borrows are refused, in basis points.
    pub utilization_cap_bps: u16,
    /// Weight of this asset's debt against the borrow limit and the liquidation line, in
    /// basis points (10,000 = 1x, at most 50,000).
    pub borrow_factor_bps: u16,
    /// 0 = active, 1 = reduce-only, 2 = frozen.
    pub status: u8,
    /// Whether flash loans are enabled.
    pub flash_loans_enabled: bool,
    /// The owner vouches for the mint's issuer: live Token-2022 authorities (permanent
    /// delegate, fee, hook, pause...) are accepted at listing. Fixed at listing:
    /// `update_reserve_config` must repeat it.
    pub trusted_issuer: bool,
    /// Largest total supply in tokens (0 = no cap).
    pub deposit_cap: u64,
    /// Largest total debt in tokens (0 = no cap).
    pub borrow_cap: u64,
    /// Most tokens out at once through borrows and withdrawals, refilled over two windows
    /// (0 = no limit).
    pub outflow_limit: u64,
    /// Outflow window in seconds (1 s to 7 days when there is a limit).
    pub outflow_window_secs: u64,
    /// Borrow-rate curve, 2 to 11 points.
    pub curve: Vec<CurvePointParams>,
    /// E-mode groups whose obligations may hold this asset as collateral (bit `id − 1`).
    pub emode_collateral_mask: u32,
    /// E-mode groups whose obligations may borrow this asset (bit `id − 1`).
    pub emode_borrow_mask: u32,
    /// This asset's collateral counts only inside an isolated e-mode group that admits it.
    pub isolated_collateral: bool,
}

impl ReserveConfigParams {
    /// The configuration to store, unvalidated: the operations that store it check it
    /// ([`lending_core::ops::reserve::validate_reserve_config`] states the bounds). Refuses a
    /// curve of more points than a reserve holds.
    pub fn to_config(&self) -> Result<lending_core::state::ReserveConfig> {
        let pairs: Vec<(u32, u32)> = self
            .curve
            .iter()
            .map(|p| (p.utilization_bps, p.rate_bps))
            .collect();
        let curve =
            BorrowRateCurve::from_points(&pairs).ok_or(LendingError::InvalidReserveConfig)?;
        Ok(lending_core::state::ReserveConfig {
            ltv_bps: self.ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
            min_liquidation_bonus_bps: self.min_liquidation_bonus_bps,
            max_liquidation_bonus_bps: self.max_liquidation_bonus_bps,
            protocol_liquidation_fee_bps: self.protocol_liquidation_fee_bps,
            origination_fee_bps: self.origination_fee_bps,
            flash_loan_fee_bps: self.flash_loan_fee_bps,
            protocol_take_rate_bps: self.protocol_take_rate_bps,
            utilization_cap_bps: self.utilization_cap_bps,
            status: self.status,
            flash_loans_enabled: self.flash_loans_enabled as u8,
            trusted_issuer: self.trusted_issuer as u8,
            _pad: [0; 3],
            deposit_cap: self.deposit_cap,
            borrow_cap: self.borrow_cap,
            outflow_limit: self.outflow_limit,
            outflow_window_secs: self.outflow_window_secs,
            curve,
            borrow_factor_bps: self.borrow_factor_bps,
            isolated_collateral: self.isolated_collateral as u8,
            _pad2: [0; 5],
            emode_collateral_mask: self.emode_collateral_mask,
            emode_borrow_mask: self.emode_borrow_mask,
            padding: [0; 6],
        })
    }
}
