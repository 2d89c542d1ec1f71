//! Liquidation sizing: how much debt a liquidator may repay and how much collateral it gets.
//!
//! The plan never reverts on the amount: it clamps the liquidator's maximum repay to the close
//! factor, the per-call value cap and the collateral that exists, and the caller compares the
//! result with the liquidator's minimum.

use super::exchange::Pool;
use super::fixed::{mul_div, Rounding, BPS};
use super::health::Health;
use super::price::PriceView;
use super::wide::checked_mul;
use super::{RiskError, RiskResult};

/// Market- and reserve-level settings that bound a liquidation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LiquidationConfig {
    /// Share of the obligation's debt value one call may repay.
    pub close_factor_bps: u16,
    /// Debt value (WAD quote) at or below which the whole debt may be repaid in one call.
    pub dust_threshold: u128,
    /// Largest debt value (WAD quote) one call may repay; 0 means no cap.
    pub max_value_per_call: u128,
    /// Bonus when the obligation has just crossed the liquidation line.
    pub min_bonus_bps: u16,
    /// Bonus when the debt has reached the collateral's full value.
    pub max_bonus_bps: u16,
    /// Share of the bonus kept by the protocol.
    pub protocol_fee_bps: u16,
}

/// One side of a liquidation: a reserve's pool, its prices and the obligation's position in it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The reserve's balances.
    pub pool: &'a Pool,
    /// The reserve's prices.
    pub price: &'a PriceView,
}

/// The amounts a liquidation moves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LiquidationPlan {
    /// Bonus applied, in basis points.
    pub bonus_bps: u16,
    /// Tokens the liquidator repays.
    pub repay_amount: u64,
    /// Debt shares cancelled by that repayment.
    pub repay_debt_shares: u128,
    /// Collateral shares taken from the obligation.
    pub seized_shares: u64,
    /// Part of the seized shares kept by the protocol.
    pub protocol_fee_shares: u64,
    /// Part of the seized shares paid to the liquidator.
    pub liquidator_shares: u64,
}

/// The bonus grows linearly from `min` when debt just crossed the liquidation line to `max`
/// when debt reaches the collateral's market value, and never exceeds the obligation's equity
/// margin ((collateral − debt) ÷ debt at spot prices): a liquidation then cannot leave an
/// obligation whose collateral covers its debt with less collateral than debt, however many
/// calls follow in one slot or transaction. Below that margin the liquidator earns what equity
/// is left, which is all there is to pay a bonus from without socialising a loss. An obligation
/// whose collateral is already worth less than its debt gets the ramp's bonus (the shortfall
/// rule: liquidation still shrinks the debt above the liquidation line).
///
/// `tolerance` gives (WAD quote) the rounding slack of one token unit on each side, computed
/// only when the collateral no longer covers the debt: collateral within it of the debt counts
/// as covering it (margin 0, no bonus), so the WAD-level rounding of one call cannot tip the
/// next call into the shortfall rule.
pub fn bonus_bps(
    health: &Health,
    min: u16,
    max: u16,
    tolerance: impl FnOnce() -> RiskResult<u128>,
) -> RiskResult<u16> {
    let ramp = ramp_bonus_bps(health, min, max);
    if margin_covers(health, ramp) {
        return Ok(ramp);
    }
    Ok(match health.equity_margin_bps() {
        Some(margin) => ramp.min(margin.min(u16::MAX as u128) as u16),
        None if health.deposited.saturating_add(tolerance()?) >= health.borrowed_spot => 0,
        None => ramp,
    })
}

/// Whether the equity margin is shown to be at least `bps` by comparing `equity·BPS` with
/// `bps·debt` at spot, before any division (a 128-bit division is a library call on SBF).
/// False when the collateral is worth less than the debt, and when a product does not fit in
/// 128 bits (the caller's division then decides).
fn margin_covers(health: &Health, bps: u16) -> bool {
    let Some(equity) = health.deposited.checked_sub(health.borrowed_spot) else {
        return false;
    };
    match (
        checked_mul(equity, BPS),
        checked_mul(bps as u128, health.borrowed_spot),
    ) {
        (Some(scaled_equity), Some(scaled_debt)) => scaled_equity >= scaled_debt,
        _ => false,
    }
}

/// The bonus ramp alone, from `min` at the liquidation line to `max` when the weighted debt
/// (price + conf, times the borrow factors) reaches the collateral's market value.
fn ramp_bonus_bps(health: &Health, min: u16, max: u16) -> u16 {
    if max <= min {
        return min;
    }
    let over = health.shortfall();
    let room = health.deposited.saturating_sub(health.liquidation_line);
    if room == 0 || over >= room {
        return max;
    }
    let extra = mul_div((max - min) as u128, over, room, Rounding::Down).unwrap_or(0);
    min + extra as u16
}

