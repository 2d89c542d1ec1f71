//! The wallet's actions: deposit, withdraw, borrow, repay, and a flash-loan round trip. Each
//! refreshes what the program needs in the same transaction, checks the wallet's balance
//! first, and reports what moved.

use crate::context::Context;
use crate::position::WhichObligation;
use crate::report::Report;
use anyhow::{anyhow, bail, Result};
use clap::Args;
use lending_core::risk::fixed::{bps_mul, Rounding};
use lending_core::state::Obligation;
use lending_sdk::ix::{self, pda, GroupUse, ReserveKeys};
use lending_sdk::market::{obligation_reserves, MarketState};
use lending_sdk::units::{format_amount, parse_amount};
use serde_json::json;
use solana_instruction::Instruction;
use solana_pubkey::Pubkey;

/// An asset and an amount.
#[derive(Args)]
pub struct AmountArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// Whole tokens (e.g. 1.5), or "max" where the program allows it.
    #[arg(long)]
    pub amount: String,
    /// Which of the wallet's obligations (one wallet may hold several).
    #[arg(long, default_value_t = 0)]
    pub id: u64,
}

/// `repay`: like [`AmountArgs`], optionally for someone else's obligation.
#[derive(Args)]
pub struct RepayArgs {
    #[command(flatten)]
    pub amount: AmountArgs,
    /// Repay this obligation instead of the wallet's own.
    #[arg(long)]
    pub obligation: Option<String>,
}

/// `flash-loan`.
#[derive(Args)]
pub struct FlashArgs {
    /// The asset: a symbol from --config, or a mint address.
    #[arg(long)]
    pub asset: String,
    /// Whole tokens to borrow and repay in the same transaction.
    #[arg(long)]
    pub amount: String,
}

/// Base units of `amount` ("max" → `u64::MAX`, which the program resolves).
fn amount(s: &str, k: &ReserveKeys, allow_max: bool) -> Result<u64> {
    if s.eq_ignore_ascii_case("max") {
        if !allow_max {
            bail!("\"max\" is not accepted here: give an amount");
        }
        return Ok(u64::MAX);
    }
    let v = parse_amount(s, k.decimals)?;
    if v == 0 {
        bail!("the amount must be greater than zero");
    }
    Ok(v)
}

struct Target {
    ms: MarketState,
    k: ReserveKeys,
    symbol: String,
    obligation: Pubkey,
}

fn target(ctx: &Context, asset: &str, id: u64) -> Result<Target> {
    let ms = ctx.market()?;
    let mint = ctx.mint(asset)?;
    let k = crate::client::reserve_for(&ms, &mint)?;
    let obligation = pda::obligation(&ms.key, &ctx.client.wallet(), id);
    Ok(Target {
        symbol: ctx.symbol(&mint),
        ms,
        k,
        obligation,
    })
}

/// The obligation at `t.obligation` (which must exist).
fn existing_obligation(ctx: &Context, t: &Target) -> Result<Obligation> {
    ctx.client.obligation(&t.obligation)?.ok_or_else(|| {
        anyhow!(
            "obligation {} does not exist: deposit collateral first",
            t.obligation
        )
    })
}

fn done(what: &str, t: &Target, units: u64, sig: String) -> Report {
    let shown = if units == u64::MAX {
        "max".to_string()
    } else {
        format_amount(units, t.k.decimals)
    };
    Report {
        text: format!("{what} {shown} {}: {sig}\n", t.symbol),
        json: json!({
            "action": what, "asset": t.symbol, "mint": t.k.mint.to_string(),
            "amount": if units == u64::MAX { json!("max") } else { json!(units) },
            "obligation": t.obligation.to_string(), "signature": sig,
        }),
    }
}

/// Deposits tokens as collateral, opening the obligation when needed.
pub fn deposit(ctx: &Context, a: &AmountArgs) -> Result<Report> {
    let t = target(ctx, &a.asset, a.id)?;
    let units = amount(&a.amount, &t.k, false)?;
    let c = &ctx.client;
    let user_liq = c.require_tokens(&t.k, &t.symbol, units)?;
    let mut ixs = Vec::new();
    if c.obligation(&t.obligation)?.is_none() {
        ixs.push(ix::init_obligation(c.wallet(), t.ms.key, a.id));
    }
    ixs.extend(t.ms.refresh_reserves(&[t.k.reserve]));
    ixs.push(ix::deposit_and_collateralize(
        c.wallet(),
        t.obligation,
        &t.k,
        user_liq,
        units,
    ));
    let sig = c.send("deposit", &ixs, &[])?;
    Ok(done("deposited", &t, units, sig.to_string()))
}

/// Withdraws collateral back to tokens.
pub fn withdraw(ctx: &Context, a: &AmountArgs) -> Result<Report> {
    let t = target(ctx, &a.asset, a.id)?;
    let units = amount(&a.amount, &t.k, true)?;
    let shares = if units == u64::MAX {
        u64::MAX
    } else {
        let r = &t.ms.reserves[&t.k.reserve];
        r.pool()
            .shares_for_liquidity(units)
            .map_err(|e| anyhow!("share math: {e:?}"))?
    };
    let c = &ctx.client;
    let (mut ixs, ata, ob) = payout_prelude(ctx, &t)?;
    ixs.push(ix::withdraw_and_redeem(
        c.wallet(),
        t.obligation,
        &t.k,
        ata,
        shares,
        &obligation_reserves(&ob),
    ));
    let sig = c.send("withdraw", &ixs, &[])?;
    Ok(done("withdrew", &t, units, sig.to_string()))
}

