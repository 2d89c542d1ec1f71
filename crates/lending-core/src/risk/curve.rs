//! The multi-point, piecewise-linear borrow-rate curve.

use super::fixed::{div, mul_div, Rounding, BPS, WAD};
use super::wide::{checked_mul, mul_u64_wide};
use super::{RiskError, RiskResult};
pub use crate::state::{BorrowRateCurve, CurvePoint, CURVE_POINTS};

/// Highest APR a curve may promise, in basis points (10,000% APR).
pub const MAX_RATE_BPS: u32 = 1_000_000;

impl BorrowRateCurve {
    /// Builds a curve from `(utilization_bps, rate_bps)` pairs, padding with the last point.
    /// Returns `None` when there are too many or too few points; validity is checked separately.
    pub fn from_points(pairs: &[(u32, u32)]) -> Option<Self> {
        if pairs.is_empty() || pairs.len() > CURVE_POINTS {
            return None;
        }
        let mut points = [CurvePoint::default(); CURVE_POINTS];
        for (i, p) in points.iter_mut().enumerate() {
            let (u, r) = pairs[i.min(pairs.len() - 1)];
            *p = CurvePoint {
                utilization_bps: u,
                rate_bps: r,
            };
        }
        Some(Self { points })
    }

    /// True when the curve starts at 0%, reaches 100%, has strictly increasing utilisation up to
    /// that point, never lowers the rate, stays under [`MAX_RATE_BPS`], and pads with the 100%
    /// point.
    pub fn is_valid(&self) -> bool {
        let p = &self.points;
        if p[0].utilization_bps != 0 {
            return false;
        }
        let mut reached_end = false;
        for i in 0..CURVE_POINTS {
            if p[i].rate_bps > MAX_RATE_BPS || p[i].utilization_bps > BPS as u32 {
                return false;
            }
            if i == 0 {
                reached_end = p[0].utilization_bps == BPS as u32;
                continue;
            }
            if reached_end {
                if p[i] != p[i - 1] {
                    return false;
                }
            } else {
                if p[i].utilization_bps <= p[i - 1].utilization_bps
                    || p[i].rate_bps < p[i - 1].rate_bps
                {
                    return false;
                }
                reached_end = p[i].utilization_bps == BPS as u32;
            }
        }
        reached_end
    }

    /// The annual borrow rate (WAD) at a utilisation given in WAD (1.0 = 100%), interpolated
    /// linearly between points and rounded up (the borrower pays).
    pub fn apr_wad(&self, utilization_wad: u128) -> RiskResult<u128> {
        let u_bps_wad =
            checked_mul(utilization_wad.min(WAD), BPS).ok_or(RiskError::MathOverflow)?;
        let to_wad = |bps: u32| mul_u64_wide(bps as u64, WAD as u64);
        for w in self.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (ua, ub) = (to_wad(a.utilization_bps), to_wad(b.utilization_bps));
            if u_bps_wad <= ub && ub > ua {
                let span = b.rate_bps as u128 - a.rate_bps as u128;
                // span·WAD·(u − ua) / ((ub_bps − ua_bps)·WAD): the WADs cancel exactly, which
                // keeps the product in 128 bits and the divisor small.
                let width = (b.utilization_bps - a.utilization_bps) as u128;
                let extra = mul_div(span, u_bps_wad - ua, width, Rounding::Up)?;
                let rate_bps_wad = to_wad(a.rate_bps) + extra;
                return div(rate_bps_wad, BPS, Rounding::Up);
            }
        }
        Ok(self.points[CURVE_POINTS - 1].rate_bps as u128 * WAD / BPS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kink() -> BorrowRateCurve {
        BorrowRateCurve::from_points(&[(0, 0), (8_000, 800), (10_000, 10_000)]).unwrap()
    }

    #[test]
    fn validation() {
        assert!(kink().is_valid());
        assert!(
            !BorrowRateCurve::from_points(&[(0, 500), (8_000, 400), (10_000, 900)])
                .unwrap()
                .is_valid()
        );
        assert!(!BorrowRateCurve::from_points(&[(100, 0), (10_000, 900)])
            .unwrap()
            .is_valid());
        assert!(!BorrowRateCurve::from_points(&[(0, 0), (9_000, 900)])
            .unwrap()
            .is_valid());
        assert!(
            !BorrowRateCurve::from_points(&[(0, 0), (5_000, 10), (5_000, 20), (10_000, 30)])
                .unwrap()
                .is_valid()
        );
        assert!(
            !BorrowRateCurve::from_points(&[(0, 0), (10_000, MAX_RATE_BPS + 1)])
                .unwrap()
                .is_valid()
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The cancelled form equals the direct one (span·WAD·(u − ua) / (ub − ua), 256-bit).
        #[test]
        fn interpolation_matches_the_direct_formula(
            kink_u in 1u32..10_000,
            r0 in 0u32..1_000,
            r1 in 0u32..100_000,
            r2 in 0u32..900_000,
            u in 0u128..=WAD,
        ) {
            let c = BorrowRateCurve::from_points(&[(0, r0), (kink_u, r0 + r1), (10_000, r0 + r1 + r2)])
                .unwrap();
            let u_bps_wad = u * BPS;
            let (a, b) = if u_bps_wad <= kink_u as u128 * WAD {
                (c.points[0], c.points[1])
            } else {
                (c.points[1], c.points[2])
            };
            let (ua, ub) = (a.utilization_bps as u128 * WAD, b.utilization_bps as u128 * WAD);
            let span = (b.rate_bps - a.rate_bps) as u128;
            let (q, rem) = crate::risk::wide::mul_div_wide(span * WAD, u_bps_wad - ua, ub - ua).unwrap();
            let extra = q + rem as u128;
            let expected = (a.rate_bps as u128 * WAD + extra).div_ceil(BPS);
            proptest::prop_assert_eq!(c.apr_wad(u).unwrap(), expected);
        }
    }

    #[test]
    fn interpolates() {
        let c = kink();
        assert_eq!(c.apr_wad(0).unwrap(), 0);
        // 40% utilisation is halfway to the 80% kink: 4% APR.
        assert_eq!(c.apr_wad(WAD * 4 / 10).unwrap(), WAD * 4 / 100);
        assert_eq!(c.apr_wad(WAD * 8 / 10).unwrap(), WAD * 8 / 100);
        // 90% is halfway from 8% to 100%: 54%.
        assert_eq!(c.apr_wad(WAD * 9 / 10).unwrap(), WAD * 54 / 100);
        assert_eq!(c.apr_wad(WAD).unwrap(), WAD);
        assert_eq!(c.apr_wad(2 * WAD).unwrap(), WAD);
    }
}
