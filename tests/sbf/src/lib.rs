//! SBF harness for the lending program: where the built `.so` files are, and the attacker
//! program of the CPI tests. The VM itself is litesvm 0.16, driven by `tests/shared/svm_env.rs`.

pub mod attacker;
pub mod runtime;
