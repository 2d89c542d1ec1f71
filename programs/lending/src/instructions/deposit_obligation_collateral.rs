//! `deposit_obligation_collateral`: moves deposit shares from the owner's wallet into the
//! obligation as collateral (the shares are burned and held by the obligation's record).

use super::shared::accounts::load_obligation;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::add_collateral;
use lending_core::ops::guards::{check_status, resolve_amount};
use lending_core::ops::Action;

crate::lending_accounts! {
    /// Accounts of both `deposit_obligation_collateral` and `withdraw_obligation_collateral`.
    pub struct CollateralShares {
        /// Obligation owner.
        owner: signer,
        market: market,
        /// The obligation.
        obligation: obligation,
        /// The reserve the collateral is in.
        reserve: reserve with [share_mint],
        /// Owner's share account (pays the shares in, or receives them).
        user_shares: user_token,
        token_program: token_program,
    }
    distinct: [share_mint, user_shares]
}

/// Deposits `shares` (`u64::MAX`: the whole share account) as collateral. Moving shares into an
/// obligation only lowers risk: no pause stops it.
pub fn handler(ctx: Context<CollateralShares>, shares: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let mut obligation = load_obligation(
        &accounts.obligation,
        accounts.market.as_ref().key,
        Some(accounts.owner.key),
    )?;
    let reserve_accounts = accounts.reserve_accounts();
    let reserve = reserve_accounts.load()?;
    let from = user_token_account(&accounts.user_shares, &reserve.share_mint)?;
    let shares = resolve_amount(shares, from.amount).map_err(LendingError::from)?;

    check_status(&reserve, Action::Collateralize).map_err(LendingError::from)?;
    add_collateral(&mut obligation, &reserve_accounts.key(), &reserve, shares)
        .map_err(LendingError::from)?;
    drop((obligation, reserve));

    reserve_accounts.burn_shares(&accounts.user_shares, &accounts.owner, shares)?;
    emit!(CollateralDeposited {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        shares,
        liquidity_amount: 0,
    });
    Ok(())
}
