//! `market create` (idempotent, from a config file) and `market show`.

use crate::client::{load_keypair, Client};
use crate::config::{MarketFile, OracleKind, ReserveSection};
use crate::context::Context;
use crate::report::{pct, table, usd, Report};
use anyhow::{anyhow, bail, Context as _, Result};
use clap::Subcommand;
use lending_core::ops::reserve::validate_reserve_config;
use lending_core::ops::timelock::{reserve_change_path, ChangePath};
use lending_core::risk::fixed::{Rounding, WAD};
use lending_core::state::market::PAUSE_ALL;
use lending_core::state::{LendingMarket, Reserve};
use lending_sdk::health::wad_f64;
use lending_sdk::ix::{self, ReserveKeys};
use lending_sdk::market::{refresh_price, MarketState};
use lending_sdk::rpc;
use serde_json::{json, Value};
use solana_keypair::{write_keypair_file, Keypair};
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// `market ...`.
#[derive(Subcommand)]
pub enum MarketCmd {
    /// Create the market and reserves of a config file; re-running creates only what is
    /// missing and updates reserve settings that differ from the file.
    Create {
        /// The market config file (TOML), e.g. migrations/localnet.toml.
        #[arg(long = "file", short = 'f')]
        file: Option<PathBuf>,
    },
    /// Show the market: settings, and each reserve's supply, debt, utilisation and rates.
    Show,
}

/// Runs a `market` command.
pub fn run(ctx: &Context, cmd: &MarketCmd) -> Result<Report> {
    match cmd {
        MarketCmd::Create { file } => {
            let owned;
            let f = match (file, &ctx.file) {
                (Some(p), _) => {
                    owned = MarketFile::load(p)?;
                    &owned
                }
                (None, Some(f)) => f,
                (None, None) => {
                    bail!("market create needs a config file: --file FILE or --config FILE")
                }
            };
            create(&ctx.client, f)
        }
        MarketCmd::Show => show(ctx),
    }
}

