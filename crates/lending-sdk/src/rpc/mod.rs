//! Fetchers over JSON-RPC (blocking `RpcClient` of the agave 3.1 line), a sender with readable
//! errors, and address lookup tables ([`tables`]).

mod tables;
pub use tables::*;

use crate::accounts::{decode, DecodeError, ProgramAccount};
use crate::health::{Groups, Reserves};
use crate::market::MarketState;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022;
use lending_core::state::{EmodeGroup, InsuranceFund, LendingMarket, Obligation, Reserve};
use solana_instruction_error::InstructionError;
use solana_rpc_client::api::client_error::Error as ClientError;
use solana_rpc_client::api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client::api::filter::{Memcmp, RpcFilterType};
use solana_rpc_client::rpc_client::RpcClient;
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::Transaction;
use std::collections::HashMap;
use std::fmt;

pub use solana_commitment_config::CommitmentConfig;

/// Why a fetch failed.
#[derive(Debug)]
pub enum FetchError {
    /// The RPC call failed (transport, or the node's error).
    Rpc(Box<ClientError>),
    /// The account does not exist.
    Missing(Pubkey),
    /// The account exists but is not of the expected type.
    Decode(Pubkey, DecodeError),
    /// The account is not owned by the expected program.
    WrongOwner { key: Pubkey, owner: Pubkey },
    /// The account is owned by the lookup table program but holds no table.
    NotALookupTable(Pubkey),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rpc(e) => write!(f, "rpc: {e}"),
            Self::Missing(k) => write!(f, "account {k} does not exist"),
            Self::Decode(k, e) => write!(f, "account {k}: {e}"),
            Self::NotALookupTable(k) => write!(f, "account {k} is not an address lookup table"),
            Self::WrongOwner { key, owner } => {
                write!(
                    f,
                    "account {key} is owned by {owner}, not the expected program"
                )
            }
        }
    }
}

impl std::error::Error for FetchError {}

impl From<ClientError> for FetchError {
    fn from(e: ClientError) -> Self {
        Self::Rpc(Box::new(e))
    }
}

/// Raw account data, or `Missing`.
pub fn data(rpc: &RpcClient, key: &Pubkey) -> Result<solana_account::Account, FetchError> {
    rpc.get_account_with_commitment(key, rpc.commitment())?
        .value
        .ok_or(FetchError::Missing(*key))
}

/// A zero-copy account of the lending program, checked for owner and discriminator.
pub fn account<T: ProgramAccount>(rpc: &RpcClient, key: &Pubkey) -> Result<T, FetchError> {
    let a = data(rpc, key)?;
    if a.owner != crate::program::ID {
        return Err(FetchError::WrongOwner {
            key: *key,
            owner: a.owner,
        });
    }
    decode(&a.data).map_err(|e| FetchError::Decode(*key, e))
}

/// Unpacks the base state of an SPL Token / Token-2022 account (`T`: mint or token account)
/// from `data`, ignoring Token-2022 extensions after it.
fn unpack_base<T: Pack>(key: &Pubkey, data: &[u8]) -> Result<T, FetchError> {
    let base = data.get(..T::LEN).ok_or(FetchError::Decode(
        *key,
        DecodeError::TooShort {
            expected: T::LEN,
            found: data.len(),
        },
    ))?;
    T::unpack_from_slice(base)
        .map_err(|_| FetchError::Decode(*key, DecodeError::WrongDiscriminator))
}

/// Amount held by a token account (SPL Token or Token-2022).
pub fn token_balance(rpc: &RpcClient, key: &Pubkey) -> Result<u64, FetchError> {
    let a = data(rpc, key)?;
    unpack_base::<spl_token_2022::state::Account>(key, &a.data).map(|t| t.amount)
}

/// The cluster's clock from the clock sysvar: (slot, unix timestamp).
pub fn clock(rpc: &RpcClient) -> Result<(u64, i64), FetchError> {
    let id = solana_sdk_ids::sysvar::clock::ID;
    let a = data(rpc, &id)?;
    // Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
    let word = |i: usize| {
        a.data
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .ok_or(FetchError::Decode(
                id,
                DecodeError::TooShort {
                    expected: 40,
                    found: a.data.len(),
                },
            ))
    };
    Ok((u64::from_le_bytes(word(0)?), i64::from_le_bytes(word(32)?)))
}

/// A mint's token program (SPL Token or Token-2022) and decimals.
pub fn mint(rpc: &RpcClient, key: &Pubkey) -> Result<(Pubkey, u8), FetchError> {
    let a = data(rpc, key)?;
    if a.owner != anchor_spl::token::ID && a.owner != anchor_spl::token_2022::ID {
        return Err(FetchError::WrongOwner {
            key: *key,
            owner: a.owner,
        });
    }
    unpack_base::<spl_token_2022::state::Mint>(key, &a.data).map(|m| (a.owner, m.decimals))
}

