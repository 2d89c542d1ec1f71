//! What every test environment (program-test, litesvm, JSON-RPC) offers, as two traits.
//! [`TestEnv`] is the part a real validator can do too: each environment implements its
//! primitives (`payer`, `keypair`, `sign_by`, `process`, `get`, `rent`, `clock`,
//! `next_nonce`, `ok`) and the rest is written once over them; the fixture and the invariants
//! take any `TestEnv`. [`VmEnv`] adds what only an in-process VM can do (start a bank, move the
//! clock, write accounts), which the scenarios need.
//!
//! The Solana types whose versions differ between the two lines (3.1 natively and over RPC, 4.2
//! in litesvm) stay behind the traits: a transaction is the environment's own
//! [`TestEnv::Transaction`], and accounts cross as this crate's [`Account`].

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022;
use solana_keypair::Keypair;
use solana_signer::Signer;

#[allow(unused_imports)]
pub use crate::outcome::{assert_anchor_err, assert_err, assert_err_in, custom_code, find_event};
pub use solana_transaction_error::TransactionError;

/// Outcome of a transaction: the error of the failing instruction, if any.
pub type TxResult = Result<(), TransactionError>;

/// The classic SPL Token program id.
pub const SPL_TOKEN: Pubkey = anchor_spl::token::ID;
/// The Token-2022 program id.
pub const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;

/// An account as the tests read and write it: the fields of every Solana line's `Account`,
/// which each environment converts to and from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account {
    /// Lamports held.
    pub lamports: u64,
    /// The account's data.
    pub data: Vec<u8>,
    /// The owning program.
    pub owner: Pubkey,
    /// Whether the account is a program.
    pub executable: bool,
    /// The epoch rent is next due (unused since rent exemption became mandatory).
    pub rent_epoch: u64,
}

/// `signers` without `payer` (who signs first anyway).
pub fn co_signers<'a>(payer: &Keypair, signers: &[&'a Keypair]) -> Vec<&'a Keypair> {
    signers
        .iter()
        .copied()
        .filter(|s| s.pubkey() != payer.pubkey())
        .collect()
}

/// An address lookup table as transactions use it: its address and its addresses, all usable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LookupTable {
    /// The table's address.
    pub key: Pubkey,
    /// Its addresses, in order.
    pub addresses: Vec<Pubkey>,
}

impl LookupTable {
    /// The table's account with every address usable from slot 0 on, and no authority
    /// (frozen).
    pub fn account_data(&self) -> Vec<u8> {
        // ProgramState::LookupTable(meta), bincode: tag, deactivation slot (none: u64::MAX),
        // last extended slot (0) and the index from which the addresses it added wait for the
        // next slot (all of them usable: their count), authority (None), padding; 56 bytes.
        assert!(
            self.addresses.len() < 256,
            "one table holds at most 255 addresses here"
        );
        let mut data = vec![0u8; 56];
        data[..4].copy_from_slice(&1u32.to_le_bytes());
        data[4..12].copy_from_slice(&u64::MAX.to_le_bytes());
        data[20] = self.addresses.len() as u8;
        for a in &self.addresses {
            data.extend_from_slice(a.as_ref());
        }
        data
    }
}

/// A test environment: a bank (or a validator) with a funded payer.
#[allow(async_fn_in_trait)]
pub trait TestEnv {
    /// The fee payer.
    fn payer(&self) -> Keypair;

    /// A new keypair (a repeatable sequence in the VMs, so PDA bumps and CU repeat).
    fn keypair(&mut self) -> Keypair;

    /// A number that changes with every call, keeping identical transactions distinct.
    fn next_nonce(&mut self) -> u32;

    /// A signed transaction of this environment's Solana line.
    type Transaction;

