//! E-mode groups and isolated collateral: which limits a position gets, by the group its
//! obligation is in.
//!
//! An obligation in group `g` values every collateral position the group admits at the
//! group's LTV and liquidation threshold, weighs its debt at 1x (the group's assets move
//! together, which is why it exists), and is liquidated within the group's bonus range.
//! Outside any group each reserve's own parameters and borrow factor apply, except that an
//! isolated-collateral reserve counts for nothing there: its collateral counts only inside an
//! isolated group that admits it. A position a group does not admit counts for nothing in it.
//!
//! An isolated group also lets its obligations borrow from one reserve only, up to a debt
//! ceiling in that reserve's tokens, counted in debt shares as borrows, repayments and
//! liquidations happen ([`IsolatedDebt`]).

use super::exchange::Pool;
use super::fixed::{wad_to_amount, Rounding};
use super::health::{RiskParams, UNIT_BORROW_FACTOR_BPS};
use super::liquidation::bonus_keeps_liquidation_improving;
use super::{RiskError, RiskResult};
use crate::constants::{MAX_LIQUIDATION_BONUS_BPS, MIN_LIQUIDATION_BONUS_BPS};

/// Most groups a market holds; ids run from 1 to this (0 means no group).
pub const MAX_GROUPS: u8 = 32;

/// The bit of group `id` (1..=32) in a reserve's group masks.
pub fn group_bit(id: u8) -> u32 {
    match id {
        1..=MAX_GROUPS => 1 << (id - 1),
        _ => 0,
    }
}

/// One group's limits, as an obligation in it is valued and liquidated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupParams {
    /// The group's id, 1..=32.
    pub id: u8,
    /// LTV of every collateral position the group admits, in basis points.
    pub ltv_bps: u16,
    /// Liquidation threshold of every collateral position the group admits, in basis points.
    pub liquidation_threshold_bps: u16,
    /// Liquidation bonus just past the line, in basis points.
    pub min_liquidation_bonus_bps: u16,
    /// Liquidation bonus at full insolvency, in basis points.
    pub max_liquidation_bonus_bps: u16,
    /// Isolated: one debt reserve, a debt ceiling, and the only place isolated collateral
    /// counts.
    pub isolated: bool,
}

impl GroupParams {
    /// True when the limits are within the bounds a reserve's own limits have: an id of 1 to
    /// 32, LTV < threshold ≤ 100%, a minimum bonus of at least 1%, min ≤ max bonus ≤ 25%, and
    /// threshold × (1 + max bonus) < 100% so that a liquidation always shrinks the shortfall.
    pub fn is_valid(&self) -> bool {
        group_bit(self.id) != 0
            && self.ltv_bps < self.liquidation_threshold_bps
            && self.liquidation_threshold_bps <= 10_000
            && self.min_liquidation_bonus_bps >= MIN_LIQUIDATION_BONUS_BPS
            && self.min_liquidation_bonus_bps <= self.max_liquidation_bonus_bps
            && self.max_liquidation_bonus_bps <= MAX_LIQUIDATION_BONUS_BPS
            && bonus_keeps_liquidation_improving(
                self.liquidation_threshold_bps,
                self.max_liquidation_bonus_bps,
            )
    }

    /// The group's collateral limits.
    pub fn risk(&self) -> RiskParams {
        RiskParams {
            ltv_bps: self.ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
        }
    }
}

/// What a reserve says about groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReserveGroups {
    /// The groups whose obligations may hold this asset as collateral (bit `id − 1`).
    pub collateral_mask: u32,
    /// The groups whose obligations may borrow this asset (bit `id − 1`); an isolated group
    /// names its one debt reserve instead.
    pub borrow_mask: u32,
    /// This asset's collateral counts only inside an isolated group that admits it.
    pub isolated_collateral: bool,
    /// The groups this asset is leaving as collateral (taken out of `collateral_mask`, bit
    /// `id − 1`): positions in them still count, at a weight ramping down to nothing.
    pub exit_mask: u32,
    /// That weight now, in basis points of the group's threshold (10,000 = whole).
    pub exit_factor_bps: u16,
}

