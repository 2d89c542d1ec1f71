//! `change`: the market's timelock queue. List the queued changes, apply one whose delay has
//! passed (anyone), cancel one (owner or guardian; anyone once expired); and `risk-admin`.

use crate::context::Context;
use crate::report::Report;
use anyhow::{anyhow, bail, Result};
use clap::{Args, Subcommand};
use lending_sdk::ix;
use lending_sdk::rpc;
use lending_sdk::timelock::{describe, Queued};
use serde_json::json;
use solana_pubkey::Pubkey;
use std::str::FromStr;

/// `change` subcommands.
#[derive(Subcommand)]
pub enum ChangeCmd {
    /// List the queued changes, with when each may be applied.
    List,
    /// Apply a queued change once its delay has passed (anyone may).
    Apply(IdArgs),
    /// Cancel a queued change (the owner or the guardian; anyone once it expired).
    Cancel(IdArgs),
}

/// A change id.
#[derive(Args)]
pub struct IdArgs {
    /// The change's id (see `change list`).
    pub id: u64,
}

/// Runs a `change` subcommand.
pub fn run(ctx: &Context, cmd: &ChangeCmd) -> Result<Report> {
    let market = ctx.market_key()?;
    let c = &ctx.client;
    let queued = rpc::pending_changes(&c.rpc, &market)?;
    let now = rpc::clock(&c.rpc)?.1;
    let find = |id: u64| -> Result<&Queued> {
        queued
            .iter()
            .find(|q| q.change.id == id)
            .ok_or_else(|| anyhow!("no queued change #{id} in market {market} (see `change list`)"))
    };
    match cmd {
        ChangeCmd::List => {
            let mut text = String::new();
            let mut list = vec![];
            for q in &queued {
                let ch = &q.change;
                let state = q.when(now);
                text.push_str(&format!(
                    "#{} {} on {}: {state}\n",
                    ch.id,
                    describe(&ch.change),
                    ch.target
                ));
                list.push(json!({
                    "id": ch.id, "target": ch.target.to_string(), "change": describe(&ch.change),
                    "effective_at": ch.effective_at, "expires_at": ch.expires_at, "state": state,
                }));
            }
            if queued.is_empty() {
                text.push_str("no queued changes\n");
            }
            Ok(Report {
                text,
                json: json!({ "market": market.to_string(), "changes": list }),
            })
        }
        ChangeCmd::Apply(a) => {
            let q = find(a.id)?;
            if !q.applicable(now) {
                bail!(
                    "change #{} may be applied from {} until {} (now {now})",
                    a.id,
                    q.change.effective_at,
                    q.change.expires_at
                );
            }
            let sig = c.send("apply_change", &[q.apply_ix()], &[])?;
            Ok(Report {
                text: format!("applied change #{}: {sig}\n", a.id),
                json: json!({ "id": a.id, "signature": sig.to_string() }),
            })
        }
        ChangeCmd::Cancel(a) => {
            let q = find(a.id)?;
            let sig = c.send("cancel_change", &[q.cancel_ix(c.wallet())], &[])?;
            Ok(Report {
                text: format!("cancelled change #{}: {sig}\n", a.id),
                json: json!({ "id": a.id, "signature": sig.to_string() }),
            })
        }
    }
}

/// `risk-admin`.
#[derive(Args)]
pub struct RiskAdminArgs {
    /// The risk admin's address, or "none" to remove it.
    pub address: String,
}

/// Names the market's risk admin (market owner), who may make tightening changes at once.
pub fn risk_admin(ctx: &Context, a: &RiskAdminArgs) -> Result<Report> {
    let market = ctx.market_key()?;
    let admin = match a.address.as_str() {
        "none" => Pubkey::default(),
        s => Pubkey::from_str(s).map_err(|_| anyhow!("{s} is not an address (or \"none\")"))?,
    };
    let c = &ctx.client;
    let sig = c.send(
        "set risk admin",
        &[ix::set_risk_admin(c.wallet(), market, admin)],
        &[],
    )?;
    Ok(Report {
        text: format!("market {market} risk admin: {admin}: {sig}\n"),
        json: json!({ "market": market.to_string(), "risk_admin": admin.to_string(), "signature": sig.to_string() }),
    })
}
