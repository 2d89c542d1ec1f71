//! What every test environment (program-test, litesvm, JSON-RPC) offers, as one trait: each
//! environment implements the primitives (`payer`, `keypair`, `blockhash`, `process`, `get`,
//! `rent`, `clock`, `next_nonce`, `ok`); the rest is written once over them, and the fixture
//! and the invariants take any `TestEnv`.
//!
//! The including file has `Instruction`, `Keypair`, `Pubkey`, `Signer`, `Transaction`,
//! `TxResult`, `Account`, `Pack` and `spl_token_2022` in scope: each suite compiles this file
//! against its own Solana line.

use super::env::TxResult;
use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022;
use solana_account::Account;
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// A test environment: a bank (or a validator) with a funded payer.
#[allow(async_fn_in_trait)]
pub trait TestEnv {
    /// The fee payer.
    fn payer(&self) -> Keypair;

    /// A new keypair (a repeatable sequence in the VMs, so PDA bumps and CU repeat).
    fn keypair(&mut self) -> Keypair;

    /// A number that changes with every call, keeping identical transactions distinct.
    fn next_nonce(&mut self) -> u32;

    /// The blockhash to sign with.
    async fn blockhash(&mut self) -> solana_hash::Hash;

    /// Processes a signed transaction.
    async fn process(&mut self, tx: Transaction) -> TxResult;

    /// Raw account, if it exists.
    async fn get(&mut self, key: &Pubkey) -> Option<Account>;

    /// Rent-exempt minimum for `len` bytes.
    async fn rent(&mut self, len: usize) -> u64;

    /// The current clock.
    async fn clock(&mut self) -> Clock;

    /// Sends and panics with the error if it fails.
    async fn ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]);

    /// Sends `ixs` after a compute-budget instruction, paid by the payer and signed by
    /// `signers` too. Every environment's `send` does this, so instruction indices agree
    /// across them; the limit differs per call, which keeps identical transactions distinct.
    async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let nonce = self.next_nonce();
        let mut all = vec![
            solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(
                1_400_000 - nonce,
            ),
        ];
        all.extend_from_slice(ixs);
        self.send_raw(&all, signers).await
    }

    /// `ixs` signed by the payer and `signers`, with the current blockhash.
    async fn sign(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Transaction {
        let payer = self.payer();
        let mut keys: Vec<&Keypair> = vec![&payer];
        keys.extend(
            signers
                .iter()
                .copied()
                .filter(|s| s.pubkey() != payer.pubkey()),
        );
        let blockhash = self.blockhash().await;
        Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &keys, blockhash)
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
