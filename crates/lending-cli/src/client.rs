//! The connection the commands share: an RPC client at confirmed commitment, the signing
//! wallet, and helpers that turn failures into sentences.

use anyhow::{anyhow, bail, Context, Result};
use lending_core::state::Obligation;
use lending_sdk::ix::{self, ReserveKeys};
use lending_sdk::market::MarketState;
use lending_sdk::rpc::{self, CommitmentConfig, FetchError};
use lending_sdk::units::format_amount;
use solana_instruction::Instruction;
use solana_keypair::{read_keypair_file, Keypair};
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signature::Signature;
use solana_signer::Signer;
use std::cell::{Cell, RefCell};
use std::path::Path;

/// RPC plus wallet.
pub struct Client {
    /// The node.
    pub rpc: RpcClient,
    /// The wallet that signs and pays.
    pub payer: Keypair,
    /// Print each transaction's signature to stderr.
    pub verbose: bool,
    /// The signer of admin instructions and fee payer when it is not the wallet (a multisig
    /// vault); only with `print_unsigned`.
    pub authority: Option<Pubkey>,
    /// Build transactions for someone else to sign instead of sending them.
    pub print_unsigned: bool,
    /// The transactions built so, by what each does.
    pub unsigned: RefCell<Vec<(String, rpc::Unsigned)>>,
    /// The lookup table of the market last loaded: every send compiles a v0 transaction
    /// through it (legacy when there is none).
    pub lookup_table: Cell<Option<Pubkey>>,
}

/// Reads a keypair file (a JSON array of 64 bytes, as solana-keygen writes).
pub fn load_keypair(path: &Path) -> Result<Keypair> {
    read_keypair_file(path).map_err(|e| {
        anyhow!(
            "cannot read keypair {}: {e} (expected a JSON array of 64 bytes, as written by \
             solana-keygen or scripts/setup-tools wallet)",
            path.display()
        )
    })
}

