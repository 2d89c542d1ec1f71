//! Test code shared by the native suite (solana-program-test 3.1, program as a native
//! processor) and the SBF suite (the same files, against the built `.so`). Each suite provides
//! `crate::runtime::program_test()`; everything here is independent of how the program runs.

pub mod env;
pub mod fixture;
pub mod invariants;
pub mod ix;
pub mod pyth;

mod account_tests;
mod admin_tests;
mod flash_tests;
mod lifecycle_tests;
mod limits_tests;
mod liquidation_tests;
mod oracle_tests;
mod scenario_tests;
