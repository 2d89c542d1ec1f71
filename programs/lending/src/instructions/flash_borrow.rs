//! `flash_borrow`: lends liquidity that a `flash_repay` later in the same transaction must
//! return, checked through the instructions sysvar. Both instructions take the same accounts
//! ([`FlashLoan`]), in the same order.

use super::shared::flash_sysvar::check_flash_borrow;
use super::shared::guards::{check_market, check_not_vault, check_status, Action};
use super::shared::token_ops::pay_from_vault;
use crate::errors::LendingError;
use crate::events::FlashBorrowed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Accounts of both flash-loan instructions.
#[derive(Accounts)]
pub struct FlashLoan<'info> {
    /// Borrower.
    pub user: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve lending.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = liquidity_mint @ LendingError::WrongReserveAccount,
        has_one = supply_vault @ LendingError::WrongReserveAccount,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    pub liquidity_mint: Box<InterfaceAccount<'info, Mint>>,
    /// The reserve's supply vault.
    #[account(mut)]
    pub supply_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Borrower's token account (receives the loan, pays it back).
    #[account(mut, constraint = user_liquidity.mint == liquidity_mint.key() @ LendingError::WrongMint)]
    pub user_liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The instructions sysvar.
    /// CHECK: address is checked; read through the sysvar helpers.
    #[account(address = solana_instructions_sysvar::ID @ LendingError::InvalidInstructionsSysvar)]
    pub instructions: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Lends `amount` until the matching `flash_repay` later in the same transaction.
pub fn handler(ctx: Context<FlashLoan>, amount: u64) -> Result<()> {
    require!(amount > 0, LendingError::ZeroAmount);
    let a = &mut *ctx.accounts;
    check_flash_borrow(&a.instructions, amount)?;
    let signer = {
        let mut r = a.reserve.load_mut()?;
        check_market(&*a.market.load()?, Action::Borrow)?;
        check_status(&r, Action::Borrow)?;
        check_not_vault(&r, &a.user_liquidity.key())?;
        require!(
            r.config.flash_loans_enabled != 0,
            LendingError::FlashLoansDisabled
        );
        require!(r.flash_outstanding == 0, LendingError::FlashLoanActive);
        require!(amount <= r.available, LendingError::InsufficientLiquidity);
        r.available -= amount;
        r.flash_outstanding = amount;
        r.signer()
    };
    pay_from_vault(
        &a.token_program,
        &mut a.supply_vault,
        &a.user_liquidity.to_account_info(),
        &a.liquidity_mint,
        &a.reserve.to_account_info(),
        &signer,
        amount,
    )?;
    emit!(FlashBorrowed {
        reserve: ctx.accounts.reserve.key(),
        user: ctx.accounts.user.key(),
        amount,
    });
    Ok(())
}
