//! `claim_protocol_fees`: the owner sweeps the fee vault and the interest fees accrued in the
//! supply vault (as far as cash allows) to a token account of its choice.

use super::shared::accounts::ReserveAuthority;
use super::shared::token_view::{token_account, user_token_account};
use crate::errors::LendingError;
use crate::events::ProtocolFeesClaimed;
use crate::state::{LendingMarket, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::fees::claim_interest_fees;
use lending_core::ops::guards::check_not_vault;

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct ClaimProtocolFees {
        /// Market owner.
        owner: signer,
        market: owners_market(owner),
        /// The reserve.
        reserve: reserve_mut with [liquidity_mint, supply_vault, fee_vault],
        /// Where the fees go.
        destination: user_token,
        token_program: token_program,
    }
    distinct: [supply_vault, fee_vault, destination]
}

/// Claims everything claimable.
pub fn handler(ctx: Context<ClaimProtocolFees>) -> Result<()> {
    let accounts = &ctx.accounts;
    let reserve_accounts = accounts.reserve_accounts();
    let mut reserve = reserve_accounts.load_mut()?;
    user_token_account(&accounts.destination, &reserve.liquidity_mint)?;
    let fee_vault_amount = token_account(&accounts.fee_vault)?.amount;
    check_not_vault(&reserve, accounts.destination.key).map_err(LendingError::from)?;

    let interest_fees = claim_interest_fees(&mut reserve).map_err(LendingError::from)?;
    require!(
        interest_fees > 0 || fee_vault_amount > 0,
        LendingError::NoFeesToClaim
    );
    let authority = ReserveAuthority::of(&reserve);
    drop(reserve);

    reserve_accounts.pay_out(&authority, &accounts.destination, interest_fees)?;
    reserve_accounts.pay_out_of_fees(&authority, &accounts.destination, fee_vault_amount)?;
    emit!(ProtocolFeesClaimed {
        reserve: reserve_accounts.key(),
        interest_fees,
        fee_vault_amount,
    });
    Ok(())
}
