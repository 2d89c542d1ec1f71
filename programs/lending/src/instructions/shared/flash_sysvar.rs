//! Flash-loan introspection through the instructions sysvar.
//!
//! A flash borrow must be a top-level instruction of this program, must be the only flash borrow
//! in the transaction, and must be followed by exactly one flash repay of this program that
//! names it, for the same amount, with the same account list.

use crate::constants::TRANSACTION_LEVEL_STACK_HEIGHT;
use crate::errors::LendingError;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{get_stack_height, Instruction};
use anchor_lang::Discriminator;
use solana_instructions_sysvar::{load_current_index_checked, load_instruction_at_checked};

/// Loads instruction `i` of the transaction.
fn load(i: usize, ixs: &AccountInfo) -> Result<Instruction> {
    load_instruction_at_checked(i, ixs).map_err(|_| error!(LendingError::InvalidInstructionsSysvar))
}

/// Number of instructions in the transaction.
fn count(ixs: &AccountInfo) -> Result<usize> {
    let data = ixs.try_borrow_data()?;
    require!(data.len() >= 2, LendingError::InvalidInstructionsSysvar);
    Ok(u16::from_le_bytes([data[0], data[1]]) as usize)
}

/// Refuses a call made through CPI; returns the current top-level instruction and its index.
pub fn current_top_level(ixs: &AccountInfo) -> Result<(usize, Instruction)> {
    require!(
        get_stack_height() == TRANSACTION_LEVEL_STACK_HEIGHT,
        LendingError::FlashLoanCpi
    );
    let idx = load_current_index_checked(ixs)
        .map_err(|_| error!(LendingError::InvalidInstructionsSysvar))? as usize;
    let ix = load(idx, ixs)?;
    require_keys_eq!(ix.program_id, crate::ID, LendingError::FlashLoanCpi);
    Ok((idx, ix))
}

/// Decodes `(amount, borrow_instruction_index)` from a flash-repay instruction's data.
fn repay_args(data: &[u8]) -> Option<(u64, u8)> {
    let d = crate::instruction::FlashRepay::DISCRIMINATOR.len();
    let amount = u64::from_le_bytes(data.get(d..d + 8)?.try_into().ok()?);
    let index = *data.get(d + 8)?;
    Some((amount, index))
}

/// Decodes the amount from a flash-borrow instruction's data.
fn borrow_amount(data: &[u8]) -> Option<u64> {
    let d = crate::instruction::FlashBorrow::DISCRIMINATOR.len();
    Some(u64::from_le_bytes(data.get(d..d + 8)?.try_into().ok()?))
}

fn is(ix: &Instruction, disc: &[u8]) -> bool {
    ix.program_id == crate::ID && ix.data.starts_with(disc)
}

fn same_accounts(a: &Instruction, b: &Instruction) -> bool {
    a.accounts.len() == b.accounts.len()
        && a.accounts
            .iter()
            .zip(b.accounts.iter())
            .all(|(x, y)| x.pubkey == y.pubkey && x.is_writable == y.is_writable)
}

/// Checks the flash borrow at the current instruction against the rest of the transaction.
pub fn check_flash_borrow(ixs: &AccountInfo, amount: u64) -> Result<()> {
    let (current, me) = current_top_level(ixs)?;
    let n = count(ixs)?;
    let mut repays = 0u32;
    for i in 0..n {
        if i == current {
            continue;
        }
        let ix = load(i, ixs)?;
        if is(&ix, crate::instruction::FlashBorrow::DISCRIMINATOR) {
            return err!(LendingError::MultipleFlashBorrows);
        }
        if i > current && is(&ix, crate::instruction::FlashRepay::DISCRIMINATOR) {
            let (repay_amount, index) =
                repay_args(&ix.data).ok_or(LendingError::InvalidFlashRepay)?;
            if index as usize == current {
                require!(
                    repay_amount == amount && same_accounts(&me, &ix),
                    LendingError::InvalidFlashRepay
                );
                repays += 1;
            }
        }
    }
    match repays {
        0 => err!(LendingError::NoFlashRepayFound),
        1 => Ok(()),
        _ => err!(LendingError::InvalidFlashRepay),
    }
}

/// Checks the flash repay at the current instruction against the borrow it names.
pub fn check_flash_repay(ixs: &AccountInfo, amount: u64, borrow_index: u8) -> Result<()> {
    let (current, me) = current_top_level(ixs)?;
    require!(
        (borrow_index as usize) < current,
        LendingError::InvalidFlashRepay
    );
    let borrow = load(borrow_index as usize, ixs)?;
    require!(
        is(&borrow, crate::instruction::FlashBorrow::DISCRIMINATOR)
            && borrow_amount(&borrow.data) == Some(amount)
            && same_accounts(&me, &borrow),
        LendingError::InvalidFlashRepay
    );
    Ok(())
}
