//! The wallet web app (`app/`) end to end in a real headless Chromium against this validator:
//! the market comes from the migration (`lending-cli market create`, as `scripts/migrate`
//! runs it), the user is a funded keypair that the app's test-only Wallet Standard wallet
//! signs with, and `app/tests/e2e.mjs` (playwright-core) drives the page. What the page shows
//! for the open position is compared here with the Rust SDK's figures
//! (`lending-cli obligation show` / `market show`): the app's TypeScript display math and the
//! program's own math must agree.

use super::clients::{blocking, cli, create_market, key, supply_usdc, user_with, Scratch};
use super::env::{Env, TestEnv};
use lending_validator_tests::validator::repo_root;
use serde_json::{json, Value};
use solana_signer::Signer;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The browser run may take this long before it is killed.
const DEADLINE: Duration = Duration::from_secs(300);

pub async fn web_app_end_to_end_in_chromium(env: &mut Env) {
    let app = repo_root().join("app");
    assert!(
        app.join("dist-e2e/index.html").exists(),
        "app/dist-e2e is missing: `./scripts/app build-e2e` (run by ./scripts/test) builds it"
    );
    assert!(
        app.join("node_modules/playwright-core").exists(),
        "app/node_modules is missing: `./scripts/npm-deps app` installs it"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium}: `./scripts/setup-tools chromium` installs Debian's"
    );

    let s = Scratch::new("app");
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    supply_usdc(&url, &owner, &cfg, "50000");
    let (_user, wallet) = user_with(
        env,
        &s,
        &owner,
        "app-user",
        &[("SOL", "10"), ("USDC", "100")],
    )
    .await;
    let tokens: serde_json::Map<String, Value> = created["reserves"]
        .as_array()
        .expect("reserves")
        .iter()
        .map(|r| (r["mint"].as_str().unwrap().to_string(), r["symbol"].clone()))
        .collect();
    let market = key(&created, &["market"]).to_string();
    // A queued change (the migration's fund rules, as they are) for the page to list.
    let owner_kp = env.payer();
    let market_key = key(&created, &["market"]);
    let rules = lending_sdk::types::FundSettingsParams {
        cooldown_secs: 5,
        unstake_window_secs: 3_600,
        stream_secs: 3_600,
        max_slash_bps: 3_000,
    };
    let o = owner_kp.pubkey();
    env.ok(
        &[lending_sdk::ix::queue_change(
            o,
            o,
            market_key,
            market_key,
            0,
            lending_sdk::types::AdminChange::FundSettings(rules),
        )],
        &[&owner_kp],
    )
    .await;
    let run = Run {
        app,
        chromium,
        url,
        market,
        tokens: Value::Object(tokens).to_string(),
        wallet,
        cfg,
    };
    blocking(move || run.browse());
}

/// One browser run and what it needs.
struct Run {
    app: PathBuf,
    chromium: String,
    url: String,
    market: String,
    tokens: String,
    wallet: PathBuf,
    cfg: PathBuf,
}

