//! `refresh_obligation`: recomputes an obligation's position values and health from its
//! reserves, passed as remaining accounts: collateral reserves in order, then debt reserves in
//! order, each refreshed in this slot.

use super::shared::guards::check_reserve_priced;
use super::shared::reserve_account::read_reserve;
use crate::errors::LendingError;
use crate::risk::health::{borrow_values, deposit_values, Health};
use crate::state::reserve::ReserveView;
use crate::state::Obligation;
use anchor_lang::prelude::*;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RefreshObligation<'info> {
    /// The obligation.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
}

/// Loads remaining account `i` as the reserve `expected` of this obligation's market.
fn load_reserve<'info>(
    accounts: &'info [AccountInfo<'info>],
    i: usize,
    expected: &Pubkey,
    market: &Pubkey,
    slot: u64,
) -> Result<(ReserveView, u64)> {
    let info = accounts
        .get(i)
        .ok_or(LendingError::WrongRemainingAccounts)?;
    require_keys_eq!(*info.key, *expected, LendingError::WrongRemainingAccounts);
    let r = read_reserve(info)?;
    require_keys_eq!(r.market, *market, LendingError::WrongMarket);
    check_reserve_priced(&r, slot)?;
    Ok((r.view(), r.valuation_seq))
}

/// Recomputes every position and the obligation's totals.
pub fn handler<'info>(ctx: Context<'info, RefreshObligation<'info>>) -> Result<()> {
    let clock = Clock::get()?;
    let mut ob = ctx.accounts.obligation.load_mut()?;
    let (nd, nb) = (ob.deposits_len as usize, ob.borrows_len as usize);
    let remaining = ctx.remaining_accounts;
    require!(
        remaining.len() == nd + nb,
        LendingError::WrongRemainingAccounts
    );
    let market = ob.market;
    let mut health = Health::default();
    let mut diverged = false;
    let mut risk_expiry = i64::MAX;
    for i in 0..nd {
        let key = ob.deposits[i].reserve;
        crate::probe!("deposit: start");
        let (r, seq) = load_reserve(remaining, i, &key, &market, clock.slot)?;
        crate::probe!("deposit: reserve loaded and checked");
        let v = deposit_values(&r.pool, ob.deposits[i].shares, &r.price, &r.risk)
            .map_err(LendingError::from)?;
        crate::probe!("deposit: values");
        ob.deposits[i].set_values(&v);
        ob.deposits[i].reserve_seq = seq;
        health.add_deposit(&v).map_err(LendingError::from)?;
        diverged |= r.ema_diverged;
        risk_expiry = risk_expiry.min(r.price_risk_expiry);
    }
    for j in 0..nb {
        let key = ob.borrows[j].reserve;
        crate::probe!("borrow: start");
        let (r, seq) = load_reserve(remaining, nd + j, &key, &market, clock.slot)?;
        crate::probe!("borrow: reserve loaded and checked");
        let v = borrow_values(&r.pool, ob.borrows[j].debt_shares.get(), &r.price)
            .map_err(LendingError::from)?;
        crate::probe!("borrow: value");
        ob.borrows[j].set_values(&v);
        ob.borrow_reserve_seqs[j] = seq;
        health.add_borrow(&v).map_err(LendingError::from)?;
        diverged |= r.ema_diverged;
        risk_expiry = risk_expiry.min(r.price_risk_expiry);
    }
    ob.set_health(&health);
    ob.ema_diverged = diverged as u8;
    ob.price_risk_expiry = risk_expiry;
    ob.last_update.update(clock.slot, clock.unix_timestamp);
    Ok(())
}
