//! An e-mode group's settings as an instruction argument.

use anchor_lang::prelude::*;
use lending_core::state::EmodeLimits;

/// An e-mode group's limits and debt ceiling as sent by the market owner (bounds:
/// [`lending_core::risk::emode::GroupParams::is_valid`]).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmodeGroupParams {
    /// LTV of every collateral position the group admits, in basis points.
    pub ltv_bps: u16,
    /// Liquidation threshold of every collateral position the group admits, in basis points.
    pub liquidation_threshold_bps: u16,
    /// Liquidation bonus just past the line, in basis points.
    pub min_liquidation_bonus_bps: u16,
    /// Liquidation bonus at full insolvency, in basis points.
    pub max_liquidation_bonus_bps: u16,
    /// Isolated groups: most tokens of the debt reserve the group's obligations may owe for a
    /// new borrow to be allowed (0 for a plain group).
    pub debt_ceiling: u64,
}

impl EmodeGroupParams {
    /// The limits to store.
    pub fn limits(&self) -> EmodeLimits {
        EmodeLimits {
            ltv_bps: self.ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
            min_liquidation_bonus_bps: self.min_liquidation_bonus_bps,
            max_liquidation_bonus_bps: self.max_liquidation_bonus_bps,
        }
    }
}
