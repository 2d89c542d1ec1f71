//! The test environment on litesvm 0.16 (SBF suite and CU bench): the [`TestEnv`] and
//! [`VmEnv`] primitives over the built `.so` files, with the mainnet feature set (SPL Token
//! served by p-token). It also records the compute units of every top-level lending
//! instruction it runs.

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use lending_test_suite::account_as;
use lending_test_suite::env::{Account, LookupTable, TestEnv, TxResult, VmEnv};
use litesvm::LiteSVM;
use solana_address::Address;
use solana_keypair::Keypair;
use solana_message::{v0, AddressLookupTableAccount, VersionedMessage};
use solana_signer::Signer;
use solana_transaction::versioned::VersionedTransaction;
use solana_transaction::Transaction;

/// litesvm's address type from an Anchor `Pubkey` (two versions of the same 32 bytes).
pub fn addr(k: &Pubkey) -> Address {
    Address::new_from_array(k.to_bytes())
}

/// A litesvm bank with the lending program loaded from its `.so`.
pub struct Env {
    /// The VM.
    pub svm: LiteSVM,
    payer: Keypair,
    keys: u64,
    nonce: u32,
    /// Compute units of each top-level lending instruction of the last transaction, in order.
    pub last_cu: Vec<u64>,
    /// Logs of the last transaction.
    pub last_logs: Vec<String>,
    /// Compute units the last transaction consumed, every instruction included.
    pub last_tx_cu: u64,
}

impl Env {
    /// [`VmEnv::start`] on a VM the caller configured, loading each `.so` through `elf` (the CU
    /// bench traces registers, which needs section headers).
    pub async fn start_on(mut svm: LiteSVM, elf: fn(Vec<u8>) -> Vec<u8>) -> Self {
        let dir = crate::runtime::deploy_dir();
        for (id, name) in [
            (lending::ID, "lending"),
            (cpi_forwarder::ID, "cpi_forwarder"),
        ] {
            let path = format!("{dir}/{name}.so");
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{path}: {e} (run ./scripts/build-sbf)"));
            svm.add_program(addr(&id), &elf(bytes))
                .unwrap_or_else(|e| panic!("{path}: {e:?}"));
        }
        let payer = Keypair::new_from_array([0xa1; 32]);
        svm.airdrop(&payer.pubkey(), 100_000 * 1_000_000_000)
            .expect("airdrop");
        Self {
            svm,
            payer,
            keys: 0,
            nonce: 0,
            last_cu: vec![],
            last_logs: vec![],
            last_tx_cu: 0,
        }
    }

    /// The account at `key` as litesvm holds it.
    pub fn account(&self, key: &Pubkey) -> Option<solana_account::Account> {
        self.svm.get_account(&addr(key))
    }
}

impl Env {
    /// Sends `tx`, recording its compute units and logs.
    fn run(&mut self, tx: impl Into<VersionedTransaction>) -> TxResult {
        let res = self.svm.send_transaction(tx);
        // A fresh blockhash keeps identical later transactions distinct.
        self.svm.expire_blockhash();
        let (logs, cu, out) = match res {
            Ok(meta) => (meta.logs, meta.compute_units_consumed, Ok(())),
            Err(failed) => (
                failed.meta.logs,
                failed.meta.compute_units_consumed,
                Err(failed.err),
            ),
        };
        self.last_cu = top_level_cu(&logs, &lending::ID.to_string());
        self.last_tx_cu = cu;
        self.last_logs = logs;
        out
    }
}

impl VmEnv for Env {
    /// A VM with litesvm's defaults (mainnet features), `lending.so` and the CPI forwarder
    /// (`cpi_forwarder.so`) loaded from `crate::runtime::deploy_dir()`.
    async fn start() -> Self {
        Self::start_on(LiteSVM::new(), |elf| elf).await
    }

