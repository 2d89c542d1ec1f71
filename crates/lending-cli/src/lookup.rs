//! The market's address lookup table: created and extended by `market create` (the migration)
//! until it holds every address of `lending_sdk::lookup::market_addresses`, recorded in the
//! market with `set_lookup_table`, and described by `market show`.

use crate::client::Client;
use anyhow::{bail, Context as _, Result};
use lending_sdk::ix;
use lending_sdk::lookup::{self, EXTEND_CHUNK, MAX_ADDRESSES};
use lending_sdk::market::MarketState;
use lending_sdk::rpc;
use serde_json::{json, Value};
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use std::time::{Duration, Instant};

/// How long to wait for the last extension to become usable (the slot after it).
const WARM_UP: Duration = Duration::from_secs(30);

/// Brings the market's table up to date: reuses the recorded table when this wallet can extend
/// it (or it already holds everything), otherwise creates one; appends the missing addresses;
/// records it in the market; waits until every address is usable. Idempotent.
pub fn ensure(c: &Client, market: &Pubkey) -> Result<Value> {
    if c.print_unsigned {
        eprintln!(
            "  lookup table           skipped with --print-unsigned (run `market create` from \
             a wallet, or create a table and record it with set_lookup_table)"
        );
        return Ok(json!({ "status": "skipped" }));
    }
    let ms = c.market(market)?;
    let wanted = lookup::market_addresses(&ms);
    if wanted.len() > MAX_ADDRESSES {
        bail!(
            "the market's transactions name {} shared addresses, more than one lookup table \
             holds ({MAX_ADDRESSES}): split the reserves into two markets",
            wanted.len()
        );
    }
    let wallet = c.payer.pubkey();
    let recorded = ms.market.lookup_table;
    let current = (recorded != Pubkey::default())
        .then(|| rpc::lookup_table(&c.rpc, &recorded).ok())
        .flatten()
        .filter(|t| {
            let extendable = t.authority == Some(wallet);
            t.active && (extendable || lookup::missing(&wanted, &t.addresses).is_empty())
        });
    let (key, held, mut status) = match current {
        Some(t) => (recorded, t.addresses, "exists"),
        None => {
            // The lookup table program takes a slot of the recent slot hashes: a finalized one
            // is an ancestor of the bank that simulates and runs the transaction (a confirmed
            // one may be that bank itself, whose own hash is not in the list yet).
            let slot = c
                .rpc
                .get_slot_with_commitment(rpc::CommitmentConfig::finalized())
                .context("reading the slot for a new table")?;
            let (create, key) = rpc::create_table(wallet, wallet, slot);
            c.send("create_lookup_table", &[create], &[])?;
            (key, vec![], "created")
        }
    };
    let add = lookup::missing(&wanted, &held);
    if held.len() + add.len() > MAX_ADDRESSES {
        bail!(
            "lookup table {key} holds {} addresses and needs {} more, past its {MAX_ADDRESSES}",
            held.len(),
            add.len()
        );
    }
    for chunk in add.chunks(EXTEND_CHUNK) {
        c.send(
            "extend_lookup_table",
            &[rpc::extend_table(key, wallet, wallet, chunk.to_vec())],
            &[],
        )?;
    }
    if !add.is_empty() && status == "exists" {
        status = "extended";
    }
    if recorded != key {
        let set = ix::set_lookup_table(c.wallet(), *market, key);
        c.send("set_lookup_table", &[set], &[])?;
    }
    wait_usable(c, &key)?;
    eprintln!(
        "  {:<22} {key}  {status} ({} addresses, {} added)",
        "lookup table",
        held.len() + add.len(),
        add.len()
    );
    Ok(json!({
        "address": key.to_string(),
        "status": status,
        "addresses": held.len() + add.len(),
        "added": add.len(),
    }))
}

/// Waits until a transaction may use every address of `key` (the slot after its last
/// extension), so that the next v0 transaction finds them all.
fn wait_usable(c: &Client, key: &Pubkey) -> Result<()> {
    let start = Instant::now();
    loop {
        let t = rpc::lookup_table(&c.rpc, key)?;
        if t.usable.addresses.len() == t.addresses.len() {
            return Ok(());
        }
        if start.elapsed() > WARM_UP {
            bail!("lookup table {key}: its last addresses are still not usable after {WARM_UP:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// One line on the market's table for `market show`, and its JSON.
pub fn describe(c: &Client, ms: &MarketState) -> (String, Value) {
    let key = ms.market.lookup_table;
    if key == Pubkey::default() {
        return (
            "  lookup table: none (`market create` makes one; large transactions stay legacy)\n"
                .into(),
            Value::Null,
        );
    }
    match rpc::lookup_table(&c.rpc, &key) {
        Ok(t) => {
            let missing = lookup::missing(&lookup::market_addresses(ms), &t.addresses).len();
            let state = if t.active { "active" } else { "deactivated" };
            (
                format!(
                    "  lookup table: {key} ({state}, {} addresses, {missing} of the market's missing)\n",
                    t.addresses.len()
                ),
                json!({
                    "address": key.to_string(),
                    "active": t.active,
                    "addresses": t.addresses.len(),
                    "missing": missing,
                }),
            )
        }
        Err(e) => (
            format!("  lookup table: {key} (unreadable: {e})\n"),
            json!({ "address": key.to_string(), "error": e.to_string() }),
        ),
    }
}
