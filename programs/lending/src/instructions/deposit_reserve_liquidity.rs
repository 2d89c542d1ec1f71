//! `deposit_reserve_liquidity`: supplies liquidity and receives deposit shares.

use super::shared::accounts::{clock, ReserveAccounts, ReserveAuthority};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::LiquidityDeposited;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::{check_not_vault, resolve_amount};
use lending_core::ops::{supply, Action};

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositReserveLiquidity<'info> {
    /// Depositor.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, share_mint.key, user_liquidity.key, user_shares.key])
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
    /// Depositor's token account of the asset.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// Depositor's token account receiving shares.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> DepositReserveLiquidity<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
            .share_mint(&self.share_mint)
    }
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
