//! `liquidate`: repays part of an unhealthy obligation's debt for its collateral plus a bonus,
//! choosing the most profitable pair with the program's own sizing unless told.

use crate::context::Context;
use crate::report::Report;
use anyhow::{anyhow, bail, Result};
use clap::Args;
use lending_sdk::health::{obligation_health, wad_f64};
use lending_sdk::liquidate::{best_choice, liquidation_tx};
use lending_sdk::units::{format_amount, parse_amount};
use serde_json::json;
use solana_pubkey::Pubkey;
use std::collections::HashMap;
use std::str::FromStr;

/// `liquidate`.
#[derive(Args)]
pub struct LiquidateArgs {
    /// The obligation to liquidate.
    #[arg(long)]
    pub obligation: String,
    /// Only repay this debt asset (symbol or mint).
    #[arg(long)]
    pub repay_asset: Option<String>,
    /// Only seize this collateral asset (symbol or mint).
    #[arg(long)]
    pub collateral_asset: Option<String>,
    /// Most debt tokens to repay (default: the wallet's whole balance of the debt asset).
    #[arg(long)]
    pub max_repay: Option<String>,
    /// Accepted shortfall of the received amount against the plan, in basis points.
    #[arg(long, default_value_t = 100)]
    pub slippage_bps: u16,
    /// Receive the collateral asset itself rather than deposit shares.
    #[arg(long)]
    pub receive_liquidity: bool,
}

/// Runs `liquidate`.
pub fn run(ctx: &Context, a: &LiquidateArgs) -> Result<Report> {
    let c = &ctx.client;
    let key = Pubkey::from_str(&a.obligation)
        .map_err(|_| anyhow!("--obligation {} is not an address", a.obligation))?;
    let ob = c
        .obligation(&key)?
        .ok_or_else(|| anyhow!("obligation {key} does not exist"))?;
    let ms = c.market_now(&ob.market)?;
    let h = obligation_health(&ob, &ms.reserves, &ms.groups, &ms.clock)?;
    if !h.health.is_liquidatable() {
        bail!(
            "obligation {key} is healthy (weighted debt ${:.2} within liquidation line ${:.2}): nothing to do",
            wad_f64(h.health.borrowed_weighted),
            wad_f64(h.health.liquidation_line)
        );
    }
    let only_repay = a.repay_asset.as_deref().map(|s| ctx.mint(s)).transpose()?;
    let only_coll = a
        .collateral_asset
        .as_deref()
        .map(|s| ctx.mint(s))
        .transpose()?;
    // What the wallet may repay of each debt reserve.
    let mut limits = HashMap::new();
    for b in ob.borrows() {
        let r = &ms.reserves[&b.reserve];
        if only_repay.is_some_and(|m| m != r.liquidity_mint) {
            continue;
        }
        let k = ms.reserve_keys(&b.reserve).expect("fetched");
        let max = match &a.max_repay {
            Some(s) => parse_amount(s, r.decimals)?,
            None => c.wallet_tokens(&k)?.1,
        };
        limits.insert(b.reserve, max);
    }
    let coll_mint = |ch: &lending_sdk::health::LiquidationChoice| {
        ms.reserves[&ch.collateral_reserve].liquidity_mint
    };
    let ch = best_choice(
        &ob,
        &h,
        &ms,
        |r| limits.get(r).copied().unwrap_or(0),
        |ch| only_coll.is_none_or(|m| coll_mint(ch) == m),
    )?
    .ok_or_else(|| {
        anyhow!(
            "no liquidation possible: the wallet holds none of the obligation's debt assets \
             (or none that match --repay-asset/--collateral-asset)"
        )
    })?;
    let tx = liquidation_tx(
        &ms,
        key,
        &ob,
        &ch,
        c.wallet(),
        a.receive_liquidity,
        a.slippage_bps,
    )?;
    let sig = c.send("liquidate", &tx.ixs, &[])?;
    let rk = ms.reserve_keys(&ch.repay_reserve).expect("fetched");
    let ck = ms.reserve_keys(&ch.collateral_reserve).expect("fetched");
    let (rs, cs) = (ctx.symbol(&rk.mint), ctx.symbol(&ck.mint));
    Ok(Report {
        text: format!(
            "liquidated {key}: repaid {} {rs}, received {} {} (bonus {} bps, expected profit ${:.2}): {sig}\n",
            format_amount(ch.plan.repay_amount, rk.decimals),
            format_amount(tx.planned_receive, ck.decimals),
            if a.receive_liquidity { cs.clone() } else { format!("{cs} shares") },
            ch.plan.bonus_bps,
            ch.profit() as f64 / 1e18,
        ),
        json: json!({
            "obligation": key.to_string(),
            "repay_asset": rs, "repay_amount": ch.plan.repay_amount,
            "collateral_asset": cs, "received": tx.planned_receive, "min_receive": tx.min_receive,
            "receive_liquidity": a.receive_liquidity,
            "bonus_bps": ch.plan.bonus_bps,
            "expected_profit": ch.profit() as f64 / 1e18,
            "signature": sig.to_string(),
        }),
    })
}
