//! Oracle price validation and conversion to WAD, independent of where the price came from.

use super::fixed::{div, mul_div, pow10, Rounding, BPS, WAD};
use super::wide::{checked_mul, SMALL_DIVISOR_LIMIT};
use super::{RiskError, RiskResult};

/// Oracle exponents accepted: prices are mantissa × 10^expo.
pub const MIN_EXPO: i32 = -18;
/// Largest oracle exponent accepted.
pub const MAX_EXPO: i32 = 12;

/// A raw price as oracles publish it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RawPrice {
    /// Price mantissa.
    pub price: i64,
    /// Confidence interval (same exponent).
    pub conf: u64,
    /// Exponent shared by price, conf and EMA.
    pub expo: i32,
    /// Exponential moving average price mantissa.
    pub ema_price: i64,
    /// Unix time at which the price was published.
    pub publish_time: i64,
}

/// Limits a price must meet before the program stores it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PriceLimits {
    /// Oldest acceptable price, in seconds; 0 means the price never ages (fixed prices only:
    /// `init_oracle_price` and `update_oracle_config` refuse 0 for any other source).
    pub max_age_secs: u64,
    /// Widest acceptable confidence, in basis points of the price.
    pub max_conf_bps: u16,
    /// EMA divergence above which the price is flagged, in basis points of the EMA.
    pub max_ema_deviation_bps: u16,
}

/// A price that passed validation, in WAD (quote units per whole token).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidPrice {
    /// Spot price.
    pub price: u128,
    /// Confidence interval.
    pub conf: u128,
    /// EMA price (0 when the source has none).
    pub ema: u128,
    /// True when spot and EMA diverge more than allowed: borrows and withdrawals are then
    /// refused, liquidations still run.
    pub ema_diverged: bool,
}

/// Converts a positive mantissa and exponent to WAD, rounding down.
pub fn to_wad(mantissa: u64, expo: i32) -> RiskResult<u128> {
    if !(MIN_EXPO..=MAX_EXPO).contains(&expo) {
        return Err(RiskError::InvalidExponent);
    }
    let shift = 18 + expo;
    let m = mantissa as u128;
    if shift >= 0 {
        checked_mul(m, pow10(shift as u32)?).ok_or(RiskError::MathOverflow)
    } else {
        div(m, pow10((-shift) as u32)?, Rounding::Down)
    }
}

/// Rejects a price published more than `max_age_secs` before `now` (0: a price that never
/// ages). A publish time slightly in the future (clock skew between the oracle network and the
/// chain) counts as age zero.
pub fn check_age(publish_time: i64, now: i64, max_age_secs: u64) -> RiskResult<()> {
    if max_age_secs == 0 {
        return Ok(());
    }
    let age = now.saturating_sub(publish_time).max(0) as u64;
    if age > max_age_secs {
        return Err(RiskError::PriceTooOld);
    }
    Ok(())
}

/// Validates a raw price: positive, fresh enough, confidence within the cap. Flags (does not
/// reject) EMA divergence.
pub fn validate(raw: &RawPrice, limits: &PriceLimits, now: i64) -> RiskResult<ValidPrice> {
    if raw.price <= 0 {
        return Err(RiskError::InvalidPrice);
    }
    check_age(raw.publish_time, now, limits.max_age_secs)?;
    let price = to_wad(raw.price as u64, raw.expo)?;
    if price == 0 {
        return Err(RiskError::InvalidPrice);
    }
    let conf = to_wad(raw.conf, raw.expo)?;
    if mul_div(conf, BPS, price, Rounding::Up)? > limits.max_conf_bps as u128 {
        return Err(RiskError::ConfidenceTooWide);
    }
    let ema = if raw.ema_price > 0 {
        to_wad(raw.ema_price as u64, raw.expo)?
    } else {
        0
    };
    let ema_diverged = ema > 0
        && mul_div(price.abs_diff(ema), BPS, ema, Rounding::Up)?
            > limits.max_ema_deviation_bps as u128;
    Ok(ValidPrice {
        price,
        conf,
        ema,
        ema_diverged,
    })
}

