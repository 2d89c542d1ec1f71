//! Position values and obligation health.
//!
//! Collateral is valued at price − confidence and debt at price + confidence, so uncertainty in
//! the oracle always counts against the borrower. Debt is then weighted by its reserve's borrow
//! factor before it is compared with the borrow limit and the liquidation line, so volatile debt
//! needs more collateral; the solvency figures (collateral and debt at spot) stay unweighted.

use super::exchange::Pool;
use super::fixed::{amount_to_wad, bps_mul, mul_div, Rounding, BPS, WAD};
use super::price::PriceView;
use super::{RiskError, RiskResult};

/// Loan-to-value parameters of a collateral reserve, in basis points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RiskParams {
    /// Share of collateral value that may be borrowed against.
    pub ltv_bps: u16,
    /// Share of collateral value above which debt becomes liquidatable.
    pub liquidation_threshold_bps: u16,
}

/// The values one collateral position contributes to its obligation (WAD quote units).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DepositValues {
    /// Value at the spot price.
    pub market: u128,
    /// Borrow limit: value at price − conf × LTV.
    pub borrow_limit: u128,
    /// Liquidation line: value at price − conf × liquidation threshold.
    pub liquidation_line: u128,
}

/// Values contributed by `shares` of collateral in a reserve, all rounded down.
pub fn deposit_values(
    pool: &Pool,
    shares: u64,
    price: &PriceView,
    params: &RiskParams,
) -> RiskResult<DepositValues> {
    if shares == 0 {
        return Ok(DepositValues::default());
    }
    let liquidity = pool.shares_to_liquidity_wad(shares, Rounding::Down)?;
    let market = price.value(liquidity, price.spot, Rounding::Down)?;
    // With no confidence interval both prices are the same: value once.
    let low = if price.low == price.spot {
        market
    } else {
        price.value(liquidity, price.low, Rounding::Down)?
    };
    Ok(DepositValues {
        market,
        borrow_limit: bps_mul(low, params.ltv_bps as u128, Rounding::Down)?,
        liquidation_line: bps_mul(
            low,
            params.liquidation_threshold_bps as u128,
            Rounding::Down,
        )?,
    })
}

/// Value of a debt position holding `debt_shares`, at price + conf, rounded up.
pub fn borrow_value(pool: &Pool, debt_shares: u128, price: &PriceView) -> RiskResult<u128> {
    if debt_shares == 0 {
        return Ok(0);
    }
    price.value(pool.debt_of(debt_shares)?, price.high, Rounding::Up)
}

/// The borrow factor that weighs nothing: 1x, in basis points.
pub const UNIT_BORROW_FACTOR_BPS: u16 = 10_000;

/// The factor a debt position weighs at: its reserve's, or 1x for a factor below 1x (which
/// validation refuses; only a reserve written before factors existed, whose bytes are zero,
/// could hold one), never less.
pub fn effective_factor(borrow_factor_bps: u16) -> u16 {
    borrow_factor_bps.max(UNIT_BORROW_FACTOR_BPS)
}

/// Debt value `high` weighted by a borrow factor in basis points ([`effective_factor`]),
/// rounded up.
pub fn weighted(high: u128, borrow_factor_bps: u16) -> RiskResult<u128> {
    let factor = effective_factor(borrow_factor_bps);
    if factor == UNIT_BORROW_FACTOR_BPS {
        return Ok(high);
    }
    bps_mul(high, factor as u128, Rounding::Up)
}

/// The values one debt position contributes to its obligation (WAD quote units).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BorrowValues {
    /// Value at the spot price, rounded up.
    pub spot: u128,
    /// Value at price + conf, rounded up (what the borrow limit and the liquidation line
    /// are compared with).
    pub high: u128,
}

/// Values of a debt position holding `debt_shares`, both rounded up.
pub fn borrow_values(
    pool: &Pool,
    debt_shares: u128,
    price: &PriceView,
) -> RiskResult<BorrowValues> {
    if debt_shares == 0 {
        return Ok(BorrowValues::default());
    }
    let debt = pool.debt_of(debt_shares)?;
    let spot = price.value(debt, price.spot, Rounding::Up)?;
    // With no confidence interval both prices are the same: value once.
    let high = if price.high == price.spot {
        spot
    } else {
        price.value(debt, price.high, Rounding::Up)?
    };
    Ok(BorrowValues { spot, high })
}

