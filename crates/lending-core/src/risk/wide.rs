//! 128-bit products and `a * b / d` through a 256-bit product, on 64-bit limbs.
//!
//! SBF has native 64-bit multiply and divide but no 128-bit ones: a `u128` product or
//! division is a library call, and a general 256-bit integer type divides through them in its
//! inner loop. Here products are built from 64x64 products on 32-bit halves, and divisions are
//! long divisions whose digit estimates are native 64-bit divisions.

/// The full 128-bit product of two `u64`s from 32-bit halves: four native multiplies (SBF has
/// no high-half multiply, and a `u128` product there is a library call).
#[inline(always)]
pub fn mul_u64_wide(a: u64, b: u64) -> u128 {
    const LOW: u64 = 0xFFFF_FFFF;
    let (a0, a1) = (a & LOW, a >> 32);
    let (b0, b1) = (b & LOW, b >> 32);
    // Halves below 2^32: every product fits, so none needs a (library-call) overflow check.
    let p00 = a0.wrapping_mul(b0);
    let p01 = a0.wrapping_mul(b1);
    let p10 = a1.wrapping_mul(b0);
    // Three terms below 2^32 each: no overflow.
    let mid = (p00 >> 32) + (p01 & LOW) + (p10 & LOW);
    let lo = (p00 & LOW) | (mid << 32);
    // The high half of a 64x64 product always fits in 64 bits.
    let hi = a1.wrapping_mul(b1) + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    ((hi as u128) << 64) | lo as u128
}

/// `x * m` modulo 2^128, on 64-bit limbs (for products known to fit).
#[inline(always)]
fn wrapping_mul_u64(x: u128, m: u64) -> u128 {
    let hi = ((x >> 64) as u64).wrapping_mul(m);
    mul_u64_wide(x as u64, m).wrapping_add((hi as u128) << 64)
}

/// `a * b` for `u128`s, `None` on overflow: the library-call-free form of
/// `u128::checked_mul` on SBF (at most two 64-bit products), the native one elsewhere.
#[inline(always)]
pub fn checked_mul(a: u128, b: u128) -> Option<u128> {
    #[cfg(target_arch = "bpf")]
    {
        checked_mul_limbs(a, b)
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        a.checked_mul(b)
    }
}

/// [`checked_mul`] on 64-bit limbs: with one operand below 2^64, `a·b = lo + (cross << 64)`.
#[cfg_attr(not(target_arch = "bpf"), allow(dead_code))]
#[inline(always)]
fn checked_mul_limbs(a: u128, b: u128) -> Option<u128> {
    let (a_hi, a_lo) = ((a >> 64) as u64, a as u64);
    let (b_hi, b_lo) = ((b >> 64) as u64, b as u64);
    let lo = mul_u64_wide(a_lo, b_lo);
    let cross = match (a_hi, b_hi) {
        (0, 0) => return Some(lo),
        (h, 0) => mul_u64_wide(h, b_lo),
        (0, h) => mul_u64_wide(a_lo, h),
        _ => return None,
    };
    if cross >> 64 != 0 {
        return None;
    }
    lo.checked_add(cross << 64)
}

