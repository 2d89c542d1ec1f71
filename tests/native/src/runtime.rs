//! How the lending program runs in this crate: as a native processor.
use anchor_lang::prelude::{AccountInfo, Pubkey};
use anchor_lang::solana_program::entrypoint::ProgramResult;
use solana_program_test::{processor, ProgramTest};

/// Anchor's `entry` takes one lifetime for all three arguments while `processor!` passes
/// three; this narrows them for the duration of the call.
fn process<'a, 'b, 'c, 'd>(
    program_id: &'a Pubkey,
    accounts: &'b [AccountInfo<'c>],
    data: &'d [u8],
) -> ProgramResult {
    // SAFETY: the references are only used within this call, during which all of them are
    // alive; Anchor needs them under a single lifetime name.
    unsafe {
        lending::entry(
            std::mem::transmute::<&'a Pubkey, &'c Pubkey>(program_id),
            std::mem::transmute::<&'b [AccountInfo<'c>], &'c [AccountInfo<'c>]>(accounts),
            std::mem::transmute::<&'d [u8], &'c [u8]>(data),
        )
    }
}

/// A bank with the lending program as a native processor (plus test helper programs).
pub fn program_test() -> ProgramTest {
    let mut pt = ProgramTest::new("lending", lending::ID, processor!(process));
    pt.prefer_bpf(false);
    crate::attacker::register(&mut pt);
    pt
}
