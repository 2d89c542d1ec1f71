//! Swap venues for flash-funded liquidations: something that buys the seized collateral for
//! the debt asset inside the liquidation transaction, so the flash loan can be repaid.
//!
//! On mainnet this is a DEX aggregator's route. On a local validator there is no DEX, so the
//! one venue here is [`OracleMaker`]: a market maker's wallet that co-signs the transaction
//! and trades at the oracle price plus a spread (the request-for-quote model).

use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::ix::{self, ReserveKeys};
use lending_sdk::liquidate::{collateral_for, SwapLeg, SwapRequest};
use lending_sdk::market::MarketState;
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;
use solana_signer::Signer;

/// Buys the seized collateral for the debt asset inside a liquidation transaction.
pub trait SwapVenue: Send {
    /// A short name for logs.
    fn name(&self) -> String;
    /// The swap for `req`, or why the venue will not quote it.
    fn quote(&self, req: &SwapRequest) -> Result<SwapLeg, String>;
    /// Signers the swap's instructions need besides the liquidator.
    fn signers(&self) -> Vec<&dyn Signer>;
    /// Idempotent instructions (paid by `payer`) that give the venue the token accounts it
    /// trades through for every reserve of `ms`; sent once when the bot starts.
    fn setup(&self, ms: &MarketState, payer: Pubkey) -> Vec<Instruction>;
}

/// A maker's wallet quoting at the oracle spot prices plus `spread_bps`: it takes the
/// collateral and pays exactly the debt asset asked for. It co-signs every swap.
pub struct OracleMaker {
    maker: Keypair,
    spread_bps: u16,
}

impl OracleMaker {
    /// A maker trading from `maker`'s associated token accounts.
    pub fn new(maker: Keypair, spread_bps: u16) -> Self {
        Self { maker, spread_bps }
    }

    fn ata(&self, k: &ReserveKeys) -> Pubkey {
        ix::token::ata(&self.maker.pubkey(), &k.mint, &k.token_program)
    }
}

impl SwapVenue for OracleMaker {
    fn name(&self) -> String {
        format!(
            "oracle maker {} (spread {} bps)",
            self.maker.pubkey(),
            self.spread_bps
        )
    }

    fn quote(&self, req: &SwapRequest) -> Result<SwapLeg, String> {
        let sold = collateral_for(
            req.buy_amount,
            &req.buy_price,
            &req.sell_price,
            self.spread_bps,
        )
        .map_err(|e| format!("quote math: {e:?}"))?;
        let ixs = vec![
            ix::token::transfer_checked(
                req.owner,
                req.sell_from,
                req.sell.mint,
                self.ata(&req.sell),
                sold,
                req.sell.decimals,
                req.sell.token_program,
            ),
            ix::token::transfer_checked(
                self.maker.pubkey(),
                self.ata(&req.buy),
                req.buy.mint,
                req.buy_to,
                req.buy_amount,
                req.buy.decimals,
                req.buy.token_program,
            ),
        ];
        Ok(SwapLeg { ixs, sold })
    }

    fn signers(&self) -> Vec<&dyn Signer> {
        vec![&self.maker]
    }

    fn setup(&self, ms: &MarketState, payer: Pubkey) -> Vec<Instruction> {
        ms.sorted_reserves()
            .iter()
            .filter_map(|(k, _)| ms.reserve_keys(k))
            .map(|k| ix::token::create_ata(&payer, &self.maker.pubkey(), &k.mint, &k.token_program))
            .collect()
    }
}
