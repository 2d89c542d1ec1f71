//! `flash_borrow`: lends liquidity that a `flash_repay` later in the same transaction must
//! return, checked through the instructions sysvar. Both instructions take the same accounts
//! ([`FlashLoan`]), in the same order.

use super::shared::accounts::{clock, ReserveAccounts, ReserveAuthority};
use super::shared::flash_sysvar::check_flash_borrow;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::FlashBorrowed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::flash::flash_borrow;
use lending_core::ops::guards::check_not_vault;

/// Accounts of both flash-loan instructions.
#[derive(Accounts)]
pub struct FlashLoan<'info> {
    /// Borrower.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub user: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve lending.
    /// Checked against the accounts it names by `check_reserve_binding`.
    #[account(mut)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The reserve's supply vault.
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub supply_vault: UncheckedAccount<'info>,
    /// Borrower's token account (receives the loan, pays it back).
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The instructions sysvar.
    /// CHECK: address is checked; read through the sysvar helpers.
    #[account(address = solana_instructions_sysvar::ID @ LendingError::InvalidInstructionsSysvar)]
    pub instructions: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> FlashLoan<'info> {
    /// The lending reserve with its mint, vault and token program.
    pub fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
    }
}

/// Lends `amount` until the matching `flash_repay` later in the same transaction.
pub fn handler(ctx: Context<FlashLoan>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    require!(amount > 0, LendingError::ZeroAmount);
    check_flash_borrow(&a.instructions, amount)?;
    check_not_vault(&r, a.user_liquidity.key).map_err(LendingError::from)?;

    let now = clock()?.unix_timestamp;
    flash_borrow(&*a.market.load()?, &mut r, amount, now).map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&r);
    drop(r);

    reserve.pay_out(&authority, &a.user_liquidity, amount)?;
    emit!(FlashBorrowed {
        reserve: reserve.key(),
        user: a.user.key(),
        amount,
    });
    Ok(())
}