/// The cached health of an obligation (WAD quote units).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Health {
    /// Collateral at spot prices.
    pub deposited: u128,
    /// Debt at price + conf.
    pub borrowed: u128,
    /// Weighted debt: each debt position at price + conf times its borrow factor. The borrow
    /// limit and the liquidation line are compared with it.
    pub borrowed_weighted: u128,
    /// Borrow limit (collateral at price − conf × LTV).
    pub borrow_limit: u128,
    /// Liquidation line (collateral at price − conf × liquidation threshold).
    pub liquidation_line: u128,
    /// Debt at spot prices: with `deposited`, the obligation's equity, which bounds the
    /// liquidation bonus.
    pub borrowed_spot: u128,
}

impl Health {
    /// True when the weighted debt is within the borrow limit (new borrows and withdrawals
    /// need this).
    pub fn within_borrow_limit(&self) -> bool {
        self.borrowed_weighted <= self.borrow_limit
    }

    /// True when the weighted debt is above the liquidation line.
    pub fn is_liquidatable(&self) -> bool {
        self.borrowed_weighted > self.liquidation_line
    }

    /// How far the weighted debt is above the liquidation line (0 when healthy).
    pub fn shortfall(&self) -> u128 {
        self.borrowed_weighted.saturating_sub(self.liquidation_line)
    }

    /// Liquidation line ÷ weighted debt in WAD (u128::MAX with no debt): below 1.0 is
    /// liquidatable.
    pub fn health_factor(&self) -> u128 {
        if self.borrowed_weighted == 0 {
            return u128::MAX;
        }
        mul_div(
            self.liquidation_line,
            WAD,
            self.borrowed_weighted,
            Rounding::Down,
        )
        .unwrap_or(u128::MAX)
    }

    /// Adds one deposit position's contribution.
    pub fn add_deposit(&mut self, v: &DepositValues) -> RiskResult<()> {
        let add = |a: u128, b: u128| a.checked_add(b).ok_or(RiskError::MathOverflow);
        self.deposited = add(self.deposited, v.market)?;
        self.borrow_limit = add(self.borrow_limit, v.borrow_limit)?;
        self.liquidation_line = add(self.liquidation_line, v.liquidation_line)?;
        Ok(())
    }

    /// Replaces one deposit position's contribution (`old` → `new`).
    pub fn replace_deposit(&mut self, old: &DepositValues, new: &DepositValues) {
        self.deposited = self
            .deposited
            .saturating_sub(old.market)
            .saturating_add(new.market);
        self.borrow_limit = self
            .borrow_limit
            .saturating_sub(old.borrow_limit)
            .saturating_add(new.borrow_limit);
        self.liquidation_line = self
            .liquidation_line
            .saturating_sub(old.liquidation_line)
            .saturating_add(new.liquidation_line);
    }

    /// Adds one debt position's contribution, weighted by its reserve's borrow factor.
    pub fn add_borrow(&mut self, v: &BorrowValues, borrow_factor_bps: u16) -> RiskResult<()> {
        let add = |a: u128, b: u128| a.checked_add(b).ok_or(RiskError::MathOverflow);
        self.borrowed = add(self.borrowed, v.high)?;
        self.borrowed_weighted = add(self.borrowed_weighted, weighted(v.high, borrow_factor_bps)?)?;
        self.borrowed_spot = add(self.borrowed_spot, v.spot)?;
        Ok(())
    }

    /// Replaces one debt position's contribution (`old` → `new`), both weighted by the same
    /// borrow factor (the reserve's, unchanged since `old` was computed).
    pub fn replace_borrow(
        &mut self,
        old: &BorrowValues,
        new: &BorrowValues,
        borrow_factor_bps: u16,
    ) -> RiskResult<()> {
        let old_weighted = weighted(old.high, borrow_factor_bps)?;
        let new_weighted = weighted(new.high, borrow_factor_bps)?;
        self.borrowed = self
            .borrowed
            .saturating_sub(old.high)
            .saturating_add(new.high);
        self.borrowed_weighted = self
            .borrowed_weighted
            .saturating_sub(old_weighted)
            .saturating_add(new_weighted);
        self.borrowed_spot = self
            .borrowed_spot
            .saturating_sub(old.spot)
            .saturating_add(new.spot);
        Ok(())
    }

    /// True when the collateral is worth at least the debt at spot prices.
    pub fn solvent_at_spot(&self) -> bool {
        self.deposited >= self.borrowed_spot
    }

    /// The equity margin, (collateral − debt) ÷ debt at spot prices, in basis points rounded
    /// down: the largest bonus a liquidation can pay without leaving the obligation with less
    /// collateral than debt. `None` when the collateral is worth less than the debt.
    pub fn equity_margin_bps(&self) -> Option<u128> {
        let equity = self.deposited.checked_sub(self.borrowed_spot)?;
        if self.borrowed_spot == 0 {
            return Some(u128::MAX);
        }
        Some(mul_div(equity, BPS, self.borrowed_spot, Rounding::Down).unwrap_or(u128::MAX))
    }
}

