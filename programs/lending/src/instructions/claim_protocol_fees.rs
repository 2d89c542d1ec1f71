//! `claim_protocol_fees`: the owner sweeps the fee vault and the interest fees accrued in the
//! supply vault (as far as cash allows) to a token account of its choice.

use super::shared::accounts::{ReserveAccounts, ReserveAuthority};
use super::shared::token_view::{all_distinct, token_account, user_token_account};
use crate::errors::LendingError;
use crate::events::ProtocolFeesClaimed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fees::claim_interest_fees;
use lending_core::ops::guards::check_not_vault;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct ClaimProtocolFees<'info> {
    /// Market owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, fee_vault.key, destination.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    #[account(has_one = owner @ LendingError::NotMarketOwner)]
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
    /// The reserve's fee vault.
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub fee_vault: UncheckedAccount<'info>,
    /// Where the fees go.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> ClaimProtocolFees<'info> {
    fn reserve_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(self.market.as_ref().key, &self.reserve, &self.token_program)
            .mint(&self.liquidity_mint)
            .supply_vault(&self.supply_vault)
            .fee_vault(&self.fee_vault)
    }
}

/// Claims everything claimable.
pub fn handler(ctx: Context<ClaimProtocolFees>) -> Result<()> {
    let a = &ctx.accounts;
    let reserve = a.reserve_accounts();
    let mut r = reserve.load_mut()?;
    user_token_account(&a.destination, &r.liquidity_mint)?;
    let fee_vault_amount = token_account(&a.fee_vault)?.amount;
    check_not_vault(&r, a.destination.key).map_err(LendingError::from)?;

    let interest_fees = claim_interest_fees(&mut r).map_err(LendingError::from)?;
    require!(
        interest_fees > 0 || fee_vault_amount > 0,
        LendingError::NoFeesToClaim
    );
    let authority = ReserveAuthority::of(&r);
    drop(r);

    reserve.pay_out(&authority, &a.destination, interest_fees)?;
    reserve.pay_out_of_fees(&authority, &a.destination, fee_vault_amount)?;
    emit!(ProtocolFeesClaimed {
        reserve: reserve.key(),
        interest_fees,
        fee_vault_amount,
    });
    Ok(())
}
