//! `init_reserve`: the owner lists an asset, with a mandatory seed deposit.

use super::reserve_config::ReserveConfigParams;
use super::shared::accounts::clock;
use super::shared::mint_screen::screen_mint;
use super::shared::token_ops::pay_into_vault;
use crate::constants::{FEE_VAULT_SEED, RESERVE_SEED, SHARE_MINT_SEED, SUPPLY_VAULT_SEED};
use crate::errors::LendingError;
use crate::events::ReserveInitialized;
use crate::state::{LendingMarket, OraclePrice, Reserve, RESERVE_SIZE};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use lending_core::ops::reserve::{init_reserve, ReserveAddresses};
use lending_core::ops::timelock::check_listing;

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

/// Creates the reserve and locks the seed deposit's shares forever. In a market with a delay
/// the reserve is listed frozen, and activated through the queue.
pub fn handler(
    ctx: Context<InitReserve>,
    config: ReserveConfigParams,
    seed_amount: u64,
) -> Result<()> {
    let config = config.to_config()?;
    let clock = clock()?;
    let accounts = &ctx.accounts;
    let addresses = ReserveAddresses {
        market: accounts.market.key(),
        liquidity_mint: accounts.liquidity_mint.key(),
        token_program: accounts.token_program.key(),
        supply_vault: accounts.supply_vault.key(),
        fee_vault: accounts.fee_vault.key(),
        share_mint: accounts.share_mint.key(),
        oracle: accounts.oracle.key(),
    };
    let decimals = accounts.liquidity_mint.decimals;
    check_listing(&*accounts.market.load()?, &config).map_err(LendingError::from)?;
    init_reserve(
        &mut *accounts.reserve.load_init()?,
        &addresses,
        decimals,
        ctx.bumps.reserve,
        &config,
        seed_amount,
        &clock,
    )
    .map_err(LendingError::from)?;
    accounts.market.load_mut()?.reserve_count += 1;
    screen_mint(
        &accounts.liquidity_mint.to_account_info(),
        config.trusted_issuer != 0,
    )?;

    pay_into_vault(
        &accounts.token_program,
        &accounts.seed_source.to_account_info(),
        &accounts.supply_vault.to_account_info(),
        &accounts.liquidity_mint.to_account_info(),
        decimals,
        &accounts.owner,
        seed_amount,
    )?;
    emit!(ReserveInitialized {
        market: addresses.market,
        reserve: accounts.reserve.key(),
        mint: addresses.liquidity_mint,
        seed_amount,
    });
    Ok(())
}
