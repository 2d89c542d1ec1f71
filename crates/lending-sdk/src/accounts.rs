//! Decoding of the program's accounts from raw data (as fetched over RPC or read in a test VM).

use crate::program::lending::accounts as generated;
use anchor_lang::Discriminator;
use lending_core::state::{
    EmodeGroup, InsuranceFund, LendingMarket, Obligation, OraclePrice, Reserve, UnstakeRequest,
};
use std::fmt;

/// An account type of the program, in the core's layout, with the discriminator the program
/// writes in front of it (read from the IDL's generated types).
pub trait ProgramAccount: bytemuck::Pod {
    /// The 8-byte discriminator.
    const DISCRIMINATOR: &'static [u8];
}

impl ProgramAccount for LendingMarket {
    const DISCRIMINATOR: &'static [u8] = generated::LendingMarket::DISCRIMINATOR;
}

impl ProgramAccount for Reserve {
    const DISCRIMINATOR: &'static [u8] = generated::Reserve::DISCRIMINATOR;
}

impl ProgramAccount for Obligation {
    const DISCRIMINATOR: &'static [u8] = generated::Obligation::DISCRIMINATOR;
}

impl ProgramAccount for OraclePrice {
    const DISCRIMINATOR: &'static [u8] = generated::OraclePrice::DISCRIMINATOR;
}

impl ProgramAccount for EmodeGroup {
    const DISCRIMINATOR: &'static [u8] = generated::EmodeGroup::DISCRIMINATOR;
}

impl ProgramAccount for InsuranceFund {
    const DISCRIMINATOR: &'static [u8] = generated::InsuranceFund::DISCRIMINATOR;
}

impl ProgramAccount for UnstakeRequest {
    const DISCRIMINATOR: &'static [u8] = generated::UnstakeRequest::DISCRIMINATOR;
}

/// Why account data could not be decoded as the requested type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The data is shorter than discriminator + struct.
    TooShort { expected: usize, found: usize },
    /// The 8-byte discriminator belongs to another account type.
    WrongDiscriminator,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort { expected, found } => {
                write!(f, "account data is {found} bytes, expected {expected}")
            }
            Self::WrongDiscriminator => write!(f, "account discriminator does not match"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a zero-copy account of the program (`LendingMarket`, `Reserve`, `Obligation`,
/// `OraclePrice`, `EmodeGroup`, `InsuranceFund`, `UnstakeRequest`): checks the discriminator and copies the struct out (no alignment needed).
pub fn decode<T: ProgramAccount>(data: &[u8]) -> Result<T, DecodeError> {
    let expected = 8 + std::mem::size_of::<T>();
    if data.len() < expected {
        return Err(DecodeError::TooShort {
            expected,
            found: data.len(),
        });
    }
    if &data[..8] != T::DISCRIMINATOR {
        return Err(DecodeError::WrongDiscriminator);
    }
    Ok(bytemuck::pod_read_unaligned(&data[8..expected]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_checks_length_and_discriminator() {
        let mut data = vec![0u8; 8 + std::mem::size_of::<Reserve>()];
        data[..8].copy_from_slice(Reserve::DISCRIMINATOR);
        assert!(decode::<Reserve>(&data).is_ok());
        // A reserve is longer than a market, so only the discriminator tells them apart.
        assert_eq!(
            decode::<LendingMarket>(&data).unwrap_err(),
            DecodeError::WrongDiscriminator
        );
        assert_eq!(
            decode::<Reserve>(&data[..20]).unwrap_err(),
            DecodeError::TooShort {
                expected: data.len(),
                found: 20
            }
        );
    }
}
