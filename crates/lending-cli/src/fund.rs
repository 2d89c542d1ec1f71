//! Insurance funds in the CLI: `fund show|stake|unstake|claim|cancel|collect` for stakers and
//! keepers, and the funds and rules of a market file for `market create`.

use crate::client::{reserve_for, Client};
use crate::config::MarketFile;
use crate::context::Context;
use crate::report::{pct, table, Report};
use anyhow::{anyhow, bail, Context as _, Result};
use clap::{Args, Subcommand};
use lending_core::ops::fund::FundSettings;
use lending_core::state::{InsuranceFund, LendingMarket, Reserve, UnstakeRequest};
use lending_sdk::fund::{self, figures, request_state, withdrawal_value, FundKeys, RequestState};
use lending_sdk::ix::{self, ReserveKeys};
use lending_sdk::market::MarketState;
use lending_sdk::rpc;
use lending_sdk::types::{FundCutsParams, FundSettingsParams};
use lending_sdk::units::{format_amount, parse_amount};
use serde_json::{json, Value};
use solana_pubkey::Pubkey;

/// `fund` commands.
#[derive(Subcommand)]
pub enum FundCmd {
    /// The market's insurance funds, or one asset's: size, yield, cooldown, what each has
    /// absorbed, and the wallet's stake and unstake request.
    Show(ShowArgs),
    /// Stake tokens into an asset's fund ("max": the whole balance).
    Stake(AmountArgs),
    /// Start the cooldown on fund shares worth an amount of tokens ("max": every share). They
    /// stay in the fund, and take its losses, until claimed.
    Unstake(AmountArgs),
    /// Withdraw the wallet's unstake request once its cooldown is over, within its window.
    Claim(AssetArgs),
    /// Cancel the wallet's unstake request: its shares come back.
    Cancel(AssetArgs),
    /// Move the fund's cut accrued in the reserve into the fund (anyone may).
    Collect(AssetArgs),
}

/// `fund show`.
#[derive(Args)]
pub struct ShowArgs {
    /// Only this asset's fund (a symbol from --config, or a mint address).
    #[arg(long)]
    pub asset: Option<String>,
}

/// An asset.
#[derive(Args)]
pub struct AssetArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
}

/// An asset and an amount of it.
#[derive(Args)]
pub struct AmountArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// Whole tokens (e.g. 100.5), or "max".
    #[arg(long)]
    pub amount: String,
}

/// Runs a `fund` command.
pub fn run(ctx: &Context, cmd: &FundCmd) -> Result<Report> {
    match cmd {
        FundCmd::Show(a) => show(ctx, a),
        FundCmd::Stake(a) => stake(ctx, a),
        FundCmd::Unstake(a) => unstake(ctx, a),
        FundCmd::Claim(a) => claim(ctx, a),
        FundCmd::Cancel(a) => cancel(ctx, a),
        FundCmd::Collect(a) => collect(ctx, a),
    }
}

/// An asset's fund as the commands use it.
struct Target {
    ms: MarketState,
    symbol: String,
    reserve: ReserveKeys,
    keys: FundKeys,
    fund: InsuranceFund,
    now: i64,
}

impl Target {
    fn load(ctx: &Context, asset: &str) -> Result<Self> {
        let ms = ctx.client.market_now(&ctx.market_key()?)?;
        let mint = ctx.mint(asset)?;
        let reserve = reserve_for(&ms, &mint)?;
        let symbol = ctx.symbol(&mint);
        let fund = *ms.funds.get(&reserve.reserve).ok_or_else(|| {
            anyhow!(
                "the {symbol} reserve has no insurance fund (the market owner creates one \
                 with `market create` and an insurance_fund table in the market file)"
            )
        })?;
        Ok(Self {
            now: ms.clock.unix_timestamp,
            keys: FundKeys::of(fund::fund_address(&reserve.reserve), &fund),
            ms,
            symbol,
            reserve,
            fund,
        })
    }

    fn tokens(&self, units: u64) -> String {
        format!(
            "{} {}",
            format_amount(units, self.keys.decimals),
            self.symbol
        )
    }

