//! A tiny attacker program: forwards its instruction data to the lending program through CPI,
//! with its own accounts (after the first, the lending program) as the CPI's accounts.

use anchor_lang::prelude::{AccountInfo, AccountMeta, Pubkey};
use anchor_lang::solana_program::entrypoint::ProgramResult;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program::invoke;
use solana_program_test::{processor, ProgramTest};

/// The attacker's program id.
pub const ID: Pubkey = Pubkey::new_from_array([7; 32]);

fn process(_program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let metas = accounts[1..]
        .iter()
        .map(|a| AccountMeta {
            pubkey: *a.key,
            is_signer: a.is_signer,
            is_writable: a.is_writable,
        })
        .collect();
    let ix = Instruction {
        program_id: lending::ID,
        accounts: metas,
        data: data.to_vec(),
    };
    invoke(&ix, &accounts[1..])
}

/// Registers the attacker in a program test.
pub fn register(pt: &mut ProgramTest) {
    pt.add_program("attacker", ID, processor!(process));
}

/// Wraps a lending instruction so it reaches the program through the attacker's CPI.
pub fn wrap(ix: &Instruction) -> Instruction {
    let mut accounts = vec![AccountMeta::new_readonly(lending::ID, false)];
    accounts.extend(ix.accounts.iter().cloned());
    Instruction {
        program_id: ID,
        accounts,
        data: ix.data.clone(),
    }
}
