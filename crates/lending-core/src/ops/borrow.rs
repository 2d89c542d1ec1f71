//! Borrowing against an obligation's collateral.

use super::guards::{
    check_group, check_market, check_no_ema_divergence, check_no_flash_loan,
    check_obligation_fresh, check_prices_fresh_for_risk, check_reserve_priced, check_status,
    check_valuations_current, ensure, Action,
};
use super::{Clock, ObligationReserves};
use crate::risk::exchange::Pool;
use crate::risk::fixed::{mul_div, wad_to_amount, Rounding, BPS};
use crate::risk::health::{
    borrow_values, max_borrow_amount, origination_fee, DebtPosition, Health,
};
use crate::state::{EmodeGroup, LendingMarket, Obligation, Reserve};
use crate::{LendingError, Pubkey, Result};

/// What a borrow moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Tokens paid out to the borrower.
    pub amount: u64,
    /// Origination fee, added to the debt and paid to the fee vault.
    pub fee: u64,
    /// The obligation's health afterwards.
    pub health: Health,
}

/// Tokens that may still be borrowed under the reserve's borrow cap (`u64::MAX` without one).
fn cap_room(reserve: &Reserve, pool: &Pool) -> Result<u64> {
    if reserve.config.borrow_cap == 0 {
        return Ok(u64::MAX);
    }
    let debt = wad_to_amount(pool.total_debt(Rounding::Up)?, Rounding::Up)?;
    Ok(reserve.config.borrow_cap.saturating_sub(debt))
}

/// Largest amount whose amount + fee fits in `room` tokens.
fn fit_with_fee(room: u64, fee_bps: u16) -> Result<u64> {
    let mut amount = mul_div(room as u128, BPS, BPS + fee_bps as u128, Rounding::Down)? as u64;
    while amount > 0 && amount + origination_fee(amount, fee_bps)? > room {
        amount -= 1;
    }
    Ok(amount)
}

/// Checks that the obligation's e-mode group admits debt in the reserve at `reserve_key` (an
/// isolated group only its debt reserve; `group` is its account, passed only for an isolated
/// group).
pub fn check_debt_admitted(
    reserve_key: &Pubkey,
    reserve: &Reserve,
    ob: &Obligation,
    group: Option<&EmodeGroup>,
) -> Result<()> {
    check_group(ob, group, ob.emode_isolated != 0)?;
    let admitted = match group {
        Some(g) => *reserve_key == g.debt_reserve,
        None => reserve.config.groups().admits_debt(ob.group().as_ref()),
    };
    ensure(admitted, LendingError::AssetNotInEmodeGroup)
}

/// The most the obligation can borrow now from the reserve at `reserve_key`: limited by the
/// borrow limit, cash, the borrow cap and, in an isolated group (`group`), its debt ceiling.
pub fn max_borrow(
    reserve_key: &Pubkey,
    reserve: &Reserve,
    ob: &Obligation,
    group: Option<&EmodeGroup>,
) -> Result<u64> {
    let pool = reserve.pool();
    let fee = reserve.config.origination_fee_bps;
    let position = match ob.find_borrow(reserve_key) {
        Some(i) => DebtPosition {
            shares: ob.borrows[i].debt_shares.get(),
            values: ob.borrows[i].values(),
        },
        None => DebtPosition::default(),
    };
    let by_health = max_borrow_amount(
        &ob.health(),
        &pool,
        &reserve.price_view(),
        fee,
        reserve.view().borrow_factor_in(ob.group().as_ref()),
        &position,
    )?;
    let mut room = pool.available.min(cap_room(reserve, &pool)?);
    if let Some(g) = group {
        room = room.min(g.isolated_debt().room(&pool)?);
    }
    Ok(by_health.min(fit_with_fee(room, fee)?))
}

