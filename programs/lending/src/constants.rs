//! Seeds and protocol-wide limits: the core's ([`lending_core::constants`]), and the program's
//! own addresses.

pub use lending_core::constants::*;

/// Owner of legacy Pyth push price accounts on mainnet.
pub const PYTH_LEGACY_PROGRAM_MAINNET: anchor_lang::prelude::Pubkey =
    anchor_lang::pubkey!("FsJ3A3u2vn5cTVofAjvy6y5kwABJAqYWpe4975bi2epH");
/// Owner of legacy Pyth push price accounts on devnet.
pub const PYTH_LEGACY_PROGRAM_DEVNET: anchor_lang::prelude::Pubkey =
    anchor_lang::pubkey!("gSbePebfvPy7tRqimPoVecS2UsBvYv46ynrzWocc92s");
/// Stack height of an instruction invoked directly by the transaction (not through CPI).
pub const TRANSACTION_LEVEL_STACK_HEIGHT: usize = 1;
/// The address lookup table program: owner of every lookup table.
pub const ADDRESS_LOOKUP_TABLE_PROGRAM: anchor_lang::prelude::Pubkey =
    anchor_lang::pubkey!("AddressLookupTab1e1111111111111111111111111");
