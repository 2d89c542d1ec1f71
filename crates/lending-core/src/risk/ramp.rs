//! Ramps: a lowered liquidation threshold (or the weight of collateral leaving an e-mode group)
//! moves linearly from its old value to its new one over the market's ramp period, so that a
//! tightening never makes positions liquidatable at once.

/// A linear move from `from_bps` at `start` to `to_bps` at `end` (unix times); `end == 0`
/// means no ramp is running.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RampSpan {
    /// Value at `start`, in basis points.
    pub from_bps: u16,
    /// Value from `end` on, in basis points.
    pub to_bps: u16,
    /// Unix time the ramp starts.
    pub start: i64,
    /// Unix time the ramp ends; 0 when no ramp is running.
    pub end: i64,
}

impl RampSpan {
    /// A ramp from `from_bps` now to `to_bps` after `secs` seconds; none (the target at once)
    /// when it would not lower anything or `secs` is 0.
    pub fn lowering(from_bps: u16, to_bps: u16, now: i64, secs: u64) -> Self {
        if to_bps >= from_bps || secs == 0 {
            return Self::default();
        }
        Self {
            from_bps,
            to_bps,
            start: now,
            end: now.saturating_add(secs.min(i64::MAX as u64) as i64),
        }
    }

    /// True while the ramp has not reached its target at `now`.
    pub fn running(&self, now: i64) -> bool {
        self.end != 0 && now < self.end
    }

    /// The value at `now`: `from_bps` until `start`, `to_bps` from `end` on, linear between,
    /// rounded toward the target (a lowering ramp never lags behind its line). `fallback` is
    /// the value when no ramp is set.
    pub fn value_at(&self, now: i64, fallback: u16) -> u16 {
        if self.end == 0 {
            return fallback;
        }
        if now >= self.end {
            return self.to_bps;
        }
        if now <= self.start {
            return self.from_bps;
        }
        let span = (self.end - self.start) as u128;
        let elapsed = (now - self.start) as u128;
        let (from, to) = (self.from_bps as u128, self.to_bps as u128);
        if from >= to {
            // Lowering: the drop so far, rounded up.
            let drop = ((from - to) * elapsed).div_ceil(span);
            (from - drop) as u16
        } else {
            let rise = (to - from) * elapsed / span;
            (from + rise) as u16
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lowering_moves_linearly_and_rounds_toward_the_target() {
        let r = RampSpan::lowering(8_500, 7_000, 1_000, 100);
        assert!(r.running(1_000) && r.running(1_099) && !r.running(1_100));
        assert_eq!(r.value_at(999, 0), 8_500);
        assert_eq!(r.value_at(1_000, 0), 8_500);
        assert_eq!(r.value_at(1_050, 0), 7_750);
        // 1,500 × 1 / 100 = 15 exactly; 1,500 × 33 / 100 = 495.
        assert_eq!(r.value_at(1_001, 0), 8_485);
        assert_eq!(r.value_at(1_033, 0), 8_005);
        assert_eq!(r.value_at(1_100, 0), 7_000);
        assert_eq!(r.value_at(i64::MAX, 0), 7_000);
        // A drop of 1 over 3 seconds: rounded up, it is there after the first second.
        let r = RampSpan::lowering(3, 2, 0, 3);
        assert_eq!(r.value_at(1, 0), 2);
    }

    #[test]
    fn no_ramp_for_a_raise_an_equal_value_or_a_zero_period() {
        assert_eq!(
            RampSpan::lowering(7_000, 8_500, 0, 100),
            RampSpan::default()
        );
        assert_eq!(
            RampSpan::lowering(7_000, 7_000, 0, 100),
            RampSpan::default()
        );
        assert_eq!(RampSpan::lowering(8_500, 7_000, 0, 0), RampSpan::default());
        assert_eq!(RampSpan::default().value_at(5, 1_234), 1_234);
        assert!(!RampSpan::default().running(0));
    }

    #[test]
    fn the_value_never_leaves_the_range_between_its_ends() {
        for (from, to, secs) in [(10_000u16, 0u16, 7u64), (9_300, 9_299, 86_400), (1, 0, 1)] {
            let r = RampSpan::lowering(from, to, 50, secs);
            let mut last = from;
            for t in 40..(60 + secs as i64) {
                let v = r.value_at(t, 0);
                assert!(v <= last && v >= to, "{from}->{to} at {t}: {v}");
                last = v;
            }
            assert_eq!(last, to);
        }
    }
}
