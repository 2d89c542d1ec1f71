//! Readable program errors: a custom error code mapped to its name and message through the
//! checked-in IDL (`idl/lending.json`, kept in sync with the program by `scripts/idl check`),
//! and Anchor's own error line picked out of a transaction's logs.

use serde::Deserialize;

/// One error the program can return.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProgramError {
    /// The custom error code (6000 and up).
    pub code: u32,
    /// The variant name, e.g. `ObligationHealthy`.
    pub name: String,
    /// The message, e.g. "Obligation is healthy".
    pub msg: String,
}

/// Every error of the program, from the IDL.
pub fn all() -> &'static [ProgramError] {
    &crate::idl::get().errors
}

/// The program error with `code`, if it is one of ours.
pub fn lookup(code: u32) -> Option<&'static ProgramError> {
    all().iter().find(|e| e.code == code)
}

/// The Anchor error line of a failed transaction's logs ("Error Code: X. Error Number: N.
/// Error Message: M."), shortened to "X (N): M". Covers Anchor's own constraint errors as well
/// as the program's.
pub fn from_logs<S: AsRef<str>>(logs: &[S]) -> Option<String> {
    logs.iter().find_map(|l| {
        let l = l.as_ref();
        let code = between(l, "Error Code: ", ". Error Number: ")?;
        let number = between(l, "Error Number: ", ". Error Message: ")?;
        let msg = l.split("Error Message: ").nth(1)?.trim_end_matches('.');
        let origin = between(l, "caused by account: ", ". Error Code")
            .map(|a| format!(" (account `{a}`)"))
            .unwrap_or_default();
        Some(format!("{code} ({number}): {msg}{origin}"))
    })
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// A readable description of custom error `code`: "Name (code): message", or the bare code
/// when it is not the program's.
pub fn describe(code: u32) -> String {
    match lookup(code) {
        Some(e) => format!("{} ({}): {}", e.name, e.code, e.msg),
        None => format!("custom program error {code} (not a lending program error)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lending_core::LendingError;

    #[test]
    fn idl_errors_match_the_core_list() {
        assert_eq!(all().len(), LendingError::ALL.len());
        for e in LendingError::ALL {
            let found = lookup(e.code()).expect("in the IDL");
            assert_eq!(
                (found.name.as_str(), found.msg.as_str()),
                (e.name(), e.message())
            );
        }
    }

    #[test]
    fn unknown_codes_are_said_to_be_foreign() {
        assert!(lookup(1).is_none());
        assert!(describe(42).contains("not a lending program error"));
    }

    #[test]
    fn anchor_log_lines_are_shortened() {
        let logs = [
            "Program log: Instruction: Borrow",
            "Program log: AnchorError caused by account: market. Error Code: ConstraintHasOne. \
             Error Number: 2001. Error Message: A has one constraint was violated.",
        ];
        assert_eq!(
            from_logs(&logs).unwrap(),
            "ConstraintHasOne (2001): A has one constraint was violated (account `market`)"
        );
        let logs = [
            "Program log: AnchorError thrown in programs/lending/src/x.rs:10. Error Code: \
                     ObligationHealthy. Error Number: 6020. Error Message: Obligation is healthy.",
        ];
        assert_eq!(
            from_logs(&logs).unwrap(),
            "ObligationHealthy (6020): Obligation is healthy"
        );
        assert!(from_logs(&["Program log: hello"]).is_none());
    }
}
