//! A CPI forwarder for tests: the first account is the target program, the rest become the
//! accounts of an instruction with this instruction's data, invoked through CPI. It lets the
//! test suites send any lending instruction "through another program". Its own PDA
//! ([`AUTHORITY`]) signs every forwarded instruction that names it: a program-owned
//! authority, as a multisig's vault is, that can own a market.

#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use solana_account_info::AccountInfo;
use solana_instruction::{AccountMeta, Instruction};
use solana_program_error::{ProgramError, ProgramResult};
use solana_pubkey::Pubkey;

/// The forwarder's program id in tests (any fixed key works: it is loaded by the test bank).
pub const ID: Pubkey = Pubkey::new_from_array([7; 32]);

/// Seed of the forwarder's authority PDA.
pub const AUTHORITY_SEED: &[u8] = b"authority";
/// Bump of the forwarder's authority PDA (checked by a unit test).
pub const AUTHORITY_BUMP: u8 = 253;
/// The forwarder's authority PDA, `["authority"]` of [`ID`]
/// (9sLgFrXv7JGK5RDj3LvPitaamNBUD2jUmoHcYKWLu4Pz).
pub const AUTHORITY: Pubkey = Pubkey::new_from_array([
    131, 194, 200, 214, 186, 34, 113, 85, 129, 107, 102, 208, 247, 32, 249, 253, 184, 167, 219,
    123, 140, 237, 85, 14, 31, 201, 211, 217, 233, 64, 105, 17,
]);

/// The signer seeds of [`AUTHORITY`].
pub fn authority_seeds() -> [&'static [u8]; 2] {
    [AUTHORITY_SEED, &[AUTHORITY_BUMP]]
}

/// The instruction to forward: `data` to `accounts[0]` with `accounts[1..]` as its accounts
/// ([`AUTHORITY`], when named, as a signer).
pub fn forwarded(accounts: &[AccountInfo], data: &[u8]) -> Result<Instruction, ProgramError> {
    let (target, rest) = accounts
        .split_first()
        .ok_or(ProgramError::NotEnoughAccountKeys)?;
    let metas = rest
        .iter()
        .map(|a| AccountMeta {
            pubkey: *a.key,
            is_signer: a.is_signer || *a.key == AUTHORITY,
            is_writable: a.is_writable,
        })
        .collect();
    Ok(Instruction {
        program_id: *target.key,
        accounts: metas,
        data: data.to_vec(),
    })
}

/// The on-chain entry: invokes [`forwarded`] through the CPI syscall, signing for
/// [`AUTHORITY`].
pub fn process(_program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let ix = forwarded(accounts, data)?;
    solana_cpi::invoke_signed(&ix, &accounts[1..], &[&authority_seeds()])
}

/// Builds the forwarding instruction that makes `ix` reach its program through CPI ([`AUTHORITY`]
/// among its accounts is signed by the forwarder, not by the transaction).
pub fn wrap(ix: &Instruction) -> Instruction {
    let mut accounts = vec![AccountMeta::new_readonly(ix.program_id, false)];
    accounts.extend(ix.accounts.iter().cloned().map(|mut a| {
        a.is_signer &= a.pubkey != AUTHORITY;
        a
    }));
    Instruction {
        program_id: ID,
        accounts,
        data: ix.data.clone(),
    }
}

#[cfg(not(feature = "no-entrypoint"))]
solana_program_entrypoint::entrypoint!(process);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authority_is_the_forwarders_pda() {
        let derived = Pubkey::create_program_address(&authority_seeds(), &ID).unwrap();
        assert_eq!(derived, AUTHORITY);
        assert_eq!(
            Pubkey::find_program_address(&[AUTHORITY_SEED], &ID),
            (AUTHORITY, AUTHORITY_BUMP)
        );
    }
}
