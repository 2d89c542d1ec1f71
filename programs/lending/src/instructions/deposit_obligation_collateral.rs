//! `deposit_obligation_collateral`: moves deposit shares from the owner's wallet into the
//! obligation as collateral (the shares are burned and held by the obligation's record).

use super::collateral::add_collateral;
use super::shared::guards::{
    check_obligation_binding, check_reserve_binding, check_status, resolve_amount, Action,
    ReserveBinding,
};
use super::shared::token_ops::burn_shares;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::events::CollateralDeposited;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct DepositObligationCollateral<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[share_mint.key, user_shares.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve whose shares are deposited.
    /// Checked against the accounts it names by `check_reserve_binding`.
    pub reserve: AccountLoader<'info, Reserve>,
    /// The reserve's share mint.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// Owner's share account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_shares: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Deposits `shares` (`u64::MAX`: the whole share account) as collateral.
pub fn handler(ctx: Context<DepositObligationCollateral>, shares: u64) -> Result<()> {
    crate::probe!("collateralize: accounts loaded");
    crate::probe!("collateralize: probe cost");
    let a = &ctx.accounts;
    let mut ob = a.obligation.load_mut()?;
    check_obligation_binding(&ob, a.market.as_ref().key, Some(a.owner.key))?;
    let r = a.reserve.load()?;
    let binding = ReserveBinding {
        market: Some(a.market.as_ref().key),
        share_mint: Some(a.share_mint.key),
        token_program: Some(a.token_program.key),
        ..ReserveBinding::default()
    };
    check_reserve_binding(&r, &binding)?;
    let from = user_token_account(&a.user_shares, a.share_mint.key)?;
    let shares = resolve_amount(shares, from.amount)?;
    // Moving shares into an obligation only lowers risk: no pause stops it (`check_market`).
    check_status(&r, Action::Collateralize)?;
    crate::probe!("collateralize: bindings and checks");
    add_collateral(&mut ob, &a.reserve.key(), shares)?;
    crate::probe!("collateralize: position added");
    drop((ob, r));
    burn_shares(
        &a.token_program,
        &a.share_mint.to_account_info(),
        &a.user_shares.to_account_info(),
        &a.owner,
        shares,
    )?;
    emit!(CollateralDeposited {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        shares,
        liquidity_amount: 0,
    });
    crate::probe!("collateralize: event");
    Ok(())
}
