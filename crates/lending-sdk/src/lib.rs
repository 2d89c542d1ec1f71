//! Client SDK of the lending program.
//!
//! - [`ix`]: one builder per program instruction (over Anchor's generated types), PDA helpers
//!   and the token setup instructions;
//! - [`accounts`]: decoding of the program's zero-copy accounts from raw account data;
//! - `rpc` (feature `rpc`): fetchers over JSON-RPC.
//!
//! The risk math is not repeated here: health and liquidation sizing call the program crate's
//! own pure core (`lending::risk`).

pub mod accounts;
pub mod ix;
#[cfg(feature = "rpc")]
pub mod rpc;

pub use lending;
