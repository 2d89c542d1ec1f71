//! Test code shared by the native suite (solana-program-test 3.1, program as a native
//! processor) and the SBF suite (the same files, against the built `.so` in litesvm). Each
//! suite provides `crate::runtime`; `env` is the program-test `Env` (`env.rs`), or the litesvm
//! one (`svm_env.rs`) when the including crate enables its `svm-env` feature. Everything else
//! is independent of how the program runs.

#[cfg_attr(feature = "svm-env", path = "svm_env.rs")]
pub mod env;
mod env_common;
pub mod fixture;
pub mod invariants;
pub use lending_sdk::ix;
pub mod outcome;
pub mod pyth;

mod account_tests;
mod admin_tests;
mod flash_tests;
mod lifecycle_tests;
mod limits_tests;
mod liquidation_tests;
mod mint_tests;
mod oracle_tests;
mod preview_tests;
mod scenario_tests;
mod security;
mod valuation_tests;
