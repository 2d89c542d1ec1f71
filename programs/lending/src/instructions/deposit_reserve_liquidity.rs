//! `deposit_reserve_liquidity`: supplies liquidity and receives deposit shares.

use super::shared::accounts::{clock, ReserveAuthority};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::LiquidityDeposited;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::{check_not_vault, resolve_amount};
use lending_core::ops::{supply, Action};

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct DepositReserveLiquidity {
        /// Depositor.
        user: signer,
        market: market,
        /// The reserve.
        reserve: reserve_mut with [liquidity_mint, supply_vault, share_mint],
        /// Depositor's token account of the asset.
        user_liquidity: user_token,
        /// Depositor's token account receiving shares.
        user_shares: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, share_mint, user_liquidity, user_shares]
}

/// Deposits `amount` tokens (`u64::MAX`: the whole token account) for shares, rounded down.
pub fn handler(ctx: Context<DepositReserveLiquidity>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    let from = user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    user_token_account(&a.user_shares, &r.share_mint)?;
    let amount = resolve_amount(amount, from.amount).map_err(LendingError::from)?;
    check_not_vault(&r, a.user_shares.key).map_err(LendingError::from)?;
    crate::probe!("deposit: accounts loaded and checked");

    let market = a.market.load()?;
    let shares = supply::deposit(
        &market,
        &mut r,
        a.user_liquidity.key,
        amount,
        Action::Supply,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("deposit: operation");
    let authority = ReserveAuthority::of(&r);
    drop(r);

    reserve.pay_in(&authority, &a.user_liquidity, &a.user, amount)?;
    reserve.mint_shares(&authority, &a.user_shares, shares)?;
    emit!(LiquidityDeposited {
        reserve: reserve.key(),
        user: a.user.key(),
        amount,
        shares,
    });
    Ok(())
}
