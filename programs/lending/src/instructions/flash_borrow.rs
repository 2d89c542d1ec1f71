//! `flash_borrow`: lends liquidity that a `flash_repay` later in the same transaction must
//! return, checked through the instructions sysvar. Both instructions take the same accounts
//! ([`FlashLoan`]), in the same order.

use super::shared::accounts::{clock, ReserveAuthority};
use super::shared::flash_sysvar::check_flash_borrow;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::FlashBorrowed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::flash::flash_borrow;
use lending_core::ops::guards::check_not_vault;

crate::lending_accounts! {
    /// Accounts of both flash-loan instructions.
    pub struct FlashLoan {
        /// Borrower.
        user: signer,
        market: market,
        /// The reserve lending.
        reserve: reserve_mut with [liquidity_mint, supply_vault],
        /// Borrower's token account (receives the loan, pays it back).
        user_liquidity: user_token,
        instructions: instructions,
        token_program: token_program,
    }
    distinct: [supply_vault, user_liquidity]
}

/// Lends `amount` until the matching `flash_repay` later in the same transaction.
pub fn handler(ctx: Context<FlashLoan>, amount: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    require!(amount > 0, LendingError::ZeroAmount);
    check_flash_borrow(&accounts.instructions, amount)?;
    check_not_vault(&reserve, accounts.user_liquidity.key).map_err(LendingError::from)?;

    let now = clock()?.unix_timestamp;
    flash_borrow(&*accounts.market.load()?, &mut reserve, amount, now)
        .map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&reserve);
    drop(reserve);

    reserve_accounts.pay_out(&authority, &accounts.user_liquidity, amount)?;
    emit!(FlashBorrowed {
        reserve: reserve_accounts.key(),
        user: accounts.user.key(),
        amount,
    });
    Ok(())
}
