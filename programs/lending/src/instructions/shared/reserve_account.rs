//! Reading a reserve passed as a remaining account, with the checks Anchor's `AccountLoader`
//! makes, without copying it.

use crate::state::Reserve;
use anchor_lang::prelude::*;
use anchor_lang::Discriminator;

/// Reads a reserve account in place, with the checks (and errors) of Anchor's
/// `AccountLoader::try_from` + `load`, once: owner, discriminator, size.
pub fn read_reserve<'a>(info: &'a AccountInfo) -> Result<std::cell::Ref<'a, Reserve>> {
    use anchor_lang::error::ErrorCode;
    if *info.owner != crate::ID {
        return Err(Error::from(ErrorCode::AccountOwnedByWrongProgram)
            .with_pubkeys((*info.owner, crate::ID)));
    }
    let data = info.try_borrow_data()?;
    let disc = Reserve::DISCRIMINATOR;
    require!(
        data.len() >= disc.len(),
        ErrorCode::AccountDiscriminatorNotFound
    );
    require!(
        data[..disc.len()] == *disc,
        ErrorCode::AccountDiscriminatorMismatch
    );
    let end = disc.len() + std::mem::size_of::<Reserve>();
    require!(data.len() >= end, ErrorCode::AccountDidNotDeserialize);
    Ok(std::cell::Ref::map(data, |d| {
        bytemuck::from_bytes(&d[disc.len()..end])
    }))
}
