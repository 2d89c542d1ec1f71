//! A whole liquidation transaction for a chosen repay/collateral pair: the destination
//! account, every refresh, and `liquidate_obligation` with max-repay and min-receive bounds.
//! The CLI and the bot both send this. [`flash_liquidation_tx`] funds the repayment with a flash
//! loan from the repay reserve and sells the seized collateral through a caller's swap in the
//! same transaction.

use crate::health::{liquidation_choices, HealthError, LiquidationChoice, ObligationHealth};
use crate::ix::{self, ReserveKeys};
use crate::market::{obligation_reserves, MarketState};
use crate::program::types::LiquidateParams;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_core::risk::fixed::{bps_mul, Rounding};
use lending_core::risk::price::PriceView;
use lending_core::state::Obligation;

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
/// `balance(reserve)` tokens of each debt reserve's asset; `None` when healthy by `health` (its
/// health by [`crate::health::obligation_health`]) or nothing can be repaid.
pub fn best_choice(
    ob: &Obligation,
    health: &ObligationHealth,
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
    let (rk, ck) = pair_keys(ms, choice)?;
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
    let with_fund = |ix| crate::fund::with_fund(ix, &rk.reserve, &ms.reserves[&rk.reserve]);
    ixs.push(with_fund(ix::with_group(
        ix::liquidate(
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
            &obligation_reserves(ob),
        ),
        &ob.market,
        ob,
        ix::GroupUse::DebtChange,
    )));
    Ok(LiquidationTx {
        ixs,
        planned_receive: planned,
        min_receive,
        source,
        destination,
    })
}

/// Keys of the repay and the collateral reserve of `choice`.
fn pair_keys(
    ms: &MarketState,
    choice: &LiquidationChoice,
) -> Result<(ReserveKeys, ReserveKeys), HealthError> {
    let keys = |r: &Pubkey| ms.reserve_keys(r).ok_or(HealthError::MissingReserve(*r));
    Ok((
        keys(&choice.repay_reserve)?,
        keys(&choice.collateral_reserve)?,
    ))
}

/// What a flash-funded liquidation needs from a swap: at most `sell_max` of the collateral
/// asset (in the liquidator's `sell_from`) for exactly `buy_amount` of the debt asset (into its
/// `buy_to`), inside the transaction, before the flash repay.
#[derive(Debug, Clone, Copy)]
pub struct SwapRequest {
    /// The liquidator (owner of both token accounts).
    pub owner: Pubkey,
    /// Keys of the collateral reserve (the asset sold).
    pub sell: ReserveKeys,
    /// Its price, as the program sees it after the refresh.
    pub sell_price: PriceView,
    /// The liquidator's account of the asset sold.
    pub sell_from: Pubkey,
    /// The most that may be sold: what the liquidation is sure to pay (its min-receive).
    pub sell_max: u64,
    /// Keys of the repay reserve (the asset bought).
    pub buy: ReserveKeys,
    /// Its price.
    pub buy_price: PriceView,
    /// The liquidator's account of the asset bought.
    pub buy_to: Pubkey,
    /// Exactly this much must arrive: the flash loan plus its fee.
    pub buy_amount: u64,
}

/// A swap's instructions, and how much of the collateral asset they sell.
#[derive(Debug, Clone)]
pub struct SwapLeg {
    /// Instructions placed between the liquidation and the flash repay.
    pub ixs: Vec<Instruction>,
    /// Collateral tokens sold (at most the request's `sell_max`).
    pub sold: u64,
}

/// The instructions of a flash-funded liquidation and what it should leave the liquidator.
#[derive(Debug, Clone)]
pub struct FlashLiquidationTx {
    /// Refreshes, flash borrow, liquidate (taking the collateral asset), the swap, flash repay.
    pub ixs: Vec<Instruction>,
    /// The flash loan (= the planned repayment).
    pub loan: u64,
    /// Its fee.
    pub fee: u64,
    /// Collateral tokens the liquidation plans to pay.
    pub planned_receive: u64,
    /// The least it accepts.
    pub min_receive: u64,
    /// Collateral tokens the swap sells.
    pub sold: u64,
}

impl FlashLiquidationTx {
    /// Collateral tokens left to the liquidator if the plan holds: its profit, in kind.
    pub fn kept(&self) -> u64 {
        self.planned_receive.saturating_sub(self.sold)
    }
}

/// Why a flash-funded liquidation cannot be built.
#[derive(Debug)]
pub enum FlashError {
    /// The market's figures (a missing reserve, a math error).
    Health(HealthError),
    /// The repay reserve does not lend flash loans.
    FlashLoansDisabled(Pubkey),
    /// The swap would need more collateral than the liquidation is sure to pay.
    Unprofitable {
        /// Collateral tokens the swap needs.
        needed: u64,
        /// Collateral tokens the liquidation is sure to pay.
        available: u64,
    },
    /// The swap venue refused to quote.
    Swap(String),
}

impl std::fmt::Display for FlashError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Health(e) => write!(f, "{e}"),
            Self::FlashLoansDisabled(r) => write!(f, "flash loans are disabled on reserve {r}"),
            Self::Unprofitable { needed, available } => write!(
                f,
                "the swap needs {needed} collateral units but the liquidation only guarantees {available}"
            ),
            Self::Swap(e) => write!(f, "swap: {e}"),
        }
    }
}

impl std::error::Error for FlashError {}

