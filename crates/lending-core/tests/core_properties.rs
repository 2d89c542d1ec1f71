//! Property tests of the pure risk core, run without a VM.

use lending_core::risk::curve::BorrowRateCurve;
use lending_core::risk::exchange::{growth, FeeCuts, Pool, SECONDS_PER_YEAR, SERIES_MAX_RT};
use lending_core::risk::fixed::{amount_to_wad, mul_div, Rounding, BPS, WAD};

/// Reference 256-bit integer for exact cross-multiplication.
#[allow(clippy::manual_div_ceil)]
mod reference {
    uint::construct_uint! {
        pub struct U256(4);
    }
    uint::construct_uint! {
        pub struct U512(8);
    }
}
use lending_core::constants::MAX_BORROW_FACTOR_BPS;
use lending_core::risk::health::{
    borrow_values, deposit_values, weighted, Health, RiskParams, UNIT_BORROW_FACTOR_BPS,
};
use lending_core::risk::liquidation::{
    bonus_keeps_liquidation_improving, plan, LiquidationConfig, LiquidationPlan, Side,
};
use lending_core::risk::price::PriceView;
use proptest::prelude::*;
use reference::{U256, U512};

/// A pool with some cash, debt, fees and accrued interest.
fn pool_strategy() -> impl Strategy<Value = Pool> {
    (
        1_000u64..1_000_000_000_000,
        0u64..1_000_000_000_000,
        WAD..3 * WAD,
        0u64..1_000_000,
        1_000u64..1_000_000_000_000,
    )
        .prop_map(|(available, debt, index, fees, supply)| {
            let debt_shares = mul_div(amount_to_wad(debt), WAD, index, Rounding::Down).unwrap();
            Pool {
                available,
                flash_outstanding: 0,
                debt_shares,
                borrow_index: index,
                protocol_fees: amount_to_wad(fees),
                fund_fees: 0,
                share_supply: supply,
            }
        })
        .prop_filter("solvent", |p| p.total_liquidity().unwrap() > 0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn compound_growth_is_never_below_the_exact_value(
        r in 1u128..(50 * WAD / SECONDS_PER_YEAR),
        t in 0u64..(30 * 86_400),
    ) {
        // (1 + r/1e18)^t in 1e36 fixed point, every step rounded up: above the exact value by
        // under 1e-33, so `growth` must reach it; and rounded down, for the upper tolerance.
        let scale = U512::from(10u8).pow(U512::from(36u8));
        let base = scale + U512::from(r) * U512::from(WAD);
        let pow = |up: bool| {
            let (mut acc, mut b, mut e) = (scale, base, t);
            while e > 0 {
                if e & 1 == 1 {
                    let p = acc * b;
                    acc = p / scale + U512::from((up && !(p % scale).is_zero()) as u8);
                }
                e >>= 1;
                if e > 0 {
                    let p = b * b;
                    b = p / scale + U512::from((up && !(p % scale).is_zero()) as u8);
                }
            }
            acc
        };
        let (hi, lo) = (pow(true), pow(false));
        let g = U512::from(growth(r, t).unwrap()) * U512::from(WAD);
        prop_assert!(g >= hi, "growth({r}, {t}) = {g} below the exact {hi}");
        // Within 1e-13 of the index where the series applies; binary exponentiation's
        // roundings elsewhere (measured 2.4e-8 over a year in one step).
        let slack = if r * t as u128 <= SERIES_MAX_RT { lo / U512::from(10u64.pow(13)) } else { lo / U512::from(10u64.pow(7)) };
        prop_assert!(g <= lo + slack + U512::from(WAD) * U512::from(4u8), "growth({r}, {t}) = {g} too far above {lo}");
    }

    #[test]
    fn interest_index_never_decreases(
        mut pool in pool_strategy(),
        steps in prop::collection::vec((0u64..5 * 86_400, 0u32..10_000, 0u32..10_000), 1..20),
    ) {
        let curve = BorrowRateCurve::from_points(&[(0, 100), (8_000, 1_000), (10_000, 30_000)]).unwrap();
        let mut index = pool.borrow_index;
        let mut debt = pool.total_debt(Rounding::Down).unwrap();
        let mut fees = pool.protocol_fees + pool.fund_fees;
        for (elapsed, take, fund) in steps {
            // The protocol's take and the fund's cut together stay below 100% (the bounds).
            let fund = fund.min(9_999 - take.min(9_999));
            let cuts = FeeCuts { protocol_bps: take.min(9_999) as u16, fund_bps: fund as u16 };
            let apr = curve.apr_wad(pool.utilization().unwrap()).unwrap();
            pool.accrue(apr, cuts, elapsed).unwrap();
            prop_assert!(pool.borrow_index >= index);
            let d = pool.total_debt(Rounding::Down).unwrap();
            prop_assert!(d >= debt);
            let now_fees = pool.protocol_fees + pool.fund_fees;
            prop_assert!(now_fees >= fees);
            prop_assert!(now_fees - fees <= d - debt + 2, "fees outgrew interest");
            index = pool.borrow_index;
            debt = d;
            fees = now_fees;
        }
    }

    #[test]
    fn deposit_then_redeem_never_returns_more(pool in pool_strategy(), amount in 1u64..1_000_000_000_000) {
        let shares = match pool.shares_for_deposit(amount) { Ok(s) => s, Err(_) => return Ok(()) };
        let mut after = pool;
        after.available += amount;
        after.share_supply += shares;
        let back = after.liquidity_for_redeem(shares).unwrap();
        prop_assert!(back <= amount, "deposited {amount}, redeemed {back}");
        // And the other holders did not lose: their shares are worth at least as much.
        // Exchange rate TL/S never falls: TL_after × S_before ≥ TL_before × S_after.
        let lhs = U256::from(after.total_liquidity().unwrap()) * U256::from(pool.share_supply);
        let rhs = U256::from(pool.total_liquidity().unwrap()) * U256::from(after.share_supply);
        prop_assert!(lhs >= rhs, "exchange rate fell");
    }

    #[test]
    fn rounding_never_favours_the_user(pool in pool_strategy(), amount in 1u64..1_000_000_000_000) {
        // Borrowing creates at least the borrowed debt.
        let shares = pool.debt_shares_for_borrow(amount_to_wad(amount)).unwrap();
        prop_assert!(pool.debt_of(shares).unwrap() >= amount_to_wad(amount));
        prop_assert!(pool.repay_all_amount(shares).unwrap() >= amount);
        // A partial repayment cancels no more debt than it pays.
        let part = amount / 3;
        let burned = pool.debt_shares_for_repay(part, shares).unwrap();
        let left = pool.debt_of(shares - burned).unwrap();
        prop_assert!(left + amount_to_wad(part) >= pool.debt_of(shares).unwrap());
        // Withdrawing an exact amount gives up shares worth at least that amount.
        if let Ok(s) = pool.shares_for_liquidity(amount) {
            prop_assert!(pool.shares_to_liquidity_wad(s, Rounding::Down).unwrap() + 1 >= amount_to_wad(amount));
        }
    }

    #[test]
    fn liquidation_pays_at_most_the_bonus_and_improves_health(
        coll_pool in pool_strategy(),
        mut debt_pool in pool_strategy(),
        coll_price in 1_000_000u64..100_000_000_000,
        debt_price in 1_000_000u64..100_000_000_000,
        conf_bps in 0u64..100,
        coll_dec in 0u8..12,
        debt_dec in 0u8..12,
        coll_permille in 1u64..=1_000,
        debt_amount in 1_000u64..1_000_000_000_000,
        lt in 5_000u16..9_500,
        min_bonus in 0u16..500,
        extra_bonus in 0u16..2_000,
        close in 1_000u16..=10_000,
        max_repay in 1u64..u64::MAX,
        factor in UNIT_BORROW_FACTOR_BPS..=MAX_BORROW_FACTOR_BPS,
    ) {
        let max_bonus = min_bonus + extra_bonus;
        prop_assume!(bonus_keeps_liquidation_improving(lt, max_bonus));
        let cp = coll_price as u128 * 1_000_000;
        let dp = debt_price as u128 * 1_000_000;
        let cprice = PriceView::new(cp, cp * conf_bps as u128 / BPS, coll_dec);
        let dprice = PriceView::new(dp, dp * conf_bps as u128 / BPS, debt_dec);
        let risk = RiskParams { ltv_bps: lt - 1_000, liquidation_threshold_bps: lt };
        // The obligation's positions are part of the pools.
        let coll_shares = (coll_pool.share_supply * coll_permille / 1_000).max(1);
        let debt_shares = debt_pool.debt_shares_for_borrow(amount_to_wad(debt_amount)).unwrap();
        debt_pool.debt_shares += debt_shares;
        let dv = deposit_values(&coll_pool, coll_shares, &cprice, &risk).unwrap();
        let bv = borrow_values(&debt_pool, debt_shares, &dprice).unwrap();
        let h = Health { deposited: dv.market, borrow_limit: dv.borrow_limit, liquidation_line: dv.liquidation_line, borrowed: bv.high, borrowed_weighted: weighted(bv.high, factor).unwrap(), borrowed_spot: bv.spot };
        prop_assume!(h.is_liquidatable());
        let cfg = LiquidationConfig {
            close_factor_bps: close,
            dust_threshold: 0,
            max_value_per_call: 0,
            min_bonus_bps: min_bonus,
            max_bonus_bps: max_bonus,
            protocol_fee_bps: 1_000,
        };
        let p = plan(
            &h,
            Side { pool: &debt_pool, price: &dprice },
            debt_shares,
            Side { pool: &coll_pool, price: &cprice },
            coll_shares,
            max_repay,
            &cfg,
        ).unwrap();
        prop_assert!(p.repay_amount <= max_repay);
        prop_assert!(p.seized_shares <= coll_shares);
        // The ramp's bonus, unless the equity margin is smaller (then the margin, or nothing
        // when the collateral is within rounding of the debt).
        prop_assert!(p.bonus_bps <= max_bonus);
        prop_assert!(
            p.bonus_bps >= min_bonus
                || h.equity_margin_bps() == Some(p.bonus_bps as u128)
                || (h.equity_margin_bps().is_none() && p.bonus_bps == 0),
            "bonus {} below the minimum {min_bonus} with margin {:?}", p.bonus_bps, h.equity_margin_bps()
        );
        // Seized collateral at spot is worth at most the repaid debt at spot times the bonus.
        let seized_value = cprice
            .value(coll_pool.shares_to_liquidity_wad(p.seized_shares, Rounding::Down).unwrap(), cp, Rounding::Down)
            .unwrap();
        let repaid_value = dprice.value(amount_to_wad(p.repay_amount), dp, Rounding::Up).unwrap();
        let cap = mul_div(repaid_value, BPS + p.bonus_bps as u128, BPS, Rounding::Up).unwrap();
        prop_assert!(seized_value <= cap, "seized {seized_value} > cap {cap}");
        // Health after: the shortfall shrinks whenever anything was repaid.
        if p.repay_amount > 0 {
            let mut debt_after = debt_pool;
            debt_after.debt_shares -= p.repay_debt_shares;
            let left = debt_shares - p.repay_debt_shares;
            let bv2 = borrow_values(&debt_after, left, &dprice).unwrap();
            let mut coll_after = coll_pool;
            coll_after.share_supply -= p.protocol_fee_shares;
            let fee_liq = coll_pool.shares_to_liquidity_wad(p.protocol_fee_shares, Rounding::Down).unwrap();
            coll_after.protocol_fees += fee_liq;
            let dv2 = deposit_values(&coll_after, coll_shares - p.seized_shares, &cprice, &risk).unwrap();
            let h2 = Health { deposited: dv2.market, borrow_limit: dv2.borrow_limit, liquidation_line: dv2.liquidation_line, borrowed: bv2.high, borrowed_weighted: weighted(bv2.high, factor).unwrap(), borrowed_spot: bv2.spot };
            prop_assert!(h2.borrowed == 0 || h2.shortfall() < h.shortfall(),
                "shortfall {} -> {}", h.shortfall(), h2.shortfall());
        }
    }

    /// #18, medium 1: no sequence of liquidations (many in one slot or transaction, or across
    /// slots with a refresh between them at unchanged prices) takes an obligation whose
    /// collateral covers its debt at spot prices to one whose collateral does not, nor writes
    /// any of its debt off. One token unit of rounding is allowed on each side.
    #[test]
    fn liquidation_never_takes_a_covered_obligation_below_its_debt(
        coll_pool in pool_strategy(),
        mut debt_pool in pool_strategy(),
        coll_price in 1_000_000u64..100_000_000_000,
        debt_price in 1_000_000u64..100_000_000_000,
        conf_bps in 0u64..100,
        coll_dec in 0u8..12,
        debt_dec in 0u8..12,
        coll_permille in 1u64..=1_000,
        margin_bps in 0u128..2_500,
        lt in 5_000u16..9_500,
        min_bonus in 0u16..500,
        extra_bonus in 0u16..2_000,
        close in 1_000u16..=10_000,
        dust_units in 0u128..1_000,
        calls in proptest::collection::vec((1u64..=1_000, any::<bool>()), 1..12),
    ) {
        let max_bonus = min_bonus + extra_bonus;
        prop_assume!(bonus_keeps_liquidation_improving(lt, max_bonus));
        let cp = coll_price as u128 * 1_000_000;
        let dp = debt_price as u128 * 1_000_000;
        let cprice = PriceView::new(cp, cp * conf_bps as u128 / BPS, coll_dec);
        let dprice = PriceView::new(dp, dp * conf_bps as u128 / BPS, debt_dec);
        let risk = RiskParams { ltv_bps: lt - 1_000, liquidation_threshold_bps: lt };
        // Debt worth the collateral ÷ (1 + margin) at spot: covered, by `margin_bps`.
        let coll_shares = (coll_pool.share_supply * coll_permille / 1_000).max(1);
        let c0 = deposit_values(&coll_pool, coll_shares, &cprice, &risk).unwrap().market;
        let debt_value = mul_div(c0, BPS, BPS + margin_bps, Rounding::Down).unwrap();
        let debt_amount = dprice.amount_for_value(debt_value, dp, Rounding::Down);
        prop_assume!(debt_amount.is_ok());
        let debt_amount = debt_amount.unwrap() / WAD;
        prop_assume!(debt_amount > 0 && debt_amount < 1 << 60);
        let debt_shares = debt_pool.debt_shares_for_borrow(amount_to_wad(debt_amount as u64)).unwrap();
        debt_pool.debt_shares += debt_shares;
        let mut book = Book { coll_pool, debt_pool, coll_shares, debt_shares };
        let h0 = book.health(&cprice, &dprice, &risk);
        prop_assume!(h0.solvent_at_spot() && h0.is_liquidatable());
        let tolerance = cprice.value_of_tokens(1, cp, Rounding::Up).unwrap()
            + dprice.value_of_tokens(1, dp, Rounding::Up).unwrap();
        let cfg = LiquidationConfig {
            close_factor_bps: close,
            dust_threshold: dust_units * WAD,
            max_value_per_call: 0,
            min_bonus_bps: min_bonus,
            max_bonus_bps: max_bonus,
            protocol_fee_bps: 1_000,
        };
        for (permille, everything) in calls {
            let h = book.health(&cprice, &dprice, &risk);
            if !h.is_liquidatable() || book.coll_shares == 0 {
                break;
            }
            let owed = book.debt_pool.repay_all_amount(book.debt_shares).unwrap();
            let share = (owed as u128 * permille as u128 / 1_000) as u64;
            let max_repay = if everything { u64::MAX } else { share.max(1) };
            let p = plan(
                &h,
                Side { pool: &book.debt_pool, price: &dprice },
                book.debt_shares,
                Side { pool: &book.coll_pool, price: &cprice },
                book.coll_shares,
                max_repay,
                &cfg,
            ).unwrap();
            book.apply(&p);
            let after = book.health(&cprice, &dprice, &risk);
            if h.solvent_at_spot() {
                prop_assert!(
                    after.deposited + tolerance >= after.borrowed_spot,
                    "covered {h:?} -> short {after:?} (plan {p:?})"
                );
            }
            // Measured from the start: no cascade across calls either.
            prop_assert!(
                after.deposited + tolerance >= after.borrowed_spot,
                "from {h0:?} to {after:?}"
            );
            // The program writes off what is left once no collateral is: only dust may be.
            if book.coll_shares == 0 {
                prop_assert!(after.borrowed_spot <= tolerance, "write-off of {after:?}");
            }
        }
    }
}

/// A one-collateral, one-debt obligation inside its two pools.
#[derive(Clone, Copy)]
struct Book {
    coll_pool: Pool,
    debt_pool: Pool,
    coll_shares: u64,
    debt_shares: u128,
}

impl Book {
    /// Its health as a refresh at these prices computes it.
    fn health(&self, cprice: &PriceView, dprice: &PriceView, risk: &RiskParams) -> Health {
        let dv = deposit_values(&self.coll_pool, self.coll_shares, cprice, risk).unwrap();
        let bv = borrow_values(&self.debt_pool, self.debt_shares, dprice).unwrap();
        Health {
            deposited: dv.market,
            borrow_limit: dv.borrow_limit,
            liquidation_line: dv.liquidation_line,
            borrowed: bv.high,
            borrowed_weighted: bv.high,
            borrowed_spot: bv.spot,
        }
    }

    /// Applies a plan as `liquidate_obligation` does when the liquidator takes shares: the
    /// protocol's cut leaves the share supply and becomes fees, the debt is repaid.
    fn apply(&mut self, p: &LiquidationPlan) {
        let fee_liq = self
            .coll_pool
            .shares_to_liquidity_wad(p.protocol_fee_shares, Rounding::Down)
            .unwrap();
        self.coll_pool.share_supply -= p.protocol_fee_shares;
        self.coll_pool.protocol_fees += fee_liq;
        self.coll_shares -= p.seized_shares;
        self.debt_pool
            .record_repayment(p.repay_amount, p.repay_debt_shares)
            .unwrap();
        self.debt_shares -= p.repay_debt_shares;
    }
}
