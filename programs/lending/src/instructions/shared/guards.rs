//! Checks that many instructions repeat: pause flags, reserve status, freshness, flash loans.

use crate::errors::LendingError;
use crate::state::reserve::PriceStatus;
use crate::state::{LendingMarket, Obligation, Reserve, ReserveStatus};
use anchor_lang::prelude::*;

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
    require!(!market.paused(now), LendingError::MarketPaused);
    if action == Action::Borrow {
        require!(!market.borrows_paused(now), LendingError::BorrowsPaused);
    }
    Ok(())
}

/// Refuses the action if the reserve's status forbids it. Repayments and liquidations work
/// whatever the status.
pub fn check_status(reserve: &Reserve, action: Action) -> Result<()> {
    match (reserve.config.status(), action) {
        (_, Action::Repay | Action::Liquidate) => Ok(()),
        (ReserveStatus::Frozen, _) => err!(LendingError::ReserveFrozen),
        (ReserveStatus::ReduceOnly, Action::Supply | Action::TopUp | Action::Borrow) => {
            err!(LendingError::ReserveReduceOnly)
        }
        _ => Ok(()),
    }
}

/// Refuses if a flash loan is open on the reserve (its vault is then off limits).
pub fn check_no_flash_loan(reserve: &Reserve) -> Result<()> {
    require!(
        reserve.flash_outstanding == 0,
        LendingError::FlashLoanActive
    );
    Ok(())
}

/// Refuses a reserve not refreshed in the current slot.
pub fn check_reserve_fresh(reserve: &Reserve, slot: u64) -> Result<()> {
    require!(
        !reserve.last_update.is_stale(slot),
        LendingError::ReserveStale
    );
    Ok(())
}

/// Refuses a reserve not refreshed in this slot, or whose price failed validation then.
pub fn check_reserve_priced(reserve: &Reserve, slot: u64) -> Result<()> {
    check_reserve_fresh(reserve, slot)?;
    match PriceStatus::from_u8(reserve.price_status) {
        PriceStatus::Valid => Ok(()),
        PriceStatus::TooOld => err!(LendingError::PriceTooOld),
        PriceStatus::Invalid => err!(LendingError::InvalidPrice),
        PriceStatus::ConfidenceTooWide => err!(LendingError::ConfidenceTooWide),
        PriceStatus::Unusable => err!(LendingError::InvalidOracleData),
    }
}

/// Refuses an obligation not refreshed in the current slot.
pub fn check_obligation_fresh(obligation: &Obligation, slot: u64) -> Result<()> {
    require!(
        !obligation.last_update.is_stale(slot),
        LendingError::ObligationStale
    );
    Ok(())
}

/// Refuses a borrow, withdrawal or liquidation whose obligation was valued from a reserve state
/// that has changed since, in this slot (a later price, a write-off, a new configuration).
/// `named` are the reserves the instruction names as accounts; `others` are the obligation's
/// other reserves, as remaining accounts, in the obligation's order (collateral, then debt).
pub fn check_valuations_current(
    ob: &Obligation,
    others: &[AccountInfo],
    named: &[(&Pubkey, &Reserve)],
) -> Result<()> {
    let (nd, nb) = (ob.deposits_len as usize, ob.borrows_len as usize);
    let mut others = others.iter().peekable();
    for i in 0..nd + nb {
        let (key, seq) = if i < nd {
            (&ob.deposits[i].reserve, ob.deposits[i].reserve_seq)
        } else {
            (&ob.borrows[i - nd].reserve, ob.borrow_reserve_seqs[i - nd])
        };
        let current = match others.next_if(|info| info.key == key) {
            Some(info) => valuation_seq_of(info)?,
            None => named
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, r)| r.valuation_seq)
                .ok_or(LendingError::WrongRemainingAccounts)?,
        };
        require!(current == seq, LendingError::ValuationChanged);
    }
    require!(
        others.next().is_none(),
        LendingError::WrongRemainingAccounts
    );
    Ok(())
}

/// A reserve's `valuation_seq`, read in place. The account's key is a position's reserve,
/// which was checked (owner, type, market) when the position was opened, and no instruction
/// closes or reassigns a reserve: the key alone identifies it. A reserve the instruction holds
/// borrowed is one it names, which does not belong in the list.
fn valuation_seq_of(info: &AccountInfo) -> Result<u64> {
    let at = 8 + std::mem::offset_of!(Reserve, valuation_seq);
    let data = info
        .try_borrow_data()
        .map_err(|_| LendingError::WrongRemainingAccounts)?;
    let bytes = data
        .get(at..at + 8)
        .ok_or(anchor_lang::error::ErrorCode::AccountDidNotDeserialize)?;
    let mut seq = [0u8; 8];
    seq.copy_from_slice(bytes);
    Ok(u64::from_le_bytes(seq))
}

