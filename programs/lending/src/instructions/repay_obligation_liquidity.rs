//! `repay_obligation_liquidity`: pays back debt (anyone may repay for an obligation).

use super::shared::accounts::{clock, load_obligation, ReserveAuthority};
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
/// than is owed. Allowed even when the market is paused or the reserve frozen.
pub fn handler(ctx: Context<RepayObligationLiquidity>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.payer_liquidity, &r.liquidity_mint)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, None)?;
    check_not_vault(&r, a.payer_liquidity.key).map_err(LendingError::from)?;
    crate::probe!("repay: accounts loaded and checked");

    let out = repay(&reserve.key(), &mut r, &mut ob, amount, &clock).map_err(LendingError::from)?;
    crate::probe!("repay: operation");
    let authority = ReserveAuthority::of(&r);
    drop((ob, r));

    reserve.pay_in(&authority, &a.payer_liquidity, &a.payer, out.amount)?;
    emit!(Repaid {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        amount: out.amount,
        remaining_debt_shares: out.remaining_debt_shares,
        health: out.health.into(),
    });
    Ok(())
}