/// The 256-bit product `a·b` as `(high, low)` 128-bit halves, from four 64x64 products.
pub fn mul_256(a: u128, b: u128) -> (u128, u128) {
    let (a1, a0) = ((a >> 64) as u64, a as u64);
    let (b1, b0) = ((b >> 64) as u64, b as u64);
    let p00 = mul_u64_wide(a0, b0);
    let p01 = mul_u64_wide(a0, b1);
    let p10 = mul_u64_wide(a1, b0);
    let p11 = mul_u64_wide(a1, b1);
    // Three terms below 2^64 each: no overflow.
    let mid = (p00 >> 64) + (p01 as u64 as u128) + (p10 as u64 as u128);
    let low = (mid << 64) | (p00 as u64 as u128);
    // The high half of a 128x128 product always fits in 128 bits.
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// `floor(a * b / d)` and whether the division left a remainder; `None` when `d` is zero or
/// the quotient does not fit in 128 bits. The 256-bit product is built from 64x64 products and
/// divided on 64-bit digits (Knuth's algorithm D with a one- or two-digit divisor), so every
/// step is native 64-bit arithmetic.
pub fn mul_div_wide(a: u128, b: u128, d: u128) -> Option<(u128, bool)> {
    if d == 0 {
        return None;
    }
    let (high, low) = mul_256(a, b);
    if high >= d {
        // The quotient is at least 2^128.
        return None;
    }
    if d <= u64::MAX as u128 {
        // high < d < 2^64: two digits, each a 128-by-64 division with a remainder below d.
        let d = d as u64;
        let (q1, r1) = div_2by1(high as u64, (low >> 64) as u64, d);
        let (q0, r0) = div_2by1(r1, low as u64, d);
        return Some((((q1 as u128) << 64) | q0 as u128, r0 != 0));
    }
    // Normalise so the divisor's top bit is set; high < d keeps the shifted top below it.
    let s = ((d >> 64) as u64).leading_zeros();
    let v = d << s;
    let top = if s == 0 {
        high
    } else {
        (high << s) | (low >> (128 - s))
    };
    let low = low << s;
    let (q1, r1) = div_3by2(top, (low >> 64) as u64, v);
    let (q0, r0) = div_3by2(r1, low as u64, v);
    Some((((q1 as u128) << 64) | q0 as u128, r0 != 0))
}

/// One quotient digit of `top·2^64 + next` by a normalised two-digit divisor `v` (top bit set,
/// `top < v`), and the remainder. The estimate from the top digits is never too small and the
/// test against the divisor's low digit is exact, so the corrected digit is the quotient.
fn div_3by2(top: u128, next: u64, v: u128) -> (u64, u128) {
    debug_assert!(top < v && v >> 127 == 1);
    let (v1, v0) = ((v >> 64) as u64, v as u64);
    let t1 = (top >> 64) as u64;
    let (mut q, mut rhat) = if t1 >= v1 {
        // t1 == v1: the digit is at most 2^64 - 1.
        (u64::MAX, top - mul_u64_wide(u64::MAX, v1))
    } else {
        let (q, r) = div_2by1(t1, top as u64, v1);
        (q, r as u128)
    };
    // While q·v exceeds top·2^64 + next, lower q. Once rhat ≥ 2^64 it cannot (q·v0 < 2^128).
    while rhat >> 64 == 0 && mul_u64_wide(q, v0) > ((rhat << 64) | next as u128) {
        q -= 1;
        rhat += v1 as u128;
    }
    // The remainder is below v < 2^128: compute it modulo 2^128.
    let qv = mul_u64_wide(q, v0).wrapping_add(mul_u64_wide(q, v1) << 64);
    (q, ((top << 64) | next as u128).wrapping_sub(qv))
}

/// Largest divisor [`div_rem_small`] accepts (exclusive): 2^48.
pub const SMALL_DIVISOR_LIMIT: u128 = 1 << 48;

/// `n / d` and `n % d` for `0 < d < 2^48`: the high 64 bits by one native division, then the
/// low 64 bits in digits small enough that each partial remainder, shifted, fits in 64 bits
/// (32-bit digits for `d < 2^32`, 16-bit digits otherwise).
#[inline(always)]
pub fn div_rem_small(n: u128, d: u64) -> (u128, u64) {
    debug_assert!(d != 0 && (d as u128) < SMALL_DIVISOR_LIMIT);
    let (n1, n0) = ((n >> 64) as u64, n as u64);
    // `%` rather than `n - q·d`: a checked 64-bit product needs the high half, which SBF
    // only has as a library call.
    let (q1, mut rem) = (n1 / d, n1 % d);
    let mut step = |digit: u64, bits: u32| {
        let cur = (rem << bits) | digit;
        rem = cur % d;
        cur / d
    };
    let q0 = if d <= u32::MAX as u64 {
        let a = step(n0 >> 32, 32);
        let b = step(n0 & 0xFFFF_FFFF, 32);
        (a << 32) | b
    } else {
        let a = step(n0 >> 48, 16);
        let b = step((n0 >> 32) & 0xFFFF, 16);
        let c = step((n0 >> 16) & 0xFFFF, 16);
        let e = step(n0 & 0xFFFF, 16);
        (a << 48) | (b << 32) | (c << 16) | e
    };
    (((q1 as u128) << 64) | q0 as u128, rem)
}

/// 10^18 = 2^18 * 5^18.
const FIVE_POW_18: u64 = 3_814_697_265_625;

/// `n / 10^18` and whether it left a remainder: a shift by 18 bits, then a short division by
/// 5^18 (below 2^42).
#[inline(always)]
pub fn div_rem_wad(n: u128) -> (u128, bool) {
    let (q, rem) = div_rem_small(n >> 18, FIVE_POW_18);
    (q, rem != 0 || n & ((1 << 18) - 1) != 0)
}

/// `floor(a * b / 10^18)` and whether it left a remainder, without a 256-bit product: with
/// `a = ha·10^18 + la` and `b = hb·10^18 + lb` (`la, lb < 10^18`),
/// `a·b/10^18 = ha·hb·10^18 + ha·lb + hb·la + la·lb/10^18` exactly, and `la·lb < 10^36` fits.
/// Where `la·b` fits, `a·b/10^18 = ha·b + la·b/10^18` needs one split fewer. Every term is at
/// most the quotient, so this is `None` exactly when the quotient does not fit in 128 bits.
/// Short divisions only (cheaper than the long division).
#[inline(always)]
pub fn mul_div_wad_split(a: u128, b: u128) -> Option<(u128, bool)> {
    let (a, b) = if a >= b { (a, b) } else { (b, a) };
    let (ha, la) = split_wad(a);
    if let Some(low) = checked_mul(la, b) {
        // One side suffices: a·b/10^18 = ha·b + la·b/10^18.
        let (q_low, rem) = div_rem_wad(low);
        return Some((checked_mul(ha, b)?.checked_add(q_low)?, rem));
    }
    let (hb, lb) = split_wad(b);
    // la, lb < 10^18 < 2^64.
    let (q_low, rem) = div_rem_wad(mul_u64_wide(la as u64, lb as u64));
    let q = checked_mul(checked_mul(ha, hb)?, WAD_U128)?
        .checked_add(checked_mul(ha, lb)?)?
        .checked_add(checked_mul(hb, la)?)?
        .checked_add(q_low)?;
    Some((q, rem))
}

/// `floor(a * b / d)` and whether it left a remainder, for `a` and `d` below 2^64 (`d > 0`):
/// with `b = q1·d + r1`, `a·b/d = a·q1 + a·r1/d` exactly, and `a·r1 < 2^128`. Two 128-by-64
/// divisions instead of the 256-bit long division; `None` when the quotient overflows.
#[inline(always)]
pub fn mul_div_u64(a: u64, b: u128, d: u64) -> Option<(u128, bool)> {
    let (q1, r1) = div_rem_u64(b, d);
    let (q2, r2) = div_rem_u64(mul_u64_wide(a, r1), d);
    Some((checked_mul(a as u128, q1)?.checked_add(q2)?, r2 != 0))
}

/// `(n / d, n % d)` for a divisor below 2^64 (`d > 0`), on native 64-bit divisions (a `u128`
/// division is a library call on SBF).
#[inline(always)]
pub fn div_rem_u64(n: u128, d: u64) -> (u128, u64) {
    if (d as u128) < SMALL_DIVISOR_LIMIT {
        return div_rem_small(n, d);
    }
    let (n1, n0) = ((n >> 64) as u64, n as u64);
    let (q1, r1) = (n1 / d, n1 % d);
    let (q0, r) = div_2by1(r1, n0, d);
    (((q1 as u128) << 64) | q0 as u128, r)
}

/// `(u1·2^64 + u0) / v` and the remainder for `u1 < v` (so the quotient fits in 64 bits):
/// a two-digit long division on 32-bit halves of the normalised divisor, each quotient digit
/// estimated from a native division and corrected exactly against the divisor's low half
/// (Knuth's algorithm D for a two-digit divisor, where the estimate test is exact).
#[inline(always)]
fn div_2by1(u1: u64, u0: u64, v: u64) -> (u64, u64) {
    debug_assert!(u1 < v);
    const B: u64 = 1 << 32;
    const LOW: u64 = B - 1;
    let s = v.leading_zeros();
    let v = v << s;
    let (vn1, vn0) = (v >> 32, v & LOW);
    let un32 = if s == 0 {
        u1
    } else {
        (u1 << s) | (u0 >> (64 - s))
    };
    let un10 = u0 << s;
    let (un1, un0) = (un10 >> 32, un10 & LOW);
    // One quotient digit of `hi·2^32 + lo` (with `hi < v`) by `v`, and what remains.
    // Products below are proven in range, so they wrap instead of checking: a checked 64-bit
    // product needs the high half, which SBF only has as a library call.
    let digit = |hi: u64, lo: u64| {
        let mut q = hi / vn1;
        let mut rhat = hi % vn1;
        // `q < B` is tested first, so `q·vn0 < 2^64`; `rhat < B`, so `rhat·B + lo < 2^64`.
        while q >= B || q.wrapping_mul(vn0) > (rhat << 32) + lo {
            q -= 1;
            rhat += vn1;
            if rhat >= B {
                break;
            }
        }
        // The true remainder is below v < 2^64: compute it modulo 2^64.
        let rem = (hi << 32).wrapping_add(lo).wrapping_sub(q.wrapping_mul(v));
        (q, rem)
    };
    let (q1, un21) = digit(un32, un1);
    let (q0, rem) = digit(un21, un0);
    ((q1 << 32) | q0, rem >> s)
}

/// `(x / 10^18, x % 10^18)`, skipping the division below 10^18.
#[inline(always)]
fn split_wad(x: u128) -> (u128, u128) {
    if x < WAD_U128 {
        return (0, x);
    }
    let (h, _) = div_rem_wad(x);
    // h < 2^69 and h·10^18 ≤ x: the product cannot overflow.
    (h, x - wrapping_mul_u64(h, WAD_U128 as u64))
}

const WAD_U128: u128 = 1_000_000_000_000_000_000;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reference: the `uint` crate's 256-bit type.
    #[allow(clippy::manual_div_ceil)]
    mod reference {
        uint::construct_uint! {
            pub struct U256(4);
        }
    }
    use reference::U256;

    fn expected(a: u128, b: u128, d: u128) -> Option<(u128, bool)> {
        if d == 0 {
            return None;
        }
        let (q, r) = (U256::from(a) * U256::from(b)).div_mod(U256::from(d));
        if q.bits() > 128 {
            return None;
        }
        Some((q.as_u128(), !r.is_zero()))
    }

    /// Values spread over every magnitude, with the edge cases over-represented.
    fn any_u128() -> impl Strategy<Value = u128> {
        prop_oneof![
            Just(0u128),
            Just(1u128),
            Just(u128::MAX),
            any::<u32>().prop_map(|x| x as u128),
            any::<u64>().prop_map(|x| x as u128),
            (any::<u128>(), 0u32..128).prop_map(|(x, s)| x >> s),
            any::<u128>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn matches_the_256_bit_reference(a in any_u128(), b in any_u128(), d in any_u128()) {
            prop_assert_eq!(mul_div_wide(a, b, d), expected(a, b, d));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Quotients near 2^128 and two-digit divisors near their operands: the digit
        /// estimates' corrections and the clamped estimate are exercised.
        #[test]
        fn near_limit_quotients_match_the_reference(
            a in any::<u128>(),
            d in (1u128 << 64)..,
            delta in 0u128..1_000,
            shift in 0u32..64,
        ) {
            let d = (d >> shift).max(1 << 64);
            let b = d.saturating_sub(delta);
            prop_assert_eq!(mul_div_wide(a, b, d), expected(a, b, d));
            prop_assert_eq!(mul_div_wide(a, d + delta.min(u128::MAX - d), d), expected(a, d + delta.min(u128::MAX - d), d));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn wad_split_matches_the_256_bit_reference(a in any_u128(), b in any_u128()) {
            let wad = 1_000_000_000_000_000_000u128;
            prop_assert_eq!(mul_div_wad_split(a, b), expected(a, b, wad));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn u64_operand_path_matches_the_256_bit_reference(a in any::<u64>(), b in any_u128(), d in 1u64.., shift in 0u32..64) {
            let d = (d >> shift).max(1);
            prop_assert_eq!(mul_div_u64(a, b, d), expected(a as u128, b, d as u128));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn short_divisions_match_native(n in any_u128(), d in 1u64..(1 << 48)) {
            let (q, r) = div_rem_small(n, d);
            prop_assert_eq!((q, r as u128), (n / d as u128, n % d as u128));
            let wad = 1_000_000_000_000_000_000u128;
            prop_assert_eq!(div_rem_wad(n), (n / wad, n % wad != 0));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]
        #[test]
        fn limb_products_match_native(a in any_u128(), b in any_u128(), x in any::<u64>(), y in any::<u64>()) {
            prop_assert_eq!(checked_mul_limbs(a, b), a.checked_mul(b));
            prop_assert_eq!(mul_u64_wide(x, y), x as u128 * y as u128);
            prop_assert_eq!(wrapping_mul_u64(a, x), a.wrapping_mul(x as u128));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(50_000))]
        #[test]
        fn long_divisions_by_u64_match_native(n in any_u128(), d in any::<u64>(), shift in 0u32..64) {
            let d = (d >> shift).max(1);
            let (q, r) = div_rem_u64(n, d);
            prop_assert_eq!((q, r as u128), (n / d as u128, n % d as u128));
        }
    }

    #[test]
    fn long_division_edges() {
        for &(n, d) in &[
            (u128::MAX, u64::MAX),
            (u128::MAX, 1u64 << 48),
            (u128::MAX, (1u64 << 63) + 1),
            ((u64::MAX as u128) << 64, u64::MAX),
            (((u64::MAX - 1) as u128) << 64 | u64::MAX as u128, u64::MAX),
            (1u128 << 127, (1u64 << 63) - 1),
            (0, 1u64 << 60),
            (12345, u64::MAX),
        ] {
            let (q, r) = div_rem_u64(n, d);
            assert_eq!((q, r as u128), (n / d as u128, n % d as u128), "{n} / {d}");
        }
    }

    #[test]
    fn limb_product_edges() {
        for &(a, b) in &[
            (u128::MAX, 1),
            (1, u128::MAX),
            (u128::MAX, 2),
            (u64::MAX as u128, u64::MAX as u128),
            ((u64::MAX as u128) + 1, u64::MAX as u128),
            (1u128 << 64, 1u128 << 63),
            (1u128 << 64, 1u128 << 64),
            ((1u128 << 127) - 1, 2),
            (0, u128::MAX),
        ] {
            assert_eq!(checked_mul_limbs(a, b), a.checked_mul(b), "{a} * {b}");
            assert_eq!(checked_mul_limbs(b, a), b.checked_mul(a), "{b} * {a}");
        }
    }

    #[test]
    fn edge_cases() {
        let wad = 1_000_000_000_000_000_000u128;
        for &(a, b, d) in &[
            (u128::MAX, u128::MAX, u128::MAX),
            (u128::MAX, 1, 1),
            (u128::MAX, 2, 1),
            (5 * wad * wad, wad, 7 * wad),
            (1 << 96, 1 << 96, (1 << 64) + 1),
            (
                0xFFFF_FFFF_0000_0000,
                0xFFFF_FFFF_0000_0000,
                0x8000_0000_0000_0001,
            ),
            (123, 456, 0),
            // Divisor with its top bit set (no normalising shift), and just above 2^64.
            (u128::MAX, u128::MAX - 1, u128::MAX),
            (u128::MAX, (1 << 64) + 1, (1 << 64) + 1),
            (u128::MAX, 1 << 64, (1 << 64) + 1),
            // The top digit of the dividend equals the divisor's: the clamped estimate.
            ((1 << 127) + 5, (1 << 127) + 3, (1 << 127) + 7),
            (u128::MAX - 1, u128::MAX - 2, u128::MAX - 1),
            (
                (u64::MAX as u128) << 64,
                u64::MAX as u128 + 2,
                (u64::MAX as u128) << 64 | 1,
            ),
            // One-digit divisors.
            (u128::MAX, u64::MAX as u128, u64::MAX as u128),
            (u128::MAX, 3, u64::MAX as u128),
            (u128::MAX, u128::MAX, 1 << 63),
        ] {
            assert_eq!(mul_div_wide(a, b, d), expected(a, b, d), "{a} * {b} / {d}");
        }
    }
}
