//! Owner and guardian commands (rebind an oracle, name the guardian, pause and unpause) and
//! test-market helpers (set a fixed price, mint test tokens).

use crate::config::{parse_feed_id, Decimal};
use crate::context::Context;
use crate::report::Report;
use anyhow::{anyhow, bail, Result};
use clap::Args;
use lending_core::constants::MAX_GUARDIAN_PAUSE_SECS;
use lending_core::state::market::{PAUSE_ALL, PAUSE_BORROWS};
use lending_core::state::{OraclePrice, OracleSource};
use lending_sdk::ix;
use lending_sdk::market::refresh_price;
use lending_sdk::rpc;
use lending_sdk::types::{MarketConfigParams, OracleConfigParams};
use lending_sdk::units::{format_amount, parse_amount};
use serde_json::json;
use solana_pubkey::Pubkey;
use std::str::FromStr;

/// `set-price`.
#[derive(Args)]
pub struct SetPriceArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// The new price, in quote per whole token (e.g. 97.5).
    #[arg(long)]
    pub price: String,
    /// Its confidence interval, same scale.
    #[arg(long, default_value = "0")]
    pub conf: String,
}

/// `mint-to`.
#[derive(Args)]
pub struct MintToArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// Whole tokens.
    #[arg(long)]
    pub amount: String,
    /// Recipient wallet (default: this wallet); its associated account is created if needed.
    #[arg(long)]
    pub to: Option<String>,
}

/// Sets a fixed price and refreshes the reserve so it applies at once.
pub fn set_price(ctx: &Context, a: &SetPriceArgs) -> Result<Report> {
    let ms = ctx.market()?;
    let mint = ctx.mint(&a.asset)?;
    let k = crate::client::reserve_for(&ms, &mint)?;
    let (price, expo) = Decimal(a.price.clone()).mantissa_expo()?;
    if price == 0 {
        bail!("the price must be greater than zero");
    }
    let conf = Decimal(a.conf.clone())
        .units((-expo).max(0) as u8)
        .map_err(|e| {
            anyhow!(
                "--conf {}: {e:#} (use no more decimals than the price)",
                a.conf
            )
        })?;
    let c = &ctx.client;
    let mut ixs = vec![ix::set_fixed_price(
        c.wallet(),
        ms.key,
        k.oracle,
        price,
        expo,
        conf,
    )];
    let o = rpc::account(&c.rpc, &k.oracle)?;
    ixs.extend(refresh_price(k.oracle, &o));
    ixs.push(ix::refresh_reserve(&k));
    let sig = c.send("set price", &ixs, &[])?;
    let sym = ctx.symbol(&mint);
    Ok(Report {
        text: format!("{sym} price set to {} (conf {}): {sig}\n", a.price, a.conf),
        json: json!({"asset": sym, "price": a.price, "conf": a.conf, "signature": sig.to_string()}),
    })
}

/// Mints test tokens to a wallet's associated token account.
pub fn mint_to(ctx: &Context, a: &MintToArgs) -> Result<Report> {
    let c = &ctx.client;
    let mint = ctx.mint(&a.asset)?;
    let (token_program, decimals) = crate::market::mint_info(c, &mint)?;
    let to = match &a.to {
        Some(t) => Pubkey::from_str(t).map_err(|_| anyhow!("--to {t} is not an address"))?,
        None => c.wallet(),
    };
    let units = parse_amount(&a.amount, decimals)?;
    let ata = ix::token::ata(&to, &mint, &token_program);
    let ixs = [
        ix::token::create_ata(&c.wallet(), &to, &mint, &token_program),
        ix::token::mint_to(c.wallet(), mint, ata, units, token_program),
    ];
    let sig = c.send("mint", &ixs, &[])?;
    let sym = ctx.symbol(&mint);
    Ok(Report {
        text: format!(
            "minted {} {sym} to {to}: {sig}\n",
            format_amount(units, decimals)
        ),
        json: json!({"asset": sym, "amount": units, "to": to.to_string(), "account": ata.to_string(), "signature": sig.to_string()}),
    })
}

