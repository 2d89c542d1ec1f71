//! SBF harness for the lending program: litesvm 0.16 running the built `.so` files. Its
//! [`env::Env`] runs the scenario suite of `tests/shared` (`tests/sbf.rs`) and the CU bench.

pub mod attacker;
pub mod env;
pub mod runtime;
