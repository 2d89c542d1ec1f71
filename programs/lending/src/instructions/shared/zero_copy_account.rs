//! Reading a zero-copy account of this program passed as a remaining account, in place, with
//! the checks Anchor's `AccountLoader` makes (owner, discriminator, size), once.

use crate::state::Reserve;
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::*;
use anchor_lang::Discriminator;
use core::cell::{Ref, RefMut};
use core::ops::Range;

/// The byte range of an account of type `A` (read as the same-size Pod type `T`) in `info`'s
/// data, after the checks and with the errors of Anchor's `AccountLoader::try_from` + `load`.
fn checked_range<A: Discriminator, T>(info: &AccountInfo, data: &[u8]) -> Result<Range<usize>> {
    if *info.owner != crate::ID {
        return Err(Error::from(ErrorCode::AccountOwnedByWrongProgram)
            .with_pubkeys((*info.owner, crate::ID)));
    }
    let disc = A::DISCRIMINATOR;
    require!(
        data.len() >= disc.len(),
        ErrorCode::AccountDiscriminatorNotFound
    );
    require!(
        data[..disc.len()] == *disc,
        ErrorCode::AccountDiscriminatorMismatch
    );
    let end = disc.len() + std::mem::size_of::<T>();
    require!(data.len() >= end, ErrorCode::AccountDidNotDeserialize);
    Ok(disc.len()..end)
}

/// Reads an account of type `A` as `T` (the core's layout of the same bytes), read-only.
pub fn read_as<'a, A: Discriminator, T: bytemuck::Pod>(
    info: &'a AccountInfo,
) -> Result<Ref<'a, T>> {
    let data = info.try_borrow_data()?;
    let range = checked_range::<A, T>(info, &data)?;
    Ok(Ref::map(data, |d| bytemuck::from_bytes(&d[range])))
}

/// Reads an account of type `A` as `T`, writable (the account must be passed writable).
pub fn read_as_mut<'a, A: Discriminator, T: bytemuck::Pod>(
    info: &'a AccountInfo,
) -> Result<RefMut<'a, T>> {
    require!(info.is_writable, ErrorCode::AccountNotMutable);
    let data = info.try_borrow_mut_data()?;
    let range = checked_range::<A, T>(info, &data)?;
    Ok(RefMut::map(data, |d| {
        bytemuck::from_bytes_mut(&mut d[range])
    }))
}

/// Reads a reserve account in place, read-only.
pub fn read_reserve<'a>(info: &'a AccountInfo) -> Result<Ref<'a, Reserve>> {
    read_as::<Reserve, Reserve>(info)
}
