//! The test environment on solana-program-test 3.1 (native suite): a bank running the program
//! as a native processor, a payer, and the [`TestEnv`] and [`VmEnv`] primitives over it.

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::rpc::{v0_transaction, AddressLookupTableAccount};
use lending_test_suite::account_as;
use lending_test_suite::env::{Account, LookupTable, TestEnv, TxResult, VmEnv};
use solana_keypair::Keypair;
use solana_program_test::{BanksClientError, ProgramTestContext};
use solana_signer::Signer;
use solana_transaction::Transaction;

/// A transaction's error, from the banks client's (a transport error is the test's bug).
fn outcome(res: Result<(), BanksClientError>) -> TxResult {
    match res {
        Ok(()) => Ok(()),
        Err(BanksClientError::TransactionError(e)) => Err(e),
        Err(BanksClientError::SimulationError { err, .. }) => Err(err),
        Err(e) => panic!("transport error: {e:?}"),
    }
}

/// A running bank plus the bookkeeping tests need.
pub struct Env {
    /// The program-test context.
    pub ctx: ProgramTestContext,
    nonce: u32,
    keys: u64,
}

impl VmEnv for Env {
    /// A bank with the lending program (and the CPI forwarder) as native processors.
    async fn start() -> Self {
        let pt = crate::runtime::program_test();
        let ctx = pt.start_with_context().await;
        Self {
            ctx,
            nonce: 0,
            keys: 0,
        }
    }

    /// Simulates `ixs`, panicking if that fails. Returns `None`: anchor-lang's `emit!` is a
    /// no-op off-chain, so a native processor emits no events.
    async fn simulate_events(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Option<Vec<Vec<u8>>> {
        let tx = self.sign(ixs, signers).await;
        let sim = self
            .ctx
            .banks_client
            .simulate_transaction(tx)
            .await
            .unwrap();
        if let Some(Err(e)) = sim.result {
            panic!("simulation failed: {e:?}");
        }
        None
    }

    async fn advance(&mut self, secs: i64) {
        let c = self.clock().await;
        self.ctx.warp_to_slot(c.slot + 1).unwrap();
        let mut c2 = self.clock().await;
        c2.unix_timestamp = c.unix_timestamp + secs;
        self.ctx.set_sysvar(&c2);
    }

    async fn set_time(&mut self, unix_timestamp: i64) {
        let mut c = self.clock().await;
        c.unix_timestamp = unix_timestamp;
        self.ctx.set_sysvar(&c);
    }

    fn set_account(&mut self, key: &Pubkey, account: Account) {
        let account = account_as!(account => solana_account::Account);
        self.ctx.set_account(key, &account.into());
    }
}

impl TestEnv for Env {
    /// The current clock.
    async fn clock(&mut self) -> Clock {
        self.ctx.banks_client.get_sysvar::<Clock>().await.unwrap()
    }

    /// A new keypair, the same sequence in every run so PDA bumps (and so CU) repeat.
    fn keypair(&mut self) -> Keypair {
        self.keys += 1;
        lending_test_suite::fixture::nth_keypair(self.keys)
    }

    /// The fee payer.
    fn payer(&self) -> Keypair {
        self.ctx.payer.insecure_clone()
    }

    type Transaction = Transaction;

    async fn sign_by(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Transaction {
        let mut keys = vec![payer];
        keys.extend_from_slice(signers);
        Transaction::new_signed_with_payer(
            ixs,
            Some(&payer.pubkey()),
            &keys,
            self.ctx.last_blockhash,
        )
    }

    fn wire_size(tx: &Transaction) -> usize {
        bincode::serialize(tx)
            .expect("transaction serializes")
            .len()
    }

    /// Processes a transaction signed by the caller.
    async fn process(&mut self, tx: Transaction) -> TxResult {
        outcome(self.ctx.banks_client.process_transaction(tx).await)
    }

    async fn process_v0(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
        table: &LookupTable,
    ) -> (usize, TxResult) {
        let others: Vec<&dyn Signer> = signers.iter().map(|k| *k as &dyn Signer).collect();
        let table = AddressLookupTableAccount {
            key: table.key,
            addresses: table.addresses.clone(),
        };
        let (tx, size) =
            v0_transaction(payer, &others, ixs, &[table], self.ctx.last_blockhash).unwrap();
        let res = self
            .ctx
            .banks_client
            .process_transaction_with_metadata(tx)
            .await
            .unwrap_or_else(|e| panic!("transport error: {e:?}"));
        (size, res.result)
    }

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        let a = self.ctx.banks_client.get_account(*key).await.unwrap()?;
        Some(account_as!(a => Account))
    }

    /// Rent-exempt minimum for `len` bytes.
    async fn rent(&mut self, len: usize) -> u64 {
        let rent = self.ctx.banks_client.get_rent().await.unwrap();
        rent.minimum_balance(len)
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
