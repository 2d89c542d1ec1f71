//! `a * b / d` for 128-bit operands through a 256-bit product, on 32-bit digits.
//!
//! SBF has native 64-bit multiply and divide but no 128-bit ones: a general 256-bit integer
//! type divides through 128-bit library calls in its inner loop and costs thousands of compute
//! units. Here the product and the long division (Knuth's algorithm D, base 2^32) use only
//! 64-bit operations: a few hundred compute units.

/// The full 128-bit product of two `u64`s from 32-bit halves: four native multiplies (SBF has
/// no high-half multiply, and a `u128` product there is a library call).
#[inline]
pub fn mul_u64_wide(a: u64, b: u64) -> u128 {
    const LOW: u64 = 0xFFFF_FFFF;
    let (a0, a1) = (a & LOW, a >> 32);
    let (b0, b1) = (b & LOW, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    // Three terms below 2^32 each: no overflow.
    let mid = (p00 >> 32) + (p01 & LOW) + (p10 & LOW);
    let lo = (p00 & LOW) | (mid << 32);
    // The high half of a 64x64 product always fits in 64 bits.
    let hi = a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    ((hi as u128) << 64) | lo as u128
}

/// `x * m` modulo 2^128, on 64-bit limbs (for products known to fit).
#[inline]
fn wrapping_mul_u64(x: u128, m: u64) -> u128 {
    let hi = ((x >> 64) as u64).wrapping_mul(m);
    mul_u64_wide(x as u64, m).wrapping_add((hi as u128) << 64)
}

/// `a * b` for `u128`s, `None` on overflow: the library-call-free form of
/// `u128::checked_mul` on SBF (at most two 64-bit products), the native one elsewhere.
#[inline]
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
#[inline]
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

/// Digits of a 256-bit value, least significant first.
type Digits8 = [u32; 8];

/// The 256-bit product of `a` and `b`, as base-2^32 digits.
fn mul_128(a: u128, b: u128) -> Digits8 {
    let a = split(a);
    let b = split(b);
    let mut out = [0u32; 8];
    for (i, &ai) in a.iter().enumerate() {
        if ai == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &bj) in b.iter().enumerate() {
            // ai * bj + out + carry < 2^64: (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1.
            let t = ai as u64 * bj as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        out[i + 4] = carry as u32;
    }
    out
}

/// Base-2^32 digits of a `u128`, least significant first.
fn split(x: u128) -> [u32; 4] {
    [
        x as u32,
        (x >> 32) as u32,
        (x >> 64) as u32,
        (x >> 96) as u32,
    ]
}

/// Number of significant digits.
fn len(d: &[u32]) -> usize {
    d.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1)
}

