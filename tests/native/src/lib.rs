//! Native harness for the lending program: solana-program-test 3.1 with the program as a
//! native processor, plus a tiny attacker program for CPI tests. The shared tests in
//! `tests/shared` and the in-process demo run on top of it.
#![allow(deprecated)]

pub mod attacker;
pub mod runtime;
