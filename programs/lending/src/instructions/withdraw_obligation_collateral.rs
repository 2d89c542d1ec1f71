//! `withdraw_obligation_collateral`: takes collateral shares out of the obligation back to the
//! owner's wallet, if the obligation stays within its borrowing power.

use super::collateral::take_collateral;
use super::shared::guards::{
    check_market, check_not_vault, check_obligation_binding, check_reserve_binding, check_status,
    Action, ReserveBinding,
};
use super::shared::token_ops::mint_shares;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::events::CollateralWithdrawn;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct WithdrawObligationCollateral<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[share_mint.key, user_shares.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve the collateral is in.
    /// Checked against the accounts it names by `check_reserve_binding`.
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's share mint.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// Owner's share account receiving the shares.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Withdraws `shares` (`u64::MAX`: the most health allows).
pub fn handler(ctx: Context<WithdrawObligationCollateral>, shares: u64) -> Result<()> {
    crate::probe!("withdraw: accounts loaded");
    crate::probe!("withdraw: probe cost");
    let clock = Clock::get()?;
    let a = &ctx.accounts;
    let (shares, signer, health) = {
        let r = a.reserve.load()?;
        let binding = ReserveBinding {
            market: Some(a.market.as_ref().key),
            share_mint: Some(a.share_mint.key),
            token_program: Some(a.token_program.key),
            ..ReserveBinding::default()
        };
        check_reserve_binding(&r, &binding)?;
        user_token_account(&a.user_shares, a.share_mint.key)?;
        check_market(&*a.market.load()?, Action::Withdraw, clock.unix_timestamp)?;
        check_status(&r, Action::Withdraw)?;
        check_not_vault(&r, &a.user_shares.key())?;
        let mut ob = a.obligation.load_mut()?;
        check_obligation_binding(&ob, a.market.as_ref().key, Some(a.owner.key))?;
        crate::probe!("withdraw: bindings and checks");
        let taken = take_collateral(
            &mut ob,
            &a.reserve.key(),
            &r,
            ctx.remaining_accounts,
            shares,
            &clock,
        )?;
        crate::probe!("withdraw: collateral taken, health checked");
        (taken, r.signer(), ob.health())
    };
    mint_shares(
        &a.token_program,
        &a.share_mint.to_account_info(),
        &a.user_shares.to_account_info(),
        &a.reserve.to_account_info(),
        &signer,
        shares,
    )?;
    crate::probe!("withdraw: shares minted");
    emit!(CollateralWithdrawn {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        shares,
        liquidity_amount: 0,
        health: health.into(),
    });
    Ok(())
}
