//! `init_reserve`: the owner lists an asset, with a mandatory seed deposit.

use super::reserve_config::ReserveConfigParams;
use super::shared::mint_screen::screen_mint;
use super::shared::token_ops::pay_into_vault;
use crate::constants::{
    FEE_VAULT_SEED, MIN_SEED_DEPOSIT, RESERVE_SEED, SHARE_MINT_SEED, SUPPLY_VAULT_SEED,
};
use crate::errors::LendingError;
use crate::events::ReserveInitialized;
use crate::risk::fixed::WAD;
use crate::state::{LendingMarket, OraclePrice, Reserve, ACCOUNT_VERSION};
use crate::state::{PriceStatus, RESERVE_SIZE};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct InitReserve<'info> {
    /// Market owner; pays rent and the seed deposit.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The market.
    #[account(mut, has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The asset to list.
    #[account(mint::token_program = token_program)]
    pub liquidity_mint: Box<InterfaceAccount<'info, Mint>>,
    /// The new reserve.
    #[account(
        init,
        payer = owner,
        space = 8 + RESERVE_SIZE,
        seeds = [RESERVE_SEED, market.key().as_ref(), liquidity_mint.key().as_ref()],
        bump
    )]
    pub reserve: AccountLoader<'info, Reserve>,
    /// Vault of available liquidity, owned by the reserve.
    #[account(
        init,
        payer = owner,
        seeds = [SUPPLY_VAULT_SEED, reserve.key().as_ref()],
        bump,
        token::mint = liquidity_mint,
        token::authority = reserve,
        token::token_program = token_program
    )]
    pub supply_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Vault of protocol fees, owned by the reserve.
    #[account(
        init,
        payer = owner,
        seeds = [FEE_VAULT_SEED, reserve.key().as_ref()],
        bump,
        token::mint = liquidity_mint,
        token::authority = reserve,
        token::token_program = token_program
    )]
    pub fee_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Mint of deposit shares, with the reserve as mint authority.
    #[account(
        init,
        payer = owner,
        seeds = [SHARE_MINT_SEED, reserve.key().as_ref()],
        bump,
        mint::decimals = liquidity_mint.decimals,
        mint::authority = reserve,
        mint::token_program = token_program
    )]
    pub share_mint: Box<InterfaceAccount<'info, Mint>>,
    /// The asset's price account in this market.
    #[account(
        has_one = market @ LendingError::WrongMarket,
        constraint = oracle.load()?.mint == liquidity_mint.key() @ LendingError::WrongOracle
    )]
    pub oracle: AccountLoader<'info, OraclePrice>,
    /// Owner's token account funding the seed deposit.
    #[account(
        mut,
        token::mint = liquidity_mint,
        token::authority = owner,
        token::token_program = token_program
    )]
    pub seed_source: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Token program of the asset (SPL Token or Token-2022).
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Creates the reserve and locks the seed deposit's shares forever.
pub fn handler(
    ctx: Context<InitReserve>,
    config: ReserveConfigParams,
    seed_amount: u64,
) -> Result<()> {
    let config = config.to_config()?;
    require!(
        seed_amount >= MIN_SEED_DEPOSIT,
        LendingError::SeedDepositTooSmall
    );
    screen_mint(
        &ctx.accounts.liquidity_mint.to_account_info(),
        config.trusted_issuer != 0,
    )?;
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    pay_into_vault(
        &a.token_program,
        &a.seed_source.to_account_info(),
        &a.supply_vault.to_account_info(),
        &a.liquidity_mint.to_account_info(),
        a.liquidity_mint.decimals,
        &a.owner,
        seed_amount,
    )?;
    {
        let mut r = a.reserve.load_init()?;
        r.version = ACCOUNT_VERSION;
        r.market = a.market.key();
        r.liquidity_mint = a.liquidity_mint.key();
        r.token_program = a.token_program.key();
        r.supply_vault = a.supply_vault.key();
        r.fee_vault = a.fee_vault.key();
        r.share_mint = a.share_mint.key();
        r.oracle = a.oracle.key();
        r.decimals = a.liquidity_mint.decimals;
        r.bump = ctx.bumps.reserve;
        r.borrow_index.set(WAD);
        r.available = seed_amount;
        r.share_supply = seed_amount;
        r.seed_shares = seed_amount;
        r.config = config;
        // Nothing is borrowed yet: the curve's rate at zero utilisation.
        r.borrow_apr
            .set(config.curve.apr_wad(0).map_err(LendingError::from)?);
        r.last_update.update(clock.slot, clock.unix_timestamp);
        r.last_update.mark_stale();
        r.price_status = PriceStatus::Invalid as u8;
    }
    a.market.load_mut()?.reserve_count += 1;
    emit!(ReserveInitialized {
        market: ctx.accounts.market.key(),
        reserve: ctx.accounts.reserve.key(),
        mint: ctx.accounts.liquidity_mint.key(),
        seed_amount,
    });
    Ok(())
}
