//! Off-chain health and liquidation sizing, computed by the program's own core crate
//! (`lending_core`) from fetched accounts: the same functions `refresh_obligation` and
//! `liquidate_obligation` run, so a bot and the program cannot disagree.

use crate::market::obligation_reserves;
use anchor_lang::prelude::Pubkey;
use lending_core::ops::refresh::refresh_obligation;
use lending_core::ops::Clock;
use lending_core::risk::emode::GroupParams;
use lending_core::risk::fixed::{amount_to_wad, Rounding, WAD};
use lending_core::risk::health::{DepositValues, Health};
use lending_core::risk::liquidation::{plan, LiquidationPlan, Side};
use lending_core::risk::RiskError;
use lending_core::state::{EmodeGroup, LendingMarket, Obligation, Reserve};
use lending_core::LendingError;
use std::collections::HashMap;
use std::fmt;

/// Reserves by address, as fetched.
pub type Reserves = HashMap<Pubkey, Reserve>;

/// A market's e-mode groups by id, as fetched.
pub type Groups = HashMap<u8, EmodeGroup>;

/// Why health could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HealthError {
    /// A reserve the obligation has a position in was not supplied.
    MissingReserve(Pubkey),
    /// The e-mode group the obligation is in was not supplied.
    MissingGroup(u8),
    /// The pure core refused (overflow, insolvent reserve...).
    Math(RiskError),
    /// The program's operation refused, as it would on chain (a stale or unpriced reserve...).
    Refused(LendingError),
}

impl fmt::Display for HealthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingReserve(k) => write!(f, "reserve {k} of the obligation was not fetched"),
            Self::MissingGroup(id) => {
                write!(f, "e-mode group {id} of the obligation was not fetched")
            }
            Self::Math(e) => write!(f, "risk math: {e:?}"),
            Self::Refused(e) => write!(f, "{} ({})", e.message(), e.name()),
        }
    }
}

impl std::error::Error for HealthError {}

impl From<RiskError> for HealthError {
    fn from(e: RiskError) -> Self {
        Self::Math(e)
    }
}

/// An obligation's health recomputed from its reserves' current state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObligationHealth {
    /// Totals, as `refresh_obligation` would cache them.
    pub health: Health,
    /// Each collateral position's contribution, in the obligation's order.
    pub deposits: Vec<DepositValues>,
    /// Each debt position's value at price + conf, in the obligation's order.
    pub borrows: Vec<u128>,
    /// Whether any reserve's price has diverged from its EMA.
    pub ema_diverged: bool,
    /// The e-mode group it was valued in, with the limits in force at the clock (`None`
    /// outside any group).
    pub group: Option<GroupParams>,
}

fn reserve<'a>(reserves: &'a Reserves, key: &Pubkey) -> Result<&'a Reserve, HealthError> {
    reserves.get(key).ok_or(HealthError::MissingReserve(*key))
}

/// `ob` refreshed at `clock` by the program's own operation
/// ([`lending_core::ops::refresh::refresh_obligation`]) on a copy, with the obligation's
/// reserves in its order as the refresh read them, under its e-mode group from `groups` (if it
/// is in one). Refuses as the program would (a reserve not refreshed at `clock.slot`, or
/// unpriced).
pub fn refreshed_obligation(
    ob: &Obligation,
    reserves: &Reserves,
    groups: &Groups,
    clock: &Clock,
) -> Result<(Obligation, Vec<(Pubkey, Reserve)>), HealthError> {
    let group = match ob.emode_group {
        0 => None,
        id => Some(groups.get(&id).ok_or(HealthError::MissingGroup(id))?),
    };
    let list = obligation_reserves(ob)
        .into_iter()
        .map(|k| Ok((k, *reserve(reserves, &k)?)))
        .collect::<Result<Vec<(Pubkey, Reserve)>, HealthError>>()?;
    let mut refreshed = *ob;
    refresh_obligation(&mut refreshed, list.as_slice(), group, clock)
        .map_err(HealthError::Refused)?;
    Ok((refreshed, list))
}

/// Recomputes `ob`'s position values and health from `reserves` as `refresh_obligation` would
/// at `clock` ([`refreshed_obligation`]). Pass reserves projected to the clock
/// ([`crate::market::MarketState::projected`]).
pub fn obligation_health(
    ob: &Obligation,
    reserves: &Reserves,
    groups: &Groups,
    clock: &Clock,
) -> Result<ObligationHealth, HealthError> {
    let (refreshed, _) = refreshed_obligation(ob, reserves, groups, clock)?;
    Ok(ObligationHealth {
        health: refreshed.health(),
        deposits: refreshed.deposits().iter().map(|d| d.values()).collect(),
        borrows: refreshed
            .borrows()
            .iter()
            .map(|b| b.values().high)
            .collect(),
        ema_diverged: refreshed.ema_diverged != 0,
        group: refreshed.group(),
    })
}

