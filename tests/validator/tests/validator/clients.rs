//! The CLI, the SDK's off-chain math and the liquidator bot against the validator. The CLI
//! runs in-process (`lending_cli::run`, the binary's own entry point) and the bot on a thread
//! (`liquidator::Bot`, the binary's own loop); both use the blocking RPC client, so each runs
//! on its own OS thread, outside the suite's async runtime.

use super::bot_market::BotMarket;
use super::env::TestEnv;
use super::env::{Env, SPL_TOKEN};
use lending_sdk::health::obligation_health;
use lending_sdk::ix::{self, pda};
use lending_sdk::lending_core::ops::Clock;
use lending_sdk::lending_core::state::{Obligation, Reserve};
use lending_sdk::market::MarketState;
use lending_sdk::rpc;
use lending_test_suite::rng::Rng;
use serde_json::Value;
use solana_keypair::{write_keypair_file, Keypair};
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SOL: u64 = 1_000_000_000;
const USD: u64 = 1_000_000;

/// A scratch directory holding a copy of migrations/localnet.toml (so keys made for it are
/// this run's own) and wallet files.
pub(crate) struct Scratch {
    pub(crate) dir: PathBuf,
}

impl Scratch {
    pub(crate) fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "lending-clients-{tag}-{}-{}",
            std::process::id(),
            rand_seed()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let root = lending_validator_tests::validator::repo_root();
        std::fs::copy(
            root.join("migrations/localnet.toml"),
            dir.join("market.toml"),
        )
        .unwrap();
        Self { dir }
    }

    pub(crate) fn config(&self) -> PathBuf {
        self.dir.join("market.toml")
    }

    pub(crate) fn wallet_file(&self, name: &str, kp: &Keypair) -> PathBuf {
        let p = self.dir.join(format!("{name}.json"));
        write_keypair_file(kp, &p).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn rand_seed() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// Runs the CLI with `--json` on its own thread; the parsed report, or the error text.
pub(crate) fn cli(url: &str, wallet: &Path, config: &Path, args: &[&str]) -> Result<Value, String> {
    let mut argv = vec![
        "lending-cli".to_string(),
        "--json".into(),
        "--url".into(),
        url.into(),
        "--keypair".into(),
        wallet.display().to_string(),
        "--config".into(),
        config.display().to_string(),
    ];
    argv.extend(args.iter().map(|s| s.to_string()));
    std::thread::spawn(move || {
        use clap::Parser;
        let cli = lending_cli::Cli::try_parse_from(&argv).map_err(|e| e.to_string())?;
        lending_cli::run(&cli)
            .map(|r| r.json)
            .map_err(|e| format!("{e:#}"))
    })
    .join()
    .expect("cli thread")
}

/// Runs blocking SDK code on its own thread.
pub(crate) fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f).join().expect("blocking thread")
}

fn rpc_client(url: &str) -> RpcClient {
    RpcClient::new_with_commitment(url.to_string(), rpc::CommitmentConfig::confirmed())
}

pub(crate) fn market_state(url: &str, market: Pubkey) -> MarketState {
    let url = url.to_string();
    blocking(move || rpc::market_state(&rpc_client(&url), &market).expect("market state"))
}

pub(crate) fn key(v: &Value, path: &[&str]) -> Pubkey {
    let mut x = v;
    for p in path {
        x = match p.parse::<usize>() {
            Ok(i) => &x[i],
            Err(_) => &x[*p],
        };
    }
    x.as_str()
        .unwrap_or_else(|| panic!("{path:?} in {v}"))
        .parse()
        .unwrap()
}

/// Creates the localnet market from a scratch copy of its config, with `env`'s payer as owner.
pub(crate) async fn create_market(env: &mut Env, s: &Scratch) -> (PathBuf, Value) {
    let owner = s.wallet_file("owner", &env.payer());
    let url = env.rpc.url();
    let out = cli(&url, &owner, &s.config(), &["market", "create"]).expect("market create");
    (owner, out)
}