/// Largest number of `shares` (out of `held`) that can be withdrawn while the debt stays
/// within the borrow limit. `old` is the position's current contribution.
pub fn max_withdraw_shares(
    health: &Health,
    pool: &Pool,
    held: u64,
    old: &DepositValues,
    price: &PriceView,
    params: &RiskParams,
) -> RiskResult<u64> {
    if health.borrowed_weighted == 0 || params.ltv_bps == 0 {
        return Ok(held);
    }
    let ok = |s: u64| -> RiskResult<bool> {
        let new = deposit_values(pool, held - s, price, params)?;
        let mut h = *health;
        h.replace_deposit(old, &new);
        Ok(h.within_borrow_limit())
    };
    if !ok(0)? {
        return Ok(0);
    }
    // Direct estimate, then a bounded search for the exact boundary.
    let headroom = health.borrow_limit - health.borrowed_weighted;
    let low_value = mul_div(headroom, BPS, params.ltv_bps as u128, Rounding::Down)?;
    let estimate = if price.low == 0 {
        held
    } else {
        let liq = price.amount_for_value(low_value, price.low, Rounding::Down)?;
        let tl = pool.total_liquidity()?;
        let s = if tl == 0 {
            held as u128
        } else {
            mul_div(liq, pool.share_supply as u128, tl, Rounding::Down)?
        };
        s.min(held as u128) as u64
    };
    refine(estimate, held, ok)
}

/// The largest `x ≤ max` with `ok(x)`, for a monotone `ok` (true up to a boundary, false
/// after) that holds at 0. Checks the estimate and its successor first — the closed-form
/// estimates are usually exact or one short — and only then falls back to binary search.
fn refine(estimate: u64, max: u64, ok: impl Fn(u64) -> RiskResult<bool>) -> RiskResult<u64> {
    let estimate = estimate.min(max);
    let (mut lo, mut hi) = if ok(estimate)? {
        let probe = estimate.saturating_add(1).min(max);
        if probe == estimate || !ok(probe)? {
            return Ok(estimate);
        }
        (probe, max)
    } else if estimate == 0 {
        return Ok(0);
    } else {
        (0, estimate - 1)
    };
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if ok(mid)? {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(lo)
}

/// Origination fee charged on a borrow of `amount` (rounded up; at least 1 when the fee rate is
/// positive and the amount is not zero).
pub fn origination_fee(amount: u64, fee_bps: u16) -> RiskResult<u64> {
    let fee = bps_mul(amount as u128, fee_bps as u128, Rounding::Up)?;
    u64::try_from(fee).map_err(|_| RiskError::MathOverflow)
}

/// A debt position as a borrow finds it: its shares and its values at the last refresh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DebtPosition {
    /// Debt shares held (WAD-scaled).
    pub shares: u128,
    /// Its contribution at the last refresh.
    pub values: BorrowValues,
}

