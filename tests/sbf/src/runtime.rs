//! How the lending program runs in this crate: the built SBF `.so`, executed by litesvm.

/// Directory holding `lending.so` and `cpi_forwarder.so` (built by `scripts/build-sbf`).
pub fn deploy_dir() -> String {
    format!("{}/../../target/deploy", env!("CARGO_MANIFEST_DIR"))
}
