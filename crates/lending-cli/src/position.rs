//! `obligation show`: a health table of one obligation, computed off-chain by the program's
//! own pure core from the reserves projected to the cluster's clock.

use crate::context::Context;
use crate::report::{pct, table, usd, Report};
use anyhow::{anyhow, Result};
use clap::{Args, Subcommand};
use lending_core::risk::fixed::WAD;
use lending_sdk::health::{collateral_views, obligation_health, wad_f64};
use lending_sdk::ix::pda;
use serde_json::json;
use solana_pubkey::Pubkey;
use std::str::FromStr;

/// `obligation ...`.
#[derive(Subcommand)]
pub enum ObligationCmd {
    /// Each position's value, LTV and liquidation price, and the obligation's health.
    Show(WhichObligation),
}

/// Names an obligation: by address, or by owner and id in the market.
#[derive(Args, Clone)]
pub struct WhichObligation {
    /// The obligation's address.
    #[arg(long)]
    pub address: Option<String>,
    /// Its owner (default: the wallet).
    #[arg(long)]
    pub owner: Option<String>,
    /// Its id (one wallet may hold several).
    #[arg(long, default_value_t = 0)]
    pub id: u64,
}

impl WhichObligation {
    /// The obligation's address.
    pub fn key(&self, ctx: &Context) -> Result<Pubkey> {
        if let Some(a) = &self.address {
            return Pubkey::from_str(a).map_err(|_| anyhow!("--address {a} is not an address"));
        }
        let owner = match &self.owner {
            Some(o) => Pubkey::from_str(o).map_err(|_| anyhow!("--owner {o} is not an address"))?,
            None => ctx.client.wallet(),
        };
        Ok(pda::obligation(&ctx.market_key()?, &owner, self.id))
    }
}

/// Runs an `obligation` command.
pub fn run(ctx: &Context, cmd: &ObligationCmd) -> Result<Report> {
    let ObligationCmd::Show(which) = cmd;
    let key = which.key(ctx)?;
    let ob = ctx
        .client
        .obligation(&key)?
        .ok_or_else(|| anyhow!("obligation {key} does not exist (nothing deposited yet?)"))?;
    // Health as a refresh now would compute it (interest to now, current prices).
    let ms = ctx.client.market_now(&ob.market)?;
    let h = obligation_health(&ob, &ms.reserves, &ms.groups, &ms.clock)?;
    let colls = collateral_views(&ob, &h, &ms.reserves)?;
    let mut rows = Vec::new();
    let mut deposits = Vec::new();
    for ((d, v), c) in ob.deposits().iter().zip(&h.deposits).zip(&colls) {
        let r = &ms.reserves[&d.reserve];
        let sym = ctx.symbol(&r.liquidity_mint);
        rows.push(vec![
            format!("collateral {sym}"),
            format!("{:.6}", c.tokens),
            usd(c.value),
            pct(c.ltv),
            c.liquidation_price
                .map(|p| format!("{p:.4}"))
                .unwrap_or_else(|| "-".into()),
        ]);
        deposits.push(json!({
            "reserve": d.reserve.to_string(), "symbol": sym, "shares": d.shares,
            "tokens": c.tokens, "value": c.value, "ltv": c.ltv,
            "borrow_limit": wad_f64(v.borrow_limit), "liquidation_line": wad_f64(v.liquidation_line),
            "liquidation_price": c.liquidation_price,
        }));
    }
    let mut borrows = Vec::new();
    for (b, v) in ob.borrows().iter().zip(&h.borrows) {
        let r = &ms.reserves[&b.reserve];
        let sym = ctx.symbol(&r.liquidity_mint);
        let owed = r
            .pool()
            .repay_all_amount(b.debt_shares.get())
            .map_err(|e| anyhow!("debt math: {e:?}"))?;
        let tokens = owed as f64 / 10f64.powi(r.decimals as i32);
        // The factor the debt weighs in the obligation's group (1x where the group admits it).
        let factor = r.view().borrow_factor_in(h.group.as_ref());
        rows.push(vec![
            format!("debt {sym}"),
            format!("{tokens:.6}"),
            usd(wad_f64(*v)),
            format!("factor {:.2}x", factor as f64 / 1e4),
            "-".into(),
        ]);
        borrows.push(json!({
            "reserve": b.reserve.to_string(), "symbol": sym, "owed": owed, "tokens": tokens,
            "value": wad_f64(*v), "borrow_factor_bps": factor,
            "reserve_borrow_factor_bps": r.config.borrow_factor_bps,
        }));
    }
    let hh = &h.health;
    let hf = (hh.borrowed > 0).then(|| hh.health_factor() as f64 / WAD as f64);
    let cached = ob.health();
    let group = match &h.group {
        None => "none".to_string(),
        Some(g) => format!(
            "{}{} (LTV {}, liquidation threshold {}, bonus {} to {}; debt it admits weighs 1x)",
            g.id,
            if g.isolated { ", isolated" } else { "" },
            pct(g.ltv_bps as f64 / 1e4),
            pct(g.liquidation_threshold_bps as f64 / 1e4),
            pct(g.min_liquidation_bonus_bps as f64 / 1e4),
            pct(g.max_liquidation_bonus_bps as f64 / 1e4),
        ),
    };
    let mut text = format!(
        "obligation {key}\n  owner {}  market {}\n  e-mode group {group}\n\n",
        ob.owner, ob.market
    );
    text.push_str(&table(
        &[
            "position",
            "tokens",
            "value",
            "LTV / borrow factor",
            "liquidation price",
        ],
        &rows,
    ));
    text.push_str(&format!(
        "\n  collateral {}  debt {} (weighted {})  borrow limit {}  liquidation line {}\n  health factor {}  {}\n",
        usd(wad_f64(hh.deposited)),
        usd(wad_f64(hh.borrowed)),
        usd(wad_f64(hh.borrowed_weighted)),
        usd(wad_f64(hh.borrow_limit)),
        usd(wad_f64(hh.liquidation_line)),
        hf.map(|x| format!("{x:.4}")).unwrap_or_else(|| "∞ (no debt)".into()),
        if hh.is_liquidatable() {
            "LIQUIDATABLE"
        } else if hh.within_borrow_limit() {
            "healthy"
        } else {
            "over the borrow limit (no new borrows or withdrawals)"
        },
    ));
    Ok(Report {
        text,
        json: json!({
            "obligation": key.to_string(),
            "owner": ob.owner.to_string(),
            "market": ob.market.to_string(),
            "emode_group": h.group.map(|g| json!({
                "id": g.id, "isolated": g.isolated, "ltv_bps": g.ltv_bps,
                "liquidation_threshold_bps": g.liquidation_threshold_bps,
                "min_liquidation_bonus_bps": g.min_liquidation_bonus_bps,
                "max_liquidation_bonus_bps": g.max_liquidation_bonus_bps,
            })),
            "deposits": deposits,
            "borrows": borrows,
            "deposited_value": wad_f64(hh.deposited),
            "borrowed_value": wad_f64(hh.borrowed),
            "borrowed_weighted_value": wad_f64(hh.borrowed_weighted),
            "borrow_limit": wad_f64(hh.borrow_limit),
            "liquidation_line": wad_f64(hh.liquidation_line),
            "health_factor": hf,
            "liquidatable": hh.is_liquidatable(),
            "cached": {
                "deposited_value": wad_f64(cached.deposited),
                "borrowed_value": wad_f64(cached.borrowed),
                "slot": ob.last_update.slot,
            },
        }),
    })
}