/// Sizes a liquidation of the position holding `debt_shares` in `debt`, paid with the position
/// holding `collateral_shares` in `collateral`, for a liquidator willing to repay `max_repay`.
pub fn plan(
    health: &Health,
    debt: Side,
    debt_shares: u128,
    collateral: Side,
    collateral_shares: u64,
    max_repay: u64,
    cfg: &LiquidationConfig,
) -> RiskResult<LiquidationPlan> {
    if !health.is_liquidatable() {
        return Err(RiskError::ObligationHealthy);
    }
    let one_unit_each_side = || {
        Ok(debt
            .price
            .value_of_tokens(1, debt.price.spot, Rounding::Up)?
            .saturating_add(collateral.price.value_of_tokens(
                1,
                collateral.price.spot,
                Rounding::Up,
            )?))
    };
    let bonus = bonus_bps(
        health,
        cfg.min_bonus_bps,
        cfg.max_bonus_bps,
        one_unit_each_side,
    )?;
    let owed = debt.pool.repay_all_amount(debt_shares)?;

    // How much of this debt one call may repay.
    let cap = if health.borrowed <= cfg.dust_threshold {
        owed
    } else {
        let mut cap_value = mul_div(
            health.borrowed,
            cfg.close_factor_bps as u128,
            BPS,
            Rounding::Down,
        )?;
        if cfg.max_value_per_call > 0 {
            cap_value = cap_value.min(cfg.max_value_per_call);
        }
        let cap = debt
            .price
            .tokens_for_value(cap_value, debt.price.spot, Rounding::Down)?;
        (cap.min(owed as u128) as u64).max(owed.min(1))
    };
    let mut repay = max_repay.min(cap);

    // Collateral worth the repaid value plus the bonus, at spot prices, rounded down. A value
    // too large to represent is more collateral than exists: it saturates, and the clamp below
    // takes over.
    let seize_for = |repay: u64| -> RiskResult<u64> {
        let value = debt
            .price
            .value_of_tokens(repay, debt.price.spot, Rounding::Down)?;
        let value = mul_div(value, BPS + bonus as u128, BPS, Rounding::Down)?;
        let tl = collateral.pool.total_liquidity()?;
        if tl == 0 {
            return Ok(u64::MAX);
        }
        let shares = collateral
            .price
            .amount_for_value(value, collateral.price.spot, Rounding::Down)
            .and_then(|liq| {
                mul_div(
                    liq,
                    collateral.pool.share_supply as u128,
                    tl,
                    Rounding::Down,
                )
            });
        match shares {
            Ok(s) => Ok(u64::try_from(s).unwrap_or(u64::MAX)),
            Err(RiskError::MathOverflow) => Ok(u64::MAX),
            Err(e) => Err(e),
        }
    };
    let mut seized = seize_for(repay)?;
    if seized >= collateral_shares {
        // Not enough collateral: take all of it and repay only what it is worth (rounded up,
        // so the liquidator pays for every share it takes).
        seized = collateral_shares;
        let coll_liq = collateral
            .pool
            .shares_to_liquidity_wad(collateral_shares, Rounding::Down)?;
        let coll_value = collateral
            .price
            .value(coll_liq, collateral.price.spot, Rounding::Down)?;
        let repay_value = mul_div(coll_value, BPS, BPS + bonus as u128, Rounding::Up)?;
        let needed = debt
            .price
            .tokens_for_value(repay_value, debt.price.spot, Rounding::Up)?;
        let needed = u64::try_from(needed).map_err(|_| RiskError::MathOverflow)?;
        repay = repay.min(needed);
    }
    let repay_debt_shares = debt
        .pool
        .debt_shares_for_repay_owing(repay, debt_shares, owed)?;
    let protocol_fee_shares = mul_div(
        seized as u128 * bonus as u128,
        cfg.protocol_fee_bps as u128,
        (BPS + bonus as u128) * BPS,
        Rounding::Down,
    )? as u64;
    Ok(LiquidationPlan {
        bonus_bps: bonus,
        repay_amount: repay,
        repay_debt_shares,
        seized_shares: seized,
        protocol_fee_shares,
        liquidator_shares: seized - protocol_fee_shares,
    })
}

