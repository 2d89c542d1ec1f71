//! Fixed-point helpers over `u128` with an explicit rounding direction.
//!
//! Values scaled by [`WAD`] (1e18) represent fractional numbers. Every helper takes a
//! [`Rounding`] so the caller states, at the call site, which way the error goes: down for what
//! a user receives, up for what a user owes.

use super::wide::{
    checked_mul, div_rem_u64, div_rem_wad, mul_div_u64, mul_div_wad_split, mul_div_wide,
    mul_u64_wide,
};
use super::{RiskError, RiskResult};

/// 1.0 in the 18-decimal fixed-point representation.
pub const WAD: u128 = 1_000_000_000_000_000_000;
/// 100% in basis points.
pub const BPS: u128 = 10_000;

/// Direction in which an inexact result is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Towards zero: use for amounts a user receives.
    Down,
    /// Away from zero: use for amounts a user owes.
    Up,
}

/// Computes `a * b / d` with the given rounding. When the product does not fit in 128 bits it
/// goes through a 256-bit long division (see [`super::wide`]), or for `d = WAD` through the
/// cheaper exact split of [`mul_div_wad_split`].
#[inline(always)]
pub fn mul_div(a: u128, b: u128, d: u128, rounding: Rounding) -> RiskResult<u128> {
    if d == 0 {
        return Err(RiskError::DivisionByZero);
    }
    if let Some(p) = checked_mul(a, b) {
        return div(p, d, rounding);
    }
    let small = |x: u128| x <= u64::MAX as u128;
    let (q, remainder) = if d == WAD {
        mul_div_wad_split(a, b)
    } else if small(d) && small(a) {
        mul_div_u64(a as u64, b, d as u64)
    } else if small(d) && small(b) {
        mul_div_u64(b as u64, a, d as u64)
    } else {
        mul_div_wide(a, b, d)
    }
    .ok_or(RiskError::MathOverflow)?;
    if rounding == Rounding::Up && remainder {
        q.checked_add(1).ok_or(RiskError::MathOverflow)
    } else {
        Ok(q)
    }
}

/// `a * b / WAD` with the given rounding.
#[inline]
pub fn wad_mul(a: u128, b: u128, rounding: Rounding) -> RiskResult<u128> {
    mul_div(a, b, WAD, rounding)
}

/// `a * bps / 10_000` with the given rounding.
#[inline]
pub fn bps_mul(a: u128, bps: u128, rounding: Rounding) -> RiskResult<u128> {
    mul_div(a, bps, BPS, rounding)
}

/// Converts a WAD-scaled amount to whole token units with the given rounding.
#[inline]
pub fn wad_to_amount(a: u128, rounding: Rounding) -> RiskResult<u64> {
    let (q, remainder) = div_rem_wad(a);
    let q = if rounding == Rounding::Up && remainder {
        q + 1
    } else {
        q
    };
    u64::try_from(q).map_err(|_| RiskError::MathOverflow)
}

/// Converts whole token units to a WAD-scaled amount.
#[inline]
pub fn amount_to_wad(a: u64) -> u128 {
    // u64::MAX * 1e18 < u128::MAX, so this cannot overflow.
    mul_u64_wide(a, WAD as u64)
}

/// `base^exp` in WAD fixed point by binary exponentiation, every step rounded the same way.
pub fn wad_pow(base: u128, mut exp: u64, rounding: Rounding) -> RiskResult<u128> {
    let mut result = WAD;
    let mut b = base;
    while exp > 0 {
        if exp & 1 == 1 {
            result = wad_mul(result, b, rounding)?;
        }
        exp >>= 1;
        if exp > 0 {
            b = wad_mul(b, b, rounding)?;
        }
    }
    Ok(result)
}

/// `10^0 ..= 10^38`: every power of ten a `u128` holds.
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < t.len() {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `10^n` as a `u128`, for token decimals and oracle exponents (a table lookup: SBF has no
/// 128-bit multiply, so `checked_pow` costs a library call per step).
pub fn pow10(n: u32) -> RiskResult<u128> {
    POW10
        .get(n as usize)
        .copied()
        .ok_or(RiskError::MathOverflow)
}

/// `n / d` with the given rounding (`mul_div(n, 1, d)` without the multiplication).
#[inline(always)]
pub fn div(n: u128, d: u128, rounding: Rounding) -> RiskResult<u128> {
    if d == 0 {
        return Err(RiskError::DivisionByZero);
    }
    let (q, remainder) = if n <= u64::MAX as u128 && d <= u64::MAX as u128 {
        let (n, d) = (n as u64, d as u64);
        ((n / d) as u128, n % d != 0)
    } else if d == WAD {
        div_rem_wad(n)
    } else if d <= u64::MAX as u128 {
        let (q, r) = div_rem_u64(n, d as u64);
        (q, r != 0)
    } else {
        (n / d, !n.is_multiple_of(d))
    };
    Ok(if rounding == Rounding::Up && remainder {
        q + 1
    } else {
        q
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_div_rounds_as_asked() {
        assert_eq!(mul_div(10, 1, 3, Rounding::Down).unwrap(), 3);
        assert_eq!(mul_div(10, 1, 3, Rounding::Up).unwrap(), 4);
        assert_eq!(mul_div(9, 1, 3, Rounding::Up).unwrap(), 3);
        assert_eq!(
            mul_div(1, 1, 0, Rounding::Up),
            Err(RiskError::DivisionByZero)
        );
    }

    #[test]
    fn mul_div_wide_path_matches_narrow_path() {
        let a = u128::MAX / 3;
        assert_eq!(mul_div(a, 6, 6, Rounding::Down).unwrap(), a);
        assert_eq!(mul_div(a, 7, 7, Rounding::Up).unwrap(), a);
        assert_eq!(
            mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Down).unwrap(),
            u128::MAX
        );
        assert_eq!(
            mul_div(u128::MAX, 2, 1, Rounding::Down),
            Err(RiskError::MathOverflow)
        );
    }

    #[test]
    fn pow10_table_matches_checked_pow() {
        for n in 0..45 {
            assert_eq!(pow10(n).ok(), 10u128.checked_pow(n), "10^{n}");
        }
    }

    proptest::proptest! {
        #[test]
        fn div_equals_mul_div_by_one(n in proptest::prelude::any::<u128>(), d in 0u128..u128::MAX, shift in 0u32..128, up in proptest::bool::ANY) {
            let d = d >> shift;
            let r = if up { Rounding::Up } else { Rounding::Down };
            proptest::prop_assert_eq!(div(n, d, r), mul_div(n, 1, d, r));
        }
    }

    #[test]
    fn wad_pow_small_cases() {
        assert_eq!(wad_pow(2 * WAD, 10, Rounding::Down).unwrap(), 1024 * WAD);
        assert_eq!(wad_pow(WAD / 2, 0, Rounding::Down).unwrap(), WAD);
        assert_eq!(wad_pow(WAD / 2, 2, Rounding::Down).unwrap(), WAD / 4);
    }

    #[test]
    fn wad_to_amount_rounding() {
        assert_eq!(wad_to_amount(WAD + 1, Rounding::Down).unwrap(), 1);
        assert_eq!(wad_to_amount(WAD + 1, Rounding::Up).unwrap(), 2);
        assert_eq!(wad_to_amount(2 * WAD, Rounding::Up).unwrap(), 2);
    }
}