impl Client {
    /// Connects to `url` with the wallet in `keypair`.
    pub fn new(url: &str, keypair: &Path, verbose: bool) -> Result<Self> {
        let payer = load_keypair(keypair)?;
        let rpc = RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed());
        rpc.get_version().map_err(|e| {
            anyhow!("cannot reach a Solana node at {url}: {e} (is the validator running?)")
        })?;
        Ok(Self {
            rpc,
            payer,
            verbose,
            authority: None,
            print_unsigned: false,
            unsigned: RefCell::new(vec![]),
            lookup_table: Cell::new(None),
        })
    }

    /// Builds transactions for someone else to sign (base58 and base64) instead of sending
    /// them, signed by `authority` (a multisig vault, a hardware wallet) when given, else by
    /// the wallet.
    pub fn print_unsigned(mut self, authority: Option<Pubkey>) -> Self {
        self.print_unsigned = true;
        self.authority = authority;
        self
    }

    /// The address that signs: the authority given for unsigned transactions, else the wallet.
    pub fn wallet(&self) -> Pubkey {
        self.authority.unwrap_or_else(|| self.payer.pubkey())
    }

    /// Sends `ixs` signed by the wallet and `signers`; the program's error name and message
    /// when it fails.
    pub fn send(&self, what: &str, ixs: &[Instruction], signers: &[&Keypair]) -> Result<Signature> {
        let extra: Vec<&dyn Signer> = signers.iter().map(|k| *k as &dyn Signer).collect();
        if self.print_unsigned {
            let tx = rpc::unsigned(&self.rpc, ixs, &self.wallet(), &extra)
                .map_err(|e| anyhow!("{what}: {}", e.message))?;
            self.unsigned.borrow_mut().push((what.to_string(), tx));
            return Ok(Signature::default());
        }
        match rpc::send_with_tables(&self.rpc, ixs, &self.payer, &extra, &self.tables()) {
            Ok(sig) => {
                if self.verbose {
                    eprintln!("  {what}: {sig}");
                }
                Ok(sig)
            }
            Err(e) => {
                if self.verbose && !e.logs.is_empty() {
                    eprintln!("  program logs:");
                    for l in &e.logs {
                        eprintln!("    {l}");
                    }
                }
                bail!("{what} failed: {}", e.message)
            }
        }
    }

    /// The tables a send compiles through: the market's table with the addresses usable now,
    /// or none (a legacy transaction) when there is none or it cannot be read.
    fn tables(&self) -> Vec<rpc::AddressLookupTableAccount> {
        let Some(key) = self.lookup_table.get() else {
            return vec![];
        };
        rpc::active_tables(&self.rpc, &key).unwrap_or_else(|e| {
            if self.verbose {
                eprintln!("  lookup table {key} unreadable ({e}): sending legacy");
            }
            vec![]
        })
    }

    /// Whether an account exists.
    pub fn exists(&self, key: &Pubkey) -> Result<bool> {
        Ok(self
            .rpc
            .get_account_with_commitment(key, self.rpc.commitment())
            .with_context(|| format!("cannot fetch {key}"))?
            .value
            .is_some())
    }

    /// The market with its reserves and price accounts.
    /// Also takes the market's lookup table for the sends that follow.
    pub fn market(&self, market: &Pubkey) -> Result<MarketState> {
        let ms = rpc::market_state(&self.rpc, market).map_err(|e| match e {
            FetchError::Missing(_) => anyhow!("market {market} does not exist on this cluster"),
            e => anyhow!("cannot load market {market}: {e}"),
        })?;
        let table = ms.market.lookup_table;
        self.lookup_table
            .set((table != Pubkey::default()).then_some(table));
        Ok(ms)
    }

    /// The market with its reserves projected to the cluster's clock (interest to now, prices
    /// from the price accounts), as a refresh now would leave them.
    pub fn market_now(&self, market: &Pubkey) -> Result<MarketState> {
        let ms = self.market(market)?;
        let (slot, now) = rpc::clock(&self.rpc)?;
        Ok(ms.at(slot, now))
    }

    /// An obligation, or `None` when it does not exist.
    pub fn obligation(&self, key: &Pubkey) -> Result<Option<Obligation>> {
        match rpc::account::<Obligation>(&self.rpc, key) {
            Ok(o) => Ok(Some(o)),
            Err(FetchError::Missing(_)) => Ok(None),
            Err(e) => Err(anyhow!("cannot load obligation {key}: {e}")),
        }
    }

    /// Token balance of an account (0 when it does not exist).
    pub fn balance(&self, account: &Pubkey) -> Result<u64> {
        match rpc::token_balance(&self.rpc, account) {
            Ok(b) => Ok(b),
            Err(FetchError::Missing(_)) => Ok(0),
            Err(e) => Err(anyhow!("cannot read token account {account}: {e}")),
        }
    }

    /// The wallet's associated token account for a reserve's asset, and its balance.
    pub fn wallet_tokens(&self, k: &ReserveKeys) -> Result<(Pubkey, u64)> {
        let ata = ix::token::ata(&self.wallet(), &k.mint, &k.token_program);
        Ok((ata, self.balance(&ata)?))
    }

    /// Fails with "insufficient funds" unless the wallet holds `need` of the reserve's asset.
    pub fn require_tokens(&self, k: &ReserveKeys, symbol: &str, need: u64) -> Result<Pubkey> {
        let (ata, have) = self.wallet_tokens(k)?;
        if have < need {
            bail!(
                "insufficient funds: the wallet holds {} {symbol} in {ata}, this needs {}",
                format_amount(have, k.decimals),
                format_amount(need, k.decimals)
            );
        }
        Ok(ata)
    }
}

/// The reserve of `mint` in `ms`, or an error listing the market's assets.
pub fn reserve_for(ms: &MarketState, mint: &Pubkey) -> Result<ReserveKeys> {
    ms.reserve_for_mint(mint).ok_or_else(|| {
        let listed: Vec<String> = ms
            .sorted_reserves()
            .iter()
            .map(|(_, r)| r.liquidity_mint.to_string())
            .collect();
        anyhow!(
            "market {} has no reserve for mint {mint} (listed mints: {})",
            ms.key,
            listed.join(", ")
        )
    })
}
