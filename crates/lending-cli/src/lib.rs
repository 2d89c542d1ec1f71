//! `lending-cli`: create and inspect markets, and act on them from a wallet.
//!
//! Every command talks to one cluster (`--url`) with one wallet (`--keypair`), prints a
//! readable report (or JSON with `--json`) and exits non-zero with the program's own error
//! name and message when a transaction is refused. The binary is a thin wrapper over
//! [`run`], which tests call in-process.

pub mod actions;
pub mod admin;
pub mod change;
pub mod client;
pub mod config;
pub mod context;
pub mod emode;
pub mod fund;
pub mod liquidate;
pub mod lookup;
pub mod market;
pub mod position;
pub mod report;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Command-line client of the lending program.
#[derive(Parser)]
#[command(name = "lending-cli", version, about)]
pub struct Cli {
    /// JSON-RPC URL of the cluster.
    #[arg(
        long,
        global = true,
        env = "ANCHOR_PROVIDER_URL",
        default_value = "http://127.0.0.1:8899"
    )]
    pub url: String,
    /// Keypair file of the wallet that signs and pays.
    #[arg(long, global = true, env = "ANCHOR_WALLET", default_value_os_t = default_wallet())]
    pub keypair: PathBuf,
    /// Market config file (TOML): names the market and lets assets be given by symbol.
    #[arg(long, global = true, env = "LENDING_MARKET_CONFIG")]
    pub config: Option<PathBuf>,
    /// Market address (default: the one named by --config).
    #[arg(long, global = true, env = "LENDING_MARKET")]
    pub market: Option<String>,
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Print transaction signatures, and program logs of failures, to stderr.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Build each transaction for someone else to sign and print it (base58 and base64)
    /// instead of sending it: a multisig proposal (Squads) or a hardware wallet.
    #[arg(long, global = true)]
    pub print_unsigned: bool,
    /// With --print-unsigned: the address that signs admin instructions and pays (the
    /// multisig vault that owns the market), instead of the wallet.
    #[arg(long, global = true)]
    pub authority: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

fn default_wallet() -> PathBuf {
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".config/solana/id.json")
}

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Market-level commands.
    #[command(subcommand)]
    Market(market::MarketCmd),
    /// Obligation commands.
    #[command(subcommand)]
    Obligation(position::ObligationCmd),
    /// Deposit tokens as collateral (opens the obligation on first use).
    Deposit(actions::AmountArgs),
    /// Withdraw collateral back to tokens ("max": as much as health allows).
    Withdraw(actions::AmountArgs),
    /// Borrow tokens against the collateral ("max": as much as allowed).
    Borrow(actions::AmountArgs),
    /// Repay debt ("max": all of it).
    Repay(actions::RepayArgs),
    /// Move your obligation into an e-mode group (0: out of any), showing the health it would
    /// have there; refused when the group does not admit a position or the result is unhealthy.
    Emode(emode::EmodeArgs),
    /// Liquidate an unhealthy obligation.
    Liquidate(liquidate::LiquidateArgs),
    /// Insurance funds: show, stake, unstake (cooldown), claim, cancel, collect.
    #[command(subcommand)]
    Fund(fund::FundCmd),
    /// Flash-borrow and repay (with the fee) in one transaction.
    FlashLoan(actions::FlashArgs),
    /// Rebind an asset's price account to another source or feed, or change its limits
    /// (market owner; works while the price is stale).
    OracleConfig(admin::OracleConfigArgs),
    /// Name the market's guardian, who may pause and cancel queued changes but never unpause
    /// (market owner).
    Guardian(admin::GuardianArgs),
    /// Name the market's risk admin, who may make changes that only tighten risk at once
    /// (market owner).
    RiskAdmin(change::RiskAdminArgs),
    /// The timelock queue: list, apply (anyone, after the delay), cancel (owner or guardian).
    #[command(subcommand)]
    Change(change::ChangeCmd),
    /// Pause the market (its guardian or owner): repayments, liquidations and collateral
    /// top-ups go on.
    Pause(admin::PauseArgs),
    /// Lift every pause (market owner).
    Unpause,
    /// Set a fixed price (test markets created with allow_fixed_price).
    SetPrice(admin::SetPriceArgs),
    /// Mint test tokens (the wallet must be the mint authority).
    MintTo(admin::MintToArgs),
}

/// Runs one parsed command line (with --print-unsigned, reports the transactions it built).
pub fn run(cli: &Cli) -> Result<report::Report> {
    let ctx = context::Context::new(cli)?;
    let report = dispatch(&ctx, cli)?;
    if ctx.client.print_unsigned {
        return Ok(report::unsigned(&ctx.client.unsigned.borrow()));
    }
    Ok(report)
}

fn dispatch(ctx: &context::Context, cli: &Cli) -> Result<report::Report> {
    match &cli.command {
        Command::Market(c) => market::run(ctx, c),
        Command::Obligation(c) => position::run(ctx, c),
        Command::Deposit(a) => actions::deposit(ctx, a),
        Command::Withdraw(a) => actions::withdraw(ctx, a),
        Command::Borrow(a) => actions::borrow(ctx, a),
        Command::Repay(a) => actions::repay(ctx, a),
        Command::Emode(a) => emode::set(ctx, a),
        Command::Liquidate(a) => liquidate::run(ctx, a),
        Command::Fund(c) => fund::run(ctx, c),
        Command::FlashLoan(a) => actions::flash_loan(ctx, a),
        Command::OracleConfig(a) => admin::oracle_config(ctx, a),
        Command::Guardian(a) => admin::guardian(ctx, a),
        Command::RiskAdmin(a) => change::risk_admin(ctx, a),
        Command::Change(c) => change::run(ctx, c),
        Command::Pause(a) => admin::pause(ctx, a),
        Command::Unpause => admin::unpause(ctx),
        Command::SetPrice(a) => admin::set_price(ctx, a),
        Command::MintTo(a) => admin::mint_to(ctx, a),
    }
}
