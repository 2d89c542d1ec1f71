//! Native harness for the lending program: solana-program-test 3.1 with the program as a
//! native processor, plus the CPI forwarder as the attacker program. Its [`env::Env`] runs the
//! scenario suite of `tests/shared` (`tests/native.rs`), the fuzzer and the in-process demo.
#![allow(deprecated)]

pub mod attacker;
pub mod env;
pub mod runtime;
