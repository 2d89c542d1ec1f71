//! How the lending program runs in this crate: the built SBF `.so`, executed by litesvm.

/// Directory holding `lending.so` and `cpi_forwarder.so` (built by `scripts/build-sbf`):
/// `LENDING_DEPLOY_DIR` when set (the profiling build of `scripts/profile-cu`), otherwise
/// `target/deploy`.
pub fn deploy_dir() -> String {
    std::env::var("LENDING_DEPLOY_DIR")
        .unwrap_or_else(|_| format!("{}/../../target/deploy", env!("CARGO_MANIFEST_DIR")))
}