    fn request(&self, c: &Client) -> Result<Option<UnstakeRequest>> {
        match rpc::account(&c.rpc, &fund::request_address(&self.keys.fund, &c.wallet())) {
            Ok(r) => Ok(Some(r)),
            Err(rpc::FetchError::Missing(_)) => Ok(None),
            Err(e) => Err(anyhow!("cannot read the unstake request: {e}")),
        }
    }

    /// The wallet's share account (created by the transaction when missing).
    fn share_account(&self, c: &Client) -> (Pubkey, solana_instruction::Instruction) {
        let k = &self.keys;
        let owner = c.wallet();
        (
            ix::token::ata(&owner, &k.share_mint, &k.token_program),
            ix::token::create_ata(&owner, &owner, &k.share_mint, &k.token_program),
        )
    }
}

/// A time relative to `now`, for people: "in 6d 23h", "2h 5m ago".
fn when(t: i64, now: i64) -> String {
    let d = (t - now).unsigned_abs();
    let span = match d {
        0..=59 => format!("{d}s"),
        60..=3_599 => format!("{}m {}s", d / 60, d % 60),
        3_600..=86_399 => format!("{}h {}m", d / 3_600, d % 3_600 / 60),
        _ => format!("{}d {}h", d / 86_400, d % 86_400 / 3_600),
    };
    if t >= now {
        format!("in {span}")
    } else {
        format!("{span} ago")
    }
}

/// `fund stake`.
fn stake(ctx: &Context, a: &AmountArgs) -> Result<Report> {
    let t = Target::load(ctx, &a.asset)?;
    let c = &ctx.client;
    let (from, have) = c.wallet_tokens(&t.reserve)?;
    let units = if a.amount.eq_ignore_ascii_case("max") {
        if have == 0 {
            bail!("the wallet holds no {} in {from}", t.symbol);
        }
        have
    } else {
        let units = parse_amount(&a.amount, t.keys.decimals)?;
        c.require_tokens(&t.reserve, &t.symbol, units)?;
        units
    };
    let shares = t
        .fund
        .pool()
        .shares_for_stake(units, t.now)
        .map_err(|e| anyhow!("the fund cannot take a stake now: {e:?}"))?;
    if shares == 0 {
        bail!("{} buys less than one share: stake more", t.tokens(units));
    }
    let (to, create) = t.share_account(c);
    let ixs = [create, fund::stake(c.wallet(), &t.keys, from, to, units)];
    let sig = c.send("stake", &ixs, &[])?;
    Ok(Report {
        text: format!(
            "staked {} into the {} insurance fund for about {} shares: {sig}\n",
            t.tokens(units),
            t.symbol,
            format_amount(shares, t.keys.decimals)
        ),
        json: json!({
            "action": "stake", "asset": t.symbol, "fund": t.keys.fund.to_string(),
            "amount": units, "shares_expected": shares, "signature": sig.to_string(),
        }),
    })
}

/// `fund unstake`.
fn unstake(ctx: &Context, a: &AmountArgs) -> Result<Report> {
    let t = Target::load(ctx, &a.asset)?;
    let c = &ctx.client;
    if let Some(r) = t.request(c)? {
        bail!(
            "an unstake request of {} shares is already open ({}): claim or cancel it first",
            format_amount(r.shares, t.keys.decimals),
            describe(&request_state(&r, t.now), t.now)
        );
    }
    let (from, _) = t.share_account(c);
    let held = c.balance(&from)?;
    if held == 0 {
        bail!("the wallet holds no shares of the {} fund", t.symbol);
    }
    let pool = t.fund.pool();
    let shares = if a.amount.eq_ignore_ascii_case("max") {
        held
    } else {
        let units = parse_amount(&a.amount, t.keys.decimals)?;
        // The shares worth at least `units`, never more than the wallet holds.
        let per = pool.value_of(held, t.now).unwrap_or(0);
        if units > per {
            bail!(
                "the wallet's shares are worth {}, less than {}",
                t.tokens(per),
                t.tokens(units)
            );
        }
        ((units as u128 * held as u128).div_ceil(per.max(1) as u128) as u64).min(held)
    };
    let value = pool.value_of(shares, t.now).unwrap_or(0);
    let m: &LendingMarket = &t.ms.market;
    let opens = t.now + m.fund_cooldown_secs as i64;
    let closes = opens + m.fund_unstake_window_secs as i64;
    let ixs = [fund::request_unstake(c.wallet(), &t.keys, from, shares)];
    let sig = c.send("request_unstake", &ixs, &[])?;
    Ok(Report {
        text: format!(
            "{} shares of the {} fund (worth {}) are in cooldown: claim {} and before {} \
             (they take the fund's losses meanwhile, and earn nothing): {sig}\n",
            format_amount(shares, t.keys.decimals),
            t.symbol,
            t.tokens(value),
            when(opens, t.now),
            when(closes, t.now),
        ),
        json: json!({
            "action": "unstake", "asset": t.symbol, "fund": t.keys.fund.to_string(),
            "shares": shares, "value": value, "claimable_from": opens, "claimable_until": closes,
            "signature": sig.to_string(),
        }),
    })
}

