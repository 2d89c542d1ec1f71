//! Token movements through `token_interface` (SPL Token and Token-2022), each followed by a
//! check that the vault moved by exactly the accounted amount.

use super::token_view::token_account;
use crate::errors::LendingError;
use crate::state::reserve::ReserveSigner;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Burn, MintTo, TokenInterface, TransferChecked};

/// Moves `amount` from a user's account into a reserve vault, signed by the user.
pub fn pay_into_vault<'info>(
    token_program: &Interface<'info, TokenInterface>,
    from: &AccountInfo<'info>,
    vault: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    decimals: u8,
    authority: &AccountInfo<'info>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let before = token_account(vault)?.amount;
    token_interface::transfer_checked(
        CpiContext::new(
            token_program.key(),
            TransferChecked {
                from: from.clone(),
                mint: mint.clone(),
                to: vault.clone(),
                authority: authority.clone(),
            },
        ),
        amount,
        decimals,
    )?;
    crate::probe!("pay_into_vault: transfer_checked CPI");
    let after = token_account(vault)?.amount;
    crate::probe!("pay_into_vault: vault read");
    require!(
        before.checked_add(amount) == Some(after),
        LendingError::VaultBalanceMismatch
    );
    Ok(())
}

/// Moves `amount` out of a reserve vault, signed by the reserve PDA.
#[allow(clippy::too_many_arguments)]
pub fn pay_from_vault<'info>(
    token_program: &Interface<'info, TokenInterface>,
    vault: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    decimals: u8,
    reserve: &AccountInfo<'info>,
    signer: &ReserveSigner,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let before = token_account(vault)?.amount;
    let seeds = signer.seeds();
    token_interface::transfer_checked(
        CpiContext::new_with_signer(
            token_program.key(),
            TransferChecked {
                from: vault.clone(),
                mint: mint.clone(),
                to: to.clone(),
                authority: reserve.clone(),
            },
            &[&seeds],
        ),
        amount,
        decimals,
    )?;
    let after = token_account(vault)?.amount;
    require!(
        before.checked_sub(amount) == Some(after),
        LendingError::VaultBalanceMismatch
    );
    Ok(())
}

/// Mints `amount` deposit shares to `to`, signed by the reserve PDA.
pub fn mint_shares<'info>(
    token_program: &Interface<'info, TokenInterface>,
    share_mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    reserve: &AccountInfo<'info>,
    signer: &ReserveSigner,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let seeds = signer.seeds();
    token_interface::mint_to(
        CpiContext::new_with_signer(
            token_program.key(),
            MintTo {
                mint: share_mint.clone(),
                to: to.clone(),
                authority: reserve.clone(),
            },
            &[&seeds],
        ),
        amount,
    )
}

/// Burns `amount` deposit shares from a user's account, signed by the user.
pub fn burn_shares<'info>(
    token_program: &Interface<'info, TokenInterface>,
    share_mint: &AccountInfo<'info>,
    from: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    token_interface::burn(
        CpiContext::new(
            token_program.key(),
            Burn {
                mint: share_mint.clone(),
                from: from.clone(),
                authority: authority.clone(),
            },
        ),
        amount,
    )
}
