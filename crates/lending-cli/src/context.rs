//! Resolves what every command needs: the client, the market address, and assets given by
//! symbol (from --config) or by mint address.

use crate::client::{load_keypair, Client};
use crate::config::MarketFile;
use crate::Cli;
use anyhow::{anyhow, bail, Result};
use lending_sdk::market::MarketState;
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use std::str::FromStr;

/// Shared state of one command run.
pub struct Context {
    /// RPC and wallet.
    pub client: Client,
    /// The market config file, when given.
    pub file: Option<MarketFile>,
    market: Option<String>,
}

impl Context {
    /// Connects and reads the config file.
    pub fn new(cli: &Cli) -> Result<Self> {
        let file = cli.config.as_deref().map(MarketFile::load).transpose()?;
        Ok(Self {
            client: {
                let c = Client::new(&cli.url, &cli.keypair, cli.verbose)?;
                if cli.print_unsigned {
                    c.print_unsigned(cli.authority.as_deref().map(parse_key).transpose()?)
                } else if cli.authority.is_some() {
                    anyhow::bail!("--authority names a signer this wallet cannot sign for: use it with --print-unsigned");
                } else {
                    c
                }
            },
            file,
            market: cli.market.clone(),
        })
    }

    /// The market address: --market, else the market keypair named by --config.
    pub fn market_key(&self) -> Result<Pubkey> {
        if let Some(m) = &self.market {
            return Pubkey::from_str(m).map_err(|_| anyhow!("--market {m} is not an address"));
        }
        let f = self
            .file
            .as_ref()
            .ok_or_else(|| anyhow!("no market given: pass --market ADDRESS or --config FILE"))?;
        let path = f.path(&f.market.keypair);
        if !path.exists() {
            bail!(
                "the market in {} has not been created yet ({} is missing): run \
                 `lending-cli --config FILE market create` first",
                f.dir.display(),
                path.display()
            );
        }
        Ok(load_keypair(&path)?.pubkey())
    }

    /// The market and its reserves.
    pub fn market(&self) -> Result<MarketState> {
        self.client.market(&self.market_key()?)
    }

    /// A mint from a symbol of the config file or an address.
    pub fn mint(&self, asset: &str) -> Result<Pubkey> {
        if let Ok(k) = Pubkey::from_str(asset) {
            return Ok(k);
        }
        let f = self.file.as_ref().ok_or_else(|| {
            anyhow!("'{asset}' is not a mint address (symbols need --config FILE)")
        })?;
        let r = f
            .reserves
            .iter()
            .find(|r| r.symbol.eq_ignore_ascii_case(asset))
            .ok_or_else(|| {
                let known: Vec<&str> = f.reserves.iter().map(|r| r.symbol.as_str()).collect();
                anyhow!("unknown asset '{asset}' (known: {})", known.join(", "))
            })?;
        crate::market::mint_of(f, r)
    }

    /// A short name for a mint: its symbol in the config file, else its address.
    pub fn symbol(&self, mint: &Pubkey) -> String {
        self.file
            .as_ref()
            .and_then(|f| {
                f.reserves
                    .iter()
                    .find(|r| crate::market::mint_of(f, r).ok().as_ref() == Some(mint))
            })
            .map(|r| r.symbol.clone())
            .unwrap_or_else(|| mint.to_string())
    }
}

/// An address given on the command line.
fn parse_key(s: &str) -> Result<Pubkey> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("{s} is not an address"))
}
