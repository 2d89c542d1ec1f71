//! SBF harness for the lending program: solana-program-test 4.2.2 loading
//! `target/deploy/lending.so` and `target/deploy/cpi_forwarder.so` (both built by
//! `scripts/build-sbf`).
#![allow(deprecated)]

pub mod attacker;
pub mod runtime;
