//! The deployed program's entrypoint (feature `lean-entrypoint`, which scripts/build-sbf turns
//! on). Anchor's default, `solana_program_entrypoint::entrypoint!`, collects the accounts into a
//! heap `Vec` and drops every `AccountInfo` (two reference counts each) on the way out. This one
//! has the runtime crate's `deserialize_into` write them into a stack array that is never
//! dropped, as that crate's `entrypoint_no_alloc!` does, and then runs Anchor's [`crate::entry`]
//! exactly as the default would. (The macro itself cannot call `entry`, whose accounts must
//! share one lifetime with the slice that holds them.)

use anchor_lang::solana_program::account_info::AccountInfo;
use anchor_lang::solana_program::entrypoint::{
    self as rt, deserialize_into, ProgramResult, SUCCESS,
};
use std::mem::MaybeUninit;

/// Accounts one invocation may pass: the limit `entrypoint_no_alloc!` uses, and 3 KiB of the
/// 4 KiB stack frame. More makes `deserialize_into` abort the instruction; this program's
/// largest instruction (liquidate) takes 13, refresh_obligation at most 1 + 7.
const MAX_ACCOUNTS: usize = 64;

/// Runs `entry` on the runtime's serialized input.
///
/// # Safety
/// `input` must be the runtime's serialized input of this invocation.
#[no_mangle]
pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
    #[allow(clippy::declare_interior_mutable_const)]
    const UNINIT: MaybeUninit<AccountInfo> = MaybeUninit::uninit();
    let mut accounts = [UNINIT; MAX_ACCOUNTS];
    // SAFETY: the runtime serialized `input`; `deserialize_into` panics (aborting the
    // instruction) rather than write past the array.
    let (program_id, count, data) = unsafe { deserialize_into(input, &mut accounts) };
    // SAFETY: `deserialize_into` initialized the first `count` entries.
    let accounts: &[AccountInfo] =
        unsafe { std::slice::from_raw_parts(accounts.as_ptr().cast::<AccountInfo>(), count) };
    to_code(crate::entry(program_id, accounts, data))
}

/// The runtime's return code for a result.
fn to_code(result: ProgramResult) -> u64 {
    match result {
        Ok(()) => SUCCESS,
        Err(error) => error.into(),
    }
}

rt::custom_heap_default!();
rt::custom_panic_default!();