/// `oracle-config`: options left out keep their current value.
#[derive(Args)]
pub struct OracleConfigArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// New source kind: pyth-pull, pyth-legacy or fixed (markets that allow fixed prices; then
    /// set the price with set-price).
    #[arg(long)]
    pub kind: Option<String>,
    /// New source account, or "any" (pull sources: any update carrying the feed id).
    #[arg(long)]
    pub source: Option<String>,
    /// New Pyth feed id, 64 hex digits.
    #[arg(long)]
    pub feed_id: Option<String>,
    /// Oldest acceptable price, in seconds (5 to 600; 0 for a fixed price).
    #[arg(long)]
    pub max_age_secs: Option<u64>,
    /// Oldest price borrows, withdrawals and liquidations accept, in seconds (5 to 120).
    #[arg(long)]
    pub max_age_for_risk_secs: Option<u64>,
    /// Widest acceptable confidence, in basis points of the price.
    #[arg(long)]
    pub max_conf_bps: Option<u16>,
    /// EMA divergence that pauses borrows and withdrawals, in basis points.
    #[arg(long)]
    pub max_ema_deviation_bps: Option<u16>,
}

/// Rebinds an asset's price account or changes its limits (`update_oracle_config`).
pub fn oracle_config(ctx: &Context, a: &OracleConfigArgs) -> Result<Report> {
    let ms = ctx.market()?;
    let mint = ctx.mint(&a.asset)?;
    let k = crate::client::reserve_for(&ms, &mint)?;
    let c = &ctx.client;
    let o: OraclePrice = rpc::account(&c.rpc, &k.oracle)?;
    let source_kind = match a.kind.as_deref() {
        None => o.source_kind,
        Some("pyth-pull") => OracleSource::PythPull as u8,
        Some("pyth-legacy") => OracleSource::PythLegacy as u8,
        Some("fixed") => OracleSource::Fixed as u8,
        Some(other) => bail!("--kind {other}: use pyth-pull, pyth-legacy or fixed"),
    };
    let source = match a.source.as_deref() {
        None => o.source,
        Some("any") => Pubkey::default(),
        Some(s) => Pubkey::from_str(s).map_err(|_| anyhow!("--source {s} is not an address"))?,
    };
    let feed_id = match &a.feed_id {
        None => o.feed_id,
        Some(h) => parse_feed_id(h).map_err(|e| anyhow!("--feed-id: {e:#}"))?,
    };
    // Ages left out: kept, except across the fixed/Pyth boundary (a fixed price never ages;
    // a Pyth price starts at the program's defaults, 60 s and 30 s for risk).
    let fixed = OracleSource::Fixed as u8;
    let (age, risk_age) = match (o.source_kind == fixed, source_kind == fixed) {
        (_, true) => (0, 0),
        (true, false) => (60, 30),
        (false, false) => (o.max_age_secs, o.max_age_for_risk_secs),
    };
    let params = OracleConfigParams {
        source_kind,
        source,
        feed_id,
        max_age_secs: a.max_age_secs.unwrap_or(age),
        max_age_for_risk_secs: a.max_age_for_risk_secs.unwrap_or(risk_age),
        max_conf_bps: a.max_conf_bps.unwrap_or(o.max_conf_bps),
        max_ema_deviation_bps: a.max_ema_deviation_bps.unwrap_or(o.max_ema_deviation_bps),
    };
    let rebound = source_kind != o.source_kind || source != o.source || feed_id != o.feed_id;
    let ixs = [ix::update_oracle_config(
        c.wallet(),
        ms.key,
        k.oracle,
        params,
    )];
    let sig = c.send("update oracle config", &ixs, &[])?;
    let sym = ctx.symbol(&mint);
    let kind = match OracleSource::from_u8(source_kind) {
        Some(OracleSource::PythPull) => "pyth-pull",
        Some(OracleSource::PythLegacy) => "pyth-legacy",
        _ => "fixed",
    };
    let feed: String = feed_id.iter().map(|b| format!("{b:02x}")).collect();
    let mut text = format!(
        "{sym} oracle {}: {kind}, source {}, feed {feed}, max age {} s ({} s for borrows, withdrawals and liquidations), confidence <= {} bps, EMA divergence <= {} bps: {sig}\n",
        k.oracle,
        if source == Pubkey::default() { "any".to_string() } else { source.to_string() },
        params.max_age_secs,
        params.max_age_for_risk_secs,
        params.max_conf_bps,
        params.max_ema_deviation_bps,
    );
    if rebound {
        text.push_str("the stored price was cleared: the reserve is unpriced until a refresh from the new source\n");
    }
    Ok(Report {
        text,
        json: json!({
            "asset": sym,
            "oracle": k.oracle.to_string(),
            "kind": kind,
            "source": source.to_string(),
            "feed_id": feed,
            "max_age_secs": params.max_age_secs,
            "max_age_for_risk_secs": params.max_age_for_risk_secs,
            "max_conf_bps": params.max_conf_bps,
            "max_ema_deviation_bps": params.max_ema_deviation_bps,
            "price_cleared": rebound,
            "signature": sig.to_string(),
        }),
    })
}

