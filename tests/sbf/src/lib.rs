//! SBF harness for the lending program: solana-program-test 4.2.2 loading
//! `target/deploy/lending.so` (built by `scripts/build-sbf`), plus the attacker program.
#![allow(deprecated)]

#[path = "../../native/src/attacker.rs"]
pub mod attacker;
pub mod runtime;
