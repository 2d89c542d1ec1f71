//! Previews of user actions: the program's own operations (`lending_core::ops`) run on copies of
//! fetched accounts, after the refreshes the transaction carries, so a wallet or a bot sees what
//! the program will do (or why it will refuse) before sending.
//!
//! Each preview takes the market projected to a clock ([`MarketState::at`]), refreshes the
//! obligation from it as `refresh_obligation` would, runs the operation and returns its outcome
//! with the obligation and reserves as they would be afterwards. The copies are discarded; the
//! fetched state is not changed.

use crate::health::{refreshed_obligation, HealthError};
use crate::market::MarketState;
use anchor_lang::prelude::Pubkey;
use lending_core::ops::{borrow, liquidate, repay};
use lending_core::state::{Obligation, Reserve};
use lending_core::LendingError;

/// An operation's outcome with the state it leaves.
#[derive(Debug, Clone, Copy)]
pub struct Preview<T> {
    /// What the operation returned (amounts, fees, health).
    pub outcome: T,
    /// The obligation afterwards.
    pub obligation: Obligation,
}

/// The obligation refreshed at the market's clock, and its reserves
/// ([`crate::health::refreshed_obligation`]); a reserve missing from the market is refused as
/// the program would refuse the missing account.
fn refreshed(
    ms: &MarketState,
    ob: &Obligation,
) -> Result<(Obligation, Vec<(Pubkey, Reserve)>), LendingError> {
    refreshed_obligation(ob, &ms.reserves, &ms.clock).map_err(|e| match e {
        HealthError::MissingReserve(_) => LendingError::WrongRemainingAccounts,
        HealthError::Math(e) => e.into(),
        HealthError::Refused(e) => e,
    })
}

/// The reserve at `key`, projected.
fn reserve(ms: &MarketState, key: &Pubkey) -> Result<Reserve, LendingError> {
    ms.reserves
        .get(key)
        .copied()
        .ok_or(LendingError::WrongReserveAccount)
}

/// The obligation's reserves other than those an instruction names.
fn others(reserves: &[(Pubkey, Reserve)], named: &[Pubkey]) -> Vec<(Pubkey, Reserve)> {
    reserves
        .iter()
        .filter(|(k, _)| !named.contains(k))
        .copied()
        .collect()
}

/// `borrow_obligation_liquidity` of `amount` (`u64::MAX`: the most allowed) from `reserve_key`.
pub fn borrow(
    ms: &MarketState,
    ob: &Obligation,
    reserve_key: &Pubkey,
    amount: u64,
) -> Result<Preview<borrow::Outcome>, LendingError> {
    let (mut ob, reserves) = refreshed(ms, ob)?;
    let mut r = reserve(ms, reserve_key)?;
    let others = others(&reserves, &[*reserve_key]);
    let outcome = borrow::borrow(
        &ms.market,
        reserve_key,
        &mut r,
        &mut ob,
        others.as_slice(),
        amount,
        &ms.clock,
    )?;
    Ok(Preview {
        outcome,
        obligation: ob,
    })
}

/// `repay_obligation_liquidity` of `amount` (`u64::MAX`: everything owed) to `reserve_key`.
pub fn repay(
    ms: &MarketState,
    ob: &Obligation,
    reserve_key: &Pubkey,
    amount: u64,
) -> Result<Preview<repay::Outcome>, LendingError> {
    let (mut ob, _) = refreshed(ms, ob)?;
    let mut r = reserve(ms, reserve_key)?;
    let outcome = repay::repay(reserve_key, &mut r, &mut ob, amount, &ms.clock)?;
    Ok(Preview {
        outcome,
        obligation: ob,
    })
}

/// `liquidate_obligation` of the debt owed to `debt_key` against the collateral in
/// `collateral_key`, within `bounds`.
pub fn liquidate(
    ms: &MarketState,
    ob: &Obligation,
    debt_key: &Pubkey,
    collateral_key: &Pubkey,
    bounds: &liquidate::Bounds,
) -> Result<Preview<liquidate::Outcome>, LendingError> {
    let (mut ob, reserves) = refreshed(ms, ob)?;
    let mut debt = reserve(ms, debt_key)?;
    let mut collateral = reserve(ms, collateral_key)?;
    let others = others(&reserves, &[*debt_key, *collateral_key]);
    let outcome = liquidate::liquidate(
        &ms.market,
        &mut ob,
        liquidate::Party::new(debt_key, &mut debt),
        liquidate::Party::new(collateral_key, &mut collateral),
        others.as_slice(),
        bounds,
        &ms.clock,
    )?;
    Ok(Preview {
        outcome,
        obligation: ob,
    })
}