/// A liquidation the program would accept, sized by its own `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiquidationChoice {
    /// Reserve whose debt is repaid.
    pub repay_reserve: Pubkey,
    /// Reserve whose collateral is seized.
    pub collateral_reserve: Pubkey,
    /// The amounts, as the program will compute them.
    pub plan: LiquidationPlan,
    /// Value of the collateral shares the liquidator receives, at spot (WAD quote).
    pub receive_value: u128,
    /// Value of the tokens the liquidator repays, at spot (WAD quote).
    pub repay_value: u128,
}

impl LiquidationChoice {
    /// Expected gross profit (WAD quote): collateral received minus debt repaid, at spot.
    pub fn profit(&self) -> i128 {
        self.receive_value as i128 - self.repay_value as i128
    }
}

/// Every repay/collateral pair of an unhealthy obligation, sized for a liquidator repaying at
/// most `max_repay` of the debt asset; the most profitable first. Empty when the obligation is
/// healthy by `h` (its own math, never the cached value alone: [`obligation_health`]), whose
/// e-mode group gives the bonus range.
pub fn liquidation_choices(
    ob: &Obligation,
    h: &ObligationHealth,
    reserves: &Reserves,
    market: &LendingMarket,
    max_repay: u64,
) -> Result<Vec<LiquidationChoice>, HealthError> {
    let health = &h.health;
    if !health.is_liquidatable() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for b in ob.borrows() {
        let debt = reserve(reserves, &b.reserve)?;
        let (debt_pool, debt_price) = (debt.pool(), debt.price_view());
        for d in ob.deposits() {
            if d.reserve == b.reserve || d.shares == 0 {
                continue;
            }
            let coll = reserve(reserves, &d.reserve)?;
            let (coll_pool, coll_price) = (coll.pool(), coll.price_view());
            let p = plan(
                health,
                Side {
                    pool: &debt_pool,
                    price: &debt_price,
                },
                b.debt_shares.get(),
                Side {
                    pool: &coll_pool,
                    price: &coll_price,
                },
                d.shares,
                max_repay,
                &market.liquidation_config(coll, h.group.as_ref()),
            )?;
            if p.repay_amount == 0 || p.liquidator_shares == 0 {
                continue;
            }
            let received =
                coll_pool.shares_to_liquidity_wad(p.liquidator_shares, Rounding::Down)?;
            out.push(LiquidationChoice {
                repay_reserve: b.reserve,
                collateral_reserve: d.reserve,
                plan: p,
                receive_value: coll_price.value(received, coll_price.spot, Rounding::Down)?,
                repay_value: debt_price.value(
                    amount_to_wad(p.repay_amount),
                    debt_price.spot,
                    Rounding::Up,
                )?,
            });
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.profit()));
    Ok(out)
}

/// A WAD value as a float, for display only.
pub fn wad_f64(v: u128) -> f64 {
    v as f64 / WAD as f64
}

/// Display-only figures of one collateral position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CollateralView {
    /// Tokens the position's shares redeem for (rounded down), in whole tokens.
    pub tokens: f64,
    /// Value at spot (quote).
    pub value: f64,
    /// The position's loan-to-value (its reserve's, or its e-mode group's), as a fraction.
    pub ltv: f64,
    /// Spot price of this asset at which the obligation becomes liquidatable, others held
    /// fixed; `None` when no price of this asset alone can make it liquidatable.
    pub liquidation_price: Option<f64>,
}

/// Display-only figures of `ob`'s collateral positions, from `h` (see [`obligation_health`]).
pub fn collateral_views(
    ob: &Obligation,
    h: &ObligationHealth,
    reserves: &Reserves,
) -> Result<Vec<CollateralView>, HealthError> {
    ob.deposits()
        .iter()
        .zip(&h.deposits)
        .map(|(d, v)| {
            let r = reserve(reserves, &d.reserve)?;
            // What the shares redeem for now, in whole tokens.
            let units = r.pool().liquidity_for_redeem(d.shares)?;
            let tokens = units as f64 / 10f64.powi(r.decimals as i32);
            let spot = wad_f64(r.price.get());
            // The liquidation line scales with this asset's price: solve
            // other_lines + this_line × p / spot = weighted debt for p.
            let others = wad_f64(h.health.liquidation_line) - wad_f64(v.liquidation_line);
            let need = wad_f64(h.health.borrowed_weighted) - others;
            let liquidation_price = (v.liquidation_line > 0 && need > 0.0)
                .then(|| spot * need / wad_f64(v.liquidation_line));
            Ok(CollateralView {
                tokens,
                value: wad_f64(v.market),
                ltv: r.view().risk_in(h.group.as_ref()).ltv_bps as f64 / 10_000.0,
                liquidation_price,
            })
        })
        .collect()
}
