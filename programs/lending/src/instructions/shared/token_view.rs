//! Token accounts read at the fixed offsets of the base layout that SPL Token and Token-2022
//! share, instead of unpacked (with their extensions, into a heap box) by `InterfaceAccount`.
//! The owner is checked first, so the bytes are a token program's own.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::*;

/// Length of a token account's base layout.
const ACCOUNT_LEN: usize = 165;
/// Token-2022 accounts with extensions carry their type here: 1 = mint, 2 = account.
const ACCOUNT_TYPE_ACCOUNT: u8 = 2;
/// Offset of the `state` byte (0 = uninitialized).
const STATE: usize = 108;

/// The fields of a token account the program reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenAccountView {
    /// Mint of the tokens held.
    pub mint: Pubkey,
    /// Owner (the authority that may move them).
    pub owner: Pubkey,
    /// Balance.
    pub amount: u64,
}

/// Reads `info` as a token account, failing as Anchor's `InterfaceAccount` does:
/// `AccountOwnedByWrongProgram` unless SPL Token or Token-2022 owns it,
/// `AccountDidNotDeserialize` when it is not an initialized token account. (A token account
/// can only hold a mint of its own token program, so checking the mint settles which.)
pub fn token_account(info: &AccountInfo) -> Result<TokenAccountView> {
    if *info.owner != anchor_spl::token::ID && *info.owner != anchor_spl::token_2022::ID {
        return Err(Error::from(ErrorCode::AccountOwnedByWrongProgram)
            .with_account_name(info.key.to_string())
            .with_pubkeys((*info.owner, anchor_spl::token::ID)));
    }
    let data = info.try_borrow_data()?;
    let is_account = match data.len() {
        ACCOUNT_LEN => true,
        n if n > ACCOUNT_LEN => data[ACCOUNT_LEN] == ACCOUNT_TYPE_ACCOUNT,
        _ => false,
    };
    if !is_account || data[STATE] == 0 {
        return Err(Error::from(ErrorCode::AccountDidNotDeserialize)
            .with_account_name(info.key.to_string()));
    }
    let key = |at: usize| Pubkey::new_from_array(data[at..at + 32].try_into().unwrap());
    Ok(TokenAccountView {
        mint: key(0),
        owner: key(32),
        amount: u64::from_le_bytes(data[64..72].try_into().unwrap()),
    })
}

/// Reads a user's token account, which must hold `mint` (`WrongMint` otherwise).
pub fn user_token_account(info: &AccountInfo, mint: &Pubkey) -> Result<TokenAccountView> {
    let view = token_account(info)?;
    require_keys_eq!(view.mint, *mint, crate::errors::LendingError::WrongMint);
    Ok(view)
}

/// Whether no two of `keys` are equal: the duplicate check for writable accounts taken as
/// `UncheckedAccount`s, which Anchor's own duplicate-mutable check skips.
pub fn all_distinct(keys: &[&Pubkey]) -> bool {
    keys.iter()
        .enumerate()
        .all(|(i, a)| keys[i + 1..].iter().all(|b| a != b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_account<R>(owner: Pubkey, data: &mut [u8], f: impl FnOnce(&AccountInfo) -> R) -> R {
        let key = Pubkey::new_unique();
        let mut lamports = 1;
        let info = AccountInfo::new(&key, false, true, &mut lamports, data, &owner, false);
        f(&info)
    }

    fn account_bytes(mint: Pubkey, owner: Pubkey, amount: u64, len: usize) -> Vec<u8> {
        let mut d = vec![0u8; len];
        d[..32].copy_from_slice(mint.as_ref());
        d[32..64].copy_from_slice(owner.as_ref());
        d[64..72].copy_from_slice(&amount.to_le_bytes());
        d[STATE] = 1;
        d
    }

    fn code(r: Result<TokenAccountView>) -> u32 {
        match r {
            Err(Error::AnchorError(e)) => e.error_code_number,
            other => panic!("expected an Anchor error, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_base_layout_of_both_token_programs() {
        let (mint, owner) = (Pubkey::new_unique(), Pubkey::new_unique());
        let want = TokenAccountView {
            mint,
            owner,
            amount: 42,
        };
        let mut spl = account_bytes(mint, owner, 42, ACCOUNT_LEN);
        assert_eq!(
            with_account(anchor_spl::token::ID, &mut spl, token_account).unwrap(),
            want
        );
        let mut ext = account_bytes(mint, owner, 42, ACCOUNT_LEN + 12);
        ext[ACCOUNT_LEN] = ACCOUNT_TYPE_ACCOUNT;
        assert_eq!(
            with_account(anchor_spl::token_2022::ID, &mut ext, |i| {
                user_token_account(i, &mint)
            })
            .unwrap(),
            want
        );
    }

    #[test]
    fn refuses_other_owners_mints_uninitialized_accounts_and_other_mints() {
        let mint = Pubkey::new_unique();
        let mut d = account_bytes(mint, Pubkey::new_unique(), 1, ACCOUNT_LEN);
        let wrong_owner = with_account(crate::ID, &mut d, token_account);
        assert_eq!(
            code(wrong_owner),
            ErrorCode::AccountOwnedByWrongProgram as u32
        );
        let mut base_mint = vec![1u8; 82];
        let r = with_account(anchor_spl::token::ID, &mut base_mint, token_account);
        assert_eq!(code(r), ErrorCode::AccountDidNotDeserialize as u32);
        let mut ext_mint = account_bytes(mint, Pubkey::new_unique(), 1, ACCOUNT_LEN + 12);
        ext_mint[ACCOUNT_LEN] = 1;
        let r = with_account(anchor_spl::token_2022::ID, &mut ext_mint, token_account);
        assert_eq!(code(r), ErrorCode::AccountDidNotDeserialize as u32);
        d[STATE] = 0;
        let r = with_account(anchor_spl::token::ID, &mut d, token_account);
        assert_eq!(code(r), ErrorCode::AccountDidNotDeserialize as u32);
        d[STATE] = 1;
        let r = with_account(anchor_spl::token::ID, &mut d, |i| {
            user_token_account(i, &Pubkey::new_unique())
        });
        assert_eq!(
            code(r),
            anchor_lang::error::ERROR_CODE_OFFSET + crate::errors::LendingError::WrongMint as u32
        );
    }

    #[test]
    fn all_distinct_finds_any_repeated_key() {
        let [a, b, c] = [0; 3].map(|_| Pubkey::new_unique());
        assert!(all_distinct(&[&a, &b, &c]));
        assert!(all_distinct(&[]));
        assert!(!all_distinct(&[&a, &b, &a]));
        assert!(!all_distinct(&[&a, &c, &c]));
    }
}