/// The three prices risk math uses for one asset, in WAD per whole token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PriceView {
    /// Spot price, for market values and liquidation amounts.
    pub spot: u128,
    /// Spot − confidence (floored at zero), for collateral.
    pub low: u128,
    /// Spot + confidence, for debt.
    pub high: u128,
    /// Token decimals.
    pub decimals: u8,
}

impl PriceView {
    /// Builds the view from a spot price and its confidence interval.
    pub fn new(spot: u128, conf: u128, decimals: u8) -> Self {
        Self {
            spot,
            low: spot.saturating_sub(conf),
            high: spot.saturating_add(conf),
            decimals,
        }
    }

    /// Quote value (WAD) of a WAD-scaled token amount at `price`, rounded as asked.
    ///
    /// `a·p / (WAD·10^d)` is computed as `(a·p / WAD) / 10^d`, each step rounded the same way:
    /// nested floors (and nested ceilings) of non-negative integers compose exactly, and both
    /// steps avoid the 256-bit long division.
    pub fn value(&self, amount_wad: u128, price: u128, rounding: Rounding) -> RiskResult<u128> {
        let unit = pow10(self.decimals as u32)?;
        if unit < SMALL_DIVISOR_LIMIT {
            if let Ok(per_unit) = mul_div(amount_wad, price, WAD, rounding) {
                return div(per_unit, unit, rounding);
            }
        }
        let scale = checked_mul(WAD, unit).ok_or(RiskError::MathOverflow)?;
        mul_div(amount_wad, price, scale, rounding)
    }

    /// Value (WAD) of `amount` whole tokens at `price`, rounded as asked: equal to
    /// `value(amount_to_wad(amount), price, rounding)`, since `amount·WAD·price / WAD` is exact,
    /// in one division by `10^decimals`.
    pub fn value_of_tokens(
        &self,
        amount: u64,
        price: u128,
        rounding: Rounding,
    ) -> RiskResult<u128> {
        mul_div(
            amount as u128,
            price,
            pow10(self.decimals as u32)?,
            rounding,
        )
    }

    /// Whole tokens worth `value` (WAD) at `price`, rounded as asked: equal to
    /// `wad_to_amount(amount_for_value(value, price, rounding), rounding)` (nested floors, and
    /// nested ceilings, compose exactly), without the 256-bit product of the WAD-scaled amount.
    pub fn tokens_for_value(
        &self,
        value: u128,
        price: u128,
        rounding: Rounding,
    ) -> RiskResult<u128> {
        mul_div(value, pow10(self.decimals as u32)?, price, rounding)
    }

