//! Checks the operations share: pause flags, reserve status, freshness, flash loans, prices and
//! the accounts a reserve or an obligation names.

use super::ObligationReserves;
use crate::state::{EmodeGroup, LendingMarket, Obligation, PriceStatus, Reserve, ReserveStatus};
use crate::{LendingError, Pubkey, Result};

/// Refuses with `error` unless `condition` holds.
pub fn ensure(condition: bool, error: LendingError) -> Result<()> {
    if condition {
        Ok(())
    } else {
        Err(error)
    }
}

/// What an instruction is about to do with a reserve, for status and pause checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Adds liquidity (refused when reduce-only or paused).
    Supply,
    /// Adds liquidity straight into an obligation as collateral (refused when reduce-only;
    /// allowed while paused, since it only lowers risk).
    TopUp,
    /// Takes liquidity or collateral out.
    Withdraw,
    /// Moves existing shares into an obligation (allowed when reduce-only or paused).
    Collateralize,
    /// Creates new debt (refused when reduce-only or borrows are paused).
    Borrow,
    /// Pays debt back (allowed even when paused or frozen).
    Repay,
    /// Liquidates an obligation (allowed even when paused or frozen).
    Liquidate,
}

/// Refuses the action if the market's pause flags in force at `now` forbid it. Repayments,
/// liquidations and collateral top-ups are never paused: a pause that stopped them would turn
/// a crash into bad debt.
pub fn check_market(market: &LendingMarket, action: Action, now: i64) -> Result<()> {
    if matches!(
        action,
        Action::Repay | Action::Liquidate | Action::Collateralize | Action::TopUp
    ) {
        return Ok(());
    }
    ensure(!market.paused(now), LendingError::MarketPaused)?;
    if action == Action::Borrow {
        ensure(!market.borrows_paused(now), LendingError::BorrowsPaused)?;
    }
    Ok(())
}

/// Refuses the action if the reserve's status forbids it. Repayments and liquidations work
/// whatever the status.
pub fn check_status(reserve: &Reserve, action: Action) -> Result<()> {
    match (reserve.config.status(), action) {
        (_, Action::Repay | Action::Liquidate) => Ok(()),
        (ReserveStatus::Frozen, _) => Err(LendingError::ReserveFrozen),
        (ReserveStatus::ReduceOnly, Action::Supply | Action::TopUp | Action::Borrow) => {
            Err(LendingError::ReserveReduceOnly)
        }
        _ => Ok(()),
    }
}

/// Refuses if a flash loan is open on the reserve (its vault is then off limits).
pub fn check_no_flash_loan(reserve: &Reserve) -> Result<()> {
    ensure(
        reserve.flash_outstanding == 0,
        LendingError::FlashLoanActive,
    )
}

/// Refuses a reserve not refreshed in the current slot.
pub fn check_reserve_fresh(reserve: &Reserve, slot: u64) -> Result<()> {
    ensure(
        !reserve.last_update.is_stale(slot),
        LendingError::ReserveStale,
    )
}

/// Refuses a reserve not refreshed in this slot, or whose price failed validation then.
pub fn check_reserve_priced(reserve: &Reserve, slot: u64) -> Result<()> {
    check_reserve_fresh(reserve, slot)?;
    match PriceStatus::from_u8(reserve.price_status) {
        PriceStatus::Valid => Ok(()),
        PriceStatus::TooOld => Err(LendingError::PriceTooOld),
        PriceStatus::Invalid => Err(LendingError::InvalidPrice),
        PriceStatus::ConfidenceTooWide => Err(LendingError::ConfidenceTooWide),
        PriceStatus::Unusable => Err(LendingError::InvalidOracleData),
    }
}

/// Refuses an obligation not refreshed in the current slot.
pub fn check_obligation_fresh(obligation: &Obligation, slot: u64) -> Result<()> {
    ensure(
        !obligation.last_update.is_stale(slot),
        LendingError::ObligationStale,
    )
}

/// Refuses a borrow, withdrawal or liquidation whose obligation was valued from a reserve state
/// that has changed since, in this slot (a later price, a write-off, a new configuration).
///
/// `named` are the reserves the instruction names as accounts; `others` are the obligation's
/// other reserves, in the obligation's order (collateral, then debt), each read only once
/// matched to a position.
pub fn check_valuations_current(
    ob: &Obligation,
    others: &(impl ObligationReserves + ?Sized),
    named: &[(&Pubkey, &Reserve)],
) -> Result<()> {
    let (nd, nb) = (ob.deposits_len as usize, ob.borrows_len as usize);
    let mut next = 0;
    for i in 0..nd + nb {
        let (key, seq) = if i < nd {
            (&ob.deposits[i].reserve, ob.deposits[i].reserve_seq)
        } else {
            (&ob.borrows[i - nd].reserve, ob.borrow_reserve_seqs[i - nd])
        };
        let current = if next < others.len() && others.key(next) == key {
            next += 1;
            others.valuation_seq(next - 1)?
        } else {
            named
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, r)| r.valuation_seq)
                .ok_or(LendingError::WrongRemainingAccounts)?
        };
        ensure(current == seq, LendingError::ValuationChanged)?;
    }
    ensure(next == others.len(), LendingError::WrongRemainingAccounts)
}

