//! The demo on a real local validator: starts `solana-test-validator` with the program, creates
//! the localnet market with the CLI, has a lender and three borrowers act through the CLI,
//! starts the liquidator bot, moves the SOL price, and lets the bot liquidate the borrowers
//! the move made unhealthy. Prints every step and a final summary.
//!
//! Exit code 3 means no validator could be started (scripts/demo then runs the in-process demo
//! instead). `--keep` leaves the validator running at the end (Ctrl-C stops it).

use clap::Parser;
use lending_validator_tests::validator::Validator;
use solana_keypair::{write_keypair_file, Keypair};
use solana_signer::Signer;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where the demo keeps its market config copy, keys and wallets.
fn workdir() -> PathBuf {
    let root = lending_validator_tests::validator::repo_root();
    let root = root.canonicalize().unwrap_or(root);
    let dir = root.join("target/demo");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("target/demo");
    std::fs::copy(
        root.join("migrations/localnet.toml"),
        dir.join("market.toml"),
    )
    .expect("copy migrations/localnet.toml");
    dir
}

fn step(t0: Instant, what: &str) {
    println!("\n==> [{:5.1}s] {what}", t0.elapsed().as_secs_f64());
}

/// Runs one CLI command as `wallet` and returns its report.
fn cli(
    url: &str,
    wallet: &Path,
    config: &Path,
    args: &[&str],
) -> Result<lending_cli::report::Report, String> {
    let mut argv: Vec<String> = ["lending-cli", "--url", url, "--keypair"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    argv.push(wallet.display().to_string());
    argv.push("--config".into());
    argv.push(config.display().to_string());
    argv.extend(args.iter().map(|s| s.to_string()));
    let cli = lending_cli::Cli::try_parse_from(&argv).map_err(|e| e.to_string())?;
    lending_cli::run(&cli).map_err(|e| format!("{e:#}"))
}

/// Runs a CLI command that must succeed and prints its report, indented.
fn show(url: &str, wallet: &Path, config: &Path, who: &str, args: &[&str]) {
    match cli(url, wallet, config, args) {
        Ok(r) => {
            for line in r.text.lines() {
                println!("    {line}");
            }
        }
        Err(e) => {
            eprintln!("error: {who}: lending-cli {}: {e}", args.join(" "));
            std::process::exit(1);
        }
    }
    let _ = who;
}

#[derive(Parser)]
struct Args {
    /// Leave the validator and market running at the end, until Ctrl-C (for the web app).
    #[arg(long)]
    keep: bool,
    /// With --keep: give this wallet address 10 SOL for fees and test tokens (100 SOL-token,
    /// 10,000 USDC) so it can use the market from the web app.
    #[arg(long, value_name = "ADDRESS", requires = "keep")]
    fund: Vec<String>,
}

/// Writes app/public/tokens.json (mint → symbol) so the web app names the demo's tokens.
fn write_app_tokens(url: &str, owner: &Path, config: &Path) {
    let Ok(r) = cli(url, owner, config, &["market", "show"]) else {
        return;
    };
    let map: serde_json::Map<String, serde_json::Value> = r.json["reserves"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| Some((x["mint"].as_str()?.to_string(), x["symbol"].clone())))
        .collect();
    let path = lending_validator_tests::validator::repo_root().join("app/public/tokens.json");
    if std::fs::create_dir_all(path.parent().unwrap()).is_ok()
        && std::fs::write(&path, serde_json::Value::Object(map).to_string()).is_ok()
    {
        println!("  app tokens       {}", path.display());
    }
}

fn main() {
    let args = Args::parse();
    let t0 = Instant::now();
    step(
        t0,
        "starting solana-test-validator with target/deploy/lending.so",
    );
    let validator = match Validator::start() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("cannot start a local validator: {e}");
            std::process::exit(3);
        }
    };
    let url = validator.url.clone();
    let dir = workdir();
    let config = dir.join("market.toml");
    let wallet = |name: &str, kp: &Keypair| {
        let p = dir.join(format!("{name}.json"));
        write_keypair_file(kp, &p).expect("wallet file");
        p
    };
    let owner = wallet("owner", &validator.payer);

    step(
        t0,
        "creating the market from migrations/localnet.toml (lending-cli market create)",
    );
    show(&url, &owner, &config, "owner", &["market", "create"]);
    println!("    (running it again creates nothing:)");
    show(&url, &owner, &config, "owner", &["market", "create"]);

    step(
        t0,
        "funding the users (SOL for fees from the faucet, test tokens from the owner)",
    );
    let rpc = solana_rpc_client::rpc_client::RpcClient::new_with_commitment(
        url.clone(),
        solana_commitment_config::CommitmentConfig::confirmed(),
    );
    let people = [
        "alice",
        "bob",
        "carol",
        "dave",
        "erin",
        "frank",
        "liquidator",
    ];
    let mut files = std::collections::HashMap::new();
    for name in people {
        let kp = Keypair::new();
        let sig = rpc
            .request_airdrop(&kp.pubkey(), 2_000_000_000)
            .and_then(|s| rpc.poll_for_signature(&s).map(|_| s));
        if let Err(e) = sig {
            eprintln!("error: airdrop to {name}: {e}");
            std::process::exit(1);
        }
        files.insert(name, wallet(name, &kp));
        println!("    {name:<10} {}", kp.pubkey());
    }
    let f = |n: &str| files[n].clone();
    let to = |n: &str| {
        lending_validator_tests::validator::read_keypair(&files[n])
            .unwrap()
            .pubkey()
            .to_string()
    };
    for (who, asset, amount) in [
        ("alice", "USDC", "100000"),
        ("bob", "SOL", "10"),
        ("carol", "SOL", "20"),
        ("dave", "SOL", "50"),
        ("erin", "PYUSD", "1000"),
        ("frank", "USDC", "5000"),
        ("liquidator", "USDC", "20000"),
    ] {
        show(
            &url,
            &owner,
            &config,
            "owner",
            &[
                "mint-to",
                "--asset",
                asset,
                "--amount",
                amount,
                "--to",
                &to(who),
            ],
        );
    }

    step(
        t0,
        "alice supplies 100,000 USDC; bob, carol and dave deposit SOL and borrow USDC",
    );
    show(
        &url,
        &f("alice"),
        &config,
        "alice",
        &["deposit", "--asset", "USDC", "--amount", "100000"],
    );
    for (who, sol, usdc) in [
        ("bob", "10", "1100"),
        ("carol", "20", "2150"),
        ("dave", "50", "2000"),
    ] {
        show(
            &url,
            &f(who),
            &config,
            who,
            &["deposit", "--asset", "SOL", "--amount", sol],
        );
        show(
            &url,
            &f(who),
            &config,
            who,
            &["borrow", "--asset", "USDC", "--amount", usdc],
        );
    }
    step(
        t0,
        "erin deposits 1,000 PYUSD, moves into e-mode group 1 (stables: 90% instead of 70%) and borrows 850 USDC",
    );
    show(
        &url,
        &f("erin"),
        &config,
        "erin",
        &["deposit", "--asset", "PYUSD", "--amount", "1000"],
    );
    show(
        &url,
        &f("erin"),
        &config,
        "erin",
        &["emode", "--group", "1"],
    );
    show(
        &url,
        &f("erin"),
        &config,
        "erin",
        &["borrow", "--asset", "USDC", "--amount", "850"],
    );
    show(&url, &owner, &config, "owner", &["market", "show"]);

    step(
        t0,
        "frank stakes 5,000 USDC in the USDC insurance fund, which pays bad debt before USDC depositors do",
    );
    show(
        &url,
        &f("frank"),
        &config,
        "frank",
        &["fund", "stake", "--asset", "USDC", "--amount", "5000"],
    );
    show(&url, &f("frank"), &config, "frank", &["fund", "show"]);

    step(
        t0,
        "starting the liquidator bot (websocket subscription, rescans as fallback)",
    );
    let market =
        lending_validator_tests::validator::read_keypair(&dir.join("keys/localnet-market.json"))
            .expect("market key")
            .pubkey();
    let stats = Arc::new(liquidator::Stats::default());
    let stop = Arc::new(AtomicBool::new(false));
    let bot = {
        let (stats, stop, url) = (stats.clone(), stop.clone(), url.clone());
        let kp = lending_validator_tests::validator::read_keypair(&f("liquidator")).unwrap();
        std::thread::spawn(move || {
            let cfg = liquidator::BotConfig::new(&url, market);
            liquidator::Bot::new(cfg, kp, stats)
                .and_then(|mut b| b.run(stop, Duration::from_secs(5)))
        })
    };
    std::thread::sleep(Duration::from_secs(2));
    println!(
        "    the bot watches {} obligations; none is unhealthy, nothing sent",
        stats.snapshot().watched
    );

    step(
        t0,
        "SOL falls from $150 to $120 (owner sets the fixed test price)",
    );
    show(
        &url,
        &owner,
        &config,
        "owner",
        &["set-price", "--asset", "SOL", "--price", "120"],
    );
    for who in ["bob", "carol", "dave", "erin"] {
        println!("    {who}:");
        show(&url, &f(who), &config, who, &["obligation", "show"]);
    }

    step(t0, "waiting for the bot to liquidate bob and carol");
    let moved = Instant::now();
    while stats.snapshot().landed < 2 && moved.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(200));
    }
    let took = moved.elapsed().as_secs_f64();
    std::thread::sleep(Duration::from_secs(1));
    stop.store(true, Ordering::Relaxed);
    let s = match bot.join() {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            eprintln!("error: the bot stopped: {e:#}");
            std::process::exit(1);
        }
        Err(_) => {
            eprintln!("error: the bot panicked");
            std::process::exit(1);
        }
    };

    step(t0, "after the liquidations");
    for who in ["bob", "carol", "dave"] {
        println!("    {who}:");
        show(&url, &f(who), &config, who, &["obligation", "show"]);
    }
    show(&url, &owner, &config, "owner", &["market", "show"]);
    show(&url, &f("frank"), &config, "frank", &["fund", "show"]);

    println!("\nsummary:");
    println!(
        "  validator        {url} (solana-test-validator, program {})",
        lending::ID
    );
    println!("  market           {market}");
    println!(
        "  bot              watched {}, sent {}, landed {}, failed {}; {:.1}s from the price move to the last liquidation",
        s.watched, s.sent, s.landed, s.failed, took
    );
    println!(
        "  files            {} (market config copy, keys, wallets)",
        dir.display()
    );
    let ok = s.landed >= 2;
    if args.keep {
        write_app_tokens(&url, &owner, &config);
        for address in &args.fund {
            let Ok(pk) = address.parse::<solana_pubkey::Pubkey>() else {
                eprintln!("error: --fund {address}: not a wallet address");
                std::process::exit(1);
            };
            if let Err(e) = rpc
                .request_airdrop(&pk, 10_000_000_000)
                .and_then(|s| rpc.poll_for_signature(&s))
            {
                eprintln!("error: airdrop to {address}: {e}");
                std::process::exit(1);
            }
            for (asset, amount) in [("SOL", "100"), ("USDC", "10000")] {
                let args = [
                    "mint-to", "--asset", asset, "--amount", amount, "--to", address,
                ];
                show(&url, &owner, &config, "owner", &args);
            }
            println!("  funded           {address}: 10 SOL for fees, 100 SOL-token, 10,000 USDC");
        }
        println!("\nthe validator keeps running at {url}; Ctrl-C stops it");
        println!("web app: ./scripts/app dev, then open http://127.0.0.1:5173/?cluster={url}");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    drop(validator);
    if !ok {
        eprintln!("error: the bot liquidated {} of 2 obligations", s.landed);
        std::process::exit(1);
    }
    println!("Demo finished");
}
