//! The CPI forwarder (tests/programs/cpi-forwarder), loaded from its SBF `.so` by the `Env`:
//! the attacker program of the security tests.

pub use cpi_forwarder::{wrap, ID};
