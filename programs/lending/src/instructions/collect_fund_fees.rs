//! `collect_fund_fees`: anyone moves the insurance fund's cut accrued in its reserve into the
//! fund's vault, where it vests to the stakers over the market's stream period.

use super::shared::accounts::{ReserveAccounts, ReserveAuthority};
use crate::errors::LendingError;
use crate::events::FundFeesCollected;
use crate::state::{InsuranceFund, LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fund::collect_fund_fees;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct CollectFundFees<'info> {
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The insured reserve, loaded with the accounts it names checked against it.
    #[account(mut)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's asset.
    /// CHECK: the reserve's (checked in its load); the token program checks it too.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The reserve's supply vault.
    /// CHECK: the reserve's (checked in its load); balance checked after the transfer.
    #[account(mut, constraint = supply_vault.key() != vault.key()
        @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]
    pub supply_vault: UncheckedAccount<'info>,
    /// The reserve's insurance fund.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = reserve @ LendingError::WrongInsuranceFund,
        has_one = vault @ LendingError::WrongInsuranceFund
    )]
    pub fund: AccountLoader<'info, InsuranceFund>,
    /// The fund's vault.
    /// CHECK: the fund's (`has_one`); balance checked after the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Collects what the reserve's cash allows.
pub fn handler(ctx: Context<CollectFundFees>) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = super::shared::accounts::clock()?;
    let reserve_accounts = ReserveAccounts::new(
        accounts.market.as_ref().key,
        &accounts.reserve,
        &accounts.token_program,
    )
    .liquidity_mint(&accounts.liquidity_mint)
    .supply_vault(&accounts.supply_vault);
    let mut reserve = reserve_accounts.load_mut()?;
    let mut fund = accounts.fund.load_mut()?;
    let amount = collect_fund_fees(&*accounts.market.load()?, &mut reserve, &mut fund, &clock)
        .map_err(LendingError::from)?;
    let stream_end = fund.stream_end;
    let authority = ReserveAuthority::of(&reserve);
    drop((reserve, fund));

    reserve_accounts.pay_out_to_vault(&authority, &accounts.vault, amount)?;
    emit!(FundFeesCollected {
        reserve: reserve_accounts.key(),
        fund: accounts.fund.key(),
        amount,
        stream_end,
    });
    Ok(())
}
