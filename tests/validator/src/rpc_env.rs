//! The test `Env` over JSON-RPC: a [`TestEnv`] like the VM environments, so the shared fixture
//! (markets, reserves, users) and invariants of `tests/shared` run unchanged against a real
//! validator. Everything goes through the validator's RPC: signed transactions, confirmations,
//! account reads. The clock is the validator's own and cannot be moved (so this is not a
//! `VmEnv`, and the scenario suite does not run here).

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::rpc::{v0_transaction, AddressLookupTableAccount};
use lending_test_suite::account_as;
use lending_test_suite::env::{Account, LookupTable, TestEnv, TxResult};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// A validator's RPC plus a funded payer.
pub struct Env {
    /// The RPC client (confirmed commitment).
    pub rpc: RpcClient,
    payer: Keypair,
    nonce: u32,
    /// Transactions sent so far (confirmed or failed).
    pub sent: u64,
}

impl Env {
    /// Sends `tx` and waits for confirmation: its transaction error, if any.
    async fn confirm(
        &mut self,
        tx: &(impl solana_rpc_client::rpc_client::SerializableTransaction + Sync),
    ) -> TxResult {
        self.sent += 1;
        match self.rpc.send_and_confirm_transaction(tx).await {
            Ok(_) => Ok(()),
            Err(e) => match e.get_transaction_error() {
                Some(te) => Err(te),
                None => panic!("rpc error: {e}"),
            },
        }
    }

    /// An environment on the validator at `url`, paying with `payer`.
    pub fn new(url: &str, payer: Keypair) -> Self {
        Self {
            rpc: RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed()),
            payer,
            nonce: 0,
            sent: 0,
        }
    }
}

impl TestEnv for Env {
    /// The validator's clock sysvar.
    async fn clock(&mut self) -> Clock {
        let a = self
            .get(&<Clock as anchor_lang::solana_program::sysvar::SysvarId>::id())
            .await
            .expect("clock sysvar");
        bincode::deserialize(&a.data).expect("clock layout")
    }

    /// A new random keypair (a validator's ledger may outlive one run).
    fn keypair(&mut self) -> Keypair {
        Keypair::new()
    }

    /// The fee payer.
    fn payer(&self) -> Keypair {
        self.payer.insecure_clone()
    }

    type Transaction = Transaction;

    /// Signs with the latest blockhash.
    async fn sign_by(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Transaction {
        let blockhash = self
            .rpc
            .get_latest_blockhash()
            .await
            .unwrap_or_else(|e| panic!("getLatestBlockhash: {e}"));
        let mut keys = vec![payer];
        keys.extend_from_slice(signers);
        Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &keys, blockhash)
    }

    fn wire_size(tx: &Transaction) -> usize {
        bincode::serialize(tx)
            .expect("transaction serializes")
            .len()
    }

    /// Sends a signed transaction and waits for confirmation.
    async fn process(&mut self, tx: Transaction) -> TxResult {
        self.confirm(&tx).await
    }

    /// The table must exist on the validator (created through the lookup table program, as
    /// the migration does) with every address usable.
    async fn process_v0(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
        table: &LookupTable,
    ) -> (usize, TxResult) {
        let blockhash = self
            .rpc
            .get_latest_blockhash()
            .await
            .unwrap_or_else(|e| panic!("getLatestBlockhash: {e}"));
        let others: Vec<&dyn Signer> = signers.iter().map(|k| *k as &dyn Signer).collect();
        let table = AddressLookupTableAccount {
            key: table.key,
            addresses: table.addresses.clone(),
        };
        let (tx, size) = v0_transaction(payer, &others, ixs, &[table], blockhash).unwrap();
        (size, self.confirm(&tx).await)
    }

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        let a = self
            .rpc
            .get_account_with_commitment(key, self.rpc.commitment())
            .await
            .unwrap_or_else(|e| panic!("getAccountInfo {key}: {e}"))
            .value?;
        Some(account_as!(a => Account))
    }

    /// Rent-exempt minimum for `len` bytes, as the validator computes it.
    async fn rent(&mut self, len: usize) -> u64 {
        self.rpc
            .get_minimum_balance_for_rent_exemption(len)
            .await
            .expect("getMinimumBalanceForRentExemption")
    }

    /// Sends and panics with the error if it fails.
    async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]) {
        if let Err(e) = self.send(ixs, signers).await {
            panic!("transaction failed: {e:?}");
        }
    }

    fn next_nonce(&mut self) -> u32 {
        self.nonce += 1;
        self.nonce
    }
}
