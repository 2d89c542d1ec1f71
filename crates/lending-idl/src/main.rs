//! Builds the lending program's IDL the way `anchor idl build` does (the `idl-build` feature
//! and Anchor's `IdlBuilder`), without needing anchor-cli installed.
//!
//! - `lending-idl write`: writes `idl/lending.json` and its TypeScript type, `idl/lending.ts`;
//! - `lending-idl check`: fails if either differs from what the code generates.
//!
//! The TypeScript type is derived from the JSON as Anchor's CLI derives `target/types/*.ts`:
//! every `"key":"word"` string value that is not an address is turned into lowerCamelCase
//! (the casing `@anchor-lang/core` converts the IDL to at run time), then pretty-printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use heck::{ToLowerCamelCase, ToUpperCamelCase};

/// The committed IDL, relative to the repository root.
const IDL_PATH: &str = "idl/lending.json";
/// Its TypeScript type, relative to the repository root.
const TS_PATH: &str = "idl/lending.ts";

fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Extra arguments for the `cargo test __anchor_private_print_idl --features idl-build` that
/// Anchor's builder runs: the same package selection and features as the workspace build of
/// `./scripts/test` (`WS` in scripts/lib.sh), so cargo unifies features the same way and
/// reuses that build; `--lib` runs only the library test binaries, where the IDL printers live.
/// The SDK's test binary is left out: its client types, generated from the IDL by
/// `declare_program!`, carry IDL printers of their own (for a program of no address).
const CARGO_ARGS: [&str; 9] = [
    "--workspace",
    "--exclude",
    "lending-idl",
    "--exclude",
    "lending-sdk",
    "--locked",
    "--lib",
    "--features",
    "lending/idl-build",
];

/// `write` builds the program's library alone: the clients (lending-sdk and what depends on it)
/// are generated from the committed IDL and may not compile until it is rewritten, for
/// example right after a field is added to an instruction's arguments.
const WRITE_CARGO_ARGS: [&str; 5] = ["-p", "lending", "--locked", "--lib", "--features=idl-build"];

/// The IDL as pretty JSON with a trailing newline, and its TypeScript type, built with these
/// cargo arguments.
fn generate(cargo_args: &[&str]) -> Result<(String, String), String> {
    let idl = anchor_lang_idl::build::IdlBuilder::new()
        .program_path(root().join("programs/lending"))
        .resolution(true)
        .skip_lint(false)
        .cargo_args(cargo_args.iter().map(|a| a.to_string()).collect())
        .build()
        .map_err(|e| format!("building the IDL failed: {e:#}"))?;
    let json = serde_json::to_string_pretty(&idl)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())?;
    Ok((json, typescript(&idl)?))
}

/// True for a base58 string of 32 bytes (an address, left as it is).
fn is_address(s: &str) -> bool {
    s.len() <= 44 && bs58::decode(s).into_vec().is_ok_and(|v| v.len() == 32)
}

/// The TypeScript type of the IDL, in the casing `@anchor-lang/core` uses at run time.
fn typescript(idl: &anchor_lang_idl::types::Idl) -> Result<String, String> {
    let compact = serde_json::to_string(idl).map_err(|e| e.to_string())?;
    let word = regex::Regex::new(r#""\w+":"([\w\d]+)""#).map_err(|e| e.to_string())?;
    let mut camel = compact.clone();
    for cap in word.captures_iter(&compact) {
        let name = &cap[1];
        if is_address(name) {
            continue;
        }
        camel = camel.replace(
            &format!("\"{name}\""),
            &format!("\"{}\"", name.to_lower_camel_case()),
        );
    }
    let parsed: anchor_lang_idl::types::Idl =
        serde_json::from_str(&camel).map_err(|e| e.to_string())?;
    let pretty = serde_json::to_string_pretty(&parsed).map_err(|e| e.to_string())?;
    let name = &idl.metadata.name;
    Ok(format!(
        "/**\n * Type of the `{name}` program's IDL for TypeScript clients (`Program<{ty}>` of\n \
         * @anchor-lang/core), generated from `{IDL_PATH}` by crates/lending-idl: do not edit.\n \
         * Names are lowerCamelCase, as @anchor-lang/core converts the JSON IDL at run time.\n \
         */\nexport type {ty} = {pretty};\n",
        ty = name.to_upper_camel_case()
    ))
}

/// Compares a committed file with its fresh version.
fn check(path: &str, committed: &str, fresh: &str) -> Result<(), String> {
    if committed == fresh {
        println!("{path} matches the program");
        return Ok(());
    }
    let line = committed
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .map(|i| i + 1)
        .unwrap_or(committed.lines().count().min(fresh.lines().count()) + 1);
    Err(format!(
        "{path} is out of date with the program (first difference at line {line}); \
         regenerate it with ./scripts/idl write and commit it"
    ))
}

fn run(mode: &str) -> Result<(), String> {
    match mode {
        "write" => {
            let (json, ts) = generate(&WRITE_CARGO_ARGS)?;
            for (rel, text) in &[(IDL_PATH, json), (TS_PATH, ts)] {
                let path = root().join(rel);
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                println!("wrote {rel} ({} bytes)", text.len());
            }
            Ok(())
        }
        "check" => {
            let (json, ts) = generate(&CARGO_ARGS)?;
            for (rel, text) in &[(IDL_PATH, json), (TS_PATH, ts)] {
                let committed = std::fs::read_to_string(root().join(rel)).unwrap_or_default();
                check(rel, &committed, text)?;
            }
            Ok(())
        }
        other => Err(format!("unknown mode '{other}': use write or check")),
    }
}

fn main() -> ExitCode {
    // rustup sets this for processes under `cargo run`; anchor-lang-idl 0.1.4 would then call
    // `cargo +{toolchain}` literally. The toolchain that runs us is the one to use anyway.
    std::env::remove_var("RUSTUP_TOOLCHAIN");
    // Variables `cargo run` sets for this package would reach the nested cargo, and build
    // scripts that watch them (ring's) would then rebuild. scripts/idl runs the binary
    // directly; this covers `cargo run -p lending-idl` too.
    let per_package: Vec<String> = std::env::vars_os()
        .filter_map(|(k, _)| k.into_string().ok())
        .filter(|k| {
            k.starts_with("CARGO_PKG_")
                || k.starts_with("CARGO_MANIFEST_")
                || k.starts_with("CARGO_BIN_")
                || matches!(
                    k.as_str(),
                    "CARGO_CRATE_NAME" | "CARGO_PRIMARY_PACKAGE" | "OUT_DIR"
                )
        })
        .collect();
    for k in per_package {
        std::env::remove_var(k);
    }
    let mode = std::env::args().nth(1).unwrap_or_else(|| "check".into());
    match run(&mode) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