/// Lends `amount` (`u64::MAX`: the most allowed) from the reserve at `reserve_key` to the
/// obligation, adding the origination fee to its debt. The obligation must be fresh, valued from
/// the reserves' current state (`reserve` and the `others`) with prices young enough for risk
/// and in line with their EMA; the loan must fit the borrow limit, the cash, the borrow cap, the
/// utilisation cap and the outflow limit. In an e-mode group the group must admit the debt; an
/// isolated group (`group`, its account, passed only then) lends only from its debt reserve and
/// within its debt ceiling, which counts the new debt.
#[allow(clippy::too_many_arguments)]
pub fn borrow(
    market: &LendingMarket,
    reserve_key: &Pubkey,
    reserve: &mut Reserve,
    ob: &mut Obligation,
    others: &(impl ObligationReserves + ?Sized),
    group: Option<&mut EmodeGroup>,
    amount: u64,
    clock: &Clock,
) -> Result<Outcome> {
    ensure(amount > 0, LendingError::ZeroAmount)?;
    check_market(market, Action::Borrow, clock.unix_timestamp)?;
    check_status(reserve, Action::Borrow)?;
    check_no_flash_loan(reserve)?;
    check_reserve_priced(reserve, clock.slot)?;
    check_obligation_fresh(ob, clock.slot)?;
    check_prices_fresh_for_risk(ob, &[reserve], clock.unix_timestamp)?;
    check_valuations_current(ob, others, &[(reserve_key, reserve)])?;
    check_no_ema_divergence(ob, reserve)?;
    ensure(
        ob.find_deposit(reserve_key).is_none(),
        LendingError::CollateralAndDebtSameReserve,
    )?;
    check_debt_admitted(reserve_key, reserve, ob, group.as_deref())?;
    let amount = if amount == u64::MAX {
        max_borrow(reserve_key, reserve, ob, group.as_deref())?
    } else {
        amount
    };
    ensure(amount > 0, LendingError::BorrowTooLarge)?;
    let fee = origination_fee(amount, reserve.config.origination_fee_bps)?;
    let total = amount.checked_add(fee).ok_or(LendingError::MathOverflow)?;
    let mut pool = reserve.pool();
    ensure(total <= pool.available, LendingError::InsufficientLiquidity)?;
    ensure(
        total <= cap_room(reserve, &pool)?,
        LendingError::BorrowCapReached,
    )?;
    let mut outflow = reserve.outflow();
    outflow.consume(total, clock.unix_timestamp)?;
    reserve.set_outflow(&outflow);
    let new_shares = pool.record_borrow(total)?;
    ensure(
        pool.utilization_within(reserve.config.utilization_cap_bps)?,
        LendingError::UtilizationCapReached,
    )?;
    if let Some(g) = group {
        let mut debt = g.isolated_debt();
        ensure(
            debt.add(new_shares, &pool)?,
            LendingError::EmodeDebtCeilingReached,
        )?;
        g.set_isolated_debt(&debt);
    }

    let i = ob
        .find_or_add_borrow(reserve_key)
        .ok_or(LendingError::TooManyBorrows)?;
    let old_value = ob.borrows[i].values();
    let shares = ob.borrows[i]
        .debt_shares
        .get()
        .checked_add(new_shares)
        .ok_or(LendingError::MathOverflow)?;
    let new_value = borrow_values(&pool, shares, &reserve.price_view())?;
    let mut health = ob.health();
    let factor = reserve.view().borrow_factor_in(ob.group().as_ref());
    health.replace_borrow(&old_value, &new_value, factor)?;
    ensure(health.within_borrow_limit(), LendingError::BorrowTooLarge)?;
    ob.borrows[i].debt_shares.set(shares);
    ob.borrows[i].set_values(&new_value);
    ob.borrow_reserve_seqs[i] = reserve.valuation_seq;
    ob.set_health(&health);
    reserve.set_pool(&pool);
    Ok(Outcome {
        amount,
        fee,
        health,
    })
}
