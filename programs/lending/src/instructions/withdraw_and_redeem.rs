//! `withdraw_and_redeem`: takes collateral out of the obligation and redeems it for liquidity
//! in one token transfer (the combined instruction wallets use).

use super::shared::accounts::{
    clock, load_obligation, RemainingReserves, ReserveAccounts, ReserveAuthority,
};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::CollateralWithdrawn;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::take_collateral;
use lending_core::ops::guards::check_not_vault;
use lending_core::ops::supply;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct WithdrawAndRedeem<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve.
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
    /// Owner's token account receiving liquidity.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> WithdrawAndRedeem<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
    }
}

/// Withdraws `shares` of collateral (`u64::MAX`: the most health allows) and redeems them; the
/// obligation's other reserves follow as remaining accounts.
pub fn handler(ctx: Context<WithdrawAndRedeem>, shares: u64) -> Result<()> {
    let a = &ctx.accounts;
    let clock = clock()?;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.user_liquidity, &r.liquidity_mint)?;
    check_not_vault(&r, a.user_liquidity.key).map_err(LendingError::from)?;
    let mut ob = load_obligation(&a.obligation, a.market.as_ref().key, Some(a.owner.key))?;

    // `redeem` checks the pause and the status; `take_collateral` the health.
    let others = RemainingReserves(ctx.remaining_accounts);
    let market = a.market.load()?;
    let shares = take_collateral(&mut ob, &reserve.key(), &r, &others, shares, &clock)
        .map_err(LendingError::from)?;
    let amount = supply::redeem(&market, &mut r, shares, &clock).map_err(LendingError::from)?;
    let (authority, health) = (ReserveAuthority::of(&r), ob.health());
    drop((ob, r));

    reserve.pay_out(&authority, &a.user_liquidity, amount)?;
    emit!(CollateralWithdrawn {
        obligation: a.obligation.key(),
        reserve: reserve.key(),
        shares,
        liquidity_amount: amount,
        health: health.into(),
    });
    Ok(())
}
