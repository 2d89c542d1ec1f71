//! Builds the lending program's IDL the way `anchor idl build` does (the `idl-build` feature
//! and Anchor's `IdlBuilder`), without needing anchor-cli installed.
//!
//! - `lending-idl write`: writes `idl/lending.json`;
//! - `lending-idl check`: fails if `idl/lending.json` differs from what the code generates.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The committed IDL, relative to the repository root.
const IDL_PATH: &str = "idl/lending.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The IDL as pretty JSON with a trailing newline.
fn generate() -> Result<String, String> {
    let idl = anchor_lang_idl::build::IdlBuilder::new()
        .program_path(root().join("programs/lending"))
        .resolution(true)
        .skip_lint(false)
        .build()
        .map_err(|e| format!("building the IDL failed: {e:#}"))?;
    serde_json::to_string_pretty(&idl)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn run(mode: &str) -> Result<(), String> {
    let path = root().join(IDL_PATH);
    let fresh = generate()?;
    match mode {
        "write" => {
            std::fs::write(&path, &fresh).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {IDL_PATH} ({} bytes)", fresh.len());
            Ok(())
        }
        "check" => {
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed == fresh {
                println!("{IDL_PATH} matches the program");
                Ok(())
            } else {
                let line = committed
                    .lines()
                    .zip(fresh.lines())
                    .position(|(a, b)| a != b)
                    .map(|i| i + 1)
                    .unwrap_or(committed.lines().count().min(fresh.lines().count()) + 1);
                Err(format!(
                    "{IDL_PATH} is out of date with the program (first difference at line {line}); \
                     regenerate it with ./scripts/idl write and commit it"
                ))
            }
        }
        other => Err(format!("unknown mode '{other}': use write or check")),
    }
}

fn main() -> ExitCode {
    // rustup sets this for processes under `cargo run`; anchor-lang-idl 0.1.4 would then call
    // `cargo +{toolchain}` literally. The toolchain that runs us is the one to use anyway.
    std::env::remove_var("RUSTUP_TOOLCHAIN");
    let mode = std::env::args().nth(1).unwrap_or_else(|| "check".into());
    match run(&mode) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
