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
    let accounts = &ctx.accounts;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    check_flash_repay(&accounts.instructions, amount, borrow_instruction_index)?;

    let fee = flash_repay(&mut reserve, amount).map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&reserve);
    drop(reserve);

    let total = amount.checked_add(fee).ok_or(LendingError::MathOverflow)?;
    reserve_accounts.pay_in(&authority, &accounts.user_liquidity, &accounts.user, total)?;
    emit!(FlashRepaid {
        reserve: reserve_accounts.key(),
        user: accounts.user.key(),
        amount,
        fee,
    });
    Ok(())
}