/// Largest bonus a reserve may configure given its liquidation threshold: liquidation must
/// always shrink the shortfall, which needs `threshold × (1 + bonus) < 1`.
pub fn bonus_keeps_liquidation_improving(
    liquidation_threshold_bps: u16,
    max_bonus_bps: u16,
) -> bool {
    (liquidation_threshold_bps as u128) * (BPS + max_bonus_bps as u128) < BPS * BPS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::fixed::{amount_to_wad, WAD};
    use crate::risk::health::{borrow_values, deposit_values, RiskParams};

    proptest::proptest! {
        /// Comparing the products says the same as dividing whenever they fit: the margin
        /// covers `bps` exactly when the equity margin (rounded down) is at least `bps`; when
        /// they do not fit it claims nothing.
        #[test]
        fn margin_covers_agrees_with_the_divided_margin(
            deposited in 0u128..=u128::MAX / 2,
            debt in 0u128..=u128::MAX / 2,
            bps in 0u16..=u16::MAX,
            scale in 0u32..=100,
        ) {
            let shift = |v: u128| v >> scale;
            let h = Health {
                deposited: shift(deposited),
                borrowed_spot: shift(debt),
                ..Health::default()
            };
            let divided = h.equity_margin_bps().is_some_and(|m| m >= bps as u128);
            let fits = h.deposited.saturating_sub(h.borrowed_spot).checked_mul(BPS).is_some()
                && (bps as u128).checked_mul(h.borrowed_spot).is_some();
            if fits {
                proptest::prop_assert_eq!(margin_covers(&h, bps), divided);
            } else {
                proptest::prop_assert!(!margin_covers(&h, bps));
            }
        }
    }

    fn pool() -> Pool {
        Pool {
            available: 10_000_000_000,
            borrow_index: WAD,
            share_supply: 10_000_000_000,
            ..Pool::default()
        }
    }

    fn cfg() -> LiquidationConfig {
        LiquidationConfig {
            close_factor_bps: 5_000,
            dust_threshold: 2 * WAD,
            max_value_per_call: 0,
            min_bonus_bps: 200,
            max_bonus_bps: 1_000,
            protocol_fee_bps: 1_000,
        }
    }

    /// Health with no oracle confidence: debt at spot equals debt at price + conf.
    fn health(deposited: u128, liquidation_line: u128, borrowed: u128) -> Health {
        Health {
            deposited,
            liquidation_line,
            borrowed,
            borrowed_weighted: borrowed,
            borrow_limit: 0,
            borrowed_spot: borrowed,
        }
    }

    #[test]
    fn bonus_ramps() {
        let h = health(100 * WAD, 80 * WAD, 80 * WAD + 1);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 200);
        let h = health(100 * WAD, 80 * WAD, 90 * WAD);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 600);
        // Insolvent at spot: the ramp's maximum (the shortfall rule).
        let h = health(100 * WAD, 80 * WAD, 120 * WAD);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 1_000);
    }

    /// Regression (#18, medium 1): the ramp paid 800 bps at collateral ÷ debt = 1.053, more
    /// than the equity margin, so each call lowered the margin and raised the next bonus.
    #[test]
    fn bonus_never_exceeds_the_equity_margin() {
        let h = health(100 * WAD, 80 * WAD, 95 * WAD);
        // Ramp: 200 + 800 × 15/20 = 800 bps; margin: 5/95 = 526.3 bps.
        assert_eq!(ramp_bonus_bps(&h, 200, 1_000), 800);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 526);
        // Collateral exactly covers the debt: no bonus is left to pay.
        let h = health(100 * WAD, 80 * WAD, 100 * WAD);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 0);
        // Short of it by less than the rounding tolerance: still no bonus, not the maximum.
        let h = health(100 * WAD - 3, 80 * WAD, 100 * WAD);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(5)).unwrap(), 0);
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(2)).unwrap(), 1_000);
        // Confidence makes the debt look larger than the collateral, but at spot it is
        // covered: the margin at spot still bounds the bonus.
        let h = Health {
            borrowed_spot: 98 * WAD,
            ..health(100 * WAD, 80 * WAD, 101 * WAD)
        };
        assert_eq!(bonus_bps(&h, 200, 1_000, || Ok(0)).unwrap(), 204);
    }

    #[test]
    fn healthy_is_refused() {
        let p = pool();
        let price = PriceView::new(WAD, 0, 6);
        let h = health(100 * WAD, 80 * WAD, 80 * WAD);
        let side = Side {
            pool: &p,
            price: &price,
        };
        assert_eq!(
            plan(&h, side, WAD, side, 1, u64::MAX, &cfg()),
            Err(RiskError::ObligationHealthy)
        );
    }

    #[test]
    fn close_factor_and_bonus() {
        // 100 SOL collateral at $10 (9 decimals), 850 USDC debt (6 decimals), LT 80%.
        let coll_pool = pool();
        let debt_pool = pool();
        let sol = PriceView::new(10 * WAD, 0, 9);
        let usdc = PriceView::new(WAD, 0, 6);
        let params = RiskParams {
            ltv_bps: 7_000,
            liquidation_threshold_bps: 8_000,
        };
        let coll_shares = 100_000_000_000u64;
        let dv = deposit_values(&coll_pool, coll_shares, &sol, &params).unwrap();
        let debt_shares = amount_to_wad(850_000_000);
        let bv = borrow_values(&debt_pool, debt_shares, &usdc).unwrap();
        let h = Health {
            deposited: dv.market,
            borrow_limit: dv.borrow_limit,
            liquidation_line: dv.liquidation_line,
            borrowed: bv.high,
            borrowed_weighted: bv.high,
            borrowed_spot: bv.spot,
        };
        let debt = Side {
            pool: &debt_pool,
            price: &usdc,
        };
        let coll = Side {
            pool: &coll_pool,
            price: &sol,
        };
        let p = plan(&h, debt, debt_shares, coll, coll_shares, u64::MAX, &cfg()).unwrap();
        // Half of $850 may be repaid; bonus at 25% of the way from 80% to 100% LTV = 4%.
        assert_eq!(p.repay_amount, 425_000_000);
        assert_eq!(p.bonus_bps, 400);
        // $425 × 1.04 = $442 of SOL = 44.2 SOL.
        assert_eq!(p.seized_shares, 44_200_000_000);
        assert_eq!(p.protocol_fee_shares, 44_200_000_000 * 400 / 10_400 / 10);
    }

    #[test]
    fn exhausted_collateral_clamps_repay() {
        let coll_pool = pool();
        let debt_pool = pool();
        let sol = PriceView::new(10 * WAD, 0, 9);
        let usdc = PriceView::new(WAD, 0, 6);
        // 1 SOL ($10) against $50 debt: everything is liquidatable under the dust threshold? No:
        // $50 is above $2, so the close factor caps at $25, and $10 of collateral caps further.
        let h = Health {
            borrow_limit: 7 * WAD,
            ..health(10 * WAD, 8 * WAD, 50 * WAD)
        };
        let debt = Side {
            pool: &debt_pool,
            price: &usdc,
        };
        let coll = Side {
            pool: &coll_pool,
            price: &sol,
        };
        let p = plan(
            &h,
            debt,
            amount_to_wad(50_000_000),
            coll,
            1_000_000_000,
            u64::MAX,
            &cfg(),
        )
        .unwrap();
        assert_eq!(p.bonus_bps, 1_000);
        assert_eq!(p.seized_shares, 1_000_000_000);
        // $10 / 1.10 = $9.090909..., rounded up in the protocol's favour.
        assert_eq!(p.repay_amount, 9_090_910);
    }

    /// Regression (found by the property test): debt worth astronomically more than the
    /// collateral overflowed the seize computation instead of seizing everything.
    #[test]
    fn astronomically_insolvent_obligation_seizes_everything() {
        let coll_pool = Pool {
            available: 1_000,
            debt_shares: 771_119 * WAD,
            borrow_index: WAD,
            share_supply: 1_000,
            ..Pool::default()
        };
        let debt_pool = Pool {
            available: 1_000,
            debt_shares: 168_943 * WAD + amount_to_wad(430_329_047_072),
            borrow_index: WAD,
            share_supply: 1_000,
            ..Pool::default()
        };
        let coll_price = PriceView::new(1_000_000_000_000, 0, 9);
        let debt_price = PriceView::new(1_000_000_000_000, 0, 0);
        let debt_shares = amount_to_wad(430_329_047_072);
        let params = RiskParams {
            ltv_bps: 4_000,
            liquidation_threshold_bps: 5_000,
        };
        let dv = deposit_values(&coll_pool, 1, &coll_price, &params).unwrap();
        let bv = borrow_values(&debt_pool, debt_shares, &debt_price).unwrap();
        let h = Health {
            deposited: dv.market,
            borrow_limit: dv.borrow_limit,
            liquidation_line: dv.liquidation_line,
            borrowed: bv.high,
            borrowed_weighted: bv.high,
            borrowed_spot: bv.spot,
        };
        let p = plan(
            &h,
            Side {
                pool: &debt_pool,
                price: &debt_price,
            },
            debt_shares,
            Side {
                pool: &coll_pool,
                price: &coll_price,
            },
            1,
            295_076_627_577,
            &cfg(),
        )
        .unwrap();
        assert_eq!(p.seized_shares, 1);
        assert!(p.repay_amount <= 1);
    }

    #[test]
    fn threshold_bonus_rule() {
        assert!(bonus_keeps_liquidation_improving(8_000, 2_000));
        assert!(!bonus_keeps_liquidation_improving(9_000, 1_200));
    }
}
