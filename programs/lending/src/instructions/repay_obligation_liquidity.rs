//! `repay_obligation_liquidity`: pays back debt (anyone may repay for an obligation).

use super::shared::accounts::{clock, load_obligation, ReserveAuthority};
use super::shared::emode_group_account::group_mut_at;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::Repaid;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::check_not_vault;
use lending_core::ops::repay::repay;

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct RepayObligationLiquidity {
        /// Payer (need not be the owner).
        payer: signer,
        market: market,
        /// The obligation.
        obligation: obligation,
        /// The reserve the debt is owed to.
        reserve: reserve_mut with [liquidity_mint, supply_vault],
        /// Payer's token account.
        payer_liquidity: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, payer_liquidity]
}

/// Repays `amount` (`u64::MAX`: everything owed, rounded up, leaving no dust). Never takes more
/// than is owed. Allowed even when the market is paused or the reserve frozen. An obligation in
/// an isolated e-mode group takes its group (writable) as the one remaining account.
pub fn handler(ctx: Context<RepayObligationLiquidity>, amount: u64) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.payer_liquidity, &reserve.liquidity_mint)?;
    let mut obligation = load_obligation(&accounts.obligation, accounts.market.as_ref().key, None)?;
    check_not_vault(&reserve, accounts.payer_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("repay: accounts loaded and checked");

    let mut group = group_mut_at(ctx.remaining_accounts, 0)?;
    let outcome = repay(
        &reserve_accounts.key(),
        &mut reserve,
        &mut obligation,
        group.as_deref_mut(),
        amount,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("repay: operation");
    let authority = ReserveAuthority::of(&reserve);
    drop((obligation, reserve, group));

    reserve_accounts.pay_in(
        &authority,
        &accounts.payer_liquidity,
        &accounts.payer,
        outcome.amount,
    )?;
    emit!(Repaid {
        obligation: accounts.obligation.key(),
        reserve: reserve_accounts.key(),
        amount: outcome.amount,
        remaining_debt_shares: outcome.remaining_debt_shares,
        health: outcome.health.into(),
    });
    Ok(())
}