/// Every account of the program passing `filters`, with its raw data.
fn program_accounts(
    rpc: &RpcClient,
    filters: Vec<RpcFilterType>,
) -> Result<Vec<(Pubkey, Vec<u8>)>, FetchError> {
    let config = RpcProgramAccountsConfig {
        filters: Some(filters),
        account_config: RpcAccountInfoConfig {
            encoding: Some(solana_account_decoder_client_types::UiAccountEncoding::Base64),
            commitment: Some(rpc.commitment()),
            ..RpcAccountInfoConfig::default()
        },
        with_context: None,
        sort_results: None,
    };
    Ok(rpc
        .get_program_ui_accounts_with_config(&crate::program::ID, config)?
        .into_iter()
        .map(|(k, a)| (k, a.data.decode().unwrap_or_default()))
        .collect())
}

/// Every account of type `T` whose `Pubkey` field at `field_offset` (within `T`) equals `key`:
/// getProgramAccounts filtered on the account size, the discriminator and that field.
pub fn accounts_by_field<T: ProgramAccount>(
    rpc: &RpcClient,
    field_offset: usize,
    key: &Pubkey,
) -> Result<Vec<(Pubkey, T)>, FetchError> {
    let filters = vec![
        RpcFilterType::DataSize((8 + std::mem::size_of::<T>()) as u64),
        RpcFilterType::Memcmp(Memcmp::new_base58_encoded(0, T::DISCRIMINATOR)),
        RpcFilterType::Memcmp(Memcmp::new_base58_encoded(8 + field_offset, key.as_ref())),
    ];
    program_accounts(rpc, filters)?
        .into_iter()
        .map(|(k, bytes)| {
            decode(&bytes)
                .map(|o| (k, o))
                .map_err(|e| FetchError::Decode(k, e))
        })
        .collect()
}

/// Every obligation of `market` (filtered on size, discriminator and the market field).
pub fn obligations(
    rpc: &RpcClient,
    market: &Pubkey,
) -> Result<Vec<(Pubkey, Obligation)>, FetchError> {
    accounts_by_field(rpc, std::mem::offset_of!(Obligation, market), market)
}

/// Every reserve of `market`.
pub fn reserves(rpc: &RpcClient, market: &Pubkey) -> Result<Vec<(Pubkey, Reserve)>, FetchError> {
    accounts_by_field(rpc, std::mem::offset_of!(Reserve, market), market)
}

/// Every e-mode group of `market`, by id.
pub fn groups(rpc: &RpcClient, market: &Pubkey) -> Result<Groups, FetchError> {
    Ok(
        accounts_by_field::<EmodeGroup>(rpc, std::mem::offset_of!(EmodeGroup, market), market)?
            .into_iter()
            .map(|(_, g)| (g.id, g))
            .collect(),
    )
}

/// Every insurance fund of `market`, by the reserve each insures.
pub fn funds(
    rpc: &RpcClient,
    market: &Pubkey,
) -> Result<HashMap<Pubkey, InsuranceFund>, FetchError> {
    Ok(accounts_by_field::<InsuranceFund>(
        rpc,
        std::mem::offset_of!(InsuranceFund, market),
        market,
    )?
    .into_iter()
    .map(|(_, f)| (f.reserve, f))
    .collect())
}

/// The market, its reserves, their price accounts, its e-mode groups and insurance funds.
pub fn market_state(rpc: &RpcClient, market: &Pubkey) -> Result<MarketState, FetchError> {
    let m: LendingMarket = account(rpc, market)?;
    let reserves: Reserves = self::reserves(rpc, market)?.into_iter().collect();
    let oracle_keys: Vec<Pubkey> = reserves.values().map(|r| r.oracle).collect();
    let mut oracles = HashMap::new();
    for chunk in oracle_keys.chunks(100) {
        for (k, a) in chunk.iter().zip(rpc.get_multiple_accounts(chunk)?) {
            let a = a.ok_or(FetchError::Missing(*k))?;
            oracles.insert(*k, decode(&a.data).map_err(|e| FetchError::Decode(*k, e))?);
        }
    }
    Ok(MarketState {
        groups: groups(rpc, market)?,
        funds: funds(rpc, market)?,
        clock: Default::default(),
        key: *market,
        market: m,
        reserves,
        oracles,
    })
}

