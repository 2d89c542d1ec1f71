//! The CPI forwarder (tests/programs/cpi-forwarder) run as a native processor: the attacker
//! program of the security tests. Natively, CPI must go through solana-program's `invoke_signed`,
//! the path whose syscall stubs program-test 3.1 installs.

use anchor_lang::prelude::{AccountInfo, Pubkey};
use anchor_lang::solana_program::entrypoint::ProgramResult;
use anchor_lang::solana_program::program::invoke_signed;
use solana_program_test::{processor, ProgramTest};

pub use cpi_forwarder::{wrap, ID};

fn process(_program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let ix = cpi_forwarder::forwarded(accounts, data)?;
    invoke_signed(&ix, &accounts[1..], &[&cpi_forwarder::authority_seeds()])
}

/// Registers the attacker in a program test.
pub fn register(pt: &mut ProgramTest) {
    pt.add_program("cpi_forwarder", ID, processor!(process));
}
