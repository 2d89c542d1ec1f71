//! A whole liquidation transaction for a chosen repay/collateral pair: the destination
//! account, every refresh, and `liquidate_obligation` with max-repay and min-receive bounds.
//! The CLI and the bot both send this.

use crate::health::{liquidation_choices, HealthError, LiquidationChoice};
use crate::ix;
use crate::market::MarketState;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending::risk::health::Health;
use lending::state::Obligation;
use lending::LiquidateParams;

/// The instructions of one liquidation and what it should yield.
#[derive(Debug, Clone)]
pub struct LiquidationTx {
    /// Create the destination account (idempotent), refresh, liquidate.
    pub ixs: Vec<Instruction>,
    /// What the program's plan pays the liquidator (shares, or tokens with
    /// `receive_liquidity`).
    pub planned_receive: u64,
    /// The least the transaction accepts (the plan less the slippage allowance).
    pub min_receive: u64,
    /// Token account the liquidator repays from.
    pub source: Pubkey,
    /// Token account it receives into.
    pub destination: Pubkey,
}

/// The most profitable liquidation of `ob` that `accept` allows, for a liquidator holding
/// `balance(reserve)` tokens of each debt reserve's asset; `None` when healthy by `health` or
/// nothing can be repaid.
pub fn best_choice(
    ob: &Obligation,
    health: &Health,
    ms: &MarketState,
    balance: impl Fn(&Pubkey) -> u64,
    accept: impl Fn(&LiquidationChoice) -> bool,
) -> Result<Option<LiquidationChoice>, HealthError> {
    let mut best: Option<LiquidationChoice> = None;
    for b in ob.borrows() {
        let max = balance(&b.reserve);
        if max == 0 {
            continue;
        }
        for ch in liquidation_choices(ob, health, &ms.reserves, &ms.market, max)? {
            if ch.repay_reserve == b.reserve
                && accept(&ch)
                && best.is_none_or(|x| ch.profit() > x.profit())
            {
                best = Some(ch);
            }
        }
    }
    Ok(best)
}

/// Builds the transaction for `choice` on obligation `key` (state `ob`), sent by
/// `liquidator` from its associated token accounts.
pub fn liquidation_tx(
    ms: &MarketState,
    key: Pubkey,
    ob: &Obligation,
    choice: &LiquidationChoice,
    liquidator: Pubkey,
    receive_liquidity: bool,
    slippage_bps: u16,
) -> Result<LiquidationTx, HealthError> {
    let rk = ms
        .reserve_keys(&choice.repay_reserve)
        .ok_or(HealthError::MissingReserve(choice.repay_reserve))?;
    let ck = ms
        .reserve_keys(&choice.collateral_reserve)
        .ok_or(HealthError::MissingReserve(choice.collateral_reserve))?;
    let coll = &ms.reserves[&choice.collateral_reserve];
    let (dest_mint, planned) = if receive_liquidity {
        (
            ck.mint,
            coll.pool()
                .liquidity_for_redeem(choice.plan.liquidator_shares)?,
        )
    } else {
        (ck.share_mint, choice.plan.liquidator_shares)
    };
    let keep = 10_000 - slippage_bps.min(10_000) as u128;
    let min_receive = (planned as u128 * keep / 10_000) as u64;
    let source = ix::token::ata(&liquidator, &rk.mint, &rk.token_program);
    let destination = ix::token::ata(&liquidator, &dest_mint, &ck.token_program);
    let mut ixs = vec![ix::token::create_ata(
        &liquidator,
        &liquidator,
        &dest_mint,
        &ck.token_program,
    )];
    ixs.extend(ms.refresh_obligation(key, ob, &[]));
    ixs.push(ix::liquidate(
        liquidator,
        key,
        &rk,
        source,
        &ck,
        destination,
        LiquidateParams {
            max_repay: choice.plan.repay_amount,
            min_receive,
            receive_liquidity,
        },
    ));
    Ok(LiquidationTx {
        ixs,
        planned_receive: planned,
        min_receive,
        source,
        destination,
    })
}