impl From<HealthError> for FlashError {
    fn from(e: HealthError) -> Self {
        Self::Health(e)
    }
}

impl From<lending_core::risk::RiskError> for FlashError {
    fn from(e: lending_core::risk::RiskError) -> Self {
        Self::Health(e.into())
    }
}

/// Collateral tokens worth `buy_amount` of the debt asset at both spot prices, plus
/// `spread_bps`, rounded up (what a counterparty quoting at the oracle price would ask).
pub fn collateral_for(
    buy_amount: u64,
    buy_price: &PriceView,
    sell_price: &PriceView,
    spread_bps: u16,
) -> Result<u64, lending_core::risk::RiskError> {
    let value = buy_price.value_of_tokens(buy_amount, buy_price.spot, Rounding::Up)?;
    let with_spread = value
        .checked_add(bps_mul(value, spread_bps as u128, Rounding::Up)?)
        .ok_or(lending_core::risk::RiskError::MathOverflow)?;
    let tokens = sell_price.tokens_for_value(with_spread, sell_price.spot, Rounding::Up)?;
    u64::try_from(tokens).map_err(|_| lending_core::risk::RiskError::MathOverflow)
}

/// Builds a liquidation of `ob` (at `key`) for `choice`, funded by a flash loan of the planned
/// repayment from the repay reserve; `swap` turns the seized collateral into the loan plus
/// its fee before the flash repay. The liquidator needs no debt asset beforehand, and its
/// token accounts of both assets must exist (this transaction does not create them: a
/// legacy transaction has no room left). For a sender that prepends
/// [`crate::compute::BUDGET_IXS`] instructions, as [`crate::rpc`]'s does.
pub fn flash_liquidation_tx(
    ms: &MarketState,
    key: Pubkey,
    ob: &Obligation,
    choice: &LiquidationChoice,
    liquidator: Pubkey,
    slippage_bps: u16,
    swap: impl FnOnce(&SwapRequest) -> Result<SwapLeg, String>,
) -> Result<FlashLiquidationTx, FlashError> {
    let (rk, ck) = pair_keys(ms, choice)?;
    let debt = &ms.reserves[&choice.repay_reserve];
    let coll = &ms.reserves[&choice.collateral_reserve];
    if debt.config.flash_loans_enabled == 0 {
        return Err(FlashError::FlashLoansDisabled(choice.repay_reserve));
    }
    let loan = choice.plan.repay_amount;
    let fee = bps_mul(
        loan as u128,
        debt.config.flash_loan_fee_bps as u128,
        Rounding::Up,
    )? as u64;
    let planned = coll
        .pool()
        .liquidity_for_redeem(choice.plan.liquidator_shares)?;
    let keep = 10_000 - slippage_bps.min(10_000) as u128;
    let min_receive = (planned as u128 * keep / 10_000) as u64;
    let sell_from = ix::token::ata(&liquidator, &ck.mint, &ck.token_program);
    let buy_to = ix::token::ata(&liquidator, &rk.mint, &rk.token_program);
    let request = SwapRequest {
        owner: liquidator,
        sell: ck,
        sell_price: coll.price_view(),
        sell_from,
        sell_max: min_receive,
        buy: rk,
        buy_price: debt.price_view(),
        buy_to,
        buy_amount: loan + fee,
    };
    let leg = swap(&request).map_err(FlashError::Swap)?;
    if leg.sold > min_receive {
        return Err(FlashError::Unprofitable {
            needed: leg.sold,
            available: min_receive,
        });
    }
    let mut ixs = ms.refresh_obligation(key, ob, &[]);
    let borrow_index = (crate::compute::BUDGET_IXS + ixs.len()) as u8;
    ixs.push(ix::flash_borrow(liquidator, &rk, buy_to, loan));
    let with_fund = |ix| crate::fund::with_fund(ix, &rk.reserve, debt);
    ixs.push(with_fund(ix::with_group(
        ix::liquidate(
            liquidator,
            key,
            &rk,
            buy_to,
            &ck,
            sell_from,
            LiquidateParams {
                max_repay: loan,
                min_receive,
                receive_liquidity: true,
            },
            &obligation_reserves(ob),
        ),
        &ob.market,
        ob,
        ix::GroupUse::DebtChange,
    )));
    ixs.extend(leg.ixs);
    ixs.push(ix::flash_repay(liquidator, &rk, buy_to, loan, borrow_index));
    Ok(FlashLiquidationTx {
        ixs,
        loan,
        fee,
        planned_receive: planned,
        min_receive,
        sold: leg.sold,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lending_core::risk::WAD;

    #[test]
    fn collateral_for_a_swap_is_priced_at_spot_plus_spread_rounded_up() {
        let usdc = PriceView::new(WAD, 0, 6);
        let sol = PriceView::new(135 * WAD, 0, 9);
        // 100 USDC at $1 for SOL at $135: 0.740740740740... SOL, rounded up.
        assert_eq!(
            collateral_for(100_000_000, &usdc, &sol, 0).unwrap(),
            740_740_741
        );
        // With a 30 bps spread: 100.3 / 135 = 0.742962962962... SOL.
        assert_eq!(
            collateral_for(100_000_000, &usdc, &sol, 30).unwrap(),
            742_962_963
        );
        assert_eq!(collateral_for(0, &usdc, &sol, 30).unwrap(), 0);
    }
}
