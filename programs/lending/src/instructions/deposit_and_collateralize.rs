//! `deposit_and_collateralize`: supplies liquidity and puts the resulting shares straight into
//! the obligation as collateral, in one token transfer (the combined instruction wallets use).

use super::shared::accounts::{clock, load_obligation, ReserveAccounts, ReserveAuthority};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::collateral::add_collateral;
use lending_core::ops::guards::resolve_amount;
use lending_core::ops::{supply, Action};

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositAndCollateralize<'info> {
    /// Obligation owner and depositor.
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
    /// Owner's token account of the asset.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> DepositAndCollateralize<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
    }
}

/// Deposits `amount` tokens (`u64::MAX`: the whole token account) as collateral.
pub fn handler(ctx: Context<DepositAndCollateralize>, amount: u64) -> Result<()> {
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
