//! The test environment on solana-program-test (native suite): a bank, a payer, and helpers to send transactions, move the clock,
//! create tokens and read accounts.

pub use super::env_common::TestEnv;
use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use solana_account::Account;
use solana_keypair::Keypair;
use solana_program_test::{BanksClientError, ProgramTestContext};
use solana_transaction::Transaction;

#[allow(unused_imports)]
pub use super::outcome::{assert_anchor_err, assert_err, custom_code, find_event};
pub use solana_transaction_error::TransactionError;

/// The classic SPL Token program id.
pub const SPL_TOKEN: Pubkey = anchor_spl::token::ID;
/// The Token-2022 program id.
pub const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;

/// A running bank plus the bookkeeping tests need.
pub struct Env {
    /// The program-test context.
    pub ctx: ProgramTestContext,
    nonce: u32,
    keys: u64,
}

/// Outcome of a transaction: the error of the failing instruction, if any.
pub type TxResult = Result<(), TransactionError>;

impl Env {
    /// Starts a bank with the lending program registered by the suite's runtime.
    pub async fn start() -> Self {
        let pt = crate::runtime::program_test();
        let ctx = pt.start_with_context().await;
        Self {
            ctx,
            nonce: 0,
            keys: 0,
        }
    }

    /// Simulates `ixs` (as [`Env::send`] would send them), panicking if that fails. Returns
    /// `None`: anchor-lang's `emit!` is a no-op off-chain, so a native processor emits no
    /// events; the SBF suite (`svm_env.rs`) returns them from the `.so`'s logs.
    pub async fn simulate_events(
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

    /// Moves to the next slot and `secs` seconds later.
    pub async fn advance(&mut self, secs: i64) {
        let c = self.clock().await;
        self.ctx.warp_to_slot(c.slot + 1).unwrap();
        let mut c2 = self.clock().await;
        c2.unix_timestamp = c.unix_timestamp + secs;
        self.ctx.set_sysvar(&c2);
    }

    /// Sets the clock's unix time, staying in the current slot.
    pub async fn set_time(&mut self, unix_timestamp: i64) {
        let mut c = self.clock().await;
        c.unix_timestamp = unix_timestamp;
        self.ctx.set_sysvar(&c);
    }

    /// Writes an arbitrary account (oracle fixtures, attacks).
    pub fn set_account(&mut self, key: &Pubkey, account: Account) {
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
        super::fixture::nth_keypair(self.keys)
    }

    /// The fee payer.
    fn payer(&self) -> Keypair {
        self.ctx.payer.insecure_clone()
    }

    /// The blockhash to sign with.
    async fn blockhash(&mut self) -> solana_hash::Hash {
        self.ctx.last_blockhash
    }

    /// Processes a transaction signed by the caller.
    async fn process(&mut self, tx: Transaction) -> TxResult {
        match self.ctx.banks_client.process_transaction(tx).await {
            Ok(()) => Ok(()),
            Err(BanksClientError::TransactionError(e)) => Err(e),
            Err(BanksClientError::SimulationError { err, .. }) => Err(err),
            Err(e) => panic!("transport error: {e:?}"),
        }
    }

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        self.ctx.banks_client.get_account(*key).await.unwrap()
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