/// Why a transaction was not confirmed, in words.
#[derive(Debug)]
pub struct SendError {
    /// The program's error name and message when it is one (or the RPC's error).
    pub message: String,
    /// The failed simulation's logs, when the node returned them.
    pub logs: Vec<String>,
    /// The transaction error, when there is one.
    pub transaction_error: Option<solana_transaction_error::TransactionError>,
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SendError {}

impl SendError {
    /// A failure found before sending (nothing reached the node).
    pub fn local(message: String) -> Self {
        Self {
            message,
            logs: Vec::new(),
            transaction_error: None,
        }
    }
}

impl From<ClientError> for SendError {
    fn from(e: ClientError) -> Self {
        describe(&e)
    }
}

/// Turns an RPC error into words: Anchor's error line from the logs when present, otherwise
/// the program's custom error looked up in the IDL, otherwise the RPC's own message.
pub fn describe(e: &ClientError) -> SendError {
    use solana_rpc_client::api::client_error::ErrorKind;
    use solana_rpc_client::api::request::{RpcError, RpcResponseErrorData};
    use solana_transaction_error::TransactionError;
    let logs = match &*e.kind {
        ErrorKind::RpcError(RpcError::RpcResponseError {
            data: RpcResponseErrorData::SendTransactionPreflightFailure(r),
            ..
        }) => r.logs.clone().unwrap_or_default(),
        _ => Vec::new(),
    };
    let tx_err = e.get_transaction_error();
    let message = crate::errors::from_logs(&logs)
        .or_else(|| {
            match &tx_err {
                Some(TransactionError::InstructionError(i, InstructionError::Custom(c))) => {
                    Some(format!("instruction {i}: {}", crate::errors::describe(*c)))
                }
                Some(te) => Some(format!("transaction failed: {te}")),
                None => None,
            }
            .map(|m| with_last_log(m, &logs))
        })
        .unwrap_or_else(|| format!("rpc: {e}"));
    SendError {
        message,
        logs,
        transaction_error: tx_err,
    }
}

/// `message` followed by the last program log line: for a failure that is not the lending
/// program's own error (another program's refusal: the lookup table program's, the token
/// program's), the line that says why.
fn with_last_log(message: String, logs: &[String]) -> String {
    match logs
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("Program log: "))
    {
        Some(why) => format!("{message} ({why})"),
        None => message,
    }
}

/// The largest transaction a cluster accepts on the wire, in bytes (a packet's payload).
pub const MAX_TX_BYTES: usize = 1232;

/// Wire size in bytes of the legacy transaction [`send`] builds for `ixs` paid by `payer`
/// (compute-budget instruction and every signature included).
pub fn tx_size(ixs: &[Instruction], payer: &Pubkey) -> usize {
    let tx = Transaction::new_with_payer(&crate::compute::with_budget(ixs), Some(payer));
    signed_size(
        tx.message.header.num_required_signatures,
        tx.message_data().len(),
    )
}

/// Wire size of a transaction with `signatures` signatures over a message of `message_len`
/// bytes (the signature count is a compact-u16: one byte below 128).
fn signed_size(signatures: u8, message_len: usize) -> usize {
    let sigs = signatures as usize;
    let count_len = if sigs < 0x80 { 1 } else { 2 };
    count_len + 64 * sigs + message_len
}

/// A transaction built for someone else to sign: a multisig proposal (Squads takes the
/// instructions of a vault transaction) or a hardware wallet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsigned {
    /// The fee payer (the first signer).
    pub fee_payer: Pubkey,
    /// Every key that must sign, in order; the signatures of `signed` are already in.
    pub signers: Vec<Pubkey>,
    /// The keys whose signatures are in (new accounts' keypairs given here).
    pub signed: Vec<Pubkey>,
    /// The transaction in the wire format, missing signatures zeroed, base58.
    pub base58: String,
    /// The same bytes, base64.
    pub base64: String,
}

/// Builds `ixs` (with the same compute-unit limit [`send`] adds) paid by `fee_payer` on a recent
/// blockhash, signed only by `signers` (new accounts' keypairs), for `fee_payer` and the other
/// authorities to sign elsewhere.
pub fn unsigned(
    rpc: &RpcClient,
    ixs: &[Instruction],
    fee_payer: &Pubkey,
    signers: &[&dyn Signer],
) -> Result<Unsigned, SendError> {
    use base64::Engine;
    let ixs = crate::compute::with_budget(ixs);
    let mut tx = Transaction::new_with_payer(&ixs, Some(fee_payer));
    let blockhash = rpc.get_latest_blockhash()?;
    tx.message.recent_blockhash = blockhash;
    let signed: Vec<&dyn Signer> = signers
        .iter()
        .copied()
        .filter(|s| s.pubkey() != *fee_payer)
        .collect();
    if !signed.is_empty() {
        tx.partial_sign(&signed, blockhash);
    }
    let required = tx.message.header.num_required_signatures as usize;
    let mut bytes = vec![];
    // The signature count is a compact-u16 (one byte below 128).
    let count = required as u16;
    if count < 0x80 {
        bytes.push(count as u8);
    } else {
        bytes.extend([(count as u8 & 0x7f) | 0x80, (count >> 7) as u8]);
    }
    for sig in &tx.signatures {
        bytes.extend_from_slice(sig.as_ref());
    }
    bytes.extend(tx.message_data());
    Ok(Unsigned {
        fee_payer: *fee_payer,
        signers: tx.message.account_keys[..required].to_vec(),
        signed: signed.iter().map(|s| s.pubkey()).collect(),
        base58: bs58::encode(&bytes).into_string(),
        base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
    })
}

