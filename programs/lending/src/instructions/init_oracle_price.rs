//! `init_oracle_price`: the owner creates the program's price account for one asset.

use super::shared::accounts::clock;
use crate::constants::ORACLE_SEED;
use crate::errors::LendingError;
use crate::events::{FixedPriceSet, OraclePriceInitialized};
use crate::state::ORACLE_PRICE_SIZE;
use crate::state::{LendingMarket, OraclePrice, OracleSource};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;
use lending_core::ops::oracle::{init_oracle, OracleSettings};

/// How the new price account is sourced and checked.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct OracleParams {
    /// 0 = Pyth pull, 1 = legacy Pyth, 2 = fixed price.
    pub source_kind: u8,
    /// The source account (zero key: any pull update with the right feed id). Ignored for fixed.
    pub source: Pubkey,
    /// Pyth feed id (pull sources).
    pub feed_id: [u8; 32],
    /// Oldest acceptable price, in seconds (5 to 600). Fixed prices never age: 0. The max age
    /// for borrows, withdrawals and liquidations starts at 30 s (or this, if shorter);
    /// `update_oracle_config` changes both.
    pub max_age_secs: u64,
    /// Widest acceptable confidence, in basis points of the price.
    pub max_conf_bps: u16,
    /// EMA divergence that pauses borrows and withdrawals, in basis points.
    pub max_ema_deviation_bps: u16,
    /// Fixed sources: the price mantissa.
    pub fixed_price: i64,
    /// Fixed sources: the exponent.
    pub fixed_expo: i32,
}

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct InitOraclePrice<'info> {
    /// Market owner; pays rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The priced asset.
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The new price account.
    #[account(
        init,
        payer = owner,
        space = 8 + ORACLE_PRICE_SIZE,
        seeds = [ORACLE_SEED, market.key().as_ref(), mint.key().as_ref()],
        bump
    )]
    pub oracle: AccountLoader<'info, OraclePrice>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl OracleParams {
    /// The source binding and limits (the max age for risk starts at its default).
    pub fn settings(&self) -> Result<OracleSettings> {
        let kind =
            OracleSource::from_u8(self.source_kind).ok_or(LendingError::InvalidOracleConfig)?;
        Ok(OracleSettings {
            kind,
            source: self.source,
            feed_id: self.feed_id,
            max_age_secs: self.max_age_secs,
            max_age_for_risk_secs: OracleSettings::default_max_age_for_risk(
                kind,
                self.max_age_secs,
            ),
            max_conf_bps: self.max_conf_bps,
            max_ema_deviation_bps: self.max_ema_deviation_bps,
        })
    }
}

/// Creates the price account.
pub fn handler(ctx: Context<InitOraclePrice>, params: OracleParams) -> Result<()> {
    let settings = params.settings()?;
    let clock = clock()?;
    let (market, mint) = (ctx.accounts.market.key(), ctx.accounts.mint.key());
    // Only accounts fixed source needs the market's permission: read it only then.
    let allow_fixed_price =
        settings.kind == OracleSource::Fixed && ctx.accounts.market.load()?.allow_fixed_price != 0;
    init_oracle(
        &mut *ctx.accounts.oracle.load_init()?,
        &market,
        &mint,
        &settings,
        allow_fixed_price,
        (params.fixed_price, params.fixed_expo),
        ctx.bumps.oracle,
        &clock,
    )
    .map_err(LendingError::from)?;
    emit!(OraclePriceInitialized {
        market,
        oracle: ctx.accounts.oracle.key(),
        mint,
        source_kind: params.source_kind,
        source: params.source,
    });
    if settings.kind == OracleSource::Fixed {
        emit!(FixedPriceSet {
            oracle: ctx.accounts.oracle.key(),
            price: params.fixed_price,
            expo: params.fixed_expo,
            conf: 0,
        });
    }
    Ok(())
}
