//! `init_market`: creates a lending market owned by the signer.

use super::market_params::TimelockParams;
use crate::errors::LendingError;
use crate::events::MarketInitialized;
use crate::state::LendingMarket;
use crate::state::LENDING_MARKET_SIZE;
use anchor_lang::prelude::*;
use lending_core::ops::market::{init_market, LiquidationLimits};

/// Market-wide settings chosen at creation (all but `allow_fixed_price` can change later; the
/// timelock only through its own queue).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct InitMarketParams {
    /// Quote currency of all values (ASCII, zero-padded), e.g. "USD".
    pub quote_currency: [u8; 32],
    /// Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000).
    pub close_factor_bps: u16,
    /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
    pub dust_threshold: u128,
    /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
    pub max_liquidation_value: u128,
    /// Whether fixed-price oracles may be created in this market (immutable).
    pub allow_fixed_price: bool,
    /// The timelock: the delay before a queued change may be applied, and the ramp of a
    /// lowered threshold (both at least a day, unless fixed prices are allowed).
    pub timelock: TimelockParams,
}

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct InitMarket<'info> {
    /// Becomes the market owner; pays rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The new market (a fresh keypair account).
    #[account(init, payer = owner, space = 8 + LENDING_MARKET_SIZE)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl InitMarketParams {
    /// The liquidation limits it sets.
    pub fn limits(&self) -> LiquidationLimits {
        LiquidationLimits {
            close_factor_bps: self.close_factor_bps,
            dust_threshold: self.dust_threshold,
            max_liquidation_value: self.max_liquidation_value,
        }
    }
}

/// Creates the market.
pub fn handler(ctx: Context<InitMarket>, params: InitMarketParams) -> Result<()> {
    let owner = ctx.accounts.owner.key();
    init_market(
        &mut *ctx.accounts.market.load_init()?,
        &owner,
        params.quote_currency,
        &params.limits(),
        params.allow_fixed_price,
        &params.timelock.settings(),
    )
    .map_err(LendingError::from)?;
    emit!(MarketInitialized {
        market: ctx.accounts.market.key(),
        owner,
        allow_fixed_price: params.allow_fixed_price,
    });
    Ok(())
}