    /// WAD-scaled token amount worth `value` (WAD) at `price`, rounded as asked.
    pub fn amount_for_value(
        &self,
        value: u128,
        price: u128,
        rounding: Rounding,
    ) -> RiskResult<u128> {
        let scale =
            checked_mul(WAD, pow10(self.decimals as u32)?).ok_or(RiskError::MathOverflow)?;
        mul_div(value, scale, price, rounding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> PriceLimits {
        PriceLimits {
            max_age_secs: 60,
            max_conf_bps: 200,
            max_ema_deviation_bps: 500,
        }
    }

    fn raw(price: i64, conf: u64, ema: i64, t: i64) -> RawPrice {
        RawPrice {
            price,
            conf,
            expo: -8,
            ema_price: ema,
            publish_time: t,
        }
    }

    #[test]
    fn converts_pyth_sol_usd() {
        // The SOL/USD pull snapshot in shared/fixtures: 215.68137069 ± 0.20134469.
        let p = validate(
            &raw(21568137069, 20134469, 21616020100, 100),
            &limits(),
            100,
        )
        .unwrap();
        assert_eq!(p.price, 215_681_370_690_000_000_000);
        assert_eq!(p.conf, 201_344_690_000_000_000);
        assert!(!p.ema_diverged);
    }

    #[test]
    fn rejects_bad_prices() {
        let l = limits();
        assert_eq!(
            validate(&raw(0, 0, 0, 0), &l, 0),
            Err(RiskError::InvalidPrice)
        );
        assert_eq!(
            validate(&raw(-5, 0, 0, 0), &l, 0),
            Err(RiskError::InvalidPrice)
        );
        assert_eq!(
            validate(&raw(100, 0, 0, 0), &l, 61),
            Err(RiskError::PriceTooOld)
        );
        assert!(validate(&raw(100, 0, 0, 0), &l, 60).is_ok());
        assert!(validate(&raw(100, 0, 0, 10), &l, 0).is_ok());
        assert_eq!(
            validate(&raw(10_000, 201, 0, 0), &l, 0),
            Err(RiskError::ConfidenceTooWide)
        );
        assert!(validate(&raw(10_000, 200, 0, 0), &l, 0).is_ok());
        let mut r = raw(100, 0, 0, 0);
        r.expo = -19;
        assert_eq!(validate(&r, &l, 0), Err(RiskError::InvalidExponent));
    }

    #[test]
    fn flags_ema_divergence() {
        let l = limits();
        assert!(validate(&raw(106, 0, 100, 0), &l, 0).unwrap().ema_diverged);
        assert!(!validate(&raw(105, 0, 100, 0), &l, 0).unwrap().ema_diverged);
    }

    #[test]
    fn values_respect_decimals() {
        let v = PriceView::new(150 * WAD, WAD, 9);
        // 2.5 tokens of a 9-decimal asset at $150.
        let value = v
            .value(2_500_000_000 * WAD, v.spot, Rounding::Down)
            .unwrap();
        assert_eq!(value, 375 * WAD);
        assert_eq!(v.low, 149 * WAD);
        assert_eq!(v.high, 151 * WAD);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The two-step value equals the single division by WAD·10^decimals (256-bit path).
        #[test]
        fn two_step_value_equals_one_division(
            amount in 0u128..(1u128 << 127),
            shift in 0u32..127,
            price in 0u128..(1u128 << 100),
            decimals in 0u8..=18,
            up in proptest::bool::ANY,
        ) {
            let amount = amount >> shift;
            let rounding = if up { Rounding::Up } else { Rounding::Down };
            let v = PriceView::new(price.max(1), 0, decimals);
            let scale = WAD * 10u128.pow(decimals as u32);
            let expected = super::super::wide::mul_div_wide(amount, v.spot, scale)
                .map(|(q, rem)| if up && rem { q + 1 } else { q });
            proptest::prop_assert_eq!(v.value(amount, v.spot, rounding).ok(), expected);
        }

        /// The value of whole tokens equals the value of their WAD-scaled amount.
        #[test]
        fn value_of_tokens_equals_value_of_wad_amount(
            amount in proptest::prelude::any::<u64>(),
            shift in 0u32..64,
            price in 1u128..(1u128 << 100),
            decimals in 0u8..=18,
            up in proptest::bool::ANY,
        ) {
            let amount = amount >> shift;
            let rounding = if up { Rounding::Up } else { Rounding::Down };
            let v = PriceView::new(price, 0, decimals);
            proptest::prop_assert_eq!(
                v.value_of_tokens(amount, v.spot, rounding).ok(),
                v.value(super::super::fixed::amount_to_wad(amount), v.spot, rounding).ok()
            );
        }

        /// Whole tokens for a value equal the WAD-scaled amount converted to tokens with the
        /// same rounding, wherever that fits a u64.
        #[test]
        fn tokens_for_value_equals_rounded_wad_amount(
            value in 0u128..(1u128 << 127),
            shift in 0u32..127,
            price in 1u128..(1u128 << 100),
            decimals in 0u8..=18,
            up in proptest::bool::ANY,
        ) {
            let value = value >> shift;
            let rounding = if up { Rounding::Up } else { Rounding::Down };
            let v = PriceView::new(price, 0, decimals);
            let via_wad = v
                .amount_for_value(value, v.spot, rounding)
                .and_then(|w| super::super::fixed::wad_to_amount(w, rounding));
            if let Ok(expected) = via_wad {
                proptest::prop_assert_eq!(
                    v.tokens_for_value(value, v.spot, rounding).unwrap(),
                    expected as u128
                );
            }
        }
    }
}