/// Refuses a borrow, withdrawal or liquidation backed by a price older than its oracle's max
/// age for risk: the obligation's prices (as of its refresh) and any `reserves` priced
/// outside it (a borrow's new debt reserve).
pub fn check_prices_fresh_for_risk(
    obligation: &Obligation,
    reserves: &[&Reserve],
    now: i64,
) -> Result<()> {
    require!(
        now <= obligation.price_risk_expiry && reserves.iter().all(|r| now <= r.price_risk_expiry),
        LendingError::PriceTooOldForRisk
    );
    Ok(())
}

/// Refuses a token account that is one of the reserve's own vaults.
pub fn check_not_vault(reserve: &Reserve, account: &Pubkey) -> Result<()> {
    require!(
        *account != reserve.supply_vault && *account != reserve.fee_vault,
        LendingError::VaultAsUserAccount
    );
    Ok(())
}

/// Turns `u64::MAX` into `max`, refuses zero.
pub fn resolve_amount(requested: u64, max: u64) -> Result<u64> {
    require!(requested > 0, LendingError::ZeroAmount);
    Ok(if requested == u64::MAX {
        max
    } else {
        requested
    })
}

/// The accounts an instruction passes for a reserve's own fields. Checked in one load by
/// [`check_reserve_binding`] (Anchor's `has_one` loads the reserve once per field); `None`
/// skips a field the instruction does not take.
#[derive(Default, Clone, Copy)]
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

impl<'a> ReserveBinding<'a> {
    /// The market, asset mint, supply vault and token program: what every instruction that
    /// moves the asset passes.
    pub fn liquidity(
        market: &'a Pubkey,
        liquidity_mint: &'a Pubkey,
        supply_vault: &'a Pubkey,
        token_program: &'a Pubkey,
    ) -> Self {
        Self {
            market: Some(market),
            liquidity_mint: Some(liquidity_mint),
            supply_vault: Some(supply_vault),
            token_program: Some(token_program),
            ..Self::default()
        }
    }

    /// Also the share mint.
    pub fn with_share_mint(self, share_mint: &'a Pubkey) -> Self {
        Self {
            share_mint: Some(share_mint),
            ..self
        }
    }

    /// Also the fee vault.
    pub fn with_fee_vault(self, fee_vault: &'a Pubkey) -> Self {
        Self {
            fee_vault: Some(fee_vault),
            ..self
        }
    }
}

/// [`ReserveBinding::liquidity`] from an accounts struct's `market`, `liquidity_mint`,
/// `supply_vault` and `token_program` fields.
#[macro_export]
macro_rules! liquidity_binding {
    ($a:expr) => {
        $crate::instructions::shared::guards::ReserveBinding::liquidity(
            $a.market.as_ref().key,
            $a.liquidity_mint.key,
            $a.supply_vault.key,
            $a.token_program.key,
        )
    };
}

/// Refuses an obligation of another market (`WrongMarket`) or, when `owner` is given, of another
/// owner (`NotObligationOwner`): Anchor's `has_one`s in the load the handler already does.
pub fn check_obligation_binding(
    ob: &Obligation,
    market: &Pubkey,
    owner: Option<&Pubkey>,
) -> Result<()> {
    require_keys_eq!(ob.market, *market, LendingError::WrongMarket);
    if let Some(owner) = owner {
        require_keys_eq!(ob.owner, *owner, LendingError::NotObligationOwner);
    }
    Ok(())
}

/// Refuses accounts that are not the ones `reserve` names, in the order of
/// [`ReserveBinding`]'s fields.
pub fn check_reserve_binding(reserve: &Reserve, b: &ReserveBinding) -> Result<()> {
    let same = |passed: Option<&Pubkey>, named: &Pubkey| passed.is_none_or(|p| p == named);
    require!(same(b.market, &reserve.market), LendingError::WrongMarket);
    for (passed, named) in [
        (b.liquidity_mint, &reserve.liquidity_mint),
        (b.supply_vault, &reserve.supply_vault),
        (b.fee_vault, &reserve.fee_vault),
        (b.share_mint, &reserve.share_mint),
    ] {
        require!(same(passed, named), LendingError::WrongReserveAccount);
    }
    require!(
        same(b.token_program, &reserve.token_program),
        LendingError::WrongTokenProgram
    );
    Ok(())
}
