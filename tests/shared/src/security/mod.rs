//! The security suite: every attack class sent at every instruction it applies to, each
//! asserting the expected refusal and that nothing changed (docs/security.md).

pub(crate) mod amounts;
mod attack;
pub(crate) mod classes;
mod matrix;
mod scene;
pub(crate) mod substitution;

pub use matrix::render as matrix_table;
