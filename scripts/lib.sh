# Shared helpers for the project's scripts (sourced, not run).

# Repository root.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Build outputs live outside the clone by default so warm runs reuse them; override with
# CARGO_TARGET_DIR.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/lending/target}"
mkdir -p "$CARGO_TARGET_DIR"
# The SBF suite and the CU bench (agave 4.2 line, own workspace) build here.
export SBF_TESTS_TARGET_DIR="${SBF_TESTS_TARGET_DIR:-$CARGO_TARGET_DIR-sbf}"

# Every cargo command in the root workspace selects the same packages: cargo unifies dependency
# features over the packages a command selects, so `-p a` then `-p b` would build much of the
# Solana dependency tree twice (measured: five times across the old test steps). lending-idl
# stays out: Anchor's IDL route builds the program with its own `idl-build` features anyway.
WS=(--workspace --exclude lending-idl --locked)

# Workspace members are compiled by clippy-driver with warnings denied, so a single build both
# lints every target and produces the binaries the tests run (a separate `cargo clippy` would
# check the whole dependency tree again). Dependencies are compiled by plain rustc.
if [ -z "${RUSTC_WORKSPACE_WRAPPER:-}" ]; then
    RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver || true)"
    [ -n "$RUSTC_WORKSPACE_WRAPPER" ] ||
        { printf 'error: clippy-driver not found: rustup component add clippy\n' >&2; exit 1; }
    export RUSTC_WORKSPACE_WRAPPER
fi
# clippy-driver reads its lint flags from CLIPPY_ARGS, separated by __CLIPPY_HACKERY__.
export CLIPPY_ARGS="${CLIPPY_ARGS:--D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__}"

# Quiet the runtime's debug logging unless asked for.
export RUST_LOG="${RUST_LOG:-error}"

START_TIME=$(date +%s)

# Prints a progress line with the elapsed time.
step() {
    printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - START_TIME ))" "$*"
}

# Fails with a message.
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Checks that cargo is present (the machine's Rust toolchain).
need_cargo() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust (rustup) first"
}

# pyth-sdk-solana only builds against solana-program 2.x; a plain `cargo update` would
# replace the pin in Cargo.lock. Fail early and say how to restore it.
check_lock_pins() {
    local v
    v=$(awk '/^name = "solana-program"$/{getline; print $3}' "$ROOT/Cargo.lock" | tr -d '"' | head -1)
    case "$v" in
        2.*) ;;
        *) die "Cargo.lock lost the solana-program 2.x pin (found '$v'); run: cargo update -p solana-program --precise 2.3.0" ;;
    esac
}

# Totals across every `cargo test` run by run_tests.
PASSED=0
FAILED=0

# Runs `cargo test "$@"`, shows its output, and adds its counts to the totals.
run_tests() {
    local log
    log=$(mktemp)
    if ! cargo test "$@" 2>&1 | tee "$log"; then
        rm -f "$log"
        die "cargo test $* failed"
    fi
    local p f
    p=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')
    f=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
    rm -f "$log"
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
}
