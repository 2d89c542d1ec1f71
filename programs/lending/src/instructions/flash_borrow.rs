//! `flash_borrow`: lends liquidity that a `flash_repay` later in the same transaction must
//! return, checked through the instructions sysvar. Both instructions take the same accounts
//! ([`FlashLoan`]), in the same order.

use super::shared::flash_sysvar::check_flash_borrow;
use super::shared::guards::{
    check_market, check_not_vault, check_reserve_binding, check_status, Action,
};
use super::shared::token_ops::pay_from_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::FlashBorrowed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

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

/// Lends `amount` until the matching `flash_repay` later in the same transaction.
pub fn handler(ctx: Context<FlashLoan>, amount: u64) -> Result<()> {
    crate::probe!("flash_borrow: accounts loaded");
    crate::probe!("flash_borrow: probe cost");
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    require!(amount > 0, LendingError::ZeroAmount);
    crate::probe!("flash_borrow: user account read");
    check_flash_borrow(&a.instructions, amount)?;
    crate::probe!("flash_borrow: sysvar scan");
    let (signer, decimals) = {
        let mut r = a.reserve.load_mut()?;
        let now = Clock::get()?.unix_timestamp;
        check_market(&*a.market.load()?, Action::Borrow, now)?;
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
        (r.signer(), r.decimals)
    };
    crate::probe!("flash_borrow: checks and books");
    pay_from_vault(
        &a.token_program,
        &a.supply_vault,
        &a.user_liquidity.to_account_info(),
        &a.liquidity_mint,
        decimals,
        &a.reserve.to_account_info(),
        &signer,
        amount,
    )?;
    crate::probe!("flash_borrow: tokens out");
    emit!(FlashBorrowed {
        reserve: ctx.accounts.reserve.key(),
        user: ctx.accounts.user.key(),
        amount,
    });
    crate::probe!("flash_borrow: event emitted");
    Ok(())
}
