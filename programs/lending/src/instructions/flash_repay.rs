//! `flash_repay`: returns a flash loan plus its fee, matched to its `flash_borrow` through the
//! instructions sysvar.

use super::flash_borrow::FlashLoan;
use super::shared::flash_sysvar::check_flash_repay;
use super::shared::guards::check_reserve_binding;
use super::shared::token_ops::pay_into_vault;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::FlashRepaid;
use crate::risk::fixed::{bps_mul, Rounding};
use anchor_lang::prelude::*;

/// Repays the flash loan taken by the instruction at `borrow_instruction_index`, plus the fee,
/// which stays in the reserve for depositors.
pub fn handler(ctx: Context<FlashLoan>, amount: u64, borrow_instruction_index: u8) -> Result<()> {
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    check_flash_repay(&a.instructions, amount, borrow_instruction_index)?;
    let (fee, decimals) = {
        let mut r = a.reserve.load_mut()?;
        require!(
            r.flash_outstanding == amount && amount > 0,
            LendingError::InvalidFlashRepay
        );
        let fee = bps_mul(
            amount as u128,
            r.config.flash_loan_fee_bps as u128,
            Rounding::Up,
        )
        .map_err(LendingError::from)? as u64;
        r.flash_outstanding = 0;
        r.available = r
            .available
            .checked_add(amount)
            .and_then(|v| v.checked_add(fee))
            .ok_or(LendingError::MathOverflow)?;
        (fee, r.decimals)
    };
    pay_into_vault(
        &a.token_program,
        &a.user_liquidity,
        &a.supply_vault,
        &a.liquidity_mint,
        decimals,
        &a.user,
        amount.checked_add(fee).ok_or(LendingError::MathOverflow)?,
    )?;
    emit!(FlashRepaid {
        reserve: ctx.accounts.reserve.key(),
        user: ctx.accounts.user.key(),
        amount,
        fee,
    });
    Ok(())
}