/// Borrows against the collateral.
pub fn borrow(ctx: &Context, a: &AmountArgs) -> Result<Report> {
    let t = target(ctx, &a.asset, a.id)?;
    let units = amount(&a.amount, &t.k, true)?;
    let c = &ctx.client;
    let (mut ixs, ata, ob) = payout_prelude(ctx, &t)?;
    let borrow = ix::borrow(
        c.wallet(),
        t.obligation,
        &t.k,
        ata,
        units,
        &obligation_reserves(&ob),
    );
    ixs.push(ix::with_group(borrow, &t.ms.key, &ob, GroupUse::DebtChange));
    let sig = c.send("borrow", &ixs, &[])?;
    Ok(done("borrowed", &t, units, sig.to_string()))
}

/// For an action paying tokens out to the wallet: its token account (created if needed) and
/// every refresh the obligation needs (it must exist), the account, and the obligation.
fn payout_prelude(ctx: &Context, t: &Target) -> Result<(Vec<Instruction>, Pubkey, Obligation)> {
    let c = &ctx.client;
    let mut ixs = vec![ix::token::create_ata(
        &c.wallet(),
        &c.wallet(),
        &t.k.mint,
        &t.k.token_program,
    )];
    let ob = existing_obligation(ctx, t)?;
    ixs.extend(t.ms.refresh_obligation(t.obligation, &ob, &[t.k.reserve]));
    Ok((ixs, c.wallet_tokens(&t.k)?.0, ob))
}

/// Repays debt (the wallet's own obligation, or `--obligation`).
pub fn repay(ctx: &Context, a: &RepayArgs) -> Result<Report> {
    let mut t = target(ctx, &a.amount.asset, a.amount.id)?;
    if let Some(o) = &a.obligation {
        t.obligation = WhichObligation {
            address: Some(o.clone()),
            owner: None,
            id: 0,
        }
        .key(ctx)?;
    }
    let units = amount(&a.amount.amount, &t.k, true)?;
    let c = &ctx.client;
    let ob = c
        .obligation(&t.obligation)?
        .ok_or_else(|| anyhow!("obligation {} does not exist", t.obligation))?;
    let b = ob
        .find_borrow(&t.k.reserve)
        .ok_or_else(|| anyhow!("obligation {} owes no {}", t.obligation, t.symbol))?;
    let owed = t.ms.reserves[&t.k.reserve]
        .pool()
        .repay_all_amount(ob.borrows[b].debt_shares.get())
        .map_err(|e| anyhow!("debt math: {e:?}"))?;
    // Interest accrues until the transaction lands: "max" needs a little headroom.
    let need = if units == u64::MAX {
        owed
    } else {
        units.min(owed)
    };
    let ata = c.require_tokens(&t.k, &t.symbol, need)?;
    let mut ixs = t.ms.refresh_obligation(t.obligation, &ob, &[]);
    let repay = ix::repay(c.wallet(), t.obligation, &t.k, ata, units);
    ixs.push(ix::with_group(repay, &t.ms.key, &ob, GroupUse::DebtChange));
    let sig = c.send("repay", &ixs, &[])?;
    Ok(done("repaid", &t, units, sig.to_string()))
}

/// Flash-borrows and repays with the fee in one transaction.
pub fn flash_loan(ctx: &Context, a: &FlashArgs) -> Result<Report> {
    let t = target(ctx, &a.asset, 0)?;
    let units = amount(&a.amount, &t.k, false)?;
    let r = &t.ms.reserves[&t.k.reserve];
    if r.config.flash_loans_enabled == 0 {
        bail!("flash loans are disabled for {}", t.symbol);
    }
    let fee = bps_mul(
        units as u128,
        r.config.flash_loan_fee_bps as u128,
        Rounding::Up,
    )
    .map_err(|e| anyhow!("fee math: {e:?}"))? as u64;
    let c = &ctx.client;
    let ata = c.require_tokens(&t.k, &t.symbol, fee)?;
    // The compute-budget instruction the sender prepends is index 0.
    let borrow_index = 1u8;
    let ixs = [
        ix::flash_borrow(c.wallet(), &t.k, ata, units),
        ix::flash_repay(c.wallet(), &t.k, ata, units, borrow_index),
    ];
    let sig = c.send("flash loan", &ixs, &[])?;
    let mut rep = done("flash-borrowed and repaid", &t, units, sig.to_string());
    rep.text = format!(
        "flash-borrowed and repaid {} {} (fee {}): {sig}\n",
        format_amount(units, t.k.decimals),
        t.symbol,
        format_amount(fee, t.k.decimals)
    );
    rep.json["fee"] = json!(fee);
    Ok(rep)
}
