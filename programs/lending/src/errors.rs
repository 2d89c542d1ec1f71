//! The program's error codes: the core's list ([`lending_core::error`]) expanded as Anchor's
//! `#[error_code]` enum, so the IDL, the codes and the messages are the core's.

use anchor_lang::prelude::*;
use lending_core::risk::RiskError;

lending_core::lending_errors!(anchor);

impl From<RiskError> for LendingError {
    fn from(e: RiskError) -> Self {
        lending_core::LendingError::from(e).into()
    }
}
