//! The shared test suite, run with the lending program as a native processor in
//! solana-program-test 3.1.
#![allow(deprecated)]

use lending_program_tests::{attacker, runtime};

#[path = "../../shared/mod.rs"]
mod shared;

#[path = "fuzz/mod.rs"]
mod fuzz;
