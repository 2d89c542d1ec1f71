//! Refreshing an obligation: every position revalued from its reserve's state in this slot.

use super::guards::{check_group, check_reserve_priced, ensure};
use super::{Clock, ObligationReserves};
use crate::risk::health::{borrow_values, deposit_values, Health};
use crate::state::{EmodeGroup, EmodeLimits, Obligation};
use crate::{LendingError, Result};

/// Recomputes every position's values and the obligation's health from `reserves` (its
/// collateral reserves in order, then its debt reserves in order, each of its market and
/// refreshed and priced in this slot), and records which state of each reserve it used. An
/// obligation in an e-mode group is valued under the `group`'s limits in force in this slot
/// (the account must be its group; `None` outside any group), which it keeps until the next
/// refresh.
pub fn refresh_obligation(
    ob: &mut Obligation,
    reserves: &(impl ObligationReserves + ?Sized),
    group: Option<&EmodeGroup>,
    clock: &Clock,
) -> Result<()> {
    check_group(ob, group, ob.emode_group != 0)?;
    let params = group.map(|g| g.params_at(clock.slot, clock.unix_timestamp));
    ob.emode_limits = params.as_ref().map(EmodeLimits::of).unwrap_or_default();
    let params = params.as_ref();
    let (nd, nb) = (ob.deposits_len as usize, ob.borrows_len as usize);
    ensure(
        reserves.len() == nd + nb,
        LendingError::WrongRemainingAccounts,
    )?;
    let market = ob.market;
    let mut health = Health::default();
    let mut diverged = false;
    let mut risk_expiry = i64::MAX;
    for i in 0..nd + nb {
        let key = if i < nd {
            ob.deposits[i].reserve
        } else {
            ob.borrows[i - nd].reserve
        };
        ensure(
            *reserves.key(i) == key,
            LendingError::WrongRemainingAccounts,
        )?;
        let (r, seq) = reserves.with_reserve(i, |r| {
            ensure(r.market == market, LendingError::WrongMarket)?;
            check_reserve_priced(r, clock.slot)?;
            Ok((r.view(), r.valuation_seq))
        })?;
        if i < nd {
            let d = &mut ob.deposits[i];
            let v = deposit_values(&r.pool, d.shares, &r.price, &r.risk_in(params))?;
            d.set_values(&v);
            d.reserve_seq = seq;
            health.add_deposit(&v)?;
        } else {
            let j = i - nd;
            let v = borrow_values(&r.pool, ob.borrows[j].debt_shares.get(), &r.price)?;
            ob.borrows[j].set_values(&v);
            ob.borrow_reserve_seqs[j] = seq;
            health.add_borrow(&v, r.borrow_factor_in(params))?;
        }
        diverged |= r.ema_diverged;
        risk_expiry = risk_expiry.min(r.price_risk_expiry);
    }
    ob.set_health(&health);
    ob.ema_diverged = diverged as u8;
    ob.price_risk_expiry = risk_expiry;
    ob.last_update.update(clock.slot, clock.unix_timestamp);
    Ok(())
}
