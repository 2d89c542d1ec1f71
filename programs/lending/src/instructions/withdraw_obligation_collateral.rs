//! `withdraw_obligation_collateral`: takes collateral shares out of the obligation back to the
//! owner's wallet, if the obligation stays within its borrowing power.

use super::shared::accounts::{
    clock, load_obligation, RemainingReserves, ReserveAccounts, ReserveAuthority,
};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::CollateralWithdrawn;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::take_collateral;
use lending_core::ops::guards::{check_market, check_not_vault, check_status};
use lending_core::ops::Action;

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

impl<'info> WithdrawObligationCollateral<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .share_mint(&self.share_mint)
    }
}

/// Withdraws `shares` (`u64::MAX`: the most health allows); the obligation's other reserves
/// follow as remaining accounts.
pub fn handler(ctx: Context<WithdrawObligationCollateral>, shares: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let r = reserve.load()?;
    user_token_account(&a.user_shares, &r.share_mint)?;
    check_market(&*a.market.load()?, Action::Withdraw, clock.unix_timestamp)
        .map_err(LendingError::from)?;
    check_status(&r, Action::Withdraw).map_err(LendingError::from)?;
    check_not_vault(&r, a.user_shares.key).map_err(LendingError::from)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;
    crate::probe!("withdraw: accounts loaded and checked");

    let others = RemainingReserves(ctx.remaining_accounts);
    let shares = take_collateral(&mut ob, &reserve.key(), &r, &others, shares, &clock)
        .map_err(LendingError::from)?;
    crate::probe!("withdraw: operation");
    let (authority, health) = (ReserveAuthority::of(&r), ob.health());
    drop((ob, r));

    reserve.mint_shares(&authority, &a.user_shares, shares)?;
    emit!(CollateralWithdrawn {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: 0,
        health: health.into(),
    });
    Ok(())
}
