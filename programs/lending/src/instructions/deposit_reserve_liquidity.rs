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
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    let from = user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    user_token_account(&accounts.user_shares, &reserve.share_mint)?;
    let amount = resolve_amount(amount, from.amount).map_err(LendingError::from)?;
    check_not_vault(&reserve, accounts.user_shares.key).map_err(LendingError::from)?;
    crate::probe!("deposit: accounts loaded and checked");

    let market = accounts.market.load()?;
    let shares = supply::deposit(
        &market,
        &mut reserve,
        accounts.user_liquidity.key,
        amount,
        Action::Supply,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("deposit: operation");
    let authority = ReserveAuthority::of(&reserve);
    drop(reserve);

    reserve_accounts.pay_in(&authority, &accounts.user_liquidity, &accounts.user, amount)?;
    reserve_accounts.mint_shares(&authority, &accounts.user_shares, shares)?;
    emit!(LiquidityDeposited {
        reserve: reserve_accounts.key(),
        user: accounts.user.key(),
        amount,
        shares,
    });
    Ok(())
}