impl Run {
    /// Runs `node tests/e2e.mjs`, echoing its progress, answering its cross-check requests,
    /// and killing it at the deadline.
    fn browse(&self) {
        let mut child = Command::new("node")
            .arg("tests/e2e.mjs")
            .current_dir(&self.app)
            .env("LENDING_RPC_URL", &self.url)
            .env("LENDING_MARKET", &self.market)
            .env("LENDING_WALLET", &self.wallet)
            .env("LENDING_TOKENS", &self.tokens)
            .env("LENDING_CROSSCHECK", "1")
            .env("CHROMIUM", &self.chromium)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node (Node.js 20) must be on PATH");
        let pid = child.id() as i32;
        let finished = Arc::new(AtomicBool::new(false));
        let watchdog = {
            let finished = finished.clone();
            std::thread::spawn(move || {
                let step = Duration::from_millis(200);
                let mut waited = Duration::ZERO;
                while waited < DEADLINE {
                    if finished.load(Ordering::SeqCst) {
                        return false;
                    }
                    std::thread::sleep(step);
                    waited += step;
                }
                // SAFETY: plain kill(2) of our own child process.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                true
            })
        };
        let mut stdin = child.stdin.take().unwrap();
        let mut failures = Vec::new();
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.expect("node output");
            let Some(req) = line.strip_prefix("@@check ") else {
                eprintln!("{line}");
                continue;
            };
            let req: Value = serde_json::from_str(req).expect("check request");
            let verdict = match req["what"].as_str() {
                Some("fund") => self.cross_check_fund(&req["shown"]),
                _ => self.cross_check(&req["shown"]),
            };
            if let Err(why) = &verdict {
                failures.push(why.clone());
            }
            let reply = verdict.map_or_else(|e| format!("fail {e}"), |_| "ok".into());
            writeln!(stdin, "{reply}").expect("answer node");
        }
        let status = child.wait().expect("node exit");
        finished.store(true, Ordering::SeqCst);
        let killed = watchdog.join().unwrap();
        assert!(!killed, "the browser run passed its {DEADLINE:?} deadline");
        assert!(failures.is_empty(), "page vs Rust SDK: {failures:?}");
        assert!(
            status.success(),
            "the browser test failed ({status}); screenshots in app/test-results/"
        );
    }

    /// Compares the page's USDC insurance fund (size, absorbed, the wallet's stake, in token
    /// units) with `lending-cli fund show`'s.
    fn cross_check_fund(&self, shown: &Value) -> Result<(), String> {
        let out = cli(
            &self.url,
            &self.wallet,
            &self.cfg,
            &["fund", "show", "--asset", "USDC"],
        )?;
        let f = &out["funds"][0];
        let mut bad = Vec::new();
        for (what, field, sdk) in [
            ("fund size", "assets", &f["assets"]),
            ("fund absorbed", "absorbed", &f["absorbed"]),
            ("wallet's stake", "stake", &f["wallet_value"]),
        ] {
            let page = shown[field].as_str().and_then(|v| v.parse::<u64>().ok());
            let ok = page.is_some() && page == sdk.as_u64();
            eprintln!(
                "  cross-check {what}: page {page:?} / Rust SDK {sdk} {}",
                if ok { "ok" } else { "MISMATCH" }
            );
            if !ok {
                bad.push(format!("{what}: page {page:?} vs SDK {sdk}"));
            }
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad.join("; "))
        }
    }

    /// Compares the page's figures for the open position with `lending-cli`'s (the SDK's).
    fn cross_check(&self, shown: &Value) -> Result<(), String> {
        let ob = cli(&self.url, &self.wallet, &self.cfg, &["obligation", "show"])?;
        let ms = cli(&self.url, &self.wallet, &self.cfg, &["market", "show"])?;
        let usdc = ms["reserves"]
            .as_array()
            .and_then(|v| v.iter().find(|r| r["symbol"] == "USDC"))
            .ok_or("no USDC reserve in market show")?;
        let owed = ob["borrows"][0]["owed"]
            .as_u64()
            .ok_or("no debt in obligation show")?;
        let sdk = json!({ "ob": ob, "usdc": usdc, "owed": owed });
        // (what, the page's field, where the SDK's figure is, relative tolerance): values move
        // by a hair of interest between the page's load and these reads.
        let pairs = [
            ("collateral value", "deposited", "/ob/deposited_value", 1e-9),
            ("debt value", "borrowed", "/ob/borrowed_value", 1e-6),
            (
                "weighted debt",
                "borrowedWeighted",
                "/ob/borrowed_weighted_value",
                1e-6,
            ),
            ("borrow limit", "borrowLimit", "/ob/borrow_limit", 1e-9),
            (
                "liquidation line",
                "liquidationLine",
                "/ob/liquidation_line",
                1e-9,
            ),
            ("health factor", "factor", "/ob/health_factor", 1e-6),
            (
                "SOL liquidation price",
                "liquidationPrice",
                "/ob/deposits/0/liquidation_price",
                1e-6,
            ),
            ("USDC owed", "owed", "/owed", 1e-6),
            ("USDC supply APY", "supplyApy", "/usdc/supply_apy", 1e-3),
            ("USDC borrow APY", "borrowApy", "/usdc/borrow_apy", 1e-3),
        ];
        let mut bad = Vec::new();
        // Token amounts travel as decimal strings (they are bigints on the page).
        let number = |v: &Value| v.as_f64().or_else(|| v.as_str()?.parse().ok());
        for (what, field, pointer, rel) in pairs {
            let page = number(&shown[field]).ok_or_else(|| format!("page {field} missing"))?;
            let sdk = sdk
                .pointer(pointer)
                .and_then(number)
                .ok_or_else(|| format!("SDK {pointer} missing"))?;
            let ok = (page - sdk).abs() <= rel * page.abs().max(sdk.abs()).max(1e-12);
            eprintln!(
                "  cross-check {what}: page {page} / Rust SDK {sdk} {}",
                if ok { "ok" } else { "MISMATCH" }
            );
            if !ok {
                bad.push(format!("{what}: page {page} vs SDK {sdk}"));
            }
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad.join("; "))
        }
    }
}
