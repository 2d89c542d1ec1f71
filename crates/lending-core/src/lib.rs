//! The lending program's core, without Anchor: everything that decides what happens to money.
//!
//! - [`risk`]: the pure math (fixed point, interest, prices, health, liquidation sizing, the
//!   outflow limiter), deterministic integers with an explicit rounding direction;
//! - [`state`]: the account layouts and their methods (the program expands the same layouts
//!   under Anchor);
//! - [`LendingError`]: every error the program can return, with the program's codes.
//!
//! The program, the SDK and the liquidator bot all call this crate, so on-chain and off-chain
//! numbers cannot drift apart.
pub mod constants;
pub mod error;
pub mod ops;
pub mod risk;
pub mod state;

pub use error::LendingError;
/// The 32-byte address of an account (the same type as Anchor's `Pubkey`).
pub use solana_address::Address as Pubkey;

/// Result of an operation that can refuse with a [`LendingError`].
pub type Result<T> = core::result::Result<T, LendingError>;

#[doc(hidden)]
pub mod __private {
    pub use bytemuck;
}