/// `floor(a * b / d)` and whether the division left a remainder; `None` when `d` is zero or
/// the quotient does not fit in 128 bits.
pub fn mul_div_wide(a: u128, b: u128, d: u128) -> Option<(u128, bool)> {
    let u = mul_128(a, b);
    let v = split(d);
    let n = len(&v);
    if n == 0 {
        return None;
    }
    let m = len(&u);
    if m < n {
        return Some((0, m != 0));
    }
    let mut q = [0u32; 8];
    if n == 1 {
        // Short division by one digit.
        let d0 = v[0] as u64;
        let mut rem = 0u64;
        for j in (0..m).rev() {
            let cur = (rem << 32) | u[j] as u64;
            q[j] = (cur / d0) as u32;
            rem = cur % d0;
        }
        return join_quotient(&q).map(|x| (x, rem != 0));
    }
    // Normalise so the divisor's top digit has its high bit set.
    let s = v[n - 1].leading_zeros();
    let mut vn = [0u32; 4];
    let mut un = [0u32; 9];
    for i in (1..n).rev() {
        vn[i] = shl_pair(v[i], v[i - 1], s);
    }
    vn[0] = v[0] << s;
    un[m] = if s == 0 { 0 } else { u[m - 1] >> (32 - s) };
    for i in (1..m).rev() {
        un[i] = shl_pair(u[i], u[i - 1], s);
    }
    un[0] = u[0] << s;

    const B: u64 = 1 << 32;
    let vtop = vn[n - 1] as u64;
    let vnext = vn[n - 2] as u64;
    for j in (0..=m - n).rev() {
        // Estimate the quotient digit from the top two digits, then correct it (at most twice).
        let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= B || qhat * vnext > (rhat << 32) + un[j + n - 2] as u64 {
            qhat -= 1;
            rhat += vtop;
            if rhat >= B {
                break;
            }
        }
        // Multiply and subtract.
        let mut borrow: i64 = 0;
        for i in 0..n {
            let p = qhat * vn[i] as u64;
            let t = un[i + j] as i64 - borrow - (p & 0xFFFF_FFFF) as i64;
            un[i + j] = t as u32;
            borrow = (p >> 32) as i64 - (t >> 32);
        }
        let t = un[j + n] as i64 - borrow;
        un[j + n] = t as u32;
        q[j] = qhat as u32;
        if t < 0 {
            // The estimate was one too high: add the divisor back.
            q[j] = q[j].wrapping_sub(1);
            let mut carry = 0u64;
            for i in 0..n {
                let t = un[i + j] as u64 + vn[i] as u64 + carry;
                un[i + j] = t as u32;
                carry = t >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(carry as u32);
        }
    }
    let remainder = un[..n].iter().any(|&x| x != 0);
    join_quotient(&q).map(|x| (x, remainder))
}

/// Largest divisor [`div_rem_small`] accepts (exclusive): 2^48.
pub const SMALL_DIVISOR_LIMIT: u128 = 1 << 48;

/// `n / d` and `n % d` for `0 < d < 2^48`, by long division on 16-bit digits so every step is
/// a native 64-bit division (a partial remainder below 2^48, shifted by 16 bits, fits).
pub fn div_rem_small(n: u128, d: u64) -> (u128, u64) {
    debug_assert!(d != 0 && (d as u128) < SMALL_DIVISOR_LIMIT);
    let mut rem = 0u64;
    let mut half = |x: u64| {
        let mut q = 0u64;
        for shift in [48u32, 32, 16, 0] {
            let cur = (rem << 16) | ((x >> shift) & 0xFFFF);
            q = (q << 16) | (cur / d);
            rem = cur % d;
        }
        q
    };
    let hi = half((n >> 64) as u64);
    let lo = half(n as u64);
    (((hi as u128) << 64) | lo as u128, rem)
}

/// 10^18 = 2^18 * 5^18.
const FIVE_POW_18: u64 = 3_814_697_265_625;

/// `n / 10^18` and whether it left a remainder: a shift by 18 bits, then a short division by
/// 5^18 (below 2^42).
pub fn div_rem_wad(n: u128) -> (u128, bool) {
    let (q, rem) = div_rem_small(n >> 18, FIVE_POW_18);
    (q, rem != 0 || n & ((1 << 18) - 1) != 0)
}

/// `floor(a * b / 10^18)` and whether it left a remainder, without a 256-bit product: with
/// `a = ha·10^18 + la` and `b = hb·10^18 + lb` (`la, lb < 10^18`),
/// `a·b/10^18 = ha·hb·10^18 + ha·lb + hb·la + la·lb/10^18` exactly, and `la·lb < 10^36` fits.
/// Where `la·b` fits, `a·b/10^18 = ha·b + la·b/10^18` needs one split fewer. Every term is at
/// most the quotient, so this is `None` exactly when the quotient does not fit in 128 bits.
/// Short divisions only (a few hundred CU less than the long division).
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
pub fn mul_div_u64(a: u64, b: u128, d: u64) -> Option<(u128, bool)> {
    let (q1, r1) = div_rem_u64(b, d);
    let (q2, r2) = div_rem_u64(mul_u64_wide(a, r1), d);
    Some((checked_mul(a as u128, q1)?.checked_add(q2)?, r2 != 0))
}

/// `(n / d, n % d)` for a divisor below 2^64 (`d > 0`).
fn div_rem_u64(n: u128, d: u64) -> (u128, u64) {
    if (d as u128) < SMALL_DIVISOR_LIMIT {
        return div_rem_small(n, d);
    }
    let q = n / d as u128;
    // q·d ≤ n: no overflow.
    (q, (n - wrapping_mul_u64(q, d)) as u64)
}

/// `(x / 10^18, x % 10^18)`, skipping the division below 10^18.
fn split_wad(x: u128) -> (u128, u128) {
    if x < WAD_U128 {
        return (0, x);
    }
    let (h, _) = div_rem_wad(x);
    // h < 2^69 and h·10^18 ≤ x: the product cannot overflow.
    (h, x - wrapping_mul_u64(h, WAD_U128 as u64))
}

const WAD_U128: u128 = 1_000_000_000_000_000_000;

/// `hi:lo` shifted left by `s` (< 32), keeping the high digit.
fn shl_pair(hi: u32, lo: u32, s: u32) -> u32 {
    if s == 0 {
        hi
    } else {
        (hi << s) | (lo >> (32 - s))
    }
}

/// The quotient as a `u128`, or `None` when its upper half is not zero.
fn join_quotient(q: &Digits8) -> Option<u128> {
    if q[4..].iter().any(|&x| x != 0) {
        return None;
    }
    Some(
        q[..4]
            .iter()
            .rev()
            .fold(0u128, |acc, &d| (acc << 32) | d as u128),
    )
}

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
        ] {
            assert_eq!(mul_div_wide(a, b, d), expected(a, b, d), "{a} * {b} / {d}");
        }
    }
}
