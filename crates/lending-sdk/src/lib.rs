//! Client SDK of the lending program.
//!
//! - [`program`]: the client types generated from the program's IDL (instruction accounts and
//!   arguments, argument types, discriminators);
//! - [`ix`]: one builder per program instruction, PDA helpers and the token setup instructions;
//! - [`fund`]: insurance funds: addresses, instruction builders, a fund's figures;
//! - [`accounts`]: decoding of the program's zero-copy accounts from raw account data;
//! - [`health`]: off-chain health, per-position values and liquidation choices;
//! - [`liquidate`]: the best liquidation of an obligation and its whole transaction;
//! - [`market`]: a fetched market and the refresh instructions an action needs;
//! - [`lookup`]: the addresses of a market's lookup table (v0 transactions);
//! - [`preview`]: what borrow, repay and liquidate will do, by the program's own operations;
//! - [`compute`]: compute-unit limits from the measured figures;
//! - [`errors`]: program error names and messages;
//! - [`units`]: token amounts between decimals and base units;
//! - `rpc` (feature `rpc`): fetchers over JSON-RPC, a sender with readable errors, and lookup
//!   tables over RPC (create, extend, read, send v0 through them).
//!
//! The risk math and the state changes are not repeated here: health, previews and liquidation
//! sizing call the program's own core crate (`lending_core`); the SDK depends on the program's
//! IDL and core, not on the program crate.

pub mod accounts;
pub mod compute;
pub mod errors;
pub mod fund;
pub mod health;
mod idl;
pub mod ix;
pub mod liquidate;
pub mod lookup;
pub mod market;
pub mod preview;
pub mod program;
#[cfg(feature = "rpc")]
pub mod rpc;
pub mod timelock;
pub mod units;

pub use lending_core;
pub use program::{curve_points, types, ID};
