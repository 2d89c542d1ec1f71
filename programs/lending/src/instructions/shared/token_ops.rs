//! Token movements through `token_interface` (SPL Token and Token-2022), each followed by a
//! check that the vault moved by exactly the accounted amount.

use super::token_view::token_account;
use crate::errors::LendingError;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::solana_program::program::invoke_signed_unchecked;
use anchor_spl::token_interface::TokenInterface;

/// Invokes `ix` with `infos` given in the order of its account metas. Makes the borrow checks
/// `invoke_signed` makes (no account the callee may write is borrowed here, none it reads is
/// borrowed mutably) without `invoke_signed`'s search of every info for every meta.
fn invoke_in_order(ix: &Instruction, infos: &[AccountInfo], seeds: &[&[&[u8]]]) -> Result<()> {
    debug_assert_eq!(ix.accounts.len(), infos.len());
    crate::probe!("cpi: instruction and infos built");
    for (meta, info) in ix.accounts.iter().zip(infos) {
        debug_assert_eq!(meta.pubkey, *info.key);
        if meta.is_writable {
            info.try_borrow_mut_lamports()?;
            info.try_borrow_mut_data()?;
        } else {
            info.try_borrow_lamports()?;
            info.try_borrow_data()?;
        }
    }
    crate::probe!("cpi: borrow checks");
    let r = invoke_signed_unchecked(ix, infos, seeds).map_err(Into::into);
    crate::probe!("cpi: syscall");
    r
}

/// Opcode of `MintTo` in SPL Token and Token-2022.
const MINT_TO: u8 = 7;
/// Opcode of `Burn`.
const BURN: u8 = 8;
/// Opcode of `TransferChecked`.
const TRANSFER_CHECKED: u8 = 12;

/// A token instruction with one signer (the last account) and data `opcode ‖ amount ‖ extra`,
/// the encoding `spl_token_2022::instruction`'s builders produce (the tests compare them),
/// built without their generic packing. `accounts` pairs each key with whether it is written.
fn token_instruction(
    program: &Pubkey,
    accounts: &[(&Pubkey, bool)],
    opcode: u8,
    amount: u64,
    extra: Option<u8>,
) -> Instruction {
    let last = accounts.len() - 1;
    let metas = accounts
        .iter()
        .enumerate()
        .map(|(i, (key, is_writable))| AccountMeta {
            pubkey: **key,
            is_signer: i == last,
            is_writable: *is_writable,
        })
        .collect();
    let mut data = Vec::with_capacity(10);
    data.push(opcode);
    data.extend_from_slice(&amount.to_le_bytes());
    data.extend(extra);
    Instruction {
        program_id: *program,
        accounts: metas,
        data,
    }
}

/// `TransferChecked` of `amount` from `from` to `to`, signed by `authority` (and `seeds`).
#[allow(clippy::too_many_arguments)]
fn transfer_checked<'info>(
    token_program: &Pubkey,
    from: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    seeds: &[&[&[u8]]],
    amount: u64,
    decimals: u8,
) -> Result<()> {
    let ix = token_instruction(
        token_program,
        &[
            (from.key, true),
            (mint.key, false),
            (to.key, true),
            (authority.key, false),
        ],
        TRANSFER_CHECKED,
        amount,
        Some(decimals),
    );
    invoke_in_order(
        &ix,
        &[from.clone(), mint.clone(), to.clone(), authority.clone()],
        seeds,
    )
}

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
    crate::probe!("pay_into_vault: vault read before");
    transfer_checked(
        token_program.key,
        from,
        mint,
        vault,
        authority,
        &[],
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

/// Moves `amount` out of a vault, signed by its owner PDA `owner` (with `seeds`).
#[allow(clippy::too_many_arguments)]
pub fn pay_from_vault<'info>(
    token_program: &Interface<'info, TokenInterface>,
    vault: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    decimals: u8,
    owner: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let before = token_account(vault)?.amount;
    transfer_checked(
        token_program.key,
        vault,
        mint,
        to,
        owner,
        &[seeds],
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

/// Moves `amount` from one of the program's vaults to another, signed by the source's owner
/// PDA `owner` (with `seeds`): both balances must move by exactly `amount` (a mint that charges
/// a transfer fee would otherwise leave the receiving side counting tokens it did not get).
#[allow(clippy::too_many_arguments)]
pub fn move_between_vaults<'info>(
    token_program: &Interface<'info, TokenInterface>,
    from: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    decimals: u8,
    owner: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let before = token_account(to)?.amount;
    pay_from_vault(
        token_program,
        from,
        to,
        mint,
        decimals,
        owner,
        seeds,
        amount,
    )?;
    let after = token_account(to)?.amount;
    require!(
        before.checked_add(amount) == Some(after),
        LendingError::VaultBalanceMismatch
    );
    Ok(())
}

/// Mints `amount` shares to `to`, signed by the mint's authority PDA `authority` (with
/// `seeds`).
pub fn mint_shares<'info>(
    token_program: &Interface<'info, TokenInterface>,
    share_mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let ix = token_instruction(
        token_program.key,
        &[
            (share_mint.key, true),
            (to.key, true),
            (authority.key, false),
        ],
        MINT_TO,
        amount,
        None,
    );
    invoke_in_order(
        &ix,
        &[share_mint.clone(), to.clone(), authority.clone()],
        &[seeds],
    )
}

/// Burns `amount` shares from a user's account, signed by the user.
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
    let ix = token_instruction(
        token_program.key,
        &[
            (from.key, true),
            (share_mint.key, true),
            (authority.key, false),
        ],
        BURN,
        amount,
        None,
    );
    invoke_in_order(
        &ix,
        &[from.clone(), share_mint.clone(), authority.clone()],
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_spl::token_2022::spl_token_2022::instruction as spl;
    use proptest::prelude::*;

    fn keys() -> [Pubkey; 4] {
        [(); 4].map(|_| Pubkey::new_unique())
    }

    proptest! {
        #[test]
        fn builds_what_the_token_crate_builds(amount: u64, decimals: u8, token_2022: bool) {
            let program = if token_2022 { anchor_spl::token_2022::ID } else { anchor_spl::token::ID };
            let [a, b, c, d] = keys();
            prop_assert_eq!(
                token_instruction(
                    &program,
                    &[(&a, true), (&b, false), (&c, true), (&d, false)],
                    TRANSFER_CHECKED,
                    amount,
                    Some(decimals),
                ),
                spl::transfer_checked(&program, &a, &b, &c, &d, &[], amount, decimals).unwrap()
            );
            prop_assert_eq!(
                token_instruction(&program, &[(&a, true), (&b, true), (&c, false)], MINT_TO, amount, None),
                spl::mint_to(&program, &a, &b, &c, &[], amount).unwrap()
            );
            prop_assert_eq!(
                token_instruction(&program, &[(&a, true), (&b, true), (&c, false)], BURN, amount, None),
                spl::burn(&program, &a, &b, &c, &[], amount).unwrap()
            );
        }
    }
}
