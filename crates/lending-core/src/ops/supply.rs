//! Supplying liquidity for deposit shares, and redeeming shares for liquidity.

use super::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_reserve_fresh, check_status, ensure,
    Action,
};
use super::Clock;
use crate::risk::fixed::{wad_to_amount, Rounding};
use crate::state::{LendingMarket, Reserve};
use crate::{LendingError, Pubkey, Result};

/// Books a deposit of `amount` tokens from `source` (never one of the reserve's vaults) and
/// returns the shares it mints, rounded down. Refused by the pause and status rules of
/// `action` (`Supply`, or `TopUp` when the shares go straight into an obligation), an open
/// flash loan, a stale reserve and the deposit cap.
pub fn deposit(
    market: &LendingMarket,
    reserve: &mut Reserve,
    source: &Pubkey,
    amount: u64,
    action: Action,
    clock: &Clock,
) -> Result<u64> {
    check_not_vault(reserve, source)?;
    check_market(market, action, clock.unix_timestamp)?;
    check_status(reserve, action)?;
    check_no_flash_loan(reserve)?;
    check_reserve_fresh(reserve, clock.slot)?;
    ensure(amount > 0, LendingError::ZeroAmount)?;
    let pool = reserve.pool();
    if reserve.config.deposit_cap > 0 {
        let supplied = wad_to_amount(pool.total_liquidity()?, Rounding::Up)?;
        let after = supplied
            .checked_add(amount)
            .ok_or(LendingError::MathOverflow)?;
        ensure(
            after <= reserve.config.deposit_cap,
            LendingError::DepositCapReached,
        )?;
    }
    let shares = pool.shares_for_deposit(amount)?;
    ensure(shares > 0, LendingError::AmountTooSmall)?;
    reserve.available = reserve
        .available
        .checked_add(amount)
        .ok_or(LendingError::MathOverflow)?;
    reserve.share_supply = reserve
        .share_supply
        .checked_add(shares)
        .ok_or(LendingError::MathOverflow)?;
    Ok(shares)
}

/// Books a redemption of `shares` and returns the liquidity it pays out, rounded down.
/// Refused while paused or frozen, with a flash loan open, on a stale reserve, beyond the cash
/// available and beyond the outflow limit (which records it).
pub fn redeem(
    market: &LendingMarket,
    reserve: &mut Reserve,
    shares: u64,
    clock: &Clock,
) -> Result<u64> {
    check_market(market, Action::Withdraw, clock.unix_timestamp)?;
    check_status(reserve, Action::Withdraw)?;
    check_no_flash_loan(reserve)?;
    check_reserve_fresh(reserve, clock.slot)?;
    ensure(shares > 0, LendingError::ZeroAmount)?;
    let amount = reserve.pool().liquidity_for_redeem(shares)?;
    ensure(amount > 0, LendingError::AmountTooSmall)?;
    ensure(
        amount <= reserve.available,
        LendingError::InsufficientLiquidity,
    )?;
    let mut outflow = reserve.outflow();
    outflow.consume(amount, clock.unix_timestamp)?;
    reserve.set_outflow(&outflow);
    reserve.available -= amount;
    reserve.share_supply = reserve
        .share_supply
        .checked_sub(shares)
        .ok_or(LendingError::MathOverflow)?;
    Ok(amount)
}