/// Refuses a borrow, withdrawal or liquidation backed by a price older than its oracle's max
/// age for risk: the obligation's prices (as of its refresh) and any `reserves` priced
/// outside it (a borrow's new debt reserve).
pub fn check_prices_fresh_for_risk(
    obligation: &Obligation,
    reserves: &[&Reserve],
    now: i64,
) -> Result<()> {
    ensure(
        now <= obligation.price_risk_expiry && reserves.iter().all(|r| now <= r.price_risk_expiry),
        LendingError::PriceTooOldForRisk,
    )
}

/// Refuses a borrow or withdrawal while a price behind it diverges from its EMA.
pub fn check_no_ema_divergence(obligation: &Obligation, reserve: &Reserve) -> Result<()> {
    ensure(
        obligation.ema_diverged == 0 && reserve.ema_diverged == 0,
        LendingError::PriceDivergesFromEma,
    )
}

/// Refuses a token account that is one of the reserve's own vaults.
pub fn check_not_vault(reserve: &Reserve, account: &Pubkey) -> Result<()> {
    ensure(
        *account != reserve.supply_vault && *account != reserve.fee_vault,
        LendingError::VaultAsUserAccount,
    )
}

/// Turns `u64::MAX` into `max`, refuses zero.
pub fn resolve_amount(requested: u64, max: u64) -> Result<u64> {
    ensure(requested > 0, LendingError::ZeroAmount)?;
    Ok(if requested == u64::MAX {
        max
    } else {
        requested
    })
}

/// The accounts an instruction passes for a reserve's own fields, checked in one load by
/// [`check_reserve_binding`]; `None` skips a field the instruction does not take.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReserveBinding<'a> {
    /// The market (`WrongMarket`).
    pub market: Option<&'a Pubkey>,
    /// The asset's mint (`WrongReserveAccount`).
    pub liquidity_mint: Option<&'a Pubkey>,
    /// The supply vault (`WrongReserveAccount`).
    pub supply_vault: Option<&'a Pubkey>,
    /// The fee vault (`WrongReserveAccount`).
    pub fee_vault: Option<&'a Pubkey>,
    /// The share mint (`WrongReserveAccount`).
    pub share_mint: Option<&'a Pubkey>,
    /// The token program (`WrongTokenProgram`).
    pub token_program: Option<&'a Pubkey>,
}

/// Refuses accounts that are not the ones `reserve` names, in the order of
/// [`ReserveBinding`]'s fields.
pub fn check_reserve_binding(reserve: &Reserve, b: &ReserveBinding) -> Result<()> {
    let same = |passed: Option<&Pubkey>, named: &Pubkey| passed.is_none_or(|p| p == named);
    ensure(same(b.market, &reserve.market), LendingError::WrongMarket)?;
    for (passed, named) in [
        (b.liquidity_mint, &reserve.liquidity_mint),
        (b.supply_vault, &reserve.supply_vault),
        (b.fee_vault, &reserve.fee_vault),
        (b.share_mint, &reserve.share_mint),
    ] {
        ensure(same(passed, named), LendingError::WrongReserveAccount)?;
    }
    ensure(
        same(b.token_program, &reserve.token_program),
        LendingError::WrongTokenProgram,
    )
}

/// Refuses an obligation of another market (`WrongMarket`) or, when `owner` is given, of
/// another owner (`NotObligationOwner`).
pub fn check_obligation_binding(
    ob: &Obligation,
    market: &Pubkey,
    owner: Option<&Pubkey>,
) -> Result<()> {
    ensure(ob.market == *market, LendingError::WrongMarket)?;
    match owner {
        Some(owner) => ensure(ob.owner == *owner, LendingError::NotObligationOwner),
        None => Ok(()),
    }
}

/// Refuses a group account that is not the obligation's group (`WrongEmodeGroup`): one must be
/// passed exactly when `needed` (callers pass the obligation's group when it is in one, or
/// only when it is isolated), of the obligation's market and id.
pub fn check_group(ob: &Obligation, group: Option<&EmodeGroup>, needed: bool) -> Result<()> {
    match group {
        Some(g) => ensure(
            needed && g.market == ob.market && g.id == ob.emode_group && ob.emode_group != 0,
            LendingError::WrongEmodeGroup,
        ),
        None => ensure(!needed, LendingError::WrongEmodeGroup),
    }
}