/// Largest amount that can be borrowed (the fee is added on top) into `position` of a reserve
/// with this borrow factor while staying within the borrow limit, computed exactly as the
/// borrow itself revalues the position. Does not look at the reserve's cash or caps.
pub fn max_borrow_amount(
    health: &Health,
    pool: &Pool,
    price: &PriceView,
    fee_bps: u16,
    borrow_factor_bps: u16,
    position: &DebtPosition,
) -> RiskResult<u64> {
    if !health.within_borrow_limit() || price.high == 0 {
        return Ok(0);
    }
    let ok = |a: u64| -> RiskResult<bool> {
        let total = a
            .checked_add(origination_fee(a, fee_bps)?)
            .ok_or(RiskError::MathOverflow)?;
        let shares = position
            .shares
            .checked_add(pool.debt_shares_for_borrow(amount_to_wad(total))?)
            .ok_or(RiskError::MathOverflow)?;
        let mut h = *health;
        h.replace_borrow(
            &position.values,
            &borrow_values(pool, shares, price)?,
            borrow_factor_bps,
        )?;
        Ok(h.within_borrow_limit())
    };
    let headroom = mul_div(
        health.borrow_limit - health.borrowed_weighted,
        BPS,
        effective_factor(borrow_factor_bps) as u128,
        Rounding::Down,
    )?;
    let total_wad = price.amount_for_value(headroom, price.high, Rounding::Down)?;
    let amount_wad = mul_div(total_wad, BPS, BPS + fee_bps as u128, Rounding::Down)?;
    let estimate = u64::try_from(amount_wad / WAD).unwrap_or(u64::MAX);
    // The estimate is the real-valued maximum rounded down, so nothing above estimate + 1 can fit.
    refine(estimate, estimate.saturating_add(1), ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Pool {
        Pool {
            available: 1_000_000_000,
            borrow_index: WAD,
            share_supply: 1_000_000_000,
            ..Pool::default()
        }
    }

    #[test]
    fn collateral_low_debt_high() {
        let p = pool();
        let price = PriceView::new(100 * WAD, WAD, 6);
        let params = RiskParams {
            ltv_bps: 7_500,
            liquidation_threshold_bps: 8_000,
        };
        let d = deposit_values(&p, 1_000_000, &price, &params).unwrap();
        assert_eq!(d.market, 100 * WAD);
        assert_eq!(d.borrow_limit, 99 * WAD * 3 / 4);
        assert_eq!(d.liquidation_line, 99 * WAD * 4 / 5);
        let b = borrow_value(&p, amount_to_wad(1_000_000), &price).unwrap();
        assert_eq!(b, 101 * WAD);
    }

    #[test]
    fn max_withdraw_is_exact_boundary() {
        let p = pool();
        let price = PriceView::new(100 * WAD, WAD, 6);
        let params = RiskParams {
            ltv_bps: 5_000,
            liquidation_threshold_bps: 6_000,
        };
        let held = 10_000_000; // $1000 of collateral, $990 at the low price
        let old = deposit_values(&p, held, &price, &params).unwrap();
        let health = Health {
            deposited: old.market,
            borrow_limit: old.borrow_limit,
            liquidation_line: old.liquidation_line,
            borrowed: 200 * WAD,
            borrowed_weighted: 200 * WAD,
            borrowed_spot: 200 * WAD,
        };
        let s = max_withdraw_shares(&health, &p, held, &old, &price, &params).unwrap();
        let check = |s: u64| {
            let new = deposit_values(&p, held - s, &price, &params).unwrap();
            let mut h = health;
            h.replace_deposit(&old, &new);
            h.within_borrow_limit()
        };
        assert!(check(s));
        assert!(!check(s + 1));
    }

    /// The most a borrow allows is exactly where an obligation refreshed from scratch after
    /// the borrow stops being within its borrow limit, with and without a borrow factor.
    #[test]
    fn max_borrow_is_exact_boundary() {
        let p = pool();
        let price = PriceView::new(3 * WAD, WAD / 100, 9);
        let collateral = DepositValues {
            market: 1_000 * WAD,
            borrow_limit: 700 * WAD,
            liquidation_line: 800 * WAD,
        };
        let held = amount_to_wad(33_000_000_000);
        for factor in [UNIT_BORROW_FACTOR_BPS, 12_500, 40_000] {
            let refreshed = |shares: u128| {
                let mut h = Health::default();
                h.add_deposit(&collateral).unwrap();
                h.add_borrow(&borrow_values(&p, shares, &price).unwrap(), factor)
                    .unwrap();
                h
            };
            let position = DebtPosition {
                shares: held,
                values: borrow_values(&p, held, &price).unwrap(),
            };
            let health = refreshed(held);
            let a = max_borrow_amount(&health, &p, &price, 30, factor, &position).unwrap();
            let fits = |a: u64| {
                let t = a + origination_fee(a, 30).unwrap();
                let added = p.debt_shares_for_borrow(amount_to_wad(t)).unwrap();
                refreshed(held + added).within_borrow_limit()
            };
            assert!(a > 0, "factor {factor}");
            assert!(fits(a), "factor {factor}");
            assert!(!fits(a + 1), "factor {factor}");
        }
    }

    /// A borrow factor weighs the debt against the limit and the line, never the solvency
    /// figures: spot debt and the unweighted debt stay as they are.
    #[test]
    fn a_borrow_factor_weighs_only_the_limit_comparisons() {
        let v = BorrowValues {
            spot: 100 * WAD,
            high: 101 * WAD,
        };
        let mut plain = Health::default();
        plain.add_borrow(&v, UNIT_BORROW_FACTOR_BPS).unwrap();
        let mut heavy = Health::default();
        heavy.add_borrow(&v, 15_000).unwrap();
        assert_eq!(plain.borrowed_weighted, 101 * WAD);
        // A factor below 1x (zeroed bytes) never lightens the debt.
        assert_eq!(weighted(101 * WAD, 0).unwrap(), 101 * WAD);
        assert_eq!(weighted(101 * WAD, 9_999).unwrap(), 101 * WAD);
        assert_eq!(heavy.borrowed_weighted, 151 * WAD + WAD / 2);
        assert_eq!(
            (heavy.borrowed, heavy.borrowed_spot),
            (plain.borrowed, plain.borrowed_spot)
        );
        // Replacing a position with itself under the same factor changes nothing.
        let before = heavy;
        heavy.replace_borrow(&v, &v, 15_000).unwrap();
        assert_eq!(heavy, before);
    }
}
