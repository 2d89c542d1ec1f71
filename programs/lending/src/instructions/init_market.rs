//! `init_market`: creates a lending market owned by the signer.

use crate::constants::{MAX_DUST_THRESHOLD, MIN_CLOSE_FACTOR_BPS, MIN_LIQUIDATION_VALUE_CAP};
use crate::errors::LendingError;
use crate::events::MarketInitialized;
use crate::state::LENDING_MARKET_SIZE;
use crate::state::{LendingMarket, ACCOUNT_VERSION};
use anchor_lang::prelude::*;

/// Market-wide settings chosen at creation (all but `allow_fixed_price` can change later).
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

/// Validates the market-wide liquidation limits, so every listed reserve stays liquidatable
/// (docs/security.md, L7): a close factor of 10% to 100%, a dust threshold of at most $10,000,
/// and a per-call cap that is either none (0) or at least $10,000 and the dust threshold.
pub fn validate_liquidation_limits(
    close_factor_bps: u16,
    dust_threshold: u128,
    max_liquidation_value: u128,
) -> Result<()> {
    require!(
        (MIN_CLOSE_FACTOR_BPS..=10_000).contains(&close_factor_bps)
            && dust_threshold <= MAX_DUST_THRESHOLD
            && (max_liquidation_value == 0
                || (max_liquidation_value >= MIN_LIQUIDATION_VALUE_CAP
                    && max_liquidation_value >= dust_threshold)),
        LendingError::InvalidMarketConfig
    );
    Ok(())
}

/// Creates the market.
pub fn handler(ctx: Context<InitMarket>, params: InitMarketParams) -> Result<()> {
    validate_liquidation_limits(
        params.close_factor_bps,
        params.dust_threshold,
        params.max_liquidation_value,
    )?;
    {
        let mut m = ctx.accounts.market.load_init()?;
        m.version = ACCOUNT_VERSION;
        m.owner = ctx.accounts.owner.key();
        m.quote_currency = params.quote_currency;
        m.close_factor_bps = params.close_factor_bps;
        m.dust_threshold.set(params.dust_threshold);
        m.max_liquidation_value.set(params.max_liquidation_value);
        m.allow_fixed_price = params.allow_fixed_price as u8;
    }
    emit!(MarketInitialized {
        market: ctx.accounts.market.key(),
        owner: ctx.accounts.owner.key(),
        allow_fixed_price: params.allow_fixed_price,
    });
    Ok(())
}
