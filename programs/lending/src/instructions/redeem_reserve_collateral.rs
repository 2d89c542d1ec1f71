//! `redeem_reserve_collateral`: burns deposit shares for liquidity.

use super::shared::accounts::{clock, ReserveAccounts, ReserveAuthority};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::SharesRedeemed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::{check_not_vault, resolve_amount};
use lending_core::ops::supply;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RedeemReserveCollateral<'info> {
    /// Share holder.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, share_mint.key, user_shares.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub user: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
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
    /// The reserve's share mint.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// Holder's share account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// Holder's token account receiving liquidity.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> RedeemReserveCollateral<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
            .share_mint(&self.share_mint)
    }
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
