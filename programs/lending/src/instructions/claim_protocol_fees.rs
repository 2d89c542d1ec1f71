//! `claim_protocol_fees`: the owner sweeps the fee vault and the interest fees accrued in the
//! supply vault (as far as cash allows) to a token account of its choice.

use super::shared::guards::{check_no_flash_loan, check_not_vault, check_reserve_binding};
use super::shared::token_ops::pay_from_vault;
use super::shared::token_view::{all_distinct, token_account, user_token_account};
use crate::errors::LendingError;
use crate::events::ProtocolFeesClaimed;
use crate::risk::fixed::{amount_to_wad, wad_to_amount, Rounding};
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

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

/// Claims everything claimable.
pub fn handler(ctx: Context<ClaimProtocolFees>) -> Result<()> {
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a).with_fee_vault(a.fee_vault.key);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.destination, a.liquidity_mint.key)?;
    let fee_vault_amount = token_account(&a.fee_vault)?.amount;
    let (interest_fees, signer, decimals) = {
        let mut r = a.reserve.load_mut()?;
        check_no_flash_loan(&r)?;
        check_not_vault(&r, &a.destination.key())?;
        let accrued =
            wad_to_amount(r.protocol_fees.get(), Rounding::Down).map_err(LendingError::from)?;
        let take = accrued.min(r.available);
        r.available -= take;
        let left = r.protocol_fees.get() - amount_to_wad(take);
        r.protocol_fees.set(left);
        (take, r.signer(), r.decimals)
    };
    require!(
        interest_fees > 0 || fee_vault_amount > 0,
        LendingError::NoFeesToClaim
    );
    let reserve_info = a.reserve.to_account_info();
    let dest = a.destination.to_account_info();
    pay_from_vault(
        &a.token_program,
        &a.supply_vault,
        &dest,
        &a.liquidity_mint,
        decimals,
        &reserve_info,
        &signer,
        interest_fees,
    )?;
    pay_from_vault(
        &a.token_program,
        &a.fee_vault,
        &dest,
        &a.liquidity_mint,
        decimals,
        &reserve_info,
        &signer,
        fee_vault_amount,
    )?;
    emit!(ProtocolFeesClaimed {
        reserve: ctx.accounts.reserve.key(),
        interest_fees,
        fee_vault_amount,
    });
    Ok(())
}
