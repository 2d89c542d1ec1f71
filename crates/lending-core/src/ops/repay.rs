//! Paying debt back (anyone may repay for an obligation).

use super::guards::{check_group, check_no_flash_loan, check_reserve_fresh, ensure};
use super::Clock;
use crate::risk::health::{borrow_values, Health};
use crate::state::{EmodeGroup, Obligation, PriceStatus, Reserve};
use crate::{LendingError, Pubkey, Result};

/// What a repayment moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Tokens paid in.
    pub amount: u64,
    /// Debt shares left in the position.
    pub remaining_debt_shares: u128,
    /// The obligation's cached health afterwards.
    pub health: Health,
}

/// Repays `amount` (`u64::MAX`: everything owed, rounded up, leaving no dust) of the
/// obligation's debt to the reserve at `reserve_key`, never more than is owed. Allowed while
/// paused or frozen; refused with a flash loan open or a stale reserve. A fresh obligation stays
/// fresh, the position revalued in place, when the reserve is priced and the position was
/// valued under the reserve's current state; otherwise the obligation is marked stale (a
/// position weighed under a borrow factor since replaced cannot be taken out of the cached
/// weighted debt exactly: the next refresh recomputes it). An obligation in an isolated group
/// passes its `group` (only then), whose debt count loses the shares repaid.
pub fn repay(
    reserve_key: &Pubkey,
    reserve: &mut Reserve,
    ob: &mut Obligation,
    group: Option<&mut EmodeGroup>,
    amount: u64,
    clock: &Clock,
) -> Result<Outcome> {
    ensure(amount > 0, LendingError::ZeroAmount)?;
    check_group(ob, group.as_deref(), ob.emode_isolated != 0)?;
    check_no_flash_loan(reserve)?;
    check_reserve_fresh(reserve, clock.slot)?;
    let i = ob
        .find_borrow(reserve_key)
        .ok_or(LendingError::NoDebtInReserve)?;
    let mut pool = reserve.pool();
    let shares = ob.borrows[i].debt_shares.get();
    let owed = pool.repay_all_amount(shares)?;
    let amount = amount.min(owed);
    let burned = pool.debt_shares_for_repay_owing(amount, shares, owed)?;
    pool.record_repayment(amount, burned)?;
    reserve.set_pool(&pool);
    if let Some(g) = group {
        if *reserve_key == g.debt_reserve {
            let mut debt = g.isolated_debt();
            debt.remove(burned)?;
            g.set_isolated_debt(&debt);
        }
    }
    let remaining = shares - burned;
    ob.borrows[i].debt_shares.set(remaining);
    let priced = PriceStatus::from_u8(reserve.price_status) == PriceStatus::Valid;
    let valued_now = ob.borrow_reserve_seqs[i] == reserve.valuation_seq;
    if !ob.last_update.is_stale(clock.slot) && priced && valued_now {
        let old_value = ob.borrows[i].values();
        let new_value = borrow_values(&pool, remaining, &reserve.price_view())?;
        ob.borrows[i].set_values(&new_value);
        let mut health = ob.health();
        let factor = reserve.view().borrow_factor_in(ob.group().as_ref());
        health.replace_borrow(&old_value, &new_value, factor)?;
        ob.set_health(&health);
    } else {
        ob.last_update.mark_stale();
    }
    ob.remove_borrow_if_empty(i);
    Ok(Outcome {
        amount,
        remaining_debt_shares: remaining,
        health: ob.health(),
    })
}
