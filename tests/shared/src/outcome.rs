//! Reading transaction outcomes, the same whichever VM ran them: program errors and the
//! events the program emitted with `emit!` (`Program data:` log lines).

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

/// The payloads (discriminator + borsh) of the `Program data:` lines that `program` itself
/// logged, at any invoke depth. Lines logged by other programs (for example a CPI'd token
/// program, or a caller) are skipped by tracking the `invoke` / `success` / `failed` frames.
pub fn program_data(logs: &[String], program: &anchor_lang::prelude::Pubkey) -> Vec<Vec<u8>> {
    use base64::Engine as _;
    let id = program.to_string();
    let mut frames: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for line in logs {
        let Some(rest) = line.strip_prefix("Program ") else {
            continue;
        };
        if let Some(b64) = rest.strip_prefix("data: ") {
            if frames.last() == Some(&id.as_str()) {
                let data = base64::engine::general_purpose::STANDARD
                    .decode(b64.split(' ').next().unwrap_or_default())
                    .expect("Program data is base64");
                out.push(data);
            }
            continue;
        }
        let mut words = rest.split(' ');
        match (words.next(), words.next()) {
            (Some(p), Some("invoke")) => frames.push(p),
            (Some(_), Some("success")) | (Some(_), Some("failed:")) => {
                frames.pop();
            }
            _ => {}
        }
    }
    out
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
    assert_err_in("", &res, expected);
}

/// [`assert_err`] naming what was sent (`what`), for checks made in a loop.
#[track_caller]
pub fn assert_err_in(what: &str, res: &TxResult, expected: lending::errors::LendingError) {
    let want = anchor_lang::error::ERROR_CODE_OFFSET + expected as u32;
    assert_eq!(
        custom_code(res),
        Some(want),
        "{what}: expected {expected:?} ({want}), got {res:?}"
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

#[test]
fn program_data_keeps_only_this_programs_lines() {
    use base64::Engine as _;
    let me = lending::ID;
    let other = anchor_lang::prelude::Pubkey::new_unique();
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let logs: Vec<String> = vec![
        format!("Program {other} invoke [1]"),
        format!("Program data: {}", b64(b"caller")),
        format!("Program {me} invoke [2]"),
        format!("Program {other} invoke [3]"),
        format!("Program data: {}", b64(b"inner")),
        format!("Program {other} success"),
        format!("Program data: {}", b64(b"mine")),
        format!("Program {me} consumed 100 of 200 compute units"),
        format!("Program {me} success"),
        format!("Program data: {}", b64(b"caller again")),
        format!("Program {other} success"),
        format!("Program {me} invoke [1]"),
        format!("Program data: {}", b64(b"top")),
        format!("Program {me} failed: custom program error: 0x1"),
    ];
    assert_eq!(
        program_data(&logs, &me),
        vec![b"mine".to_vec(), b"top".to_vec()]
    );
}
