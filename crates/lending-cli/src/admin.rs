//! Test-market helpers: set a fixed price, mint test tokens.

use crate::config::Decimal;
use crate::context::Context;
use crate::report::Report;
use anyhow::{anyhow, bail, Result};
use clap::Args;
use lending_sdk::ix;
use lending_sdk::market::refresh_price;
use lending_sdk::rpc;
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
