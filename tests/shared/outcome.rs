//! Reading transaction outcomes, the same whichever VM ran them: program errors and the
//! events emitted through `emit_cpi!`.

use super::env::{TransactionError, TxResult};

/// The first event of type `E` among `events` (see [`Env::simulate_events`]).
pub fn find_event<E: anchor_lang::Event + anchor_lang::AnchorDeserialize>(
    events: &[Vec<u8>],
) -> Option<E> {
    events.iter().find_map(|d| {
        let rest = d.strip_prefix(E::DISCRIMINATOR)?;
        E::deserialize(&mut &rest[..]).ok()
    })
}

/// Extracts the custom error code of a failed instruction.
pub fn custom_code(res: &TxResult) -> Option<u32> {
    match res {
        Err(TransactionError::InstructionError(
            _,
            anchor_lang::solana_program::instruction::error::InstructionError::Custom(c),
        )) => Some(*c),
        _ => None,
    }
}

/// Asserts the transaction failed with this program error.
#[track_caller]
pub fn assert_err(res: TxResult, expected: lending::errors::LendingError) {
    let want = anchor_lang::error::ERROR_CODE_OFFSET + expected as u32;
    assert_eq!(
        custom_code(&res),
        Some(want),
        "expected {expected:?} ({want}), got {res:?}"
    );
}

/// Asserts the transaction failed with this Anchor framework error.
#[track_caller]
pub fn assert_anchor_err(res: TxResult, expected: anchor_lang::error::ErrorCode) {
    let want = expected as u32;
    assert_eq!(
        custom_code(&res),
        Some(want),
        "expected {expected:?} ({want}), got {res:?}"
    );
}
