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
use lending_core::ops::{borrow, emode, liquidate, repay};
use lending_core::risk::health::Health;
use lending_core::state::{EmodeGroup, Obligation, Reserve};
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
    refreshed_obligation(ob, &ms.reserves, &ms.groups, &ms.clock).map_err(|e| match e {
        HealthError::MissingReserve(_) => LendingError::WrongRemainingAccounts,
        HealthError::MissingGroup(_) => LendingError::WrongEmodeGroup,
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

/// A copy of the obligation's isolated group, which borrow, repay and liquidate take (none
/// otherwise).
fn isolated_group(ms: &MarketState, ob: &Obligation) -> Result<Option<EmodeGroup>, LendingError> {
    if ob.emode_isolated == 0 {
        return Ok(None);
    }
    ms.groups
        .get(&ob.emode_group)
        .copied()
        .map(Some)
        .ok_or(LendingError::WrongEmodeGroup)
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
    let mut group = isolated_group(ms, &ob)?;
    let outcome = borrow::borrow(
        &ms.market,
        reserve_key,
        &mut r,
        &mut ob,
        others.as_slice(),
        group.as_mut(),
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
    let mut group = isolated_group(ms, &ob)?;
    let outcome = repay::repay(
        reserve_key,
        &mut r,
        &mut ob,
        group.as_mut(),
        amount,
        &ms.clock,
    )?;
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
    let mut group = isolated_group(ms, &ob)?;
    let mut fund = ms.funds.get(debt_key).copied();
    let outcome = liquidate::liquidate(
        &ms.market,
        &mut ob,
        liquidate::Party::new(debt_key, &mut debt),
        liquidate::Party::new(collateral_key, &mut collateral),
        others.as_slice(),
        group.as_mut(),
        fund.as_mut(),
        bounds,
        &ms.clock,
    )?;
    Ok(Preview {
        outcome,
        obligation: ob,
    })
}

/// `set_obligation_emode` into group `group_id` (0: out of any): the health the obligation
/// would have in it, or why the program would refuse.
pub fn set_emode(
    ms: &MarketState,
    ob: &Obligation,
    group_id: u8,
) -> Result<Preview<Health>, LendingError> {
    let mut ob = *ob;
    let reserves = crate::market::obligation_reserves(&ob)
        .into_iter()
        .map(|k| Ok((k, reserve(ms, &k)?)))
        .collect::<Result<Vec<_>, LendingError>>()?;
    let group = |id: u8| match id {
        0 => Ok(None),
        id => ms
            .groups
            .get(&id)
            .copied()
            .map(Some)
            .ok_or(LendingError::WrongEmodeGroup),
    };
    let (mut current, mut next) = (group(ob.emode_group)?, group(group_id)?);
    let outcome = emode::set_obligation_group(
        &mut ob,
        reserves.as_slice(),
        current.as_mut(),
        next.as_mut(),
        group_id,
        &ms.clock,
    )?;
    Ok(Preview {
        outcome,
        obligation: ob,
    })
}
