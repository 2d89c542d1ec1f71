//! `request_unstake`: a staker puts fund shares into the cooldown. They are burned from the
//! wallet but stay in the fund, slashable, until withdrawn or cancelled.

use super::shared::token_ops::burn_shares;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::constants::UNSTAKE_REQUEST_SEED;
use crate::errors::LendingError;
use crate::events::UnstakeRequested;
use crate::state::{InsuranceFund, LendingMarket, UnstakeRequest, UNSTAKE_REQUEST_SIZE};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fund::request_unstake;
use lending_core::ops::guards::resolve_amount;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RequestUnstake<'info> {
    /// The staker; pays the request's rent (returned when it closes).
    #[account(mut, constraint = all_distinct(&[share_mint.key, staker_shares.key])
        @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]
    pub staker: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The insurance fund.
    #[account(
        mut,
        has_one = market @ LendingError::WrongMarket,
        has_one = share_mint @ LendingError::WrongInsuranceFund,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub fund: AccountLoader<'info, InsuranceFund>,
    /// The fund's share mint.
    /// CHECK: the fund's (`has_one`); the token program checks it too.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// The staker's shares, burned from here.
    /// CHECK: read as a token account of the fund's shares.
    #[account(mut)]
    pub staker_shares: UncheckedAccount<'info>,
    /// The new request, at `["unstake", fund, staker]`: one per staker at a time.
    #[account(
        init,
        payer = staker,
        space = 8 + UNSTAKE_REQUEST_SIZE,
        seeds = [UNSTAKE_REQUEST_SEED, fund.key().as_ref(), staker.key().as_ref()],
        bump
    )]
    pub request: AccountLoader<'info, UnstakeRequest>,
    /// The fund's token program.
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

/// Puts `shares` (`u64::MAX`: every share in the account) into the cooldown.
pub fn handler(ctx: Context<RequestUnstake>, shares: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = super::shared::accounts::clock()?;
    let mut fund = accounts.fund.load_mut()?;
    let from = user_token_account(&accounts.staker_shares, &fund.share_mint)?;
    let shares = resolve_amount(shares, from.amount).map_err(LendingError::from)?;
    let mut request = accounts.request.load_init()?;
    let (fund_key, staker) = (accounts.fund.key(), accounts.staker.key());
    request_unstake(
        &*accounts.market.load()?,
        &mut fund,
        &mut request,
        (&fund_key, &staker, ctx.bumps.request),
        shares,
        &clock,
    )
    .map_err(LendingError::from)?;
    let event = UnstakeRequested {
        fund: fund_key,
        staker,
        shares,
        value: request.value_at_request,
        cooldown_end: request.cooldown_end,
        window_end: request.window_end,
    };
    drop((fund, request));

    burn_shares(
        &accounts.token_program,
        &accounts.share_mint,
        &accounts.staker_shares,
        &accounts.staker,
        shares,
    )?;
    emit!(event);
    Ok(())
}
