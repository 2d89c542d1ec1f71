//! The security suite: every attack class sent at every instruction it applies to, each
//! asserting the expected refusal and that nothing changed (docs/security.md).

mod amounts;
mod attack;
mod classes;
mod matrix;
mod scene;
mod substitution;
