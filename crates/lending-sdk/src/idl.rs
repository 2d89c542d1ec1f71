//! The checked-in IDL (`idl/lending.json`), parsed once. `scripts/idl check` keeps it equal to
//! what the program's `idl-build` produces, so names, discriminators and errors read from it
//! are the program's own.

use serde::Deserialize;
use std::sync::OnceLock;

/// The parts of the IDL the SDK reads.
#[derive(Debug, Default, Deserialize)]
pub struct Idl {
    /// Instructions with their discriminators.
    pub instructions: Vec<IdlInstruction>,
    /// The program's errors.
    pub errors: Vec<crate::errors::ProgramError>,
}

/// One instruction's name and discriminator.
#[derive(Debug, Clone, Deserialize)]
pub struct IdlInstruction {
    /// Snake-case name, e.g. `deposit_reserve_liquidity`.
    pub name: String,
    /// The 8-byte discriminator.
    pub discriminator: Vec<u8>,
}

/// The text of the IDL.
pub const JSON: &str = include_str!("../../../idl/lending.json");

/// The parsed IDL.
pub fn get() -> &'static Idl {
    static IDL: OnceLock<Idl> = OnceLock::new();
    IDL.get_or_init(|| serde_json::from_str(JSON).unwrap_or_default())
}

/// The name of the lending instruction whose data is `data`, if any.
pub fn instruction_name(data: &[u8]) -> Option<&'static str> {
    let d = data.get(..8)?;
    get()
        .instructions
        .iter()
        .find(|i| i.discriminator == d)
        .map(|i| i.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::Discriminator;

    #[test]
    fn the_idl_parses_and_names_instructions() {
        assert!(get().instructions.len() > 20);
        let d = crate::program::args::DepositReserveLiquidity::DISCRIMINATOR;
        assert_eq!(instruction_name(d), Some("deposit_reserve_liquidity"));
        assert_eq!(instruction_name(&[0; 8]), None);
        assert_eq!(instruction_name(&[1, 2]), None);
    }
}