impl ReserveGroups {
    /// True when an obligation in `group` (or in none) may add this asset as collateral: a
    /// group admits it when its bit is in the collateral mask and, for isolated collateral, the
    /// group is isolated. Outside any group every asset may be deposited (isolated collateral
    /// counts for nothing there, but may wait for its obligation to enter its group).
    pub fn admits_collateral(&self, group: Option<&GroupParams>) -> bool {
        match group {
            None => true,
            Some(g) => {
                self.collateral_mask & group_bit(g.id) != 0
                    && (g.isolated || !self.isolated_collateral)
            }
        }
    }

    /// True when an obligation in `group` (or in none) may borrow this asset; for an isolated
    /// group the caller also checks that this is the group's debt reserve.
    pub fn admits_debt(&self, group: Option<&GroupParams>) -> bool {
        match group {
            None => true,
            Some(g) => g.isolated || self.borrow_mask & group_bit(g.id) != 0,
        }
    }

    /// The limits a collateral position in this reserve gets in `group` (or in none), given the
    /// reserve's own: the group's where it admits the asset, the reserve's own outside any
    /// group (none for isolated collateral), none where the group does not admit it, and in a
    /// group the asset is leaving, no borrowing power and the group's threshold times the exit
    /// weight (rounded down).
    pub fn collateral_params(&self, own: RiskParams, group: Option<&GroupParams>) -> RiskParams {
        match group {
            None if self.isolated_collateral => RiskParams::default(),
            None => own,
            Some(g) if self.admits_collateral(Some(g)) => g.risk(),
            Some(g) if self.is_leaving(g) => RiskParams {
                ltv_bps: 0,
                liquidation_threshold_bps: (g.liquidation_threshold_bps as u32
                    * self.exit_factor_bps.min(10_000) as u32
                    / 10_000) as u16,
            },
            Some(_) => RiskParams::default(),
        }
    }

    /// True when the asset is leaving `g` as collateral (and would otherwise be admitted).
    fn is_leaving(&self, g: &GroupParams) -> bool {
        self.exit_mask & group_bit(g.id) != 0 && (g.isolated || !self.isolated_collateral)
    }

    /// The borrow factor a debt position in this reserve gets in `group` (or in none), given
    /// the reserve's own: 1x inside a group that admits the debt (its assets move together,
    /// which is why it exists), the reserve's own elsewhere, including in a group that no
    /// longer admits it.
    pub fn borrow_factor(&self, own_bps: u16, group: Option<&GroupParams>) -> u16 {
        match group {
            Some(g) if self.admits_debt(Some(g)) => UNIT_BORROW_FACTOR_BPS,
            _ => own_bps,
        }
    }
}

/// An isolated group's debt ceiling and what its obligations owe against it. The count is
/// kept in debt shares of the group's debt reserve, exactly as its obligations hold them, so it
/// follows interest and write-offs like their positions do: the group's debt is the count times
/// the reserve's borrow index, and a borrow that would take it past the ceiling is refused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IsolatedDebt {
    /// Most tokens the group's obligations may owe for a new borrow to be allowed; 0 allows
    /// none.
    pub ceiling: u64,
    /// Debt shares the group's obligations hold in the debt reserve (WAD-scaled).
    pub shares: u128,
}

impl IsolatedDebt {
    /// Tokens the group owes at `pool`'s borrow index, rounded up.
    pub fn debt(&self, pool: &Pool) -> RiskResult<u64> {
        wad_to_amount(pool.debt_of(self.shares)?, Rounding::Up)
    }

    /// Records `new_shares` of new debt (a borrow, or an obligation entering the group).
    /// Refused with `ceiling_reached` when the group would then owe more than its ceiling.
    pub fn add(&mut self, new_shares: u128, pool: &Pool) -> RiskResult<bool> {
        let shares = self
            .shares
            .checked_add(new_shares)
            .ok_or(RiskError::MathOverflow)?;
        let owed = wad_to_amount(pool.debt_of(shares)?, Rounding::Up)?;
        if owed > self.ceiling {
            return Ok(false);
        }
        self.shares = shares;
        Ok(true)
    }

