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
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    let from = user_token_account(&a.user_shares, &r.share_mint)?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    let shares = resolve_amount(shares, from.amount).map_err(LendingError::from)?;
    check_not_vault(&r, a.user_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("redeem: accounts loaded and checked");

    let amount =
        supply::redeem(&*a.market.load()?, &mut r, shares, &clock).map_err(LendingError::from)?;
    crate::probe!("redeem: operation");
    let authority = ReserveAuthority::of(&r);
    drop(r);

    reserve.burn_shares(&a.user_shares, &a.user, shares)?;
    reserve.pay_out(&authority, &a.user_liquidity, amount)?;
    emit!(SharesRedeemed {
        reserve: reserve.key(),
        user: a.user.key(),
        shares,
        amount,
    });
    Ok(())
}
