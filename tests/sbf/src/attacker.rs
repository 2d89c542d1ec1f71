//! The CPI forwarder (tests/programs/cpi-forwarder) loaded from its SBF `.so`: the attacker
//! program of the security tests.

use solana_program_test::ProgramTest;

pub use cpi_forwarder::{wrap, ID};

/// Registers the attacker's `.so` in a program test (`BPF_OUT_DIR` is set by the runtime).
pub fn register(pt: &mut ProgramTest) {
    pt.prefer_bpf(true);
    pt.add_program("cpi_forwarder", ID, None);
}
