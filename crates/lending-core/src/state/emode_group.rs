//! An e-mode group account: its limits (a change takes effect from the next slot) and, for an
//! isolated group, its debt reserve and the debt its obligations owe against the ceiling.

use super::{EmodeGroup, EmodeLimits, Obligation};
use crate::risk::emode::{GroupParams, IsolatedDebt};

impl EmodeLimits {
    /// The limits of `params` (id and isolation are kept elsewhere).
    pub fn of(params: &GroupParams) -> Self {
        Self {
            ltv_bps: params.ltv_bps,
            liquidation_threshold_bps: params.liquidation_threshold_bps,
            min_liquidation_bonus_bps: params.min_liquidation_bonus_bps,
            max_liquidation_bonus_bps: params.max_liquidation_bonus_bps,
        }
    }

    /// The group `id` with these limits.
    pub fn params(&self, id: u8, isolated: bool) -> GroupParams {
        GroupParams {
            id,
            ltv_bps: self.ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
            min_liquidation_bonus_bps: self.min_liquidation_bonus_bps,
            max_liquidation_bonus_bps: self.max_liquidation_bonus_bps,
            isolated,
        }
    }
}

impl EmodeGroup {
    /// The limits in force at `slot`.
    pub fn limits_at(&self, slot: u64) -> EmodeLimits {
        if self.pending_from_slot != 0 && slot >= self.pending_from_slot {
            self.pending_limits
        } else {
            self.limits
        }
    }

    /// The group as obligations are valued at `slot` and unix time `now`: the limits in force,
    /// with the liquidation threshold where its ramp (if any) has reached.
    pub fn params_at(&self, slot: u64, now: i64) -> GroupParams {
        let mut limits = self.limits_at(slot);
        if self.threshold_ramp.is_set() {
            limits.liquidation_threshold_bps = self
                .threshold_ramp
                .span()
                .value_at(now, limits.liquidation_threshold_bps);
        }
        limits.params(self.id, self.isolated != 0)
    }

    /// The limits the group is heading to: the last ones set (pending or in force), with the
    /// threshold a ramp ends at.
    pub fn target_limits(&self) -> EmodeLimits {
        if self.pending_from_slot != 0 {
            self.pending_limits
        } else {
            self.limits
        }
    }

    /// Sets new limits, in force from the slot after `slot`: an obligation refreshed earlier in
    /// this slot was valued under the limits in force now, and may act on them until the slot
    /// ends, as it may on a reserve's configuration until the reserve changes
    /// (`valuation_seq`).
    pub fn set_limits(&mut self, limits: EmodeLimits, slot: u64) {
        self.limits = self.limits_at(slot);
        self.pending_limits = limits;
        self.pending_from_slot = slot.saturating_add(1);
    }

    /// The isolated debt count in the pure core's format.
    pub fn isolated_debt(&self) -> IsolatedDebt {
        IsolatedDebt {
            ceiling: self.debt_ceiling,
            shares: self.debt_shares.get(),
        }
    }

    /// Writes the isolated debt count back.
    pub fn set_isolated_debt(&mut self, d: &IsolatedDebt) {
        self.debt_shares.set(d.shares);
    }
}

impl Obligation {
    /// The group the obligation is in, with the limits it was last refreshed under; `None`
    /// outside any group.
    pub fn group(&self) -> Option<GroupParams> {
        (self.emode_group != 0).then(|| {
            self.emode_limits
                .params(self.emode_group, self.emode_isolated != 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(ltv_bps: u16) -> EmodeLimits {
        EmodeLimits {
            ltv_bps,
            ..Default::default()
        }
    }

    /// An update applies from the next slot; a second update in the same slot replaces the
    /// first without ever moving the limits in force in that slot.
    #[test]
    fn new_limits_take_effect_from_the_next_slot() {
        let mut g: EmodeGroup = bytemuck::Zeroable::zeroed();
        g.limits = limits(9_000);
        assert_eq!(g.limits_at(5), limits(9_000));
        g.set_limits(limits(8_000), 10);
        assert_eq!(g.limits_at(10), limits(9_000));
        assert_eq!(g.limits_at(11), limits(8_000));
        g.set_limits(limits(7_000), 10);
        assert_eq!(g.limits_at(10), limits(9_000));
        assert_eq!(g.limits_at(11), limits(7_000));
        g.set_limits(limits(6_000), 20);
        assert_eq!(g.limits_at(20), limits(7_000));
        assert_eq!(g.limits_at(21), limits(6_000));
    }
}
