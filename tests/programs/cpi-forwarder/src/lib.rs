//! A CPI forwarder for tests: the first account is the target program, the rest become the
//! accounts of an instruction with this instruction's data, invoked through CPI. It lets the
//! test suites send any lending instruction "through another program".

#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use solana_account_info::AccountInfo;
use solana_instruction::{AccountMeta, Instruction};
use solana_program_error::{ProgramError, ProgramResult};
use solana_pubkey::Pubkey;

/// The forwarder's program id in tests (any fixed key works: it is loaded by the test bank).
pub const ID: Pubkey = Pubkey::new_from_array([7; 32]);

/// The instruction to forward: `data` to `accounts[0]` with `accounts[1..]` as its accounts.
pub fn forwarded(accounts: &[AccountInfo], data: &[u8]) -> Result<Instruction, ProgramError> {
    let (target, rest) = accounts
        .split_first()
        .ok_or(ProgramError::NotEnoughAccountKeys)?;
    let metas = rest
        .iter()
        .map(|a| AccountMeta {
            pubkey: *a.key,
            is_signer: a.is_signer,
            is_writable: a.is_writable,
        })
        .collect();
    Ok(Instruction {
        program_id: *target.key,
        accounts: metas,
        data: data.to_vec(),
    })
}

/// The on-chain entry: invokes [`forwarded`] through the CPI syscall.
pub fn process(_program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let ix = forwarded(accounts, data)?;
    solana_cpi::invoke(&ix, &accounts[1..])
}

/// Builds the forwarding instruction that makes `ix` reach its program through CPI.
pub fn wrap(ix: &Instruction) -> Instruction {
    let mut accounts = vec![AccountMeta::new_readonly(ix.program_id, false)];
    accounts.extend(ix.accounts.iter().cloned());
    Instruction {
        program_id: ID,
        accounts,
        data: ix.data.clone(),
    }
}

#[cfg(not(feature = "no-entrypoint"))]
solana_program_entrypoint::entrypoint!(process);
