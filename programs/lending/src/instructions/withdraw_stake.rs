//! `withdraw_stake`: after the cooldown and within the window, a staker takes out what the
//! request's shares are worth (at most their value at the request); the request closes.

use super::shared::token_ops::pay_from_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::StakeWithdrawn;
use crate::state::{InsuranceFund, LendingMarket, UnstakeRequest};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fund::withdraw_stake;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct WithdrawStake<'info> {
    /// The staker; gets the request's rent back.
    #[account(mut, constraint = all_distinct(&[vault.key, staker_liquidity.key])
        @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]
    pub staker: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The insurance fund.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = liquidity_mint @ LendingError::WrongInsuranceFund,
        has_one = vault @ LendingError::WrongInsuranceFund,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub fund: AccountLoader<'info, InsuranceFund>,
    /// The fund's asset.
    /// CHECK: the fund's (`has_one`); the token program checks it too.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The fund's vault.
    /// CHECK: the fund's (`has_one`); balance checked after the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// The staker's token account receiving the tokens.
    /// CHECK: read as a token account of the fund's asset.
    #[account(mut)]
    pub staker_liquidity: UncheckedAccount<'info>,
    /// The staker's request.
    #[account(
        mut,
        close = staker,
        has_one = fund @ LendingError::NoUnstakeRequest,
        constraint = request.load()?.owner == staker.key() @ LendingError::NoUnstakeRequest
    )]
    pub request: AccountLoader<'info, UnstakeRequest>,
    /// The fund's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Pays the request out and closes it.
pub fn handler(ctx: Context<WithdrawStake>) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = super::shared::accounts::clock()?;
    let mut fund = accounts.fund.load_mut()?;
    user_token_account(&accounts.staker_liquidity, &fund.liquidity_mint)?;
    let mut request = accounts.request.load_mut()?;
    let shares = request.shares;
    let amount = withdraw_stake(&*accounts.market.load()?, &mut fund, &mut request, &clock)
        .map_err(LendingError::from)?;
    let (signer, decimals) = (fund.signer(), fund.decimals);
    drop((fund, request));

    pay_from_vault(
        &accounts.token_program,
        &accounts.vault,
        &accounts.staker_liquidity,
        &accounts.liquidity_mint,
        decimals,
        accounts.fund.as_ref(),
        &signer.seeds(),
        amount,
    )?;
    emit!(StakeWithdrawn {
        fund: accounts.fund.key(),
        staker: accounts.staker.key(),
        shares,
        amount,
    });
    Ok(())
}
