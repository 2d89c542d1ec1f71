//! The shared fixture's `Env`, backed by litesvm 0.16 (mainnet feature set, p-token) instead
//! of program-test, so `tests/shared/fixture.rs` drives the benchmark unchanged. It also
//! records the compute units of every top-level lending instruction it runs.

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022;
use litesvm::LiteSVM;
use solana_account::Account;
use solana_address::Address;
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Outcome of a transaction: the error of the failing instruction, if any.
pub type TxResult = Result<(), TransactionError>;

/// The classic SPL Token program id (p-token under litesvm's mainnet features).
pub const SPL_TOKEN: Pubkey = anchor_spl::token::ID;

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
    /// Compute units of each top-level lending instruction of the last transaction, in order.
    pub last_cu: Vec<u64>,
    /// Logs of the last transaction.
    pub last_logs: Vec<String>,
}

impl Env {
    /// A VM with litesvm's defaults (mainnet features) and `lending.so` from `deploy_dir`.
    pub fn with_program(deploy_dir: &str) -> Self {
        let mut svm = LiteSVM::new();
        svm.add_program_from_file(addr(&lending::ID), format!("{deploy_dir}/lending.so"))
            .unwrap_or_else(|e| panic!("{deploy_dir}/lending.so: {e:?} (run ./scripts/build-sbf)"));
        let payer = Keypair::new_from_array([0xa1; 32]);
        svm.airdrop(&payer.pubkey(), 100_000 * 1_000_000_000)
            .expect("airdrop");
        Self {
            svm,
            payer,
            keys: 0,
            last_cu: vec![],
            last_logs: vec![],
        }
    }

    /// A new keypair, the same sequence in every run so PDA bumps (and CU) repeat.
    pub fn keypair(&mut self) -> Keypair {
        self.keys += 1;
        super::fixture::nth_keypair(self.keys)
    }

    /// The fee payer.
    pub fn payer(&self) -> Keypair {
        self.payer.insecure_clone()
    }

    /// Sends `ixs` in one transaction (no compute-budget instruction is added).
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        self.send_raw(ixs, signers).await
    }

    /// Sends exactly `ixs`, paid by the payer and signed by `signers` too.
    pub async fn send_raw(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let payer = self.payer();
        let mut keys: Vec<&Keypair> = vec![&payer];
        keys.extend(
            signers
                .iter()
                .copied()
                .filter(|s| s.pubkey() != payer.pubkey()),
        );
        let tx = Transaction::new_signed_with_payer(
            ixs,
            Some(&payer.pubkey()),
            &keys,
            self.svm.latest_blockhash(),
        );
        let res = self.svm.send_transaction(tx);
        // A fresh blockhash keeps identical later transactions distinct.
        self.svm.expire_blockhash();
        let (logs, out) = match res {
            Ok(meta) => (meta.logs, Ok(())),
            Err(failed) => (failed.meta.logs, Err(failed.err)),
        };
        self.last_cu = top_level_cu(&logs, &lending::ID.to_string());
        self.last_logs = logs;
        out
    }

    /// Sends and panics with the error (and the logs) if it fails.
    pub async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]) {
        if let Err(e) = self.send(ixs, signers).await {
            panic!("transaction failed: {e:?}\n{}", self.last_logs.join("\n"));
        }
    }

    /// The current clock.
    pub async fn clock(&mut self) -> Clock {
        self.svm.get_sysvar::<Clock>()
    }

    /// Moves to the next slot and `secs` seconds later.
    pub async fn advance(&mut self, secs: i64) {
        let mut c = self.clock().await;
        self.svm.warp_to_slot(c.slot + 1);
        c.slot += 1;
        c.unix_timestamp += secs;
        self.svm.set_sysvar(&c);
    }

    /// Sets the clock's unix time, staying in the current slot.
    pub async fn set_time(&mut self, unix_timestamp: i64) {
        let mut c = self.clock().await;
        c.unix_timestamp = unix_timestamp;
        self.svm.set_sysvar(&c);
    }

    /// Raw account, if it exists.
    pub async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        self.svm.get_account(&addr(key))
    }

    /// A zero-copy account of the program (skipping the 8-byte discriminator).
    pub async fn zc<T: bytemuck::Pod>(&mut self, key: &Pubkey) -> T {
        let a = self.get(key).await.expect("account exists");
        bytemuck::pod_read_unaligned(&a.data[8..8 + std::mem::size_of::<T>()])
    }

    /// Token balance of a token account.
    pub async fn balance(&mut self, key: &Pubkey) -> u64 {
        let a = self.get(key).await.expect("token account exists");
        spl_token_2022::state::Account::unpack_from_slice(&a.data[..165])
            .unwrap()
            .amount
    }

    /// Creates a wallet with `sol` SOL.
    pub async fn wallet(&mut self, sol: u64) -> Keypair {
        let kp = self.keypair();
        self.svm
            .airdrop(&kp.pubkey(), sol * 1_000_000_000)
            .expect("airdrop");
        kp
    }

    /// Creates a mint with the payer as mint authority.
    pub async fn create_mint(&mut self, decimals: u8, token_program: Pubkey) -> Pubkey {
        let mint = self.keypair();
        let payer = self.payer().pubkey();
        let len = spl_token_2022::state::Mint::LEN;
        let lamports = self.svm.minimum_balance_for_rent_exemption(len);
        let ixs =
            super::ix::token::create_mint(payer, mint.pubkey(), lamports, decimals, token_program);
        self.ok(&ixs, &[&mint]).await;
        mint.pubkey()
    }

    /// Creates a token account for `owner`.
    pub async fn token_account(
        &mut self,
        mint: &Pubkey,
        owner: &Pubkey,
        token_program: Pubkey,
    ) -> Pubkey {
        let acct = self.keypair();
        let payer = self.payer().pubkey();
        let len = spl_token_2022::state::Account::LEN;
        let lamports = self.svm.minimum_balance_for_rent_exemption(len);
        let ixs = super::ix::token::create_account(
            payer,
            acct.pubkey(),
            lamports,
            *mint,
            *owner,
            token_program,
        );
        self.ok(&ixs, &[&acct]).await;
        acct.pubkey()
    }

    /// Mints `amount` to `dest` (the payer is the mint authority).
    pub async fn mint_to(
        &mut self,
        mint: &Pubkey,
        dest: &Pubkey,
        amount: u64,
        token_program: Pubkey,
    ) {
        let authority = self.payer().pubkey();
        let ix = super::ix::token::mint_to(authority, *mint, *dest, amount, token_program);
        self.ok(&[ix], &[]).await;
    }

    /// Writes an arbitrary account (oracle sources).
    pub fn set_account(&mut self, key: &Pubkey, account: Account) {
        self.svm
            .set_account(addr(key), account)
            .expect("set account");
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
