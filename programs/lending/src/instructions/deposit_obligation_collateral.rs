//! `deposit_obligation_collateral`: moves deposit shares from the owner's wallet into the
//! obligation as collateral (the shares are burned and held by the obligation's record).

use super::shared::accounts::{load_obligation, ReserveAccounts};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::add_collateral;
use lending_core::ops::guards::{check_status, resolve_amount};
use lending_core::ops::Action;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositObligationCollateral<'info> {
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
    /// The reserve whose shares are deposited.
    /// Checked against the accounts it names by `check_reserve_binding`.
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's share mint.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// Owner's share account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> DepositObligationCollateral<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .share_mint(&self.share_mint)
    }
}

/// Deposits `shares` (`u64::MAX`: the whole share account) as collateral. Moving shares into an
/// obligation only lowers risk: no pause stops it.
pub fn handler(ctx: Context<DepositObligationCollateral>, shares: u64) -> Result<()> {
    let a = &ctx.accounts;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;
    let reserve = a.reserve_accounts();
    let r = reserve.load()?;
    let from = user_token_account(&a.user_shares, &r.share_mint)?;
    let shares = resolve_amount(shares, from.amount).map_err(LendingError::from)?;

    check_status(&r, Action::Collateralize).map_err(LendingError::from)?;
    add_collateral(&mut ob, &reserve.key(), shares).map_err(LendingError::from)?;
    drop((ob, r));

    reserve.burn_shares(&a.user_shares, &a.owner, shares)?;
    emit!(CollateralDeposited {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: 0,
    });
    Ok(())
}
