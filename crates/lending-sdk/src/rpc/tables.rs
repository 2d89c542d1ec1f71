//! Address lookup tables over RPC: a table read with the addresses usable now, the market's
//! table, the instructions that create and extend one (the migration's), and v0 transactions
//! compiled through tables.

use super::{FetchError, SendError, MAX_TX_BYTES};
use crate::lookup::{usable_len, PROGRAM_ID};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_core::state::LendingMarket;
use solana_address_lookup_table_interface::instruction as table_ix;
use solana_address_lookup_table_interface::state::AddressLookupTable;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::versioned::VersionedTransaction;

pub use solana_message::AddressLookupTableAccount;
use solana_message::{v0, Hash, VersionedMessage};

/// A lookup table as read.
#[derive(Debug, Clone)]
pub struct TableState {
    /// The table with the addresses a transaction may use now.
    pub usable: AddressLookupTableAccount,
    /// Every address it holds, the ones added in this slot included.
    pub addresses: Vec<Pubkey>,
    /// Who may extend it (`None`: frozen).
    pub authority: Option<Pubkey>,
    /// False once deactivated (it will close and stop resolving).
    pub active: bool,
}

/// The table at `key`, with the addresses usable at the node's current slot.
pub fn lookup_table(rpc: &RpcClient, key: &Pubkey) -> Result<TableState, FetchError> {
    let account = super::data(rpc, key)?;
    if account.owner != PROGRAM_ID {
        return Err(FetchError::WrongOwner {
            key: *key,
            owner: account.owner,
        });
    }
    let table = AddressLookupTable::deserialize(&account.data)
        .map_err(|_| FetchError::NotALookupTable(*key))?;
    let slot = rpc.get_slot()?;
    let n = usable_len(
        table.addresses.len(),
        table.meta.last_extended_slot,
        table.meta.last_extended_slot_start_index,
        slot,
    );
    Ok(TableState {
        usable: AddressLookupTableAccount {
            key: *key,
            addresses: table.addresses[..n].to_vec(),
        },
        addresses: table.addresses.to_vec(),
        authority: table.meta.authority,
        active: table.meta.deactivation_slot == u64::MAX,
    })
}

/// The tables a transaction in `market` compiles through: the table the market records, when
/// there is one ([`active_tables`]); none otherwise (transactions are then legacy).
pub fn market_tables(
    rpc: &RpcClient,
    market: &LendingMarket,
) -> Result<Vec<AddressLookupTableAccount>, FetchError> {
    if market.lookup_table == Pubkey::default() {
        return Ok(vec![]);
    }
    active_tables(rpc, &market.lookup_table)
}

/// The table at `key` with the addresses usable now, while it is active; none once it is
/// deactivated (it will close and stop resolving).
pub fn active_tables(
    rpc: &RpcClient,
    key: &Pubkey,
) -> Result<Vec<AddressLookupTableAccount>, FetchError> {
    let t = lookup_table(rpc, key)?;
    Ok(if t.active { vec![t.usable] } else { vec![] })
}

/// Creates a table whose authority is `authority`, paid by `payer`, derived from `recent_slot`
/// (a slot in the recent slot hashes of the bank that runs it: a finalized slot); returns its
/// address.
pub fn create_table(authority: Pubkey, payer: Pubkey, recent_slot: u64) -> (Instruction, Pubkey) {
    table_ix::create_lookup_table(authority, payer, recent_slot)
}

/// Appends `addresses` to `table` (at most [`crate::lookup::EXTEND_CHUNK`] per transaction).
pub fn extend_table(
    table: Pubkey,
    authority: Pubkey,
    payer: Pubkey,
    addresses: Vec<Pubkey>,
) -> Instruction {
    table_ix::extend_lookup_table(table, authority, Some(payer), addresses)
}

/// The v0 message of exactly `ixs` through `tables`.
fn message(
    ixs: &[Instruction],
    payer: &Pubkey,
    tables: &[AddressLookupTableAccount],
    blockhash: Hash,
) -> Result<VersionedMessage, SendError> {
    v0::Message::try_compile(payer, ixs, tables, blockhash)
        .map(VersionedMessage::V0)
        .map_err(|e| SendError::local(format!("cannot compile the v0 message: {e}")))
}

/// Exactly `ixs` (no compute-unit limit added) as a v0 transaction through `tables` on
/// `blockhash`, paid by `payer` and signed by it and `signers`; with its wire size.
pub fn v0_transaction(
    payer: &dyn Signer,
    signers: &[&dyn Signer],
    ixs: &[Instruction],
    tables: &[AddressLookupTableAccount],
    blockhash: Hash,
) -> Result<(VersionedTransaction, usize), SendError> {
    let message = message(ixs, &payer.pubkey(), tables, blockhash)?;
    let size = wire_size(&message);
    let tx = VersionedTransaction::try_new(message, &super::signing(payer, signers))
        .map_err(|e| SendError::local(format!("cannot sign: {e}")))?;
    Ok((tx, size))
}

/// Wire size in bytes of `message` once signed.
fn wire_size(message: &VersionedMessage) -> usize {
    super::signed_size(
        message.header().num_required_signatures,
        message.serialize().len(),
    )
}

/// Wire size of the transaction [`send_with_tables`] builds for `ixs` paid by `payer`: v0
/// through `tables`, legacy without any.
pub fn tx_size_with_tables(
    ixs: &[Instruction],
    payer: &Pubkey,
    tables: &[AddressLookupTableAccount],
) -> Result<usize, SendError> {
    if tables.is_empty() {
        return Ok(super::tx_size(ixs, payer));
    }
    let ixs = crate::compute::with_budget(ixs);
    Ok(wire_size(&message(&ixs, payer, tables, Hash::default())?))
}

/// [`super::send`] through `tables`: a v0 transaction whose accounts found in a table are
/// named by index; without tables, exactly [`super::send`]'s legacy transaction.
pub fn send_with_tables(
    rpc: &RpcClient,
    ixs: &[Instruction],
    payer: &dyn Signer,
    signers: &[&dyn Signer],
    tables: &[AddressLookupTableAccount],
) -> Result<Signature, SendError> {
    if tables.is_empty() {
        return super::send(rpc, ixs, payer, signers);
    }
    let blockhash = rpc.get_latest_blockhash()?;
    let ixs = crate::compute::with_budget(ixs);
    let (tx, size) = v0_transaction(payer, signers, &ixs, tables, blockhash)?;
    if size > MAX_TX_BYTES {
        return Err(SendError::local(format!(
            "the transaction is {size} bytes through the lookup table, over the \
             {MAX_TX_BYTES}-byte limit: split it"
        )));
    }
    Ok(rpc.send_and_confirm_transaction(&tx)?)
}
