//! Liquidation: a third party repays part of an unhealthy obligation's debt for its collateral
//! plus a bonus, clamped to what is feasible; debt left with no collateral behind it is written
//! off.

use super::fund::{check_fund, cover};
use super::guards::{
    check_group, check_market, check_no_flash_loan, check_obligation_fresh,
    check_prices_fresh_for_risk, check_reserve_priced, check_status, check_valuations_current,
    ensure, Action,
};
use super::{Clock, ObligationReserves};
use crate::risk::exchange::LossSplit;
use crate::risk::fixed::{mul_div, Rounding, BPS};
use crate::risk::health::{borrow_values, deposit_values, Health};
use crate::risk::liquidation::{plan, LiquidationPlan, Side};
use crate::state::{EmodeGroup, InsuranceFund, LendingMarket, Obligation, Reserve};
use crate::{LendingError, Pubkey, Result};

/// The liquidator's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Most debt tokens the liquidator will repay (`u64::MAX`: as much as allowed).
    pub max_repay: u64,
    /// Least it accepts in return: shares, or tokens with `receive_liquidity`.
    pub min_receive: u64,
    /// Receive the collateral asset instead of deposit shares.
    pub receive_liquidity: bool,
}

/// Debt written off by a liquidation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOff {
    /// Debt shares cancelled.
    pub debt_shares: u128,
    /// The debt lost and who absorbed it: the insurance fund (its uncollected cut, then tokens
    /// from its vault), unclaimed protocol fees, depositors.
    pub loss: LossSplit,
}

/// What a liquidation moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The amounts the plan sized (repaid tokens, seized, liquidator and protocol shares).
    pub plan: LiquidationPlan,
    /// Collateral tokens paid to the liquidator instead of shares (`receive_liquidity`).
    pub received_liquidity: u64,
    /// Debt written off, if the obligation was left with no collateral.
    pub written_off: Option<WriteOff>,
    /// Health before.
    pub before: Health,
    /// Health after.
    pub after: Health,
}

/// A reserve taking part in a liquidation, with its address.
pub struct Party<'a> {
    /// The reserve's address.
    pub key: &'a Pubkey,
    /// The reserve.
    pub reserve: &'a mut Reserve,
}

impl<'a> Party<'a> {
    /// The reserve at `key`.
    pub fn new(key: &'a Pubkey, reserve: &'a mut Reserve) -> Self {
        Self { key, reserve }
    }
}

/// Liquidates the obligation within `bounds`: repays debt owed to `debt` for collateral held in
/// `collateral`. Allowed while paused or frozen. Both reserves must be fresh and priced, the
/// collateral reserve free of flash loans (the debt reserve's open loan may fund the
/// repayment: the lent tokens still count as its cash), the obligation fresh and valued from
/// the reserves' current state (the two, and the `others`) with prices young enough for risk.
/// An obligation in an e-mode group is liquidated within the group's bonus range; one in an
/// isolated group passes its `group` (only then), whose debt count loses the debt repaid and
/// written off. A debt reserve with an insurance fund passes it (only then): a write-off takes
/// from it first (see [`crate::risk::exchange::Pool::write_off`]), and the protocol's fee on
/// the collateral side gives the collateral reserve's fund its cut.
#[allow(clippy::too_many_arguments)]
pub fn liquidate(
    market: &LendingMarket,
    ob: &mut Obligation,
    debt: Party,
    collateral: Party,
    others: &(impl ObligationReserves + ?Sized),
    group: Option<&mut EmodeGroup>,
    fund: Option<&mut InsuranceFund>,
    bounds: &Bounds,
    clock: &Clock,
) -> Result<Outcome> {
    check_market(market, Action::Liquidate, clock.unix_timestamp)?;
    for r in [&*debt.reserve, &*collateral.reserve] {
        check_status(r, Action::Liquidate)?;
        check_reserve_priced(r, clock.slot)?;
    }
    check_no_flash_loan(collateral.reserve)?;
    check_obligation_fresh(ob, clock.slot)?;
    check_group(ob, group.as_deref(), ob.emode_isolated != 0)?;
    check_fund(debt.reserve, debt.key, fund.as_deref())?;
    check_prices_fresh_for_risk(ob, &[], clock.unix_timestamp)?;
    check_valuations_current(
        ob,
        others,
        &[
            (debt.key, &*debt.reserve),
            (collateral.key, &*collateral.reserve),
        ],
    )?;
    apply(
        market,
        ob,
        (debt, collateral),
        (group, fund),
        bounds,
        clock.unix_timestamp,
    )
}

