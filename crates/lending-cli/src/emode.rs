//! E-mode groups in the CLI: `emode` moves the wallet's obligation into a group (with the
//! health it would have there), `market create` creates and updates the config file's groups,
//! and `market show` lists them.

use crate::client::Client;
use crate::config::{EmodeGroupSection, MarketFile};
use crate::context::Context;
use crate::report::{pct, table, usd, Report};
use anyhow::{anyhow, bail, Context as _, Result};
use clap::Args;
use lending_core::risk::emode::{group_bit, GroupParams};
use lending_core::risk::fixed::WAD;
use lending_core::risk::health::Health;
use lending_core::state::{EmodeGroup, EmodeLimits};
use lending_sdk::health::wad_f64;
use lending_sdk::ix::{self, pda, ReserveKeys};
use lending_sdk::market::{obligation_reserves, MarketState};
use lending_sdk::preview;
use lending_sdk::rpc;
use lending_sdk::types::EmodeGroupParams;
use serde_json::{json, Value};
use solana_pubkey::Pubkey;

/// `emode`.
#[derive(Args)]
pub struct EmodeArgs {
    /// The group to move into (see `market show`); 0 leaves any group.
    #[arg(long)]
    pub group: u8,
    /// Which of the wallet's obligations (one wallet may hold several).
    #[arg(long, default_value_t = 0)]
    pub id: u64,
}

/// Health as one line: limit, line, weighted debt, health factor.
fn health_line(h: &Health) -> String {
    let hf = if h.borrowed_weighted == 0 {
        "∞".to_string()
    } else {
        format!("{:.4}", h.health_factor() as f64 / WAD as f64)
    };
    format!(
        "borrow limit {}, liquidation line {}, weighted debt {}, health factor {hf}",
        usd(wad_f64(h.borrow_limit)),
        usd(wad_f64(h.liquidation_line)),
        usd(wad_f64(h.borrowed_weighted)),
    )
}

/// Moves the wallet's obligation into group `a.group` (0: out of any), after previewing the
/// move with the program's own operation: a refusal is reported with the program's reason and
/// nothing is sent.
pub fn set(ctx: &Context, a: &EmodeArgs) -> Result<Report> {
    let c = &ctx.client;
    let market = ctx.market_key()?;
    let key = pda::obligation(&market, &c.wallet(), a.id);
    let ob = c
        .obligation(&key)?
        .ok_or_else(|| anyhow!("obligation {key} does not exist: deposit collateral first"))?;
    let ms = c.market_now(&market)?;
    if a.group != 0 && !ms.groups.contains_key(&a.group) {
        bail!("market {market} has no e-mode group {}", a.group);
    }
    let before = lending_sdk::health::obligation_health(&ob, &ms.reserves, &ms.groups, &ms.clock)?;
    let after = preview::set_emode(&ms, &ob, a.group)
        .map_err(|e| anyhow!("{} ({})", e.message(), e.name()))?;
    let mut ixs = ms.refresh_reserves(&obligation_reserves(&ob));
    ixs.push(ix::set_obligation_emode(key, &ob, a.group));
    let sig = c.send("set_obligation_emode", &ixs, &[])?;
    let text = format!(
        "moved obligation {key} from e-mode group {} to {}: {sig}\n  before: {}\n  after:  {}\n",
        ob.emode_group,
        a.group,
        health_line(&before.health),
        health_line(&after.outcome),
    );
    Ok(Report {
        text,
        json: json!({
            "obligation": key.to_string(), "from": ob.emode_group, "to": a.group,
            "borrow_limit_before": wad_f64(before.health.borrow_limit),
            "borrow_limit_after": wad_f64(after.outcome.borrow_limit),
            "liquidation_line_after": wad_f64(after.outcome.liquidation_line),
            "signature": sig.to_string(),
        }),
    })
}

/// The on-chain arguments of a config section; `reserves` are the market's by symbol.
fn params_of(
    g: &EmodeGroupSection,
    reserves: &[(String, ReserveKeys)],
) -> Result<(EmodeGroupParams, Option<Pubkey>)> {
    let debt = match &g.debt_reserve {
        None => None,
        Some(sym) => Some(
            reserves
                .iter()
                .find(|(s, _)| s.eq_ignore_ascii_case(sym))
                .map(|(_, k)| *k)
                .ok_or_else(|| anyhow!("debt_reserve {sym} is not a reserve of this file"))?,
        ),
    };
    let debt_ceiling = match debt {
        Some(k) => g.debt_ceiling.units(k.decimals).context("debt_ceiling")?,
        None if g.debt_ceiling.0 != "0" => {
            bail!("debt_ceiling needs a debt_reserve (an isolated group)")
        }
        None => 0,
    };
    let params = EmodeGroupParams {
        ltv_bps: g.ltv_bps,
        liquidation_threshold_bps: g.liquidation_threshold_bps,
        min_liquidation_bonus_bps: g.min_liquidation_bonus_bps,
        max_liquidation_bonus_bps: g.max_liquidation_bonus_bps,
        debt_ceiling,
    };
    let limits = limits_of(&params);
    if !limits.params(g.id, debt.is_some()).is_valid() {
        bail!(
            "limits out of bounds (id 1 to 32, LTV < threshold ≤ 100%, bonus 1% to 25%, \
             threshold × (1 + max bonus) < 100%)"
        );
    }
    Ok((params, debt.map(|k| k.reserve)))
}

fn limits_of(p: &EmodeGroupParams) -> EmodeLimits {
    EmodeLimits {
        ltv_bps: p.ltv_bps,
        liquidation_threshold_bps: p.liquidation_threshold_bps,
        min_liquidation_bonus_bps: p.min_liquidation_bonus_bps,
        max_liquidation_bonus_bps: p.max_liquidation_bonus_bps,
    }
}

