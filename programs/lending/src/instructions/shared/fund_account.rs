//! A debt reserve's insurance fund passed to `liquidate_obligation` as the last two remaining
//! accounts (the fund, then its vault): split off, checked against the reserve and loaded in
//! place as the core's layout; and its payment into the reserve when a write-off takes from it.

use super::token_ops::move_between_vaults;
use super::zero_copy_account::read_as_mut;
use crate::errors::LendingError;
use crate::state::{FundSigner, InsuranceFund, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use core::cell::RefMut;
use lending_core::state::InsuranceFund as Fund;

/// The fund and its vault, when the reserve has a fund.
pub struct FundAccounts<'a, 'info> {
    /// The fund account.
    pub fund: &'a AccountInfo<'info>,
    /// Its vault.
    pub vault: &'a AccountInfo<'info>,
}

/// Splits the fund's two accounts off the end of `remaining` when `reserve` has a fund, and
/// checks that they are its fund and the fund's vault (`WrongInsuranceFund`).
pub fn split_fund<'a, 'info>(
    remaining: &'a [AccountInfo<'info>],
    reserve: &Reserve,
) -> Result<(&'a [AccountInfo<'info>], Option<FundAccounts<'a, 'info>>)> {
    if !reserve.has_insurance_fund() {
        return Ok((remaining, None));
    }
    let [rest @ .., fund, vault] = remaining else {
        return err!(LendingError::WrongInsuranceFund);
    };
    require_keys_eq!(
        *fund.key,
        reserve.insurance_fund,
        LendingError::WrongInsuranceFund
    );
    Ok((rest, Some(FundAccounts { fund, vault })))
}

impl<'a, 'info> FundAccounts<'a, 'info> {
    /// Loads the fund writable and checks its vault.
    pub fn load_mut(&self) -> Result<RefMut<'a, Fund>> {
        let fund = read_as_mut::<InsuranceFund, Fund>(self.fund)?;
        require_keys_eq!(
            *self.vault.key,
            fund.vault,
            LendingError::WrongInsuranceFund
        );
        Ok(fund)
    }

    /// Pays `amount` from the fund's vault into `supply_vault`, signed by the fund; both vaults
    /// must move by exactly `amount`.
    pub fn pay_into_reserve(
        &self,
        token_program: &Interface<'info, TokenInterface>,
        supply_vault: &AccountInfo<'info>,
        mint: &AccountInfo<'info>,
        (signer, decimals): (FundSigner, u8),
        amount: u64,
    ) -> Result<()> {
        move_between_vaults(
            token_program,
            self.vault,
            supply_vault,
            mint,
            decimals,
            self.fund,
            &signer.seeds(),
            amount,
        )
    }
}