pub async fn migration_creates_the_market_then_changes_nothing(env: &mut Env) {
    let s = Scratch::new("migrate");
    let (owner, first) = create_market(env, &s).await;
    let url = env.rpc.url();
    assert_eq!(first["status"], "created");
    // 1 market + for each of 3 reserves: mint, price account, reserve + 1 e-mode group + the
    // USDC insurance fund.
    assert_eq!(first["created"], 12, "{first}");
    assert_eq!(first["emode_groups"][0]["status"], "created", "{first}");
    assert_eq!(first["insurance_funds"][0]["status"], "created", "{first}");
    let again = cli(&url, &owner, &s.config(), &["market", "create"]).unwrap();
    assert_eq!(again["created"], 0, "a re-run creates nothing: {again}");
    assert_eq!(again["status"], "exists");
    for r in again["reserves"].as_array().unwrap() {
        assert_eq!(r["status"], "exists");
    }
    assert_eq!(again["emode_groups"][0]["status"], "exists", "{again}");
    assert_eq!(again["insurance_funds"][0]["status"], "exists", "{again}");
    // A changed setting is brought in line, and only that.
    let text = std::fs::read_to_string(s.config()).unwrap();
    let changed = text.replacen("ltv_bps = 7500", "ltv_bps = 7000", 1);
    assert_ne!(text, changed);
    std::fs::write(s.config(), changed).unwrap();
    let third = cli(&url, &owner, &s.config(), &["market", "create"]).unwrap();
    assert_eq!(third["created"], 0);
    let statuses: Vec<&str> = third["reserves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["updated", "exists", "exists"]);
    let sol_reserve = key(&third, &["reserves", "0", "reserve"]);
    let r: Reserve = env.zc(&sol_reserve).await;
    assert_eq!(r.config.ltv_bps, 7000);
    // market show reads it back: three reserves, each holding its seed deposit.
    let shown = cli(&url, &owner, &s.config(), &["market", "show"]).unwrap();
    let reserves = shown["reserves"].as_array().unwrap();
    assert_eq!(reserves.len(), 3);
    let seeds: Vec<f64> = reserves
        .iter()
        .map(|r| r["supplied"].as_f64().unwrap())
        .collect();
    let mut sorted = seeds.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(sorted, [1.0, 100.0, 100.0], "{shown}");
}

/// A funded wallet file holding `tokens` of each listed asset (minted by the owner).
pub(crate) async fn user_with(
    env: &mut Env,
    s: &Scratch,
    owner: &Path,
    name: &str,
    tokens: &[(&str, &str)],
) -> (Keypair, PathBuf) {
    let kp = env.wallet(2).await;
    let file = s.wallet_file(name, &kp);
    let url = env.rpc.url();
    for (asset, amount) in tokens {
        mint_to(
            &url,
            owner,
            &s.config(),
            asset,
            amount,
            &kp.pubkey().to_string(),
        );
    }
    (kp, file)
}

pub async fn cli_wallet_flow_with_readable_errors(env: &mut Env) {
    let s = Scratch::new("cli");
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let market = key(&created, &["market"]);
    let sol_mint = key(&created, &["reserves", "0", "mint"]);
    let usdc_mint = key(&created, &["reserves", "1", "mint"]);
    // A lender supplies USDC; a borrower brings SOL.
    cli(
        &url,
        &owner,
        &cfg,
        &["mint-to", "--asset", "USDC", "--amount", "100000"],
    )
    .unwrap();
    cli(
        &url,
        &owner,
        &cfg,
        &["deposit", "--asset", "USDC", "--amount", "50000"],
    )
    .unwrap();
    let (user, wallet) = user_with(env, &s, &owner, "user", &[("SOL", "10")]).await;
    let run = |args: &[&str]| cli(&url, &wallet, &cfg, args);
    let sol_ata = ix::token::ata(&user.pubkey(), &sol_mint, &SPL_TOKEN);
    let usdc_ata = ix::token::ata(&user.pubkey(), &usdc_mint, &SPL_TOKEN);

    let out = run(&["deposit", "--asset", "SOL", "--amount", "10"]).unwrap();
    assert_eq!(out["amount"], 10 * SOL);
    assert_eq!(env.balance(&sol_ata).await, 0);
    run(&["borrow", "--asset", "USDC", "--amount", "500"]).unwrap();
    assert_eq!(env.balance(&usdc_ata).await, 500 * USD);

    // The health table matches the account: $1,500 of SOL, 500 USDC plus the 0.1% fee.
    let shown = run(&["obligation", "show"]).unwrap();
    let ob_key = pda::obligation(&market, &user.pubkey(), 0);
    assert_eq!(key(&shown, &["obligation"]), ob_key);
    assert!(
        (shown["deposited_value"].as_f64().unwrap() - 1_500.0).abs() < 1e-6,
        "{shown}"
    );
    let debt = shown["borrowed_value"].as_f64().unwrap();
    assert!((500.5..500.6).contains(&debt), "{shown}");
    // SOL liquidates below debt / (10 SOL × 80%).
    let liq = shown["deposits"][0]["liquidation_price"].as_f64().unwrap();
    assert!(
        (liq - debt / 8.0).abs() < 0.01,
        "liquidation price {liq}, debt {debt}"
    );
    assert_eq!(shown["liquidatable"], false);

    // Refusals name the program's error, never a bare code.
    let e = run(&["borrow", "--asset", "USDC", "--amount", "5000"]).unwrap_err();
    assert!(
        e.contains("BorrowTooLarge") && e.contains("borrow limit"),
        "{e}"
    );
    let e = run(&["deposit", "--asset", "SOL", "--amount", "1"]).unwrap_err();
    assert!(e.contains("insufficient funds"), "{e}");
    let e = run(&["deposit", "--asset", "DOGE", "--amount", "1"]).unwrap_err();
    assert!(
        e.contains("unknown asset 'DOGE'") && e.contains("SOL, USDC, PYUSD"),
        "{e}"
    );
    let e = run(&["borrow", "--asset", "USDC", "--amount", "0.0000001"]).unwrap_err();
    assert!(e.contains("more than the token's 6 decimals"), "{e}");
    let e = run(&["withdraw", "--asset", "SOL", "--amount", "10"]).unwrap_err();
    assert!(e.contains("WithdrawTooLarge"), "{e}");

    // A flash loan round trip costs exactly the fee (9 bps of 100 USDC).
    let before = env.balance(&usdc_ata).await;
    let out = run(&["flash-loan", "--asset", "USDC", "--amount", "100"]).unwrap();
    assert_eq!(out["fee"], 90_000);
    assert_eq!(env.balance(&usdc_ata).await, before - 90_000);

    // #18: the owner names the borrower's wallet guardian; the guardian pauses borrows for an
    // hour but cannot unpause; repayments go on; the owner unpauses.
    let owner_run = |args: &[&str]| cli(&url, &owner, &cfg, args);
    let out = owner_run(&["guardian", &user.pubkey().to_string()]).unwrap();
    assert_eq!(out["guardian"], user.pubkey().to_string());
    let out = run(&["pause", "borrows", "--for", "1h"]).unwrap();
    assert_eq!(out["duration_secs"], 3_600);
    let e = run(&["borrow", "--asset", "USDC", "--amount", "1"]).unwrap_err();
    assert!(e.contains("BorrowsPaused"), "{e}");
    let e = run(&["unpause"]).unwrap_err();
    assert!(e.contains("NotMarketOwner"), "{e}");
    let e = run(&["pause", "everything"]).unwrap_err();
    assert!(e.contains("use all or borrows"), "{e}");
    run(&["repay", "--asset", "USDC", "--amount", "1"]).unwrap();
    owner_run(&["unpause"]).unwrap();
    run(&["borrow", "--asset", "USDC", "--amount", "1"]).unwrap();
    // The owner widens SOL's confidence limit (the binding stays: no price is cleared); a
    // stranger cannot.
    let out = owner_run(&["oracle-config", "--asset", "SOL", "--max-conf-bps", "300"]).unwrap();
    assert_eq!(
        (out["max_conf_bps"].as_u64(), out["price_cleared"].as_bool()),
        (Some(300), Some(false))
    );
    let e = run(&["oracle-config", "--asset", "SOL", "--max-conf-bps", "300"]).unwrap_err();
    assert!(e.contains("NotMarketOwner"), "{e}");
    let e = owner_run(&["oracle-config", "--asset", "SOL", "--feed-id", "12"]).unwrap_err();
    assert!(e.contains("64 hex digits"), "{e}");

    // Repay everything (the wallet tops up the interest and fees), then withdraw everything.
    mint_to(&url, &owner, &cfg, "USDC", "5", &user.pubkey().to_string());
    run(&["repay", "--asset", "USDC", "--amount", "max"]).unwrap();
    let ob: Obligation = env.zc(&ob_key).await;
    assert_eq!(ob.borrows().len(), 0, "repay max leaves no debt");
    run(&["withdraw", "--asset", "SOL", "--amount", "max"]).unwrap();
    assert_eq!(env.balance(&sol_ata).await, 10 * SOL);
    let ob: Obligation = env.zc(&ob_key).await;
    assert_eq!(ob.deposits().len(), 0);
}

/// The owner mints `amount` of `asset` to wallet `to`.
pub(crate) fn mint_to(url: &str, owner: &Path, cfg: &Path, asset: &str, amount: &str, to: &str) {
    cli(
        url,
        owner,
        cfg,
        &["mint-to", "--asset", asset, "--amount", amount, "--to", to],
    )
    .unwrap_or_else(|e| panic!("mint {amount} {asset} to {to}: {e}"));
}

/// The owner mints twice `amount` USDC and supplies `amount` to the market (lender liquidity).
pub(crate) fn supply_usdc(url: &str, owner: &Path, cfg: &Path, amount: &str) {
    supply(url, owner, cfg, "USDC", amount);
}

/// The owner mints twice `amount` whole tokens of `asset` and supplies `amount` to its
/// reserve, so there is liquidity to borrow.
fn supply(url: &str, owner: &Path, cfg: &Path, asset: &str, amount: &str) {
    let minted = (amount.parse::<u64>().unwrap() * 2).to_string();
    cli(
        url,
        owner,
        cfg,
        &["mint-to", "--asset", asset, "--amount", &minted],
    )
    .unwrap();
    cli(
        url,
        owner,
        cfg,
        &["deposit", "--asset", asset, "--amount", amount],
    )
    .unwrap();
}

pub async fn sdk_health_equals_the_cached_health_after_refresh(env: &mut Env) {
    let s = Scratch::new("health");
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let market = key(&created, &["market"]);
    supply_usdc(&url, &owner, &cfg, "500000");
    supply(&url, &owner, &cfg, "SOL", "2000");
    let seed = rand_seed() as u64 | 1;
    println!("    positions seed {seed}");
    let mut rng = Rng(seed);
    for i in 0..6 {
        let sol = 1 + rng.below(40);
        // Users 1 and 4 borrow SOL against PYUSD only: debt whose 1.25x borrow factor
        // (migrations/localnet.toml) the off-chain health must weigh as the program does.
        // Users 2 and 5 borrow USDC against PYUSD in e-mode group 1 (90% / 93%, debt at 1x).
        let borrows_sol = i % 3 == 1;
        let in_group = i % 3 == 2;
        let pyusd = if borrows_sol || in_group {
            100 + rng.below(5_000)
        } else {
            rng.below(3) * (100 + rng.below(5_000))
        };
        let (user, wallet) = user_with(
            env,
            &s,
            &owner,
            &format!("u{i}"),
            &[
                ("SOL", &sol.to_string()),
                ("PYUSD", &pyusd.max(1).to_string()),
            ],
        )
        .await;
        let run = |args: &[&str]| cli(&url, &wallet, &cfg, args);
        if !borrows_sol && !in_group {
            run(&["deposit", "--asset", "SOL", "--amount", &sol.to_string()]).unwrap();
        }
        if pyusd > 0 {
            run(&[
                "deposit",
                "--asset",
                "PYUSD",
                "--amount",
                &pyusd.to_string(),
            ])
            .unwrap();
        }
        // Borrow a random share (up to 70%) of the borrow limit: USDC in cents, or SOL (at
        // $150, weighing 1.25x) in micro-SOL.
        let share = rng.below(70) as f64 / 100.0;
        if borrows_sol {
            let micro_sol = (pyusd as f64 * 0.70 * share / 1.25 / 150.0 * 1e6) as u64;
            if micro_sol > 0 {
                let amount = format!("{}.{:06}", micro_sol / 1_000_000, micro_sol % 1_000_000);
                println!("    user {i}: borrows {amount} SOL against {pyusd} PYUSD");
                run(&["borrow", "--asset", "SOL", "--amount", &amount]).unwrap();
            }
        } else {
            let limit = if in_group {
                run(&["emode", "--group", "1"]).unwrap();
                pyusd as f64 * 0.90
            } else {
                sol as f64 * 150.0 * 0.75 + pyusd as f64 * 0.70
            };
            let cents = (limit * 100.0 * share) as u64;
            if cents > 0 {
                let amount = format!("{}.{:02}", cents / 100, cents % 100);
                println!("    user {i}: borrows {amount} USDC");
                run(&["borrow", "--asset", "USDC", "--amount", &amount]).unwrap();
            }
        }
        // Refresh on chain, then recompute off chain from the reserves that refresh used.
        let ob_key = pda::obligation(&market, &user.pubkey(), 0);
        let ms = market_state(&url, market);
        let ob: Obligation = env.zc(&ob_key).await;
        let refresh = ms.refresh_obligation(ob_key, &ob, &[]);
        env.send(&refresh, &[]).await.unwrap();
        let ms = market_state(&url, market);
        let ob: Obligation = env.zc(&ob_key).await;
        // At the refresh's own clock, when every reserve it read was fresh.
        let at = Clock {
            slot: ob.last_update.slot,
            unix_timestamp: ob.last_update.unix_timestamp,
        };
        let h = obligation_health(&ob, &ms.reserves, &ms.groups, &at).unwrap();
        assert_eq!(ob.emode_group, in_group as u8, "user {i}: group");
        assert_eq!(h.health, ob.health(), "user {i}: totals");
        for (d, v) in ob.deposits().iter().zip(&h.deposits) {
            assert_eq!(d.values(), *v, "user {i}: collateral {}", d.reserve);
        }
        for (b, v) in ob.borrows().iter().zip(&h.borrows) {
            assert_eq!(b.market_value.get(), *v, "user {i}: debt {}", b.reserve);
        }
    }
}

pub async fn bot_liquidates_fifty_obligations_after_one_price_move(env: &mut Env) {
    const BORROWERS: usize = 50;
    let bm = BotMarket::open(env, "bot", BORROWERS, "500000").await;
    let (url, owner, cfg, market) = (bm.url.clone(), &bm.owner, &bm.cfg, bm.market);

    // The liquidator holds USDC to repay with and runs the bot (websocket + rescans).
    let liq = env.wallet(2).await;
    mint_to(&url, owner, cfg, "USDC", "20000", &liq.pubkey().to_string());
    let stats = Arc::new(liquidator::Stats::default());
    let stop = Arc::new(AtomicBool::new(false));
    let bot = {
        let (stats, stop, url) = (stats.clone(), stop.clone(), url.clone());
        let liq = liq.insecure_clone();
        std::thread::spawn(move || {
            let cfg = liquidator::BotConfig::new(&url, market);
            let mut bot = liquidator::Bot::new(cfg, liq, stats).expect("bot starts");
            bot.run(stop, Duration::from_secs(5)).expect("bot runs")
        })
    };
    // Give it a moment to scan: nothing is unhealthy yet, so nothing may be sent.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        stats.snapshot().sent,
        0,
        "the bot acted on healthy obligations"
    );

    // One price move: SOL $150 → $135 puts every $110 debt over its $108 line.
    let moved = Instant::now();
    cli(
        &url,
        owner,
        cfg,
        &["set-price", "--asset", "SOL", "--price", "135"],
    )
    .unwrap();
    let deadline = Duration::from_secs(240);
    let mut shown = Instant::now();
    while stats.snapshot().landed < BORROWERS as u64 && moved.elapsed() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        if shown.elapsed() > Duration::from_secs(10) {
            let s = stats.snapshot();
            println!(
                "    ... {:.0}s: landed {}, failed {}",
                moved.elapsed().as_secs_f64(),
                s.landed,
                s.failed
            );
            shown = Instant::now();
        }
    }
    let took = moved.elapsed();
    // Let it run a little longer: it must not touch anything else.
    std::thread::sleep(Duration::from_secs(2));
    stop.store(true, Ordering::Relaxed);
    let stopping = Instant::now();
    while !bot.is_finished() {
        assert!(
            stopping.elapsed() < Duration::from_secs(20),
            "the bot did not stop within 20 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let s = bot.join().expect("bot thread");
    println!(
        "    bot: {BORROWERS} obligations liquidated {:.1}s after the price move \
         (sent {}, landed {}, failed {}, websocket updates {}, rescans {})",
        took.as_secs_f64(),
        s.sent,
        s.landed,
        s.failed,
        s.ws_updates,
        s.rescans
    );
    bm.assert_outcome(env, &s).await;
}

/// Signs and sends every `(instructions, signers)` transaction concurrently (payer pays),
/// each with a compute budget from the measured figures; panics on the first failure.
pub(crate) fn send_all(
    url: &str,
    payer: &Keypair,
    txs: Vec<(Vec<solana_instruction::Instruction>, Vec<Keypair>)>,
) {
    let url = url.to_string();
    let payer = payer.insecure_clone();
    blocking(move || {
        let rpc = Arc::new(rpc_client(&url));
        let handles: Vec<_> = txs
            .into_iter()
            .map(|(ixs, signers)| {
                let rpc = rpc.clone();
                let payer = payer.insecure_clone();
                std::thread::spawn(move || {
                    let extra: Vec<&dyn Signer> =
                        signers.iter().map(|k| k as &dyn Signer).collect();
                    rpc::send(&rpc, &ixs, &payer, &extra)
                        .map_err(|e| format!("{e}\n{}", e.logs.join("\n")))
                })
            })
            .collect();
        for h in handles {
            if let Err(e) = h.join().expect("sender") {
                panic!("transaction failed: {e}");
            }
        }
    });
}
