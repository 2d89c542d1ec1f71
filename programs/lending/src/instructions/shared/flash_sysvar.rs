//! Flash-loan introspection through the instructions sysvar.
//!
//! A flash borrow must be a top-level instruction of this program, must be the only flash borrow
//! in the transaction, and must be followed by exactly one flash repay of this program that
//! names it, for the same amount, with the same account list.

use crate::constants::TRANSACTION_LEVEL_STACK_HEIGHT;
use crate::errors::LendingError;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::get_stack_height;
use anchor_lang::Discriminator;

/// Bytes of one serialized account meta: flags (bit 0 signer, bit 1 writable), then the key.
const META: usize = 33;
/// The writable bit of a meta's flags.
const WRITABLE: u8 = 2;

/// One instruction of the transaction, read in place from the sysvar (no copy, no allocation).
struct IxRef<'a> {
    /// Serialized account metas, [`META`] bytes each.
    metas: &'a [u8],
    /// Program id.
    program_id: &'a [u8],
    /// Instruction data.
    data: &'a [u8],
}

impl IxRef<'_> {
    /// True for an instruction of this program whose data starts with `disc`.
    fn is(&self, disc: &[u8]) -> bool {
        self.program_id == crate::ID.as_ref() && self.data.starts_with(disc)
    }

    /// True when both list the same accounts in the same order, each equally writable.
    fn same_accounts(&self, other: &IxRef) -> bool {
        self.metas.len() == other.metas.len()
            && self
                .metas
                .chunks_exact(META)
                .zip(other.metas.chunks_exact(META))
                .all(|(x, y)| x[1..] == y[1..] && x[0] & WRITABLE == y[0] & WRITABLE)
    }
}

/// The instructions sysvar's data: the instruction count, one offset per instruction, the
/// instructions (account count, metas, program id, data length, data), and last the index of
/// the executing instruction.
struct Sysvar<'a>(&'a [u8]);

impl<'a> Sysvar<'a> {
    fn bytes(&self, at: usize, len: usize) -> Result<&'a [u8]> {
        at.checked_add(len)
            .and_then(|end| self.0.get(at..end))
            .ok_or_else(|| error!(LendingError::InvalidInstructionsSysvar))
    }

    fn u16_at(&self, at: usize) -> Result<usize> {
        let b = self.bytes(at, 2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]) as usize)
    }

    /// Number of instructions in the transaction.
    fn count(&self) -> Result<usize> {
        self.u16_at(0)
    }

    /// Index of the executing top-level instruction.
    fn current(&self) -> Result<usize> {
        let at = self
            .0
            .len()
            .checked_sub(2)
            .ok_or_else(|| error!(LendingError::InvalidInstructionsSysvar))?;
        self.u16_at(at)
    }

    /// Instruction `i`.
    fn at(&self, i: usize) -> Result<IxRef<'a>> {
        require!(i < self.count()?, LendingError::InvalidInstructionsSysvar);
        let mut at = self.u16_at(2 + 2 * i)?;
        let n = self.u16_at(at)?;
        at += 2;
        let metas = self.bytes(at, n * META)?;
        at += n * META;
        let program_id = self.bytes(at, 32)?;
        let len = self.u16_at(at + 32)?;
        let data = self.bytes(at + 34, len)?;
        Ok(IxRef {
            metas,
            program_id,
            data,
        })
    }
}

/// Runs `f` on the sysvar's data, after checking that `ixs` is the instructions sysvar.
fn with_sysvar<T>(ixs: &AccountInfo, f: impl FnOnce(&Sysvar) -> Result<T>) -> Result<T> {
    require_keys_eq!(
        *ixs.key,
        solana_instructions_sysvar::ID,
        LendingError::InvalidInstructionsSysvar
    );
    let data = ixs.try_borrow_data()?;
    f(&Sysvar(&data))
}

