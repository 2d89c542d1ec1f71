//! Token amounts between whole-token decimals ("1.5") and base units, exactly (no floats).

use std::fmt;

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Not a non-negative decimal number.
    NotANumber(String),
    /// More fractional digits than the token has.
    TooPrecise { amount: String, decimals: u8 },
    /// Larger than a u64 of base units.
    TooLarge(String),
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotANumber(s) => write!(f, "'{s}' is not an amount (expected e.g. 12 or 1.5)"),
            Self::TooPrecise { amount, decimals } => {
                write!(
                    f,
                    "'{amount}' has more than the token's {decimals} decimals"
                )
            }
            Self::TooLarge(s) => write!(f, "'{s}' is too large for this token"),
        }
    }
}

impl std::error::Error for AmountError {}

/// Parses a decimal amount of whole tokens into base units.
pub fn parse_amount(s: &str, decimals: u8) -> Result<u64, AmountError> {
    let t = s.trim().replace('_', "");
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return Err(AmountError::NotANumber(s.to_string()));
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > decimals as usize {
        return Err(AmountError::TooPrecise {
            amount: s.to_string(),
            decimals,
        });
    }
    let too_large = || AmountError::TooLarge(s.to_string());
    let scale = 10u64.checked_pow(decimals as u32).ok_or_else(too_large)?;
    let int: u64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| too_large())?
    };
    let frac_units: u64 = if frac.is_empty() {
        0
    } else {
        let padded = format!("{frac:0<width$}", width = decimals as usize);
        padded.parse().map_err(|_| too_large())?
    };
    int.checked_mul(scale)
        .and_then(|v| v.checked_add(frac_units))
        .ok_or_else(too_large)
}

/// Formats base units as whole tokens, without trailing zeros.
pub fn format_amount(units: u64, decimals: u8) -> String {
    let scale = 10u128.pow(decimals as u32);
    let (int, frac) = (units as u128 / scale, units as u128 % scale);
    if frac == 0 {
        return int.to_string();
    }
    let frac = format!("{frac:0>width$}", width = decimals as usize);
    format!("{int}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(parse_amount("1.5", 6), Ok(1_500_000));
        assert_eq!(parse_amount("0.000001", 6), Ok(1));
        assert_eq!(parse_amount(".5", 1), Ok(5));
        assert_eq!(parse_amount("7", 0), Ok(7));
        assert_eq!(parse_amount("2.50", 1), Ok(25));
        assert_eq!(parse_amount("1_000", 2), Ok(100_000));
        assert!(matches!(
            parse_amount("0.0000001", 6),
            Err(AmountError::TooPrecise { .. })
        ));
        assert!(matches!(
            parse_amount("-1", 6),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("1e3", 6),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount(".", 6),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("18446744073709.551616", 6),
            Err(AmountError::TooLarge(_))
        ));
        assert_eq!(parse_amount("18446744073709.551615", 6), Ok(u64::MAX));
        assert_eq!(format_amount(1_500_000, 6), "1.5");
        assert_eq!(format_amount(1, 9), "0.000000001");
        assert_eq!(format_amount(42, 0), "42");
    }

    proptest! {
        #[test]
        fn format_then_parse_is_identity(units: u64, decimals in 0u8..=12) {
            prop_assert_eq!(parse_amount(&format_amount(units, decimals), decimals), Ok(units));
        }
    }
}
