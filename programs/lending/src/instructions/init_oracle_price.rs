//! `init_oracle_price`: the owner creates the program's price account for one asset.

use crate::constants::{
    DEFAULT_ORACLE_MAX_AGE_FOR_RISK_SECS, MAX_ORACLE_CONF_BPS, MAX_ORACLE_MAX_AGE_FOR_RISK_SECS,
    MAX_ORACLE_MAX_AGE_SECS, MIN_ORACLE_MAX_AGE_SECS, ORACLE_SEED,
};
use crate::errors::LendingError;
use crate::events::{FixedPriceSet, OraclePriceInitialized};
use crate::risk::price::{to_wad, MAX_EXPO, MIN_EXPO};
use crate::state::ORACLE_PRICE_SIZE;
use crate::state::{LendingMarket, OraclePrice, OracleSource, ACCOUNT_VERSION};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;

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

/// Validates the limits of a price account of source `kind`: a fixed price never ages (both
/// ages 0); any other has a max age of 5 to 600 s and a max age for risk of 5 to 120 s, no
/// longer than the max age.
pub fn validate_limits(
    kind: OracleSource,
    max_age_secs: u64,
    max_age_for_risk_secs: u64,
    max_conf_bps: u16,
    max_ema_deviation_bps: u16,
) -> Result<()> {
    let ages_ok = if kind == OracleSource::Fixed {
        max_age_secs == 0 && max_age_for_risk_secs == 0
    } else {
        (MIN_ORACLE_MAX_AGE_SECS..=MAX_ORACLE_MAX_AGE_SECS).contains(&max_age_secs)
            && (MIN_ORACLE_MAX_AGE_SECS..=MAX_ORACLE_MAX_AGE_FOR_RISK_SECS)
                .contains(&max_age_for_risk_secs)
            && max_age_for_risk_secs <= max_age_secs
    };
    require!(
        ages_ok
            && max_conf_bps > 0
            && max_conf_bps <= MAX_ORACLE_CONF_BPS
            && max_ema_deviation_bps > 0
            && max_ema_deviation_bps <= 10_000,
        LendingError::InvalidOracleConfig
    );
    Ok(())
}

/// The max age for risk a new price account of source `kind` starts with.
pub fn default_max_age_for_risk(kind: OracleSource, max_age_secs: u64) -> u64 {
    if kind == OracleSource::Fixed {
        0
    } else {
        DEFAULT_ORACLE_MAX_AGE_FOR_RISK_SECS.min(max_age_secs)
    }
}

/// Validates a fixed price (positive, exponent in range, representable in WAD).
pub fn validate_fixed(price: i64, expo: i32) -> Result<()> {
    require!(price > 0, LendingError::InvalidPrice);
    require!(
        (MIN_EXPO..=MAX_EXPO).contains(&expo),
        LendingError::InvalidExponent
    );
    require!(
        to_wad(price as u64, expo).map_err(LendingError::from)? > 0,
        LendingError::InvalidPrice
    );
    Ok(())
}

/// Creates the price account.
pub fn handler(ctx: Context<InitOraclePrice>, params: OracleParams) -> Result<()> {
    let kind =
        OracleSource::from_u8(params.source_kind).ok_or(LendingError::InvalidOracleConfig)?;
    let max_age_for_risk_secs = default_max_age_for_risk(kind, params.max_age_secs);
    validate_limits(
        kind,
        params.max_age_secs,
        max_age_for_risk_secs,
        params.max_conf_bps,
        params.max_ema_deviation_bps,
    )?;
    let clock = Clock::get()?;
    let market_key = ctx.accounts.market.key();
    let mint_key = ctx.accounts.mint.key();
    if kind == OracleSource::Fixed {
        require!(
            ctx.accounts.market.load()?.allow_fixed_price != 0,
            LendingError::FixedPriceNotAllowed
        );
        validate_fixed(params.fixed_price, params.fixed_expo)?;
    } else if kind == OracleSource::PythLegacy {
        // Legacy accounts live at fixed addresses: the source must be pinned.
        require!(
            params.source != Pubkey::default(),
            LendingError::InvalidOracleConfig
        );
    }
    {
        let mut o = ctx.accounts.oracle.load_init()?;
        o.version = ACCOUNT_VERSION;
        o.market = market_key;
        o.mint = mint_key;
        o.source_kind = kind as u8;
        o.feed_id = params.feed_id;
        o.max_age_secs = params.max_age_secs;
        o.max_age_for_risk_secs = max_age_for_risk_secs;
        o.max_conf_bps = params.max_conf_bps;
        o.max_ema_deviation_bps = params.max_ema_deviation_bps;
        o.bump = ctx.bumps.oracle;
        if kind == OracleSource::Fixed {
            o.source = Pubkey::default();
            o.price = params.fixed_price;
            o.expo = params.fixed_expo;
            o.publish_time = clock.unix_timestamp;
            o.slot = clock.slot;
        } else {
            o.source = params.source;
        }
    }
    emit!(OraclePriceInitialized {
        market: market_key,
        oracle: ctx.accounts.oracle.key(),
        mint: mint_key,
        source_kind: kind as u8,
        source: params.source,
    });
    if kind == OracleSource::Fixed {
        emit!(FixedPriceSet {
            oracle: ctx.accounts.oracle.key(),
            price: params.fixed_price,
            expo: params.fixed_expo,
            conf: 0,
        });
    }
    Ok(())
}