fn describe(s: &RequestState, now: i64) -> String {
    match *s {
        RequestState::Cooling { until } => format!("in cooldown, claimable {}", when(until, now)),
        RequestState::Open { until } => format!("claimable now, until {}", when(until, now)),
        RequestState::Lapsed => "its window has closed: cancel it".to_string(),
    }
}

/// `fund claim`.
fn claim(ctx: &Context, a: &AssetArgs) -> Result<Report> {
    let t = Target::load(ctx, &a.asset)?;
    let c = &ctx.client;
    let r = t
        .request(c)?
        .ok_or_else(|| anyhow!("no unstake request is open: run `fund unstake` first"))?;
    let state = request_state(&r, t.now);
    if !matches!(state, RequestState::Open { .. }) {
        bail!("the request cannot be claimed: {}", describe(&state, t.now));
    }
    let amount = withdrawal_value(&t.fund, &r, t.now);
    let owner = c.wallet();
    let to = ix::token::ata(&owner, &t.keys.mint, &t.keys.token_program);
    let ixs = [
        ix::token::create_ata(&owner, &owner, &t.keys.mint, &t.keys.token_program),
        fund::withdraw_stake(owner, &t.keys, to),
    ];
    let sig = c.send("withdraw_stake", &ixs, &[])?;
    Ok(Report {
        text: format!(
            "claimed {} for {} shares of the {} fund: {sig}\n",
            t.tokens(amount),
            format_amount(r.shares, t.keys.decimals),
            t.symbol
        ),
        json: json!({
            "action": "claim", "asset": t.symbol, "fund": t.keys.fund.to_string(),
            "shares": r.shares, "amount": amount, "signature": sig.to_string(),
        }),
    })
}

/// `fund cancel`.
fn cancel(ctx: &Context, a: &AssetArgs) -> Result<Report> {
    let t = Target::load(ctx, &a.asset)?;
    let c = &ctx.client;
    let r = t
        .request(c)?
        .ok_or_else(|| anyhow!("no unstake request is open"))?;
    let (to, create) = t.share_account(c);
    let ixs = [create, fund::cancel_unstake(c.wallet(), &t.keys, to)];
    let sig = c.send("cancel_unstake", &ixs, &[])?;
    Ok(Report {
        text: format!(
            "cancelled the unstake of {} shares of the {} fund: {sig}\n",
            format_amount(r.shares, t.keys.decimals),
            t.symbol
        ),
        json: json!({
            "action": "cancel", "asset": t.symbol, "fund": t.keys.fund.to_string(),
            "shares": r.shares, "signature": sig.to_string(),
        }),
    })
}

/// `fund collect`.
fn collect(ctx: &Context, a: &AssetArgs) -> Result<Report> {
    let t = Target::load(ctx, &a.asset)?;
    let c = &ctx.client;
    let r: &Reserve = &t.ms.reserves[&t.reserve.reserve];
    let due = figures(&t.fund, r, t.now).uncollected;
    if due == 0 {
        bail!("the {} fund has nothing to collect yet", t.symbol);
    }
    let mut ixs = t.ms.refresh_reserves(&[t.reserve.reserve]);
    ixs.push(fund::collect_fund_fees(&t.reserve, &t.keys));
    let sig = c.send("collect_fund_fees", &ixs, &[])?;
    Ok(Report {
        text: format!(
            "collected about {} into the {} fund (it vests to stakers over {}): {sig}\n",
            t.tokens(due),
            t.symbol,
            when(t.now + t.ms.market.fund_stream_secs as i64, t.now).trim_start_matches("in ")
        ),
        json: json!({
            "action": "collect", "asset": t.symbol, "fund": t.keys.fund.to_string(),
            "amount_expected": due, "signature": sig.to_string(),
        }),
    })
}

