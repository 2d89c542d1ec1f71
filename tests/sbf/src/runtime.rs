//! How the lending program runs in this crate: the built SBF `.so`, executed by the VM.

use solana_program_test::ProgramTest;

/// Directory holding `lending.so`.
pub fn deploy_dir() -> String {
    format!("{}/../../target/deploy", env!("CARGO_MANIFEST_DIR"))
}

/// A bank with the lending program loaded from its `.so` (plus test helper programs).
pub fn program_test() -> ProgramTest {
    let dir = deploy_dir();
    assert!(
        std::path::Path::new(&format!("{dir}/lending.so")).exists(),
        "{dir}/lending.so is missing: run ./scripts/build-sbf first"
    );
    std::env::set_var("BPF_OUT_DIR", &dir);
    let mut pt = ProgramTest::default();
    // The lending program from its .so; the attacker as a native processor.
    pt.prefer_bpf(true);
    pt.add_program("lending", lending::ID, None);
    pt.prefer_bpf(false);
    crate::attacker::register(&mut pt);
    pt
}
