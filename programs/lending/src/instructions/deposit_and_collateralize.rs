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
    let a = &ctx.accounts;
    let clock = clock()?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    let from = user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    let amount = resolve_amount(amount, from.amount).map_err(LendingError::from)?;

    let market = a.market.load()?;
    let shares = supply::deposit(
        &market,
        &mut r,
        a.user_liquidity.key,
        amount,
        Action::TopUp,
        &clock,
    )
    .map_err(LendingError::from)?;
    add_collateral(&mut ob, &reserve.key(), shares).map_err(LendingError::from)?;
    let authority = ReserveAuthority::of(&r);
    drop((ob, r));

    reserve.pay_in(&authority, &a.user_liquidity, &a.owner, amount)?;
    emit!(CollateralDeposited {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: amount,
    });
    Ok(())
}
