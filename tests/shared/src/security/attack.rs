//! Sending an attack: it must fail with its expected error and leave every account it names
//! (program accounts, vaults, mints, wallets' token accounts) exactly as it found them.

use super::super::env::{TransactionError, TxResult, VmEnv};
use super::super::outcome::custom_code;
use crate::env::Account;
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::error::InstructionError;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// What an attack must fail with.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// One of the program's errors.
    Lending(LendingError),
    /// An Anchor account-validation error.
    Anchor(ErrorCode),
    /// The system program refusing to create an account that exists (an `init` of an existing
    /// account): "account already in use", or, through Anchor 1.x's path for accounts that
    /// already hold lamports, "invalid instruction data".
    AccountExists,
    /// The runtime refusing a CPI that needs a signature the account lacks.
    MissingSignature,
    /// A token program that does not own the mint it is given (the runtime's error).
    IncorrectProgramId,
}

impl Expect {
    /// The custom error code this stands for.
    pub fn code(self) -> u32 {
        match self {
            Expect::Lending(e) => anchor_lang::error::ERROR_CODE_OFFSET + e as u32,
            Expect::Anchor(e) => e as u32,
            Expect::AccountExists => 0,
            Expect::MissingSignature => u32::MAX,
            Expect::IncorrectProgramId => u32::MAX - 2,
        }
    }

    /// A short name for the matrix ("WrongMarket", "AccountNotSigned", …).
    pub fn name(self) -> String {
        match self {
            Expect::Lending(e) => format!("{e:?}"),
            Expect::Anchor(e) => format!("{e:?}"),
            Expect::AccountExists => "AccountAlreadyInUse".into(),
            Expect::IncorrectProgramId => "IncorrectProgramId".into(),
            Expect::MissingSignature => "MissingRequiredSignature".into(),
        }
    }
}

/// Every account `tx` names but the fee payer, once each.
fn named_accounts(env: &impl VmEnv, tx: &[Instruction]) -> Vec<Pubkey> {
    let payer = env.payer().pubkey();
    let mut keys: Vec<Pubkey> = tx
        .iter()
        .flat_map(|ix| ix.accounts.iter().map(|a| a.pubkey))
        .filter(|k| *k != payer)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The state of each of `keys`.
async fn snapshot(env: &mut impl VmEnv, keys: &[Pubkey]) -> Vec<Option<Account>> {
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        out.push(env.get(k).await);
    }
    out
}

/// Sends `tx`; checks that it fails with `expect` and changes none of the accounts it names.
/// `label` names the cell ("borrow_obligation_liquidity × missing signer"). Only the keypairs
/// the transaction needs sign it.
pub async fn attack(
    env: &mut impl VmEnv,
    label: &str,
    tx: &[Instruction],
    signers: &[&Keypair],
    expect: Expect,
) -> Result<(), String> {
    let signers: Vec<&Keypair> = signers
        .iter()
        .copied()
        .filter(|k| {
            tx.iter().any(|ix| {
                ix.accounts
                    .iter()
                    .any(|a| a.is_signer && a.pubkey == k.pubkey())
            })
        })
        .collect();
    let keys = named_accounts(env, tx);
    let before = snapshot(env, &keys).await;
    let res: TxResult = env.send(tx, &signers).await;
    let got = match &res {
        // A CPI asking for a signature the caller does not hold: the SBF runtime says
        // PrivilegeEscalation, the native processor reports the failed CPI as
        // ProgramFailedToComplete.
        Err(TransactionError::InstructionError(
            _,
            InstructionError::MissingRequiredSignature
            | InstructionError::PrivilegeEscalation
            | InstructionError::ProgramFailedToComplete,
        )) => Some(u32::MAX),
        Err(TransactionError::InstructionError(_, InstructionError::IncorrectProgramId)) => {
            Some(u32::MAX - 2)
        }
        Err(TransactionError::InstructionError(_, InstructionError::InvalidInstructionData))
            if matches!(expect, Expect::AccountExists) =>
        {
            Some(0)
        }
        _ => custom_code(&res),
    };
    let after = snapshot(env, &keys).await;
    if res.is_ok() {
        // The attack went through: put every account back so the next attacks meet the same
        // scene, and report it.
        for (k, a) in keys.iter().zip(&before) {
            env.set_account(k, a.clone().unwrap_or_default());
        }
        return Err(format!("{label}: the attack succeeded"));
    }
    if let Some((k, _)) = keys
        .iter()
        .zip(before.iter().zip(&after))
        .find(|(_, (a, b))| a != b)
    {
        return Err(format!(
            "{label}: the failed attack changed account {k} ({res:?})"
        ));
    }
    if got != Some(expect.code()) {
        return Err(format!(
            "{label}: expected {} ({}), got {res:?}",
            expect.name(),
            expect.code()
        ));
    }
    Ok(())
}

/// The state of every account a transaction names, to put back after a trial.
pub struct Saved {
    keys: Vec<Pubkey>,
    accounts: Vec<Option<Account>>,
}

impl Saved {
    /// Puts every saved account back as it was.
    pub fn restore(self, env: &mut impl VmEnv) {
        for (k, a) in self.keys.iter().zip(self.accounts) {
            env.set_account(k, a.unwrap_or_default());
        }
    }
}

/// Sends `tx` for real and returns its result plus what it touched, so the caller can inspect
/// the outcome and then [`Saved::restore`] the scene.
pub async fn trial(
    env: &mut impl VmEnv,
    tx: &[Instruction],
    signers: &[&Keypair],
) -> (TxResult, Saved) {
    let keys = named_accounts(env, tx);
    let accounts = snapshot(env, &keys).await;
    let res = env.send(tx, signers).await;
    (res, Saved { keys, accounts })
}