/// `fund show`.
fn show(ctx: &Context, a: &ShowArgs) -> Result<Report> {
    let c = &ctx.client;
    let ms = c.market_now(&ctx.market_key()?)?;
    let now = ms.clock.unix_timestamp;
    let mut reserves: Vec<Pubkey> = ms.funds.keys().copied().collect();
    reserves.sort();
    if let Some(asset) = &a.asset {
        let mint = ctx.mint(asset)?;
        let k = reserve_for(&ms, &mint)?;
        if !ms.funds.contains_key(&k.reserve) {
            bail!("the {} reserve has no insurance fund", ctx.symbol(&mint));
        }
        reserves = vec![k.reserve];
    }
    let rules = FundSettings::of(&ms.market);
    let mut text = format!(
        "insurance funds: unstaking waits {} and stays claimable {} more; income vests over \
         {}; one write-off takes at most {} of a fund\n",
        span(rules.cooldown_secs),
        span(rules.unstake_window_secs),
        span(rules.stream_secs),
        pct(rules.max_slash_bps as f64 / 10_000.0),
    );
    let (mut rows, mut list) = (Vec::new(), Vec::new());
    for key in reserves {
        let (f, r) = (&ms.funds[&key], &ms.reserves[&key]);
        let (doc, row) = describe_fund(ctx, c, key, f, r, now)?;
        rows.push(row);
        list.push(doc);
    }
    if rows.is_empty() {
        text.push_str("no reserve of this market has an insurance fund\n");
    } else {
        text.push_str(&table(
            &[
                "asset",
                "size",
                "vesting",
                "share price",
                "cut (interest/liq.)",
                "yield",
                "absorbed",
                "your stake",
                "your request",
            ],
            &rows,
        ));
    }
    Ok(Report {
        text,
        json: json!({
            "market": ms.key.to_string(),
            "cooldown_secs": rules.cooldown_secs,
            "unstake_window_secs": rules.unstake_window_secs,
            "stream_secs": rules.stream_secs,
            "max_slash_bps": rules.max_slash_bps,
            "funds": list,
        }),
    })
}

