//! `stake`: anyone stakes tokens into a reserve's insurance fund for fund shares.

use super::shared::token_ops::{mint_shares, pay_into_vault};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::Staked;
use crate::state::{InsuranceFund, LendingMarket};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fund::stake;
use lending_core::ops::guards::resolve_amount;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct Stake<'info> {
    /// The staker.
    #[account(constraint = all_distinct(&[vault.key, share_mint.key, staker_liquidity.key,
        staker_shares.key]) @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]
    pub staker: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The insurance fund.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = liquidity_mint @ LendingError::WrongInsuranceFund,
        has_one = vault @ LendingError::WrongInsuranceFund,
        has_one = share_mint @ LendingError::WrongInsuranceFund,
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
    /// The fund's share mint.
    /// CHECK: the fund's (`has_one`); the token program checks it too.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// The staker's token account paying in.
    /// CHECK: read as a token account of the fund's asset.
    #[account(mut)]
    pub staker_liquidity: UncheckedAccount<'info>,
    /// The staker's account receiving the shares.
    /// CHECK: read as a token account of the fund's shares.
    #[account(mut)]
    pub staker_shares: UncheckedAccount<'info>,
    /// The fund's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Stakes `amount` tokens (`u64::MAX`: the whole token account); the shares are rounded down.
pub fn handler(ctx: Context<Stake>, amount: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = super::shared::accounts::clock()?;
    let mut fund = accounts.fund.load_mut()?;
    let from = user_token_account(&accounts.staker_liquidity, &fund.liquidity_mint)?;
    user_token_account(&accounts.staker_shares, &fund.share_mint)?;
    let amount = resolve_amount(amount, from.amount).map_err(LendingError::from)?;
    let market = accounts.market.load()?;
    let shares = stake(&market, &mut fund, amount, &clock).map_err(LendingError::from)?;
    let (signer, decimals) = (fund.signer(), fund.decimals);
    drop((fund, market));

    pay_into_vault(
        &accounts.token_program,
        &accounts.staker_liquidity,
        &accounts.vault,
        &accounts.liquidity_mint,
        decimals,
        &accounts.staker,
        amount,
    )?;
    mint_shares(
        &accounts.token_program,
        &accounts.share_mint,
        &accounts.staker_shares,
        accounts.fund.as_ref(),
        &signer.seeds(),
        shares,
    )?;
    emit!(Staked {
        fund: accounts.fund.key(),
        staker: accounts.staker.key(),
        amount,
        shares,
    });
    Ok(())
}
