//! How the lending program runs in this crate: the built SBF `.so`, executed by the VM.

use solana_program_test::ProgramTest;

/// Directory holding `lending.so`.
pub fn deploy_dir() -> String {
    format!("{}/../../target/deploy", env!("CARGO_MANIFEST_DIR"))
}

/// A bank with the lending program and the CPI forwarder loaded from their `.so` files.
pub fn program_test() -> ProgramTest {
    let dir = deploy_dir();
    assert!(
        std::path::Path::new(&format!("{dir}/lending.so")).exists(),
        "{dir}/lending.so is missing: run ./scripts/build-sbf first"
    );
    std::env::set_var("BPF_OUT_DIR", &dir);
    let mut pt = ProgramTest::default();
    // Both programs from their .so files.
    pt.prefer_bpf(true);
    pt.add_program("lending", lending::ID, None);
    crate::attacker::register(&mut pt);
    pt
}