/// `guardian`.
#[derive(Args)]
pub struct GuardianArgs {
    /// The guardian's address, or "none" to remove it.
    pub address: String,
}

/// Names the market's guardian (market owner), who may pause but never unpause.
pub fn guardian(ctx: &Context, a: &GuardianArgs) -> Result<Report> {
    let ms = ctx.market()?;
    let guardian = match a.address.as_str() {
        "none" => Pubkey::default(),
        s => Pubkey::from_str(s).map_err(|_| anyhow!("{s} is not an address (or \"none\")"))?,
    };
    let c = &ctx.client;
    let sig = c.send(
        "set guardian",
        &[ix::set_guardian(c.wallet(), ms.key, guardian)],
        &[],
    )?;
    let shown = if guardian == Pubkey::default() {
        "none".to_string()
    } else {
        guardian.to_string()
    };
    Ok(Report {
        text: format!("market {} guardian: {shown}: {sig}\n", ms.key),
        json: json!({"market": ms.key.to_string(), "guardian": shown, "signature": sig.to_string()}),
    })
}

/// `pause`.
#[derive(Args)]
pub struct PauseArgs {
    /// What to pause: "all" (everything but repayments, liquidations and collateral top-ups)
    /// or "borrows" (borrows and flash loans).
    #[arg(default_value = "all")]
    pub what: String,
    /// For how long: seconds, or a number followed by s, m, h or d (at most 7 days). Without
    /// it the pause holds until the owner lifts it (`unpause`).
    #[arg(long = "for")]
    pub duration: Option<String>,
}

/// Parses "90", "90s", "15m", "2h" or "3d" into seconds.
pub fn parse_duration(s: &str) -> Result<u64> {
    let (num, unit) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&s[..i], c),
        _ => (s, 's'),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| anyhow!("{s:?} is not a duration (e.g. 3600, 90m, 2h, 1d)"))?;
    let unit = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        other => bail!("{s:?}: unknown unit {other:?} (use s, m, h or d)"),
    };
    n.checked_mul(unit)
        .ok_or_else(|| anyhow!("{s:?} is too long"))
}

/// Pauses the market (its guardian or owner).
pub fn pause(ctx: &Context, a: &PauseArgs) -> Result<Report> {
    let ms = ctx.market()?;
    let flags = match a.what.as_str() {
        "all" => PAUSE_ALL,
        "borrows" => PAUSE_BORROWS,
        other => bail!("pause {other}: use all or borrows"),
    };
    let secs = match &a.duration {
        Some(d) => {
            let secs = parse_duration(d)?;
            if secs == 0 || secs > MAX_GUARDIAN_PAUSE_SECS {
                bail!("--for {d}: a timed pause lasts 1 second to 7 days (leave --for out to pause until the owner lifts it)");
            }
            secs
        }
        None => 0,
    };
    let c = &ctx.client;
    let sig = c.send(
        "pause",
        &[ix::pause_market(c.wallet(), ms.key, flags, secs)],
        &[],
    )?;
    let until = if secs == 0 {
        "until the owner lifts it".to_string()
    } else {
        format!("for {secs} s")
    };
    Ok(Report {
        text: format!(
            "market {} paused ({}) {until}; repayments, liquidations and collateral top-ups go on: {sig}\n",
            ms.key, a.what
        ),
        json: json!({"market": ms.key.to_string(), "paused": a.what, "duration_secs": secs, "signature": sig.to_string()}),
    })
}

/// Lifts every pause (market owner).
pub fn unpause(ctx: &Context) -> Result<Report> {
    let ms = ctx.market()?;
    let m = &ms.market;
    let params = MarketConfigParams {
        close_factor_bps: m.close_factor_bps,
        dust_threshold: m.dust_threshold.get(),
        max_liquidation_value: m.max_liquidation_value.get(),
        pause_flags: 0,
    };
    let c = &ctx.client;
    let sig = c.send(
        "unpause",
        &[ix::update_market_config(c.wallet(), ms.key, params)],
        &[],
    )?;
    Ok(Report {
        text: format!("market {} unpaused: {sig}\n", ms.key),
        json: json!({"market": ms.key.to_string(), "paused": "none", "signature": sig.to_string()}),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), 90);
        assert_eq!(parse_duration("15m").unwrap(), 900);
        assert_eq!(parse_duration("2h").unwrap(), 7_200);
        assert_eq!(parse_duration("1d").unwrap(), 86_400);
        assert!(parse_duration("2w").is_err());
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("").is_err());
    }
}