/// Applies a liquidation to the obligation, both reserves, an isolated group's debt count and
/// the debt reserve's insurance fund.
fn apply(
    market: &LendingMarket,
    ob: &mut Obligation,
    (debt, collateral): (Party, Party),
    (group, fund): (Option<&mut EmodeGroup>, Option<&mut InsuranceFund>),
    bounds: &Bounds,
    now: i64,
) -> Result<Outcome> {
    let in_group = ob.group();
    let in_group = in_group.as_ref();
    let before = ob.health();
    let bi = ob
        .find_borrow(debt.key)
        .ok_or(LendingError::NoDebtInReserve)?;
    let mut debt_pool = debt.reserve.pool();
    let mut coll_pool = collateral.reserve.pool();
    let (debt_price, coll_price) = (debt.reserve.price_view(), collateral.reserve.price_view());
    let old_borrow_value = ob.borrows[bi].values();
    let debt_shares = ob.borrows[bi].debt_shares.get();
    ensure(before.is_liquidatable(), LendingError::ObligationHealthy)?;

    let mut p = LiquidationPlan::default();
    let mut received_liquidity = 0;
    let mut after = before;
    if let Some(di) = ob.find_deposit(collateral.key) {
        let held = ob.deposits[di].shares;
        p = plan(
            &before,
            Side {
                pool: &debt_pool,
                price: &debt_price,
            },
            debt_shares,
            Side {
                pool: &coll_pool,
                price: &coll_price,
            },
            held,
            bounds.max_repay,
            &market.liquidation_config(collateral.reserve, in_group),
        )?;
        ensure(
            p.repay_amount > 0 || p.seized_shares > 0,
            LendingError::NothingToLiquidate,
        )?;

        // Collateral side: the protocol's cut leaves the share supply and becomes fees, of which
        // the collateral reserve's insurance fund takes its cut.
        let fee_liq = coll_pool.shares_to_liquidity_wad(p.protocol_fee_shares, Rounding::Down)?;
        let fund_cut = mul_div(
            fee_liq,
            collateral.reserve.fund_liquidation_cut_bps as u128,
            BPS,
            Rounding::Down,
        )?;
        if bounds.receive_liquidity {
            received_liquidity = coll_pool.liquidity_for_redeem(p.liquidator_shares)?;
            ensure(
                received_liquidity <= coll_pool.available,
                LendingError::InsufficientLiquidity,
            )?;
            ensure(
                received_liquidity >= bounds.min_receive,
                LendingError::LiquidationBelowMinimum,
            )?;
            coll_pool.available -= received_liquidity;
            coll_pool.share_supply -= p.liquidator_shares;
        } else {
            ensure(
                p.liquidator_shares >= bounds.min_receive,
                LendingError::LiquidationBelowMinimum,
            )?;
        }
        coll_pool.share_supply -= p.protocol_fee_shares;
        coll_pool.protocol_fees = coll_pool
            .protocol_fees
            .checked_add(fee_liq - fund_cut)
            .ok_or(LendingError::MathOverflow)?;
        coll_pool.fund_fees = coll_pool
            .fund_fees
            .checked_add(fund_cut)
            .ok_or(LendingError::MathOverflow)?;
        let old_dep = ob.deposits[di].values();
        let left = held - p.seized_shares;
        let new_dep = deposit_values(
            &coll_pool,
            left,
            &coll_price,
            &collateral.reserve.view().risk_in(in_group),
        )?;
        ob.deposits[di].shares = left;
        ob.deposits[di].set_values(&new_dep);
        after.replace_deposit(&old_dep, &new_dep);
        ob.remove_deposit_if_empty(di);

        // Debt side.
        debt_pool.record_repayment(p.repay_amount, p.repay_debt_shares)?;
    } else {
        // Only an obligation with no collateral left at all may be written off here.
        ensure(ob.deposits_len == 0, LendingError::NoCollateralInReserve)?;
    }
    let mut remaining = debt_shares - p.repay_debt_shares;
    let mut written_off = None;
    if ob.deposits_len == 0 && remaining > 0 {
        let loss = debt_pool.write_off(remaining, |open| match fund {
            Some(f) => cover(market, f, open, now),
            None => Ok(0),
        })?;
        written_off = Some(WriteOff {
            debt_shares: remaining,
            loss,
        });
        remaining = 0;
    }
    let new_borrow_value = borrow_values(&debt_pool, remaining, &debt_price)?;
    ob.borrows[bi].debt_shares.set(remaining);
    ob.borrows[bi].set_values(&new_borrow_value);
    after.replace_borrow(
        &old_borrow_value,
        &new_borrow_value,
        debt.reserve.view().borrow_factor_in(in_group),
    )?;
    ob.remove_borrow_if_empty(bi);
    ensure(
        after.borrowed == 0 || after.shortfall() < before.shortfall(),
        LendingError::LiquidationDidNotImprove,
    )?;
    ob.set_health(&after);
    if let Some(g) = group {
        if *debt.key == g.debt_reserve {
            let mut count = g.isolated_debt();
            count.remove(debt_shares - remaining)?;
            g.set_isolated_debt(&count);
        }
    }
    debt.reserve.set_pool(&debt_pool);
    collateral.reserve.set_pool(&coll_pool);
    if let Some(w) = written_off {
        let total = debt
            .reserve
            .bad_debt_written_off
            .get()
            .saturating_add(w.loss.total);
        debt.reserve.bad_debt_written_off.set(total);
        // The reserve's share value fell: obligations valued from it must refresh again.
        debt.reserve.bump_valuation();
    }
    Ok(Outcome {
        plan: p,
        received_liquidity,
        written_off,
        before,
        after,
    })
}
