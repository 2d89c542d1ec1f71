//! Flash loans: liquidity lent and returned, with a fee, within one transaction. Matching the
//! borrow to its repayment through the instructions sysvar is the program's part.

use super::guards::{check_market, check_status, ensure, Action};
use crate::risk::fixed::{bps_mul, Rounding};
use crate::state::{LendingMarket, Reserve};
use crate::{LendingError, Result};

/// Lends `amount` out of the reserve's cash until [`flash_repay`]. Refused while borrows are
/// paused, on a frozen or reduce-only reserve, when flash loans are disabled, while another is
/// open and beyond the cash available.
pub fn flash_borrow(
    market: &LendingMarket,
    reserve: &mut Reserve,
    amount: u64,
    now: i64,
) -> Result<()> {
    ensure(amount > 0, LendingError::ZeroAmount)?;
    check_market(market, Action::Borrow, now)?;
    check_status(reserve, Action::Borrow)?;
    ensure(
        reserve.config.flash_loans_enabled != 0,
        LendingError::FlashLoansDisabled,
    )?;
    ensure(
        reserve.flash_outstanding == 0,
        LendingError::FlashLoanActive,
    )?;
    ensure(
        amount <= reserve.available,
        LendingError::InsufficientLiquidity,
    )?;
    reserve.available -= amount;
    reserve.flash_outstanding = amount;
    Ok(())
}

/// Closes the open flash loan of `amount` and returns its fee (rounded up), which stays in the
/// reserve for depositors: `amount + fee` must come in.
pub fn flash_repay(reserve: &mut Reserve, amount: u64) -> Result<u64> {
    ensure(
        reserve.flash_outstanding == amount && amount > 0,
        LendingError::InvalidFlashRepay,
    )?;
    let fee = bps_mul(
        amount as u128,
        reserve.config.flash_loan_fee_bps as u128,
        Rounding::Up,
    )? as u64;
    reserve.flash_outstanding = 0;
    reserve.available = reserve
        .available
        .checked_add(amount)
        .and_then(|v| v.checked_add(fee))
        .ok_or(LendingError::MathOverflow)?;
    Ok(fee)
}
