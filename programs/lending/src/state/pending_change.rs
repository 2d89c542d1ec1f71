//! A change queued behind the market's timelock (`["change", market, id]`), and the changes
//! that can be queued.

use crate::instructions::{
    EmodeGroupParams, FundCutsParams, FundSettingsParams, LiquidationLimitsParams,
    OracleConfigParams, ReserveConfigParams, TimelockParams,
};
use anchor_lang::prelude::*;
use lending_core::ops::timelock::Schedule;

/// A change to a market's settings, as queued or made directly.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub enum AdminChange {
    /// A reserve's configuration (`update_reserve_config`); the target is the reserve.
    ReserveConfig(ReserveConfigParams),
    /// An e-mode group's limits and ceiling (`update_emode_group`); the target is the group.
    EmodeGroup(EmodeGroupParams),
    /// A price account's binding and limits (`update_oracle_config`); the target is the price
    /// account.
    OracleConfig(OracleConfigParams),
    /// The market's liquidation limits (`update_market_config`); the target is the market.
    LiquidationLimits(LiquidationLimitsParams),
    /// The market's insurance-fund rules (`update_fund_settings`); the target is the market.
    FundSettings(FundSettingsParams),
    /// A reserve's insurance-fund cuts (`update_insurance_fund`); the target is the reserve.
    FundCuts(FundCutsParams),
    /// The timelock's delay and ramp (queue only); the target is the market.
    Timelock(TimelockParams),
}

/// Bytes reserved for an [`AdminChange`] in a [`PendingChange`] (the largest, a reserve
/// configuration with an 11-point curve, takes 157).
pub const ADMIN_CHANGE_SPACE: usize = 192;

/// A queued change.
#[account]
#[derive(Debug)]
pub struct PendingChange {
    /// The market.
    pub market: Pubkey,
    /// Its id in the market (part of the address).
    pub id: u64,
    /// The account it changes (the market for market-wide settings).
    pub target: Pubkey,
    /// Who paid the rent; it goes back to them when the change is applied or cancelled.
    pub payer: Pubkey,
    /// Unix time it was queued.
    pub queued_at: i64,
    /// Unix time from which anyone may apply it.
    pub effective_at: i64,
    /// Unix time after which it can no longer be applied.
    pub expires_at: i64,
    /// PDA bump.
    pub bump: u8,
    /// The change.
    pub change: AdminChange,
}

/// Space of a [`PendingChange`] account, discriminator included.
pub const PENDING_CHANGE_SPACE: usize = 8 + 32 + 8 + 32 + 32 + 8 * 3 + 1 + ADMIN_CHANGE_SPACE;

impl PendingChange {
    /// When it may be applied, in the core's format.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            id: self.id,
            queued_at: self.queued_at,
            effective_at: self.effective_at,
            expires_at: self.expires_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instructions::CurvePointParams;

    fn borsh_len(change: &AdminChange) -> usize {
        let mut bytes = vec![];
        change.serialize(&mut bytes).unwrap();
        bytes.len()
    }

    /// The largest change fits the space reserved for it.
    #[test]
    fn the_largest_change_fits() {
        let config = ReserveConfigParams {
            ltv_bps: 0,
            liquidation_threshold_bps: 0,
            min_liquidation_bonus_bps: 0,
            max_liquidation_bonus_bps: 0,
            protocol_liquidation_fee_bps: 0,
            origination_fee_bps: 0,
            flash_loan_fee_bps: 0,
            protocol_take_rate_bps: 0,
            utilization_cap_bps: 0,
            borrow_factor_bps: 0,
            status: 0,
            flash_loans_enabled: false,
            trusted_issuer: false,
            deposit_cap: 0,
            borrow_cap: 0,
            outflow_limit: 0,
            outflow_window_secs: 0,
            curve: vec![
                CurvePointParams {
                    utilization_bps: 0,
                    rate_bps: 0,
                };
                crate::state::CURVE_POINTS
            ],
            emode_collateral_mask: 0,
            emode_borrow_mask: 0,
            isolated_collateral: false,
        };
        let len = borsh_len(&AdminChange::ReserveConfig(config));
        assert_eq!(len, 157);
        assert!(len <= ADMIN_CHANGE_SPACE);
        let oracle = AdminChange::OracleConfig(OracleConfigParams {
            source_kind: 0,
            source: Pubkey::default(),
            feed_id: [0; 32],
            max_age_secs: 0,
            max_age_for_risk_secs: 0,
            max_conf_bps: 0,
            max_ema_deviation_bps: 0,
        });
        assert!(borsh_len(&oracle) <= ADMIN_CHANGE_SPACE);
    }
}
