//! `cancel_unstake`: a staker takes the request's shares back (fewer if the fund's share price
//! rose in the cooldown); the request closes.

use super::shared::token_ops::mint_shares;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::UnstakeCancelled;
use crate::state::{InsuranceFund, UnstakeRequest};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fund::cancel_unstake;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct CancelUnstake<'info> {
    /// The staker; gets the request's rent back.
    #[account(mut, constraint = all_distinct(&[share_mint.key, staker_shares.key])
        @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]
    pub staker: Signer<'info>,
    /// The insurance fund.
    #[account(
        mut,
        has_one = share_mint @ LendingError::WrongInsuranceFund,
        has_one = token_program @ LendingError::WrongTokenProgram
    )]
    pub fund: AccountLoader<'info, InsuranceFund>,
    /// The fund's share mint.
    /// CHECK: the fund's (`has_one`); the token program checks it too.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// The staker's account receiving the shares back.
    /// CHECK: read as a token account of the fund's shares.
    #[account(mut)]
    pub staker_shares: UncheckedAccount<'info>,
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

/// Mints the shares back and closes the request.
pub fn handler(ctx: Context<CancelUnstake>) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = super::shared::accounts::clock()?;
    let mut fund = accounts.fund.load_mut()?;
    user_token_account(&accounts.staker_shares, &fund.share_mint)?;
    let mut request = accounts.request.load_mut()?;
    let shares = request.shares;
    let back = cancel_unstake(&mut fund, &mut request, &clock).map_err(LendingError::from)?;
    let signer = fund.signer();
    drop((fund, request));

    mint_shares(
        &accounts.token_program,
        &accounts.share_mint,
        &accounts.staker_shares,
        accounts.fund.as_ref(),
        &signer.seeds(),
        back,
    )?;
    emit!(UnstakeCancelled {
        fund: accounts.fund.key(),
        staker: accounts.staker.key(),
        shares,
        shares_returned: back,
    });
    Ok(())
}