    /// Records `shares` of debt gone (repaid, liquidated, written off, or an obligation leaving
    /// the group). More than the count is an accounting error.
    pub fn remove(&mut self, shares: u128) -> RiskResult<()> {
        self.shares = self
            .shares
            .checked_sub(shares)
            .ok_or(RiskError::MathOverflow)?;
        Ok(())
    }

    /// Tokens that may still be borrowed under the ceiling (before fees), at `pool`'s index.
    pub fn room(&self, pool: &Pool) -> RiskResult<u64> {
        Ok(self.ceiling.saturating_sub(self.debt(pool)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: u8, isolated: bool) -> GroupParams {
        GroupParams {
            id,
            ltv_bps: 9_000,
            liquidation_threshold_bps: 9_300,
            min_liquidation_bonus_bps: 100,
            max_liquidation_bonus_bps: 500,
            isolated,
        }
    }

    const OWN: RiskParams = RiskParams {
        ltv_bps: 7_500,
        liquidation_threshold_bps: 8_000,
    };

    /// The example: SOL and a SOL-pegged asset at 90% / 93% inside the group, 75% /
    /// 80% outside; an asset the group does not admit counts for nothing in it.
    #[test]
    fn a_position_gets_the_groups_limits_only_where_the_group_admits_it() {
        let g = group(3, false);
        let sol = ReserveGroups {
            collateral_mask: group_bit(3),
            ..Default::default()
        };
        let usdc = ReserveGroups::default();
        assert_eq!(sol.collateral_params(OWN, None), OWN);
        assert_eq!(sol.collateral_params(OWN, Some(&g)), g.risk());
        assert_eq!(usdc.collateral_params(OWN, None), OWN);
        assert_eq!(usdc.collateral_params(OWN, Some(&g)), RiskParams::default());
        assert!(sol.admits_collateral(Some(&g)) && !usdc.admits_collateral(Some(&g)));
        assert!(usdc.admits_collateral(None));
    }

    /// Isolated collateral counts only inside an isolated group that admits it: not outside
    /// any group, not in a plain group that lists it.
    #[test]
    fn isolated_collateral_counts_only_inside_an_isolated_group() {
        let new_asset = ReserveGroups {
            collateral_mask: group_bit(1) | group_bit(2),
            isolated_collateral: true,
            ..Default::default()
        };
        let (plain, isolated) = (group(1, false), group(2, true));
        assert_eq!(
            new_asset.collateral_params(OWN, None),
            RiskParams::default()
        );
        assert_eq!(
            new_asset.collateral_params(OWN, Some(&plain)),
            RiskParams::default()
        );
        assert_eq!(
            new_asset.collateral_params(OWN, Some(&isolated)),
            isolated.risk()
        );
    }

    /// Isolated collateral cannot even be added in a plain group that lists it; outside any
    /// group it may be deposited (it waits there, counting for nothing).
    #[test]
    fn isolated_collateral_is_admitted_only_by_an_isolated_group() {
        let new_asset = ReserveGroups {
            collateral_mask: group_bit(1) | group_bit(2),
            isolated_collateral: true,
            ..Default::default()
        };
        assert!(new_asset.admits_collateral(None));
        assert!(!new_asset.admits_collateral(Some(&group(1, false))));
        assert!(new_asset.admits_collateral(Some(&group(2, true))));
        assert!(!new_asset.admits_collateral(Some(&group(3, true))));
    }

    /// Collateral leaving a group keeps counting there at the group's threshold times the
    /// exit weight, with no borrowing power, and cannot be added: a removal never makes a
    /// position count for nothing at once.
    #[test]
    fn collateral_leaving_a_group_counts_at_the_exit_weight_and_cannot_be_added() {
        let g = group(3, false);
        let leaving = ReserveGroups {
            exit_mask: group_bit(3),
            exit_factor_bps: 5_000,
            ..Default::default()
        };
        assert_eq!(
            leaving.collateral_params(OWN, Some(&g)),
            RiskParams {
                ltv_bps: 0,
                liquidation_threshold_bps: 4_650,
            }
        );
        assert!(!leaving.admits_collateral(Some(&g)));
        // Another group, and outside any group, are unaffected.
        assert_eq!(
            leaving.collateral_params(OWN, Some(&group(4, false))),
            RiskParams::default()
        );
        assert_eq!(leaving.collateral_params(OWN, None), OWN);
        // Isolated collateral never counted in a plain group, leaving or not.
        let isolated_leaving = ReserveGroups {
            isolated_collateral: true,
            ..leaving
        };
        assert_eq!(
            isolated_leaving.collateral_params(OWN, Some(&g)),
            RiskParams::default()
        );
        let finished = ReserveGroups {
            exit_factor_bps: 0,
            ..leaving
        };
        assert_eq!(
            finished
                .collateral_params(OWN, Some(&g))
                .liquidation_threshold_bps,
            0
        );
    }

    #[test]
    fn debt_weighs_one_x_inside_a_group_that_admits_it_and_its_own_factor_elsewhere() {
        let sol = ReserveGroups {
            borrow_mask: group_bit(1),
            ..Default::default()
        };
        assert_eq!(sol.borrow_factor(15_000, None), 15_000);
        assert_eq!(
            sol.borrow_factor(15_000, Some(&group(1, false))),
            UNIT_BORROW_FACTOR_BPS
        );
        // A group that dropped the asset weighs its debt at the asset's own factor again.
        assert_eq!(sol.borrow_factor(15_000, Some(&group(2, false))), 15_000);
        assert!(sol.admits_debt(Some(&group(1, false))));
        assert!(!sol.admits_debt(Some(&group(2, false))));
        assert!(sol.admits_debt(None));
    }

    #[test]
    fn group_limits_have_the_bounds_of_a_reserves() {
        assert!(group(1, false).is_valid());
        assert!(group(32, true).is_valid());
        let refused = [
            GroupParams {
                id: 0,
                ..group(1, false)
            },
            GroupParams {
                id: 33,
                ..group(1, false)
            },
            GroupParams {
                ltv_bps: 9_300,
                ..group(1, false)
            },
            GroupParams {
                liquidation_threshold_bps: 10_001,
                ltv_bps: 9_000,
                ..group(1, false)
            },
            GroupParams {
                min_liquidation_bonus_bps: 99,
                ..group(1, false)
            },
            GroupParams {
                min_liquidation_bonus_bps: 600,
                ..group(1, false)
            },
            GroupParams {
                max_liquidation_bonus_bps: 2_501,
                ..group(1, false)
            },
            // 93% × 1.08 ≥ 100%: a liquidation could leave the shortfall larger.
            GroupParams {
                max_liquidation_bonus_bps: 800,
                ..group(1, false)
            },
        ];
        for g in refused {
            assert!(!g.is_valid(), "{g:?}");
        }
    }

    fn pool(index_wad: u128) -> Pool {
        Pool {
            borrow_index: index_wad,
            ..Default::default()
        }
    }

    /// Borrowing past the ceiling is refused however it is split; what leaves frees room;
    /// interest counts against the ceiling as it accrues; removing more than was added is an
    /// error, never a silent zero.
    #[test]
    fn the_debt_ceiling_counts_debt_shares_with_their_interest() {
        use crate::risk::fixed::WAD;
        let one = pool(WAD);
        let mut c = IsolatedDebt {
            ceiling: 1_000,
            shares: 0,
        };
        assert!(c.add(600 * WAD, &one).unwrap());
        assert!(c.add(400 * WAD, &one).unwrap());
        assert!(!c.add(1, &one).unwrap());
        assert_eq!(c.shares, 1_000 * WAD);
        c.remove(300 * WAD).unwrap();
        assert_eq!(c.room(&one).unwrap(), 300);
        // The index grows by 10%: the 700 shares left now owe 770 tokens.
        let later = pool(WAD + WAD / 10);
        assert_eq!(c.debt(&later).unwrap(), 770);
        assert_eq!(c.room(&later).unwrap(), 230);
        assert!(!c.add(210 * WAD, &later).unwrap());
        assert!(c.add(200 * WAD, &later).unwrap());
        assert_eq!(
            c.remove(900 * WAD + 1),
            Err(RiskError::MathOverflow),
            "more than the count left"
        );
        let mut closed = IsolatedDebt::default();
        assert!(!closed.add(1, &one).unwrap());
        assert_eq!(closed.shares, 0);
    }
}