/// Refuses a call made through CPI; returns the current top-level instruction and its index.
fn current_top_level<'a>(sysvar: &Sysvar<'a>) -> Result<(usize, IxRef<'a>)> {
    require!(
        get_stack_height() == TRANSACTION_LEVEL_STACK_HEIGHT,
        LendingError::FlashLoanCpi
    );
    let idx = sysvar.current()?;
    let ix = sysvar.at(idx)?;
    require!(
        ix.program_id == crate::ID.as_ref(),
        LendingError::FlashLoanCpi
    );
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

/// Checks the flash borrow at the current instruction against the rest of the transaction.
pub fn check_flash_borrow(ixs: &AccountInfo, amount: u64) -> Result<()> {
    with_sysvar(ixs, |sysvar| {
        let (current, me) = current_top_level(sysvar)?;
        let mut repays = 0u32;
        for i in 0..sysvar.count()? {
            if i == current {
                continue;
            }
            let ix = sysvar.at(i)?;
            if ix.is(crate::instruction::FlashBorrow::DISCRIMINATOR) {
                return err!(LendingError::MultipleFlashBorrows);
            }
            if i > current && ix.is(crate::instruction::FlashRepay::DISCRIMINATOR) {
                let (repay_amount, index) =
                    repay_args(ix.data).ok_or(LendingError::InvalidFlashRepay)?;
                if index as usize == current {
                    require!(
                        repay_amount == amount && me.same_accounts(&ix),
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
    })
}

/// Checks the flash repay at the current instruction against the borrow it names.
pub fn check_flash_repay(ixs: &AccountInfo, amount: u64, borrow_index: u8) -> Result<()> {
    with_sysvar(ixs, |sysvar| {
        let (current, me) = current_top_level(sysvar)?;
        require!(
            (borrow_index as usize) < current,
            LendingError::InvalidFlashRepay
        );
        let borrow = sysvar.at(borrow_index as usize)?;
        require!(
            borrow.is(crate::instruction::FlashBorrow::DISCRIMINATOR)
                && borrow_amount(borrow.data) == Some(amount)
                && me.same_accounts(&borrow),
            LendingError::InvalidFlashRepay
        );
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
    use anchor_lang::solana_program::sysvar::instructions::{
        construct_instructions_data, BorrowedAccountMeta, BorrowedInstruction,
    };

    fn ix(program_id: Pubkey, metas: &[(u8, bool, bool)], data: &[u8]) -> Instruction {
        let accounts = metas
            .iter()
            .map(|&(k, signer, writable)| AccountMeta {
                pubkey: Pubkey::new_from_array([k; 32]),
                is_signer: signer,
                is_writable: writable,
            })
            .collect();
        Instruction::new_with_bytes(program_id, data, accounts)
    }

    /// Sysvar data as the runtime lays it out, with `current` as the executing index.
    fn sysvar_data(ixs: &[Instruction], current: u16) -> Vec<u8> {
        let borrowed: Vec<_> = ixs
            .iter()
            .map(|i| BorrowedInstruction {
                program_id: &i.program_id,
                accounts: i
                    .accounts
                    .iter()
                    .map(|m| BorrowedAccountMeta {
                        pubkey: &m.pubkey,
                        is_signer: m.is_signer,
                        is_writable: m.is_writable,
                    })
                    .collect(),
                data: &i.data,
            })
            .collect();
        let mut data = construct_instructions_data(&borrowed);
        let n = data.len();
        data[n - 2..].copy_from_slice(&current.to_le_bytes());
        data
    }

    #[test]
    fn reads_the_runtime_layout_in_place() {
        let other = Pubkey::new_from_array([9; 32]);
        let ixs = [
            ix(other, &[(1, true, true)], &[7; 3]),
            ix(
                crate::ID,
                &[(1, true, false), (2, false, true)],
                &[1, 2, 3, 4],
            ),
            ix(crate::ID, &[], &[]),
        ];
        let data = sysvar_data(&ixs, 1);
        let s = Sysvar(&data);
        assert_eq!(s.count().unwrap(), 3);
        assert_eq!(s.current().unwrap(), 1);
        for (i, want) in ixs.iter().enumerate() {
            let got = s.at(i).unwrap();
            assert_eq!(got.program_id, want.program_id.as_ref());
            assert_eq!(got.data, &want.data[..]);
            assert_eq!(got.metas.len(), want.accounts.len() * META);
            for (m, w) in got.metas.chunks_exact(META).zip(&want.accounts) {
                assert_eq!(&m[1..], w.pubkey.as_ref());
                assert_eq!(m[0] & WRITABLE != 0, w.is_writable);
                assert_eq!(m[0] & 1 != 0, w.is_signer);
            }
        }
        assert!(s.at(3).is_err());
        assert!(s.at(1).unwrap().is(&[1, 2]));
        assert!(!s.at(0).unwrap().is(&[7]));
    }

    #[test]
    fn same_accounts_ignores_signer_flags_only() {
        let a = ix(crate::ID, &[(1, true, true), (2, false, false)], &[]);
        let b = ix(crate::ID, &[(1, false, true), (2, false, false)], &[]);
        let c = ix(crate::ID, &[(1, true, false), (2, false, false)], &[]);
        let d = ix(crate::ID, &[(1, true, true)], &[]);
        let data = sysvar_data(&[a, b, c, d], 0);
        let s = Sysvar(&data);
        let a = s.at(0).unwrap();
        assert!(a.same_accounts(&s.at(1).unwrap()));
        assert!(!a.same_accounts(&s.at(2).unwrap()));
        assert!(!a.same_accounts(&s.at(3).unwrap()));
    }

    #[test]
    fn truncated_data_is_refused_not_read_past() {
        let data = sysvar_data(&[ix(crate::ID, &[(1, true, true)], &[5; 8])], 0);
        // The instruction ends where the trailing current index starts.
        for cut in 0..data.len() - 2 {
            assert!(Sysvar(&data[..cut]).at(0).is_err(), "cut at {cut}");
        }
        assert!(Sysvar(&data[..data.len() - 2]).at(0).is_ok());
        assert!(Sysvar(&[]).current().is_err());
    }
}
