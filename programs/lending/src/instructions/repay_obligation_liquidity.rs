//! `repay_obligation_liquidity`: pays back debt (anyone may repay for an obligation).

use super::shared::accounts::{clock, load_obligation, ReserveAccounts, ReserveAuthority};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::Repaid;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::check_not_vault;
use lending_core::ops::repay::repay;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RepayObligationLiquidity<'info> {
    /// Payer (need not be the owner).
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, payer_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub payer: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market is checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve the debt is owed to.
    /// Checked against the accounts it names by `check_reserve_binding`.
    #[account(mut)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The reserve's supply vault.
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub supply_vault: UncheckedAccount<'info>,
    /// Payer's token account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub payer_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> RepayObligationLiquidity<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
    }
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