/// A duration for people: "7d", "2h", "90s".
fn span(secs: u64) -> String {
    match secs {
        0 => "no time".to_string(),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3_600 == 0 => format!("{}h", s / 3_600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// One fund's row and JSON, with the wallet's stake and request.
fn describe_fund(
    ctx: &Context,
    c: &Client,
    reserve: Pubkey,
    f: &InsuranceFund,
    r: &Reserve,
    now: i64,
) -> Result<(Value, Vec<String>)> {
    let symbol = ctx.symbol(&r.liquidity_mint);
    let keys = FundKeys::of(fund::fund_address(&reserve), f);
    let fig = figures(f, r, now);
    let d = keys.decimals;
    let amount = |u: u64| format_amount(u, d);
    let wallet = c.wallet();
    let shares_account = ix::token::ata(&wallet, &keys.share_mint, &keys.token_program);
    let held = c.balance(&shares_account)?;
    let held_value = f.pool().value_of(held, now).unwrap_or(0);
    let request: Option<UnstakeRequest> =
        match rpc::account(&c.rpc, &fund::request_address(&keys.fund, &wallet)) {
            Ok(r) => Some(r),
            Err(rpc::FetchError::Missing(_)) => None,
            Err(e) => return Err(anyhow!("cannot read the unstake request: {e}")),
        };
    let request_text = match &request {
        None => "-".to_string(),
        Some(q) => format!(
            "{} ({})",
            amount(withdrawal_value(f, q, now)),
            describe(&request_state(q, now), now)
        ),
    };
    let row = vec![
        symbol.clone(),
        amount(fig.assets),
        amount(fig.vesting),
        format!("{:.6}", fig.share_price),
        format!(
            "{} / {}",
            pct(r.fund_interest_cut_bps as f64 / 10_000.0),
            pct(r.fund_liquidation_cut_bps as f64 / 10_000.0)
        ),
        pct(fig.interest_yield),
        format!("{} ({} write-offs)", amount(fig.absorbed), fig.covers),
        amount(held_value),
        request_text,
    ];
    let doc = json!({
        "asset": symbol,
        "reserve": reserve.to_string(),
        "fund": keys.fund.to_string(),
        "assets": fig.assets,
        "vested": fig.vested,
        "vesting": fig.vesting,
        "stream_end": f.stream_end,
        "shares": fig.shares,
        "cooldown_shares": fig.cooldown_shares,
        "share_price": fig.share_price,
        "interest_cut_bps": r.fund_interest_cut_bps,
        "liquidation_cut_bps": r.fund_liquidation_cut_bps,
        "uncollected": fig.uncollected,
        "interest_yield": fig.interest_yield,
        "absorbed": fig.absorbed,
        "covers": fig.covers,
        "collected": fig.collected,
        "wallet_shares": held,
        "wallet_value": held_value,
        "request": request.map(|q| json!({
            "shares": q.shares,
            "value_at_request": q.value_at_request,
            "claimable_from": q.cooldown_end,
            "claimable_until": q.window_end,
            "pays_now": withdrawal_value(f, &q, now),
        })),
    });
    Ok((doc, row))
}

/// `market create`: the market file's fund rules, then each reserve's fund (seeded from the
/// owner's tokens, minting test tokens the file's mints allow) and cuts.
pub fn create_funds(
    c: &Client,
    f: &MarketFile,
    market: Pubkey,
    reserves: &[(String, ReserveKeys)],
    created: &mut usize,
) -> Result<Vec<Value>> {
    let owner = c.wallet();
    let m: LendingMarket = rpc::account(&c.rpc, &market)?;
    if let Some(s) = &f.insurance {
        let want = s.settings();
        want.validate()
            .map_err(|e| anyhow!("[insurance]: {}", e.message()))?;
        if FundSettings::of(&m) != want {
            let params = FundSettingsParams {
                cooldown_secs: want.cooldown_secs,
                unstake_window_secs: want.unstake_window_secs,
                stream_secs: want.stream_secs,
                max_slash_bps: want.max_slash_bps,
            };
            c.send(
                "update_fund_settings",
                &[fund::update_fund_settings(owner, market, params)],
                &[],
            )?;
            eprintln!("  {:<22} {market}  updated", "fund rules");
        }
    }
    let mut out = Vec::new();
    for (section, (symbol, k)) in f.reserves.iter().zip(reserves) {
        let Some(s) = &section.insurance_fund else {
            continue;
        };
        // Test mints made by this file may be minted for the seed.
        let we_mint = section.mint_keypair.is_some();
        let what = format!("{symbol} insurance fund");
        let keys = FundKeys::derive(k);
        let cuts = FundCutsParams {
            interest_cut_bps: s.interest_cut_bps,
            liquidation_cut_bps: s.liquidation_cut_bps,
        };
        let r: Reserve = rpc::account(&c.rpc, &k.reserve)?;
        let status = if r.has_insurance_fund() {
            if (r.fund_interest_cut_bps, r.fund_liquidation_cut_bps)
                == (cuts.interest_cut_bps, cuts.liquidation_cut_bps)
            {
                "exists"
            } else {
                let ixs = [fund::update_insurance_fund(owner, &keys, cuts)];
                c.send("update_insurance_fund", &ixs, &[])?;
                "updated"
            }
        } else {
            let seed = s.seed.units(k.decimals).context("insurance_fund.seed")?;
            let (ata, have) = c.wallet_tokens(k)?;
            let mut ixs = vec![ix::token::create_ata(
                &owner,
                &owner,
                &k.mint,
                &k.token_program,
            )];
            if have < seed {
                if !we_mint {
                    bail!(
                        "{what}: the seed needs {} tokens of {} in {ata}; the wallet holds {have}",
                        seed,
                        k.mint
                    );
                }
                ixs.push(ix::token::mint_to(
                    owner,
                    k.mint,
                    ata,
                    seed - have,
                    k.token_program,
                ));
            }
            ixs.push(fund::init_insurance_fund(owner, &keys, ata, cuts, seed));
            c.send("init_insurance_fund", &ixs, &[])?;
            *created += 1;
            "created"
        };
        eprintln!("  {:<22} {}  {status}", what, keys.fund);
        out.push(json!({"asset": symbol, "fund": keys.fund.to_string(), "status": status}));
    }
    Ok(out)
}
