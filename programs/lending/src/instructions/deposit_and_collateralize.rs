//! `deposit_and_collateralize`: supplies liquidity and puts the resulting shares straight into
//! the obligation as collateral, in one token transfer (the combined instruction wallets use).

use super::shared::accounts::{clock, load_obligation, ReserveAuthority};
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::add_collateral;
use lending_core::ops::guards::resolve_amount;
use lending_core::ops::{supply, Action};

crate::lending_accounts! {
    /// Accounts of both `deposit_and_collateralize` and `withdraw_and_redeem`.
    pub struct CollateralLiquidity {
        /// Obligation owner.
        owner: signer,
        market: market,
        /// The obligation.
        obligation: obligation,
        /// The reserve.
        reserve: reserve_mut with [liquidity_mint, supply_vault],
        /// Owner's token account of the asset (pays it in, or receives it).
        user_liquidity: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, user_liquidity]
}

/// Deposits `amount` tokens (`u64::MAX`: the whole token account) as collateral.
pub fn handler(ctx: Context<CollateralLiquidity>, amount: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let mut obligation = load_obligation(
        &accounts.obligation,
        accounts.market.as_ref().key,
        Some(accounts.owner.key),
    )?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    let from = user_token_account(&accounts.user_liquidity, &reserve.liquidity_mint)?;
    let amount = resolve_amount(amount, from.amount).map_err(LendingError::from)?;

    let market = accounts.market.load()?;
    let shares = supply::deposit(
        &market,
        &mut reserve,
        accounts.user_liquidity.key,
        amount,
        Action::TopUp,
        &clock,
    )
    .map_err(LendingError::from)?;
    add_collateral(&mut obligation, &reserve_accounts.key(), &reserve, shares)
        .map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&reserve);
    drop((obligation, reserve));

    reserve_accounts.pay_in(
        &authority,
        &accounts.user_liquidity,
        &accounts.owner,
        amount,
    )?;
    emit!(CollateralDeposited {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        shares,
        liquidity_amount: amount,
    });
    Ok(())
}