    /// `ixs` paid by `payer`, signed by it and by `signers`, with a recent blockhash.
    async fn sign_by(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Self::Transaction;

    /// The size of `tx` on the wire, in bytes.
    fn wire_size(tx: &Self::Transaction) -> usize;

    /// Processes a signed transaction.
    async fn process(&mut self, tx: Self::Transaction) -> TxResult;

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account>;

    /// Rent-exempt minimum for `len` bytes.
    async fn rent(&mut self, len: usize) -> u64;

    /// The current clock.
    async fn clock(&mut self) -> Clock;

    /// Sends and panics with the error if it fails.
    async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]);

    /// Signs exactly `ixs` as a v0 transaction paid by `payer` and signed by `signers` too,
    /// whose accounts found in `table` are named through it, and processes it: its wire size
    /// and its outcome.
    async fn process_v0(
        &mut self,
        payer: &Keypair,
        ixs: &[Instruction],
        signers: &[&Keypair],
        table: &LookupTable,
    ) -> (usize, TxResult);

    /// [`TestEnv::send`] as a v0 transaction through `table`, paid by the payer.
    async fn send_v0(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
        table: &LookupTable,
    ) -> TxResult {
        let all = self.with_unit_limit(ixs);
        let payer = self.payer();
        let others = co_signers(&payer, signers);
        self.process_v0(&payer, &all, &others, table).await.1
    }

    /// Sends `ixs` after a compute-budget instruction, paid by the payer and signed by
    /// `signers` too. Every environment's `send` does this, so instruction indices agree
    /// across them; the limit differs per call, which keeps identical transactions distinct.
    async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let all = self.with_unit_limit(ixs);
        self.send_raw(&all, signers).await
    }

    /// `ixs` after a compute-unit limit that differs per call.
    fn with_unit_limit(&mut self, ixs: &[Instruction]) -> Vec<Instruction> {
        let nonce = self.next_nonce();
        let mut all = vec![
            solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(
                1_400_000 - nonce,
            ),
        ];
        all.extend_from_slice(ixs);
        all
    }

    /// `ixs` signed by the payer and `signers`, with the current blockhash.
    async fn sign(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Self::Transaction {
        let payer = self.payer();
        let others = co_signers(&payer, signers);
        self.sign_by(&payer, ixs, &others).await
    }

    /// Sends exactly `ixs`, paid by the payer and signed by `signers` too.
    async fn send_raw(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let tx = self.sign(ixs, signers).await;
        self.process(tx).await
    }

    /// A zero-copy account of the program, decoded by the SDK (discriminator checked).
    async fn zc<T: lending_sdk::accounts::ProgramAccount>(&mut self, key: &Pubkey) -> T {
        let a = self.get(key).await.expect("account exists");
        assert_eq!(a.owner, lending::ID, "{key} is not a lending account");
        lending_sdk::accounts::decode(&a.data).unwrap_or_else(|e| panic!("{key}: {e}"))
    }

    /// Token balance of a token account (SPL Token or Token-2022).
    async fn balance(&mut self, key: &Pubkey) -> u64 {
        let a = self.get(key).await.expect("token account exists");
        spl_token_2022::state::Account::unpack_from_slice(&a.data[..165])
            .unwrap()
            .amount
    }

    /// Supply of a mint.
    async fn supply(&mut self, mint: &Pubkey) -> u64 {
        let a = self.get(mint).await.expect("mint exists");
        spl_token_2022::state::Mint::unpack_from_slice(&a.data[..82])
            .unwrap()
            .supply
    }

    /// Creates a wallet with `sol` SOL (a transfer from the payer).
    async fn wallet(&mut self, sol: u64) -> Keypair {
        let kp = self.keypair();
        let payer = self.payer();
        let ix = anchor_lang::solana_program::system_instruction::transfer(
            &payer.pubkey(),
            &kp.pubkey(),
            sol * 1_000_000_000,
        );
        self.ok(&[ix], &[]).await;
        kp
    }

    /// Creates a mint with the payer as mint authority.
    async fn create_mint(&mut self, decimals: u8, token_program: Pubkey) -> Pubkey {
        let mint = self.keypair();
        let payer = self.payer().pubkey();
        let lamports = self.rent(spl_token_2022::state::Mint::LEN).await;
        let ixs = lending_sdk::ix::token::create_mint(
            payer,
            mint.pubkey(),
            lamports,
            decimals,
            token_program,
        );
        self.ok(&ixs, &[&mint]).await;
        mint.pubkey()
    }

    /// Creates a token account for `owner`.
    async fn token_account(
        &mut self,
        mint: &Pubkey,
        owner: &Pubkey,
        token_program: Pubkey,
    ) -> Pubkey {
        let acct = self.keypair();
        let payer = self.payer().pubkey();
        let lamports = self.rent(spl_token_2022::state::Account::LEN).await;
        let ixs = lending_sdk::ix::token::create_account(
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
    async fn mint_to(&mut self, mint: &Pubkey, dest: &Pubkey, amount: u64, token_program: Pubkey) {
        let authority = self.payer().pubkey();
        let ix = lending_sdk::ix::token::mint_to(authority, *mint, *dest, amount, token_program);
        self.ok(&[ix], &[]).await;
    }
}

/// Converts between account types with the same fields (this crate's [`Account`] and each
/// Solana line's): `account_as!(value => Type)`.
#[macro_export]
macro_rules! account_as {
    ($account:expr => $to:path) => {{
        let a = $account;
        $to {
            lamports: a.lamports,
            data: a.data,
            owner: a.owner,
            executable: a.executable,
            rent_epoch: a.rent_epoch,
        }
    }};
}

/// An in-process VM (program-test or litesvm): a [`TestEnv`] that can also be started, have its
/// clock moved and its accounts written, which is what the scenarios need.
#[allow(async_fn_in_trait)]
pub trait VmEnv: TestEnv + Sized + 'static {
    /// A new bank with the lending program and the CPI forwarder loaded and a funded payer.
    async fn start() -> Self;

    /// Moves to the next slot and `secs` seconds later.
    async fn advance(&mut self, secs: i64);

    /// Sets the clock's unix time, staying in the current slot.
    async fn set_time(&mut self, unix_timestamp: i64);

    /// Writes an arbitrary account (oracle sources, hostile mints, attacks).
    fn set_account(&mut self, key: &Pubkey, account: Account);

    /// Writes `table`'s account (owned by the lookup table program, rent-exempt); the
    /// validator suite creates its tables through the program, as the migration does.
    async fn set_lookup_table(&mut self, table: &LookupTable) {
        let data = table.account_data();
        let lamports = self.rent(data.len()).await;
        self.set_account(
            &table.key,
            Account {
                lamports,
                data,
                owner: lending_sdk::lookup::PROGRAM_ID,
                executable: false,
                rent_epoch: 0,
            },
        );
    }

    /// Simulates `ixs` (as [`TestEnv::send`] would send them), panicking if that fails, and
    /// returns the payloads of the events the program emitted, or `None` where the VM cannot
    /// see them (anchor-lang's `emit!` is a no-op in a native processor).
    async fn simulate_events(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Option<Vec<Vec<u8>>>;
}
