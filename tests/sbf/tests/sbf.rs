//! The shared test suite, run against the SBF build of the lending program.
#![allow(deprecated)]

use lending_sbf_tests::{attacker, runtime};

#[path = "../../shared/mod.rs"]
mod shared;
