//! `init_insurance_fund`: the market owner gives a reserve its first-loss insurance fund, with
//! a mandatory seed stake and the reserve's cuts of its income for the fund.

use super::fund_params::FundCutsParams;
use super::shared::token_ops::pay_into_vault;
use crate::constants::{FUND_SHARE_MINT_SEED, FUND_VAULT_SEED, INSURANCE_FUND_SEED};
use crate::errors::LendingError;
use crate::events::InsuranceFundSet;
use crate::state::{InsuranceFund, LendingMarket, Reserve, INSURANCE_FUND_SIZE};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use lending_core::ops::fund::{init_fund, FundAddresses};
use lending_core::ops::timelock::check_new_fund;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct InitInsuranceFund<'info> {
    /// Market owner; pays rent and the seed stake.
    #[account(mut)]
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
    pub market: AccountLoader<'info, LendingMarket>,
    /// The reserve to insure.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = liquidity_mint @ LendingError::WrongReserveAccount,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's asset.
    pub liquidity_mint: Box<InterfaceAccount<'info, Mint>>,
    /// The new fund, at `["insurance_fund", reserve]`.
    #[account(
        init,
        payer = owner,
        space = 8 + INSURANCE_FUND_SIZE,
        seeds = [INSURANCE_FUND_SEED, reserve.key().as_ref()],
        bump
    )]
    pub fund: AccountLoader<'info, InsuranceFund>,
    /// The fund's vault, owned by the fund.
    #[account(
        init,
        payer = owner,
        seeds = [FUND_VAULT_SEED, reserve.key().as_ref()],
        bump,
        token::mint = liquidity_mint,
        token::authority = fund,
        token::token_program = token_program
    )]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The fund's share mint, with the fund as mint authority.
    #[account(
        init,
        payer = owner,
        seeds = [FUND_SHARE_MINT_SEED, reserve.key().as_ref()],
        bump,
        mint::decimals = liquidity_mint.decimals,
        mint::authority = fund,
        mint::token_program = token_program
    )]
    pub share_mint: Box<InterfaceAccount<'info, Mint>>,
    /// Owner's token account funding the seed stake.
    #[account(
        mut,
        token::mint = liquidity_mint,
        token::authority = owner,
        token::token_program = token_program
    )]
    pub seed_source: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Creates the fund, locks the seed stake's shares forever and sets the reserve's cuts.
pub fn handler(
    ctx: Context<InitInsuranceFund>,
    cuts: FundCutsParams,
    seed_amount: u64,
) -> Result<()> {
    let accounts = &ctx.accounts;
    let addresses = FundAddresses {
        fund: accounts.fund.key(),
        reserve: accounts.reserve.key(),
        vault: accounts.vault.key(),
        share_mint: accounts.share_mint.key(),
    };
    let now = Clock::get()?.unix_timestamp;
    check_new_fund(&*accounts.market.load()?, &cuts.cuts()).map_err(LendingError::from)?;
    init_fund(
        &mut *accounts.fund.load_init()?,
        &mut *accounts.reserve.load_mut()?,
        &addresses,
        &cuts.cuts(),
        seed_amount,
        ctx.bumps.fund,
        now,
    )
    .map_err(LendingError::from)?;
    pay_into_vault(
        &accounts.token_program,
        &accounts.seed_source.to_account_info(),
        &accounts.vault.to_account_info(),
        &accounts.liquidity_mint.to_account_info(),
        accounts.liquidity_mint.decimals,
        &accounts.owner,
        seed_amount,
    )?;
    emit!(InsuranceFundSet {
        reserve: addresses.reserve,
        fund: addresses.fund,
        seed_amount,
        interest_cut_bps: cuts.interest_cut_bps,
        liquidation_cut_bps: cuts.liquidation_cut_bps,
    });
    Ok(())
}