/// Signs `ixs` (preceded by a compute-unit limit sized from the measured figures) with
/// `payer` and `signers`, sends them and waits for confirmation. A transaction over
/// [`MAX_TX_BYTES`] is refused here, with its size, rather than by the node.
pub fn send(
    rpc: &RpcClient,
    ixs: &[Instruction],
    payer: &dyn Signer,
    signers: &[&dyn Signer],
) -> Result<Signature, SendError> {
    let size = tx_size(ixs, &payer.pubkey());
    if size > MAX_TX_BYTES {
        return Err(SendError::local(format!(
            "the transaction is {size} bytes, over the {MAX_TX_BYTES}-byte limit: split it or \
             send it through the market's address lookup table"
        )));
    }
    let ixs = crate::compute::with_budget(ixs);
    let blockhash = rpc.get_latest_blockhash()?;
    let all = signing(payer, signers);
    let tx = Transaction::new_signed_with_payer(&ixs, Some(&payer.pubkey()), &all, blockhash);
    Ok(rpc.send_and_confirm_transaction(&tx)?)
}

/// `payer` first, then `signers` without it.
fn signing<'a>(payer: &'a dyn Signer, signers: &[&'a dyn Signer]) -> Vec<&'a dyn Signer> {
    let mut all: Vec<&dyn Signer> = vec![payer];
    all.extend(
        signers
            .iter()
            .copied()
            .filter(|s| s.pubkey() != payer.pubkey()),
    );
    all
}

/// Every change queued in `market` and not yet applied or cancelled, by id (accounts that do
/// not decode are skipped).
pub fn pending_changes(
    rpc: &RpcClient,
    market: &Pubkey,
) -> Result<Vec<crate::timelock::Queued>, FetchError> {
    use anchor_lang::Discriminator;
    let disc = crate::program::lending::accounts::PendingChange::DISCRIMINATOR;
    let filters = vec![
        RpcFilterType::Memcmp(Memcmp::new_base58_encoded(0, disc)),
        RpcFilterType::Memcmp(Memcmp::new_base58_encoded(8, market.as_ref())),
    ];
    let mut out: Vec<crate::timelock::Queued> = program_accounts(rpc, filters)?
        .into_iter()
        .filter_map(|(key, bytes)| {
            let change = crate::timelock::decode(&bytes).ok()?;
            Some(crate::timelock::Queued { key, change })
        })
        .collect();
    out.sort_by_key(|q| q.change.id);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::with_last_log;

    #[test]
    fn another_programs_refusal_carries_its_last_log_line() {
        let logs: Vec<String> = [
            "Program AddressLookupTab1e1111111111111111111111111 invoke [1]",
            "Program log: 41 is not a recent slot",
            "Program AddressLookupTab1e1111111111111111111111111 failed: invalid instruction data",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            with_last_log("instruction 1 failed".into(), &logs),
            "instruction 1 failed (41 is not a recent slot)"
        );
        assert_eq!(with_last_log("rpc: timeout".into(), &[]), "rpc: timeout");
    }

    use super::*;
    use anchor_lang::solana_program::instruction::AccountMeta;

    #[test]
    fn tx_size_counts_the_wire_format_by_hand() {
        let payer = Pubkey::new_unique();
        // One signature (1 + 64); message: header 3, keys 1 + 2 x 32 (payer, compute-budget
        // program), blockhash 32, instructions 1, the limit: index 1, accounts 1, data 1 + 5.
        assert_eq!(tx_size(&[], &payer), 65 + 3 + 65 + 32 + 1 + 8);
        // An instruction of another program with one writable account and 10 bytes of data
        // adds two keys (64) and 1 + 1 + 1 + 1 + 10 bytes.
        let ix = Instruction::new_with_bytes(
            Pubkey::new_unique(),
            &[7; 10],
            vec![AccountMeta::new(Pubkey::new_unique(), false)],
        );
        assert_eq!(tx_size(std::slice::from_ref(&ix), &payer), 174 + 64 + 14);
        // A second signer adds its signature and its key.
        let signer = Pubkey::new_unique();
        let signed = Instruction::new_with_bytes(
            ix.program_id,
            &[],
            vec![AccountMeta::new_readonly(signer, true)],
        );
        assert_eq!(
            tx_size(&[ix, signed], &payer),
            252 + 64 + 32 + (1 + 1 + 1 + 1)
        );
    }
}
