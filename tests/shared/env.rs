//! The test environment: a bank, a payer, and helpers to send transactions, move the clock,
//! create tokens and read accounts.

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022;
use solana_account::Account;
use solana_keypair::Keypair;
use solana_program_test::{BanksClientError, ProgramTestContext};
use solana_signer::Signer;
use solana_transaction::Transaction;

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

    /// A new keypair, the same sequence in every run so PDA bumps (and so CU) repeat.
    pub fn keypair(&mut self) -> Keypair {
        self.keys += 1;
        super::fixture::nth_keypair(self.keys)
    }

    /// The fee payer.
    pub fn payer(&self) -> Keypair {
        self.ctx.payer.insecure_clone()
    }

    /// Sends `ixs` in one transaction paid by the payer and signed by `signers` too.
    /// A compute-budget instruction with a unique limit keeps identical transactions distinct.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        self.nonce += 1;
        let mut all = vec![
            solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(
                1_400_000 - self.nonce,
            ),
        ];
        all.extend_from_slice(ixs);
        self.send_raw(&all, signers).await
    }

    /// Sends exactly `ixs` (no compute-budget instruction).
    pub async fn send_raw(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let payer = self.payer();
        let mut keys: Vec<&Keypair> = vec![&payer];
        for s in signers {
            if s.pubkey() != payer.pubkey() {
                keys.push(s);
            }
        }
        let blockhash = self.ctx.last_blockhash;
        let tx = Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &keys, blockhash);
        match self.ctx.banks_client.process_transaction(tx).await {
            Ok(()) => Ok(()),
            Err(BanksClientError::TransactionError(e)) => Err(e),
            Err(BanksClientError::SimulationError { err, .. }) => Err(err),
            Err(e) => panic!("transport error: {e:?}"),
        }
    }

    /// Simulates `ixs` (as [`Env::send`] would send them) and returns the payloads of the events
    /// the program emitted through `emit_cpi!` (event discriminator + borsh data).
    pub async fn simulate_events(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Vec<Vec<u8>> {
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
            self.ctx.last_blockhash,
        );
        let sim = self
            .ctx
            .banks_client
            .simulate_transaction(tx)
            .await
            .unwrap();
        if let Some(Err(e)) = sim.result {
            panic!("simulation failed: {e:?}");
        }
        let tag = anchor_lang::event::EVENT_IX_TAG_LE;
        sim.simulation_details
            .and_then(|d| d.inner_instructions)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|inner| inner.into_iter())
            .filter_map(|i| i.instruction.data.strip_prefix(tag).map(|d| d.to_vec()))
            .collect()
    }

    /// Sends and panics with the error if it fails.
    pub async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]) {
        if let Err(e) = self.send(ixs, signers).await {
            panic!("transaction failed: {e:?}");
        }
    }

    /// The current clock.
    pub async fn clock(&mut self) -> Clock {
        self.ctx.banks_client.get_sysvar::<Clock>().await.unwrap()
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

    /// Raw account, if it exists.
    pub async fn get(&mut self, key: &Pubkey) -> Option<Account> {
        self.ctx.banks_client.get_account(*key).await.unwrap()
    }

    /// A zero-copy account of this program (skipping the 8-byte discriminator).
    pub async fn zc<T: bytemuck::Pod>(&mut self, key: &Pubkey) -> T {
        let a = self.get(key).await.expect("account exists");
        bytemuck::pod_read_unaligned(&a.data[8..8 + std::mem::size_of::<T>()])
    }

    /// Token balance of a token account (SPL Token or Token-2022).
    pub async fn balance(&mut self, key: &Pubkey) -> u64 {
        let a = self.get(key).await.expect("token account exists");
        spl_token_2022::state::Account::unpack_from_slice(&a.data[..165])
            .unwrap()
            .amount
    }

    /// Supply of a mint.
    pub async fn supply(&mut self, mint: &Pubkey) -> u64 {
        let a = self.get(mint).await.expect("mint exists");
        spl_token_2022::state::Mint::unpack_from_slice(&a.data[..82])
            .unwrap()
            .supply
    }

    /// Creates a wallet with `sol` SOL.
    pub async fn wallet(&mut self, sol: u64) -> Keypair {
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

    /// Rent-exempt minimum for `len` bytes.
    pub async fn rent(&mut self, len: usize) -> u64 {
        let rent = self.ctx.banks_client.get_rent().await.unwrap();
        rent.minimum_balance(len)
    }

    /// Creates a mint with the payer as mint authority.
    pub async fn create_mint(&mut self, decimals: u8, token_program: Pubkey) -> Pubkey {
        let mint = self.keypair();
        let payer = self.payer().pubkey();
        let len = spl_token_2022::state::Mint::LEN;
        let lamports = self.rent(len).await;
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
        let lamports = self.rent(len).await;
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

    /// Mints `amount` to `dest` (payer is the mint authority).
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

    /// Writes an arbitrary account (oracle fixtures, attacks).
    pub fn set_account(&mut self, key: &Pubkey, account: Account) {
        self.ctx.set_account(key, &account.into());
    }
}

/// The first event of type `E` among `events` (see [`Env::simulate_events`]).
pub fn find_event<E: anchor_lang::Event + anchor_lang::AnchorDeserialize>(
    events: &[Vec<u8>],
) -> Option<E> {
    events.iter().find_map(|d| {
        let rest = d.strip_prefix(E::DISCRIMINATOR)?;
        E::deserialize(&mut &rest[..]).ok()
    })
}

/// Extracts the custom error code of a failed instruction.
pub fn custom_code(res: &TxResult) -> Option<u32> {
    match res {
        Err(TransactionError::InstructionError(
            _,
            anchor_lang::solana_program::instruction::error::InstructionError::Custom(c),
        )) => Some(*c),
        _ => None,
    }
}

/// Asserts the transaction failed with this program error.
#[track_caller]
pub fn assert_err(res: TxResult, expected: lending::errors::LendingError) {
    let want = anchor_lang::error::ERROR_CODE_OFFSET + expected as u32;
    assert_eq!(
        custom_code(&res),
        Some(want),
        "expected {expected:?} ({want}), got {res:?}"
    );
}

/// Asserts the transaction failed with this Anchor framework error.
#[track_caller]
pub fn assert_anchor_err(res: TxResult, expected: anchor_lang::error::ErrorCode) {
    let want = expected as u32;
    assert_eq!(
        custom_code(&res),
        Some(want),
        "expected {expected:?} ({want}), got {res:?}"
    );
}
