//! `redeem_reserve_collateral`: burns deposit shares for liquidity.

use super::shared::accounts::{clock, ReserveAuthority};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::SharesRedeemed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::{check_not_vault, resolve_amount};
use lending_core::ops::supply;

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct RedeemReserveCollateral {
        /// Share holder.
        user: signer,
        market: market,
        /// The reserve.
        reserve: reserve_mut with [liquidity_mint, supply_vault, share_mint],
        /// Holder's share account.
        user_shares: user_token,
        /// Holder's token account receiving liquidity.
        user_liquidity: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, share_mint, user_shares, user_liquidity]
}

/// Redeems `shares` (`u64::MAX`: the whole share account).
pub fn handler(ctx: Context<RedeemReserveCollateral>, shares: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    let from = user_token_account(&accounts.user_shares, &reserve.share_mint)?;
    user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    let shares = resolve_amount(shares, from.amount).map_err(LendingError::from)?;
    check_not_vault(&reserve, accounts.user_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("redeem: accounts loaded and checked");

    let amount = supply::redeem(&*accounts.market.load()?, &mut reserve, shares, &clock)
        .map_err(LendingError::from)?;
    crate::probe!("redeem: operation");
    let authority = ReserveAuthority::of(&reserve);
    drop(reserve);

    reserve_accounts.burn_shares(&accounts.user_shares, &accounts.user, shares)?;
    reserve_accounts.pay_out(&authority, &accounts.user_liquidity, amount)?;
    emit!(SharesRedeemed {
        reserve: reserve_accounts.key(),
        user: accounts.user.key(),
        shares,
        amount,
    });
    Ok(())
}