/// Loads a keypair file, or generates and writes one when it does not exist.
fn load_or_create_keypair(path: &Path) -> Result<(Keypair, bool)> {
    if path.exists() {
        return Ok((load_keypair(path)?, false));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let k = Keypair::new();
    write_keypair_file(&k, path)
        .map_err(|e| anyhow!("cannot write keypair {}: {e}", path.display()))?;
    Ok((k, true))
}

/// The mint named by a reserve section (the keypair file's address for created mints).
pub fn mint_of(f: &MarketFile, r: &ReserveSection) -> Result<Pubkey> {
    match (&r.mint, &r.mint_keypair) {
        (Some(m), _) => Pubkey::from_str(m)
            .map_err(|_| anyhow!("reserve {}: mint {m} is not an address", r.symbol)),
        (None, Some(p)) => Ok(load_keypair(&f.path(p))?.pubkey()),
        (None, None) => bail!("reserve {}: no mint", r.symbol),
    }
}

/// Prints one progress line to stderr.
fn progress(what: &str, key: &Pubkey, status: &str) {
    eprintln!("  {what:<22} {key}  {status}");
}

fn create(c: &Client, f: &MarketFile) -> Result<Report> {
    let owner = c.wallet();
    eprintln!("market config {} (owner {owner})", f.dir.display());
    let (market_kp, _) = load_or_create_keypair(&f.path(&f.market.keypair))?;
    let market = market_kp.pubkey();
    let mut created = 0usize;
    let market_status = match rpc::account::<LendingMarket>(&c.rpc, &market) {
        Ok(m) => {
            if m.owner != owner {
                bail!(
                    "market {market} exists but is owned by {}, not this wallet ({owner})",
                    m.owner
                );
            }
            "exists"
        }
        Err(rpc::FetchError::Missing(_)) => {
            c.send(
                "init_market",
                &[ix::init_market(owner, market, f.init_params()?)],
                &[&market_kp],
            )?;
            created += 1;
            "created"
        }
        Err(e) => bail!("{market} is not a lending market: {e}"),
    };
    progress("market", &market, market_status);

    let mut reserves = Vec::new();
    let mut listed = Vec::new();
    for r in &f.reserves {
        let (keys, status) = create_reserve(c, f, market, r, &mut created)
            .with_context(|| format!("reserve {}", r.symbol))?;
        listed.push((r.symbol.clone(), keys));
        reserves.push(json!({
            "symbol": r.symbol,
            "mint": keys.mint.to_string(),
            "reserve": keys.reserve.to_string(),
            "oracle": keys.oracle.to_string(),
            "token_program": keys.token_program.to_string(),
            "decimals": keys.decimals,
            "status": status,
        }));
    }
    let groups = crate::emode::create_groups(c, f, market, &listed, &mut created)?;
    let funds = crate::fund::create_funds(c, f, market, &listed, &mut created)?;
    let table = crate::lookup::ensure(c, &market).context("the market's lookup table")?;
    let text = format!(
        "market {market}: {market_status}; {} reserve(s); {} e-mode group(s); {} insurance \
         fund(s); lookup table {}; {created} account(s) created\n",
        reserves.len(),
        groups.len(),
        funds.len(),
        table["status"].as_str().unwrap_or("?"),
    );
    Ok(Report {
        text,
        json: json!({
            "market": market.to_string(),
            "owner": owner.to_string(),
            "status": market_status,
            "created": created,
            "reserves": reserves,
            "emode_groups": groups,
            "insurance_funds": funds,
            "lookup_table": table,
        }),
    })
}

/// Token program and decimals of an existing mint.
pub fn mint_info(c: &Client, mint: &Pubkey) -> Result<(Pubkey, u8)> {
    rpc::mint(&c.rpc, mint).map_err(|e| anyhow!("{mint} is not a usable mint: {e}"))
}

fn create_reserve(
    c: &Client,
    f: &MarketFile,
    market: Pubkey,
    r: &ReserveSection,
    created: &mut usize,
) -> Result<(ReserveKeys, &'static str)> {
    let owner = c.wallet();
    // The mint: an existing one, or a test mint made from its keypair file.
    let mut we_mint = false;
    let mint = if let Some(p) = &r.mint_keypair {
        let (kp, _) = load_or_create_keypair(&f.path(p))?;
        if !c.exists(&kp.pubkey())? {
            let tp = r.token_program.id();
            let rent = c.rpc.get_minimum_balance_for_rent_exemption(82)?;
            let decimals = r.decimals.unwrap_or_default();
            c.send(
                "create mint",
                &ix::token::create_mint(owner, kp.pubkey(), rent, decimals, tp),
                &[&kp],
            )?;
            *created += 1;
            progress(&format!("{} mint", r.symbol), &kp.pubkey(), "created");
        }
        we_mint = true;
        kp.pubkey()
    } else {
        mint_of(f, r)?
    };
    let (token_program, decimals) = mint_info(c, &mint)?;
    let k = ReserveKeys::derive(market, mint, token_program, decimals);

    // The price account.
    let oracle_params = r.oracle_params()?;
    if !c.exists(&k.oracle)? {
        let mut ixs = vec![ix::init_oracle_price(owner, market, mint, oracle_params)];
        if r.oracle.kind == OracleKind::Fixed {
            let conf = r.fixed_conf(oracle_params.fixed_expo)?;
            if conf > 0 {
                ixs.push(ix::set_fixed_price(
                    owner,
                    market,
                    k.oracle,
                    oracle_params.fixed_price,
                    oracle_params.fixed_expo,
                    conf,
                ));
            }
        }
        c.send("init_oracle_price", &ixs, &[])?;
        *created += 1;
        progress(&format!("{} oracle", r.symbol), &k.oracle, "created");
    }

    // The reserve, seeded from the owner's tokens.
    let config = r.config_params(decimals)?;
    let wanted = lending_sdk::program::reserve_config(&config)
        .ok_or_else(|| anyhow!("invalid config for {}: too many curve points", r.symbol))?;
    validate_reserve_config(&wanted)
        .map_err(|e| anyhow!("invalid config for {}: {}", r.symbol, e.message()))?;
    let status = match rpc::account::<Reserve>(&c.rpc, &k.reserve) {
        Ok(existing) => {
            // A running ramp holds the threshold on its way to the configured one.
            let mut configured = existing.config;
            configured.liquidation_threshold_bps = existing.threshold_target();
            let m: LendingMarket = rpc::account(&c.rpc, &market)?;
            if configured == wanted {
                "exists"
            } else if m.timelock_delay_secs == 0
                || reserve_change_path(&existing, &wanted) == ChangePath::Instant
            {
                // The program settles interest at the old settings itself (even for a
                // reserve whose refresh fails), so no refresh goes first.
                let ixs = [ix::update_reserve_config(owner, &k, config)];
                c.send("update_reserve_config", &ixs, &[])?;
                "updated"
            } else {
                // A loosening waits for the market's delay: queue it; anyone applies it later
                // (`lending-cli change apply`).
                let id = m.changes_queued;
                let change = lending_sdk::types::AdminChange::ReserveConfig(config);
                let ixs = [ix::queue_change(
                    owner, owner, market, k.reserve, id, change,
                )];
                c.send("queue_change", &ixs, &[])?;
                "change queued"
            }
        }
        Err(rpc::FetchError::Missing(_)) => {
            let seed = r.seed_deposit.units(decimals)?;
            let (ata, have) = c.wallet_tokens(&k)?;
            let mut ixs = vec![ix::token::create_ata(&owner, &owner, &mint, &token_program)];
            if have < seed {
                if !we_mint {
                    bail!(
                        "the seed deposit needs {} tokens of {mint} in {ata}; the wallet holds {have}",
                        seed
                    );
                }
                ixs.push(ix::token::mint_to(
                    owner,
                    mint,
                    ata,
                    seed - have,
                    token_program,
                ));
            }
            let o = rpc::account(&c.rpc, &k.oracle)?;
            ixs.extend(refresh_price(k.oracle, &o));
            ixs.push(ix::init_reserve(owner, &k, ata, config, seed));
            c.send("init_reserve", &ixs, &[])?;
            *created += 1;
            "created"
        }
        Err(e) => bail!("{} is not a reserve: {e}", k.reserve),
    };
    progress(&format!("{} reserve", r.symbol), &k.reserve, status);
    Ok((k, status))
}

/// Supply and debt figures of one reserve, for display.
pub struct ReserveFigures {
    /// Tokens owned by depositors (cash + debt − fees).
    pub supplied: f64,
    /// Tokens owed by borrowers.
    pub borrowed: f64,
    /// Borrowed / (cash + debt).
    pub utilization: f64,
    /// Borrow APY (the APR compounded every second).
    pub borrow_apy: f64,
    /// Supply APY: borrow APR × utilisation × (1 − protocol take − fund cut), compounded.
    pub supply_apy: f64,
    /// Spot price.
    pub price: f64,
}

/// Computes [`ReserveFigures`] with the program's pool math.
pub fn figures(r: &Reserve) -> Result<ReserveFigures> {
    let pool = r.pool();
    let scale = 10f64.powi(r.decimals as i32);
    let m = |e| anyhow!("reserve math: {e:?}");
    let util_wad = pool.utilization().map_err(m)?;
    let util = wad_f64(util_wad);
    // The curve at the current utilisation: the cached `borrow_apr` is only updated by a
    // refresh that accrues interest, so it lags a borrow or repay made in the same second.
    let apr = wad_f64(r.config.curve.apr_wad(util_wad).map_err(m)?);
    // What depositors keep: the interest less the protocol's and the insurance fund's cuts.
    let take = (r.config.protocol_take_rate_bps + r.fund_interest_cut_bps) as f64 / 10_000.0;
    Ok(ReserveFigures {
        supplied: wad_f64(pool.total_liquidity().map_err(m)?) / scale,
        borrowed: wad_f64(pool.total_debt(Rounding::Up).map_err(m)?) / scale,
        utilization: util,
        borrow_apy: apr.exp_m1(),
        supply_apy: (apr * util * (1.0 - take)).exp_m1(),
        price: r.price.get() as f64 / WAD as f64,
    })
}

fn show(ctx: &Context) -> Result<Report> {
    let ms: MarketState = ctx.client.market_now(&ctx.market_key()?)?;
    let now = rpc::clock(&ctx.client.rpc)?.1;
    let m = &ms.market;
    let quote = String::from_utf8_lossy(&m.quote_currency)
        .trim_end_matches('\0')
        .to_string();
    let paused = match m.active_pause_flags(now) {
        0 => "not paused".to_string(),
        f => {
            let what = if f & PAUSE_ALL != 0 {
                "paused"
            } else {
                "borrows paused"
            };
            if m.pause_expires_at == 0 {
                format!("{what} until the owner lifts it")
            } else {
                format!("{what} for {} s more", m.pause_expires_at - now)
            }
        }
    };
    let guardian = if m.guardian == Pubkey::default() {
        "none".to_string()
    } else {
        m.guardian.to_string()
    };
    let risk_admin = if m.risk_admin == Pubkey::default() {
        "none".to_string()
    } else {
        m.risk_admin.to_string()
    };
    let mut text = format!(
        "market {}\n  owner {}, risk admin {risk_admin}, guardian {guardian}\n  timelock: delay {} s, ramp {} s\n  quote {quote}, close factor {}, {paused}, fixed prices {}\n\n",
        ms.key,
        m.owner,
        m.timelock_delay_secs,
        m.ramp_secs,
        pct(m.close_factor_bps as f64 / 10_000.0),
        if m.allow_fixed_price != 0 { "allowed" } else { "not allowed" },
    );
    let mut rows = Vec::new();
    let mut list: Vec<Value> = Vec::new();
    for (key, r) in ms.sorted_reserves() {
        let fig = figures(r)?;
        let age = ms
            .oracles
            .get(&r.oracle)
            .map(|o| now.saturating_sub(o.publish_time));
        let sym = ctx.symbol(&r.liquidity_mint);
        let cap = |v: u64| {
            if v == 0 {
                "none".to_string()
            } else {
                lending_sdk::units::format_amount(v, r.decimals)
            }
        };
        rows.push(vec![
            sym.clone(),
            format!("{:.4}", fig.price),
            age.map(|a| format!("{a}s")).unwrap_or("?".into()),
            format!("{:.4}", fig.supplied),
            format!("{:.4}", fig.borrowed),
            pct(fig.utilization),
            pct(fig.supply_apy),
            pct(fig.borrow_apy),
            format!(
                "{}/{}",
                pct(r.config.ltv_bps as f64 / 1e4),
                pct(r.config.liquidation_threshold_bps as f64 / 1e4)
            ),
            format!("{:.2}x", r.config.borrow_factor_bps as f64 / 1e4),
            format!("{}/{}", cap(r.config.deposit_cap), cap(r.config.borrow_cap)),
        ]);
        list.push(json!({
            "reserve": key.to_string(),
            "symbol": sym,
            "mint": r.liquidity_mint.to_string(),
            "decimals": r.decimals,
            "price": fig.price,
            "price_age_secs": age,
            "supplied": fig.supplied,
            "borrowed": fig.borrowed,
            "supplied_value": usd(fig.supplied * fig.price),
            "utilization": fig.utilization,
            "supply_apy": fig.supply_apy,
            "borrow_apy": fig.borrow_apy,
            "ltv_bps": r.config.ltv_bps,
            "liquidation_threshold_bps": r.config.liquidation_threshold_bps,
            "borrow_factor_bps": r.config.borrow_factor_bps,
            "deposit_cap": r.config.deposit_cap,
            "borrow_cap": r.config.borrow_cap,
            "status": r.config.status,
        }));
    }
    text.push_str(&table(
        &[
            "asset",
            "price",
            "age",
            "supplied",
            "borrowed",
            "util",
            "supply APY",
            "borrow APY",
            "LTV/liq",
            "borrow factor",
            "caps (dep/borrow)",
        ],
        &rows,
    ));
    let (groups_text, groups) = crate::emode::show(ctx, &ms)?;
    text.push_str(&groups_text);
    let (changes_text, pending, ramps) = scheduled(ctx, &ms, now)?;
    text.push_str(&changes_text);
    let (table_text, lookup_table) = crate::lookup::describe(&ctx.client, &ms);
    text.push_str(&table_text);
    Ok(Report {
        text,
        json: json!({
            "market": ms.key.to_string(),
            "owner": m.owner.to_string(),
            "quote_currency": quote,
            "close_factor_bps": m.close_factor_bps,
            "pause_flags": m.active_pause_flags(now),
            "pause_expires_at": m.pause_expires_at,
            "guardian": guardian,
            "risk_admin": risk_admin,
            "timelock_delay_secs": m.timelock_delay_secs,
            "ramp_secs": m.ramp_secs,
            "reserves": list,
            "emode_groups": groups,
            "pending_changes": pending,
            "ramps": ramps,
            "lookup_table": lookup_table,
        }),
    })
}

/// The market's queued changes and running ramps, as text and JSON, with when each lands.
fn scheduled(ctx: &Context, ms: &MarketState, now: i64) -> Result<(String, Value, Value)> {
    let queued = rpc::pending_changes(&ctx.client.rpc, &ms.key)?;
    let ramps = lending_sdk::timelock::running_ramps(ms, now);
    let mut text = String::new();
    if !queued.is_empty() {
        text.push_str("\npending changes\n");
    }
    let mut pending = vec![];
    for q in &queued {
        let c = &q.change;
        let when = q.when(now);
        let what = lending_sdk::timelock::describe(&c.change);
        text.push_str(&format!(
            "  #{} {what}\n     on {}; {when}\n",
            c.id, c.target
        ));
        pending.push(json!({
            "id": c.id,
            "account": q.key.to_string(),
            "target": c.target.to_string(),
            "change": what,
            "effective_at": c.effective_at,
            "expires_at": c.expires_at,
        }));
    }
    if !ramps.is_empty() {
        text.push_str("\nramps\n");
    }
    let mut ramp_list = vec![];
    for r in &ramps {
        text.push_str(&format!(
            "  {}: {} now, {} → {} by {} ({} s left)\n",
            r.what,
            pct(r.now_bps as f64 / 1e4),
            pct(r.span.from_bps as f64 / 1e4),
            pct(r.span.to_bps as f64 / 1e4),
            r.span.end,
            r.span.end - now
        ));
        ramp_list.push(json!({
            "account": r.account.to_string(),
            "what": r.what,
            "from_bps": r.span.from_bps,
            "to_bps": r.span.to_bps,
            "now_bps": r.now_bps,
            "start": r.span.start,
            "end": r.span.end,
        }));
    }
    Ok((text, json!(pending), json!(ramp_list)))
}