    /// Simulates `ixs`, panicking if that fails, and returns the payloads of the events the
    /// program emitted with `emit!` (event discriminator + borsh data), read from its logs.
    async fn simulate_events(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Option<Vec<Vec<u8>>> {
        let tx = self.sign(ixs, signers).await;
        let sim = self.svm.simulate_transaction(tx).unwrap_or_else(|f| {
            panic!("simulation failed: {:?}\n{}", f.err, f.meta.logs.join("\n"))
        });
        Some(lending_test_suite::outcome::program_data(
            &sim.meta.logs,
            &lending::ID,
        ))
    }

    async fn advance(&mut self, secs: i64) {
        let mut c = self.clock().await;
        self.svm.warp_to_slot(c.slot + 1);
        c.slot += 1;
        c.unix_timestamp += secs;
        self.svm.set_sysvar(&c);
    }

    async fn set_time(&mut self, unix_timestamp: i64) {
        let mut c = self.clock().await;
        c.unix_timestamp = unix_timestamp;
        self.svm.set_sysvar(&c);
    }

    fn set_account(&mut self, key: &Pubkey, account: Account) {
        let account = account_as!(account => solana_account::Account);
        self.svm
            .set_account(addr(key), account)
            .expect("set account");
    }
}

impl TestEnv for Env {
    /// The current clock.
    async fn clock(&mut self) -> Clock {
        self.svm.get_sysvar::<Clock>()
    }

    /// A new keypair, the same sequence in every run so PDA bumps (and CU) repeat.
    fn keypair(&mut self) -> Keypair {
        self.keys += 1;
        lending_test_suite::fixture::nth_keypair(self.keys)
    }

    /// The fee payer.
    fn payer(&self) -> Keypair {
        self.payer.insecure_clone()
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
            self.svm.latest_blockhash(),
        )
    }

    fn wire_size(tx: &Transaction) -> usize {
        bincode::serialize(tx)
            .expect("transaction serializes")
            .len()
    }

    /// Processes a transaction signed by the caller.
    async fn process(&mut self, tx: Transaction) -> TxResult {
        self.run(tx)
    }

    async fn process_v0(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
        table: &LookupTable,
    ) -> (usize, TxResult) {
        let table = AddressLookupTableAccount {
            key: addr(&table.key),
            addresses: table.addresses.iter().map(addr).collect(),
        };
        let message =
            v0::Message::try_compile(&payer.pubkey(), ixs, &[table], self.svm.latest_blockhash())
                .expect("the v0 message compiles");
        let mut keys = vec![payer];
        keys.extend_from_slice(signers);
        let tx = VersionedTransaction::try_new(VersionedMessage::V0(message), &keys)
            .expect("every signer signs");
        let size = bincode::serialize(&tx).expect("serializes").len();
        (size, self.run(tx))
    }

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        let a = self.account(key)?;
        Some(account_as!(a => Account))
    }

    /// Rent-exempt minimum for `len` bytes.
    async fn rent(&mut self, len: usize) -> u64 {
        self.svm.minimum_balance_for_rent_exemption(len)
    }

    /// Sends and panics with the error (and the logs) if it fails.
    async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]) {
        if let Err(e) = self.send(ixs, signers).await {
            panic!("transaction failed: {e:?}\n{}", self.last_logs.join("\n"));
        }
    }

    fn next_nonce(&mut self) -> u32 {
        self.nonce += 1;
        self.nonce
    }
}

/// Compute units of each top-level invocation of `program` in a transaction's logs: the
/// "consumed" line that closes an invocation at depth 1.
pub fn top_level_cu(logs: &[String], program: &str) -> Vec<u64> {
    let mut depth = 0usize;
    let mut out = vec![];
    for line in logs {
        let Some(rest) = line.strip_prefix("Program ") else {
            continue;
        };
        if rest.contains(" invoke [") {
            depth += 1;
        } else if rest.ends_with(" success") || rest.contains(" failed: ") {
            depth = depth.saturating_sub(1);
        } else if depth == 1 && rest.starts_with(program) && rest.contains(" consumed ") {
            // "<id> consumed N of M compute units"
            if let Some(n) = rest
                .split(" consumed ")
                .nth(1)
                .and_then(|s| s.split(' ').next())
                .and_then(|s| s.parse().ok())
            {
                out.push(n);
            }
        }
    }
    out
}
