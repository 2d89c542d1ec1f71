//! `liquidator`: runs the bot until Ctrl-C (or for a fixed time), logging every action and the
//! counters.

use anyhow::{anyhow, Result};
use clap::Parser;
use liquidator::{Bot, BotConfig, OracleMaker, Stats};
use solana_keypair::read_keypair_file;
use solana_pubkey::Pubkey;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Liquidator bot of the lending program.
#[derive(Parser)]
#[command(name = "liquidator", version, about)]
struct Args {
    /// JSON-RPC URL.
    #[arg(
        long,
        env = "ANCHOR_PROVIDER_URL",
        default_value = "http://127.0.0.1:8899"
    )]
    url: String,
    /// Websocket URL (default: from --url, port + 1). Empty: poll only.
    #[arg(long)]
    ws_url: Option<String>,
    /// Keypair file of the liquidator wallet (holds the debt assets it repays).
    #[arg(long, env = "ANCHOR_WALLET", default_value_os_t = default_wallet())]
    keypair: PathBuf,
    /// The market to watch.
    #[arg(long, env = "LENDING_MARKET")]
    market: String,
    /// Log what would be liquidated; send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Take the collateral asset rather than deposit shares.
    #[arg(long)]
    receive_liquidity: bool,
    /// Fund each repayment with a flash loan from the repay reserve, repaid by selling the
    /// seized collateral through the swap venue in the same transaction (the wallet then needs
    /// no debt asset, only SOL for fees). Needs --swap-maker-keypair.
    #[arg(long, requires = "swap_maker_keypair")]
    flash_loan: bool,
    /// Swap venue of --flash-loan: a maker wallet that co-signs each liquidation and buys the
    /// collateral at the oracle price plus --swap-spread-bps (a local validator has no DEX).
    #[arg(long)]
    swap_maker_keypair: Option<PathBuf>,
    /// The maker's spread over the oracle price, in basis points.
    #[arg(long, default_value_t = 30)]
    swap_spread_bps: u16,
    /// Accepted shortfall against the planned receipt, in basis points.
    #[arg(long, default_value_t = 100)]
    slippage_bps: u16,
    /// Smallest expected profit worth a transaction, in quote units.
    #[arg(long, default_value_t = 0.0)]
    min_profit: f64,
    /// Rescan interval while the websocket is down, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    poll_ms: u64,
    /// Stop after this many seconds (default: run until Ctrl-C).
    #[arg(long)]
    run_for_secs: Option<u64>,
    /// Log the counters every this many seconds.
    #[arg(long, default_value_t = 10)]
    report_secs: u64,
    /// Log as JSON lines.
    #[arg(long)]
    log_json: bool,
}

fn default_wallet() -> PathBuf {
    PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".config/solana/id.json")
}

#[tokio::main]
async fn main() -> Result<()> {
    let a = Args::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs go to stderr (colour only on a terminal); the final summary goes to stdout.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let fmt = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if a.log_json {
        fmt.json().init();
    } else {
        fmt.with_ansi(ansi).init();
    }
    let market = Pubkey::from_str(&a.market)
        .map_err(|_| anyhow!("--market {} is not an address", a.market))?;
    let payer = read_keypair_file(&a.keypair)
        .map_err(|e| anyhow!("cannot read keypair {}: {e}", a.keypair.display()))?;
    let mut cfg = BotConfig::new(&a.url, market);
    cfg.ws_url = a.ws_url;
    cfg.dry_run = a.dry_run;
    cfg.receive_liquidity = a.receive_liquidity;
    cfg.flash_loan = a.flash_loan;
    let maker = match &a.swap_maker_keypair {
        Some(p) => Some(
            read_keypair_file(p)
                .map_err(|e| anyhow!("cannot read --swap-maker-keypair {}: {e}", p.display()))?,
        ),
        None => None,
    };
    let spread = a.swap_spread_bps;
    cfg.slippage_bps = a.slippage_bps;
    cfg.min_profit = a.min_profit;
    cfg.poll_interval = Duration::from_millis(a.poll_ms);
    let stop = Arc::new(AtomicBool::new(false));
    let report = Duration::from_secs(a.report_secs.max(1));
    let stop2 = stop.clone();
    let worker = tokio::task::spawn_blocking(move || -> Result<_> {
        let mut bot = Bot::new(cfg, payer, Arc::new(Stats::default()))?;
        if let Some(m) = maker {
            bot.set_swap_venue(Box::new(OracleMaker::new(m, spread)))?;
        }
        bot.run(stop2, report)
    });
    let deadline = async {
        match a.run_for_secs {
            Some(s) => tokio::time::sleep(Duration::from_secs(s)).await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("Ctrl-C: stopping"),
        _ = deadline => tracing::info!("time is up: stopping"),
        _ = async {
            while !worker.is_finished() {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        } => {}
    }
    stop.store(true, Ordering::Relaxed);
    let s = worker.await.map_err(|e| anyhow!("bot thread: {e}"))??;
    println!(
        "watched {} obligations; liquidations sent {}, landed {}, failed {}",
        s.watched, s.sent, s.landed, s.failed
    );
    Ok(())
}