/// The limits the group was last set to (pending ones included).
fn latest_limits(g: &EmodeGroup) -> EmodeLimits {
    if g.pending_from_slot != 0 {
        g.pending_limits
    } else {
        g.limits
    }
}

/// Creates the file's groups that are missing and updates those whose limits or ceiling
/// differ; a group cannot change between plain and isolated, nor its debt reserve.
pub fn create_groups(
    c: &Client,
    f: &MarketFile,
    market: Pubkey,
    reserves: &[(String, ReserveKeys)],
    created: &mut usize,
) -> Result<Vec<Value>> {
    let owner = c.wallet();
    let mut out = Vec::new();
    for g in &f.groups {
        let what = format!("e-mode group {}", g.id);
        let (params, debt) = params_of(g, reserves).with_context(|| what.clone())?;
        let key = pda::emode_group(&market, g.id);
        let status = match rpc::account::<EmodeGroup>(&c.rpc, &key) {
            Ok(existing) => {
                let isolated = existing.isolated != 0;
                if isolated != debt.is_some() || (isolated && Some(existing.debt_reserve) != debt) {
                    bail!("{what} exists with another kind or debt reserve, which cannot change");
                }
                if latest_limits(&existing) == limits_of(&params)
                    && existing.debt_ceiling == params.debt_ceiling
                {
                    "exists"
                } else {
                    let ixs = [ix::update_emode_group(owner, market, g.id, params)];
                    c.send("update_emode_group", &ixs, &[])?;
                    "updated"
                }
            }
            Err(rpc::FetchError::Missing(_)) => {
                let ixs = [ix::init_emode_group(owner, market, g.id, params, debt)];
                c.send("init_emode_group", &ixs, &[])?;
                *created += 1;
                "created"
            }
            Err(e) => bail!("{key} is not an e-mode group: {e}"),
        };
        eprintln!("  {:<22} {key}  {status}", what);
        out.push(json!({"id": g.id, "name": g.name, "group": key.to_string(), "status": status}));
    }
    Ok(out)
}

/// The params of group `g` at the market state's clock.
fn params_now(ms: &MarketState, g: &EmodeGroup) -> GroupParams {
    g.params_at(ms.clock.slot, ms.clock.unix_timestamp)
}

/// `market show`'s groups: limits, members, and an isolated group's debt against its ceiling.
pub fn show(ctx: &Context, ms: &MarketState) -> Result<(String, Vec<Value>)> {
    let mut ids: Vec<u8> = ms.groups.keys().copied().collect();
    ids.sort_unstable();
    let (mut rows, mut list) = (Vec::new(), Vec::new());
    for id in ids {
        let g = &ms.groups[&id];
        let p = params_now(ms, g);
        let bit = group_bit(id);
        let members = |mask: fn(&lending_core::state::Reserve) -> u32| -> Vec<String> {
            ms.sorted_reserves()
                .into_iter()
                .filter(|(_, r)| mask(r) & bit != 0)
                .map(|(_, r)| ctx.symbol(&r.liquidity_mint))
                .collect()
        };
        let collateral = members(|r| r.config.emode_collateral_mask);
        let (borrowable, ceiling) = if p.isolated {
            let r = ms.reserves.get(&g.debt_reserve).ok_or_else(|| {
                anyhow!("group {id}: debt reserve {} not fetched", g.debt_reserve)
            })?;
            let owed = g
                .isolated_debt()
                .debt(&r.pool())
                .map_err(|e| anyhow!("group {id}: debt math {e:?}"))?;
            let fmt = |v| lending_sdk::units::format_amount(v, r.decimals);
            (
                vec![ctx.symbol(&r.liquidity_mint)],
                format!("{} of {}", fmt(owed), fmt(g.debt_ceiling)),
            )
        } else {
            (members(|r| r.config.emode_borrow_mask), "-".to_string())
        };
        let pending = if g.pending_from_slot > ms.clock.slot {
            format!(" (new limits from slot {})", g.pending_from_slot)
        } else {
            String::new()
        };
        rows.push(vec![
            format!("{id}{}", if p.isolated { " isolated" } else { "" }),
            format!(
                "{}/{}{pending}",
                pct(p.ltv_bps as f64 / 1e4),
                pct(p.liquidation_threshold_bps as f64 / 1e4)
            ),
            format!(
                "{}-{}",
                pct(p.min_liquidation_bonus_bps as f64 / 1e4),
                pct(p.max_liquidation_bonus_bps as f64 / 1e4)
            ),
            collateral.join(" "),
            borrowable.join(" "),
            ceiling.clone(),
        ]);
        list.push(json!({
            "id": id, "isolated": p.isolated, "ltv_bps": p.ltv_bps,
            "liquidation_threshold_bps": p.liquidation_threshold_bps,
            "min_liquidation_bonus_bps": p.min_liquidation_bonus_bps,
            "max_liquidation_bonus_bps": p.max_liquidation_bonus_bps,
            "collateral": collateral, "borrowable": borrowable,
            "debt_ceiling": g.debt_ceiling, "pending_from_slot": g.pending_from_slot,
        }));
    }
    let text = if rows.is_empty() {
        String::new()
    } else {
        format!(
            "\ne-mode groups\n{}",
            table(
                &[
                    "group",
                    "LTV/liq",
                    "bonus",
                    "collateral",
                    "borrowable",
                    "debt / ceiling"
                ],
                &rows
            )
        )
    };
    Ok((text, list))
}
