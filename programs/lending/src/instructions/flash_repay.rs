//! `flash_repay`: returns a flash loan plus its fee, matched to its `flash_borrow` through the
//! instructions sysvar.

use super::flash_borrow::FlashLoan;
use super::shared::accounts::ReserveAuthority;
use super::shared::flash_sysvar::check_flash_repay;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::FlashRepaid;
use anchor_lang::prelude::*;
use lending_core::ops::flash::flash_repay;

/// Repays the flash loan taken by the instruction at `borrow_instruction_index`, plus the fee,
/// which stays in the reserve for depositors.
pub fn handler(ctx: Context<FlashLoan>, amount: u64, borrow_instruction_index: u8) -> Result<()> {
    let a = &ctx.accounts;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    check_flash_repay(&a.instructions, amount, borrow_instruction_index)?;

    let fee = flash_repay(&mut r, amount).map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&r);
    drop(r);

    let total = amount.checked_add(fee).ok_or(LendingError::MathOverflow)?;
    reserve.pay_in(&authority, &a.user_liquidity, &a.user, total)?;
    emit!(FlashRepaid {
        reserve: reserve.key(),
        user: a.user.key(),
        amount,
        fee,
    });
    Ok(())
}
