# Shared helpers for the project's scripts (sourced, not run).

# Repository root.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
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
# `lending/idl-build` is on in every build, and the IDL settings Anchor's proc macros read at
# compile time (anchor-syn's option_env!) are fixed here, so that scripts/idl's
# `cargo test __anchor_private_print_idl` reuses this build instead of compiling the
# dependency tree a second time. RUSTFLAGS is what anchor-lang-idl sets for that command.
WS=(--workspace --exclude lending-idl --locked --features lending/idl-build)
export ANCHOR_IDL_BUILD_NO_DOCS=FALSE ANCHOR_IDL_BUILD_RESOLUTION=TRUE ANCHOR_IDL_BUILD_SKIP_LINT=FALSE
export ANCHOR_IDL_BUILD_PROGRAM_PATH="$ROOT/programs/lending"
export RUSTFLAGS="-A warnings"

# Workspace members are compiled by clippy-driver, so a single build both lints every target and
# produces the binaries the tests run (a separate `cargo clippy` would check the whole
# dependency tree again). Dependencies are compiled by plain rustc. Warnings are errors only
# where LENDING_STRICT_LINTS=1 (./scripts/test sets it): a lint that a newer toolchain adds
# fails the test suite, never a user's demo.
if [ -z "${RUSTC_WORKSPACE_WRAPPER:-}" ]; then
    RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver || true)"
    [ -n "$RUSTC_WORKSPACE_WRAPPER" ] ||
        { printf 'error: clippy-driver not found: rustup component add clippy\n' >&2; exit 1; }
    export RUSTC_WORKSPACE_WRAPPER
fi
# clippy-driver reads its lint flags from CLIPPY_ARGS, separated by __CLIPPY_HACKERY__; they
# come after RUSTFLAGS on its command line, so `-D warnings` here wins over `-A warnings` there.
if [ "${LENDING_STRICT_LINTS:-0}" = 1 ]; then
    export CLIPPY_ARGS="${CLIPPY_ARGS:--D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__}"
else
    export CLIPPY_ARGS="${CLIPPY_ARGS:-}"
fi

# Installs Debian packages when missing (as root, or through sudo). Returns non-zero, saying
# why, when it cannot.
apt_install() {
    local missing=() p
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { printf 'cannot install %s: not root and no sudo\n' "${missing[*]}" >&2; return 1; }
        sudo="sudo"
    fi
    echo "installing Debian packages: ${missing[*]}"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || { echo "apt-get update failed" >&2; return 1; }
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >/dev/null \
        || { echo "apt-get install ${missing[*]} failed" >&2; return 1; }
}

# agave's secp256r1 precompile asks for a vendored OpenSSL: a C build of about 9 minutes on 2
# cores, in the workspace and again in the validator. With Debian's libssl-dev, openssl-sys
# links the system library instead (OPENSSL_NO_VENDOR); without it (no apt), the vendored
# build still works, only slower.
if apt_install libssl-dev pkg-config >/dev/null; then
    export OPENSSL_NO_VENDOR=1
else
    echo "note: building OpenSSL from source (libssl-dev could not be installed)" >&2
fi

# Quiet the runtime's debug logging unless asked for.
export RUST_LOG="${RUST_LOG:-error}"

START_TIME=$(date +%s)

# Steps run so far, with their durations in seconds (for timing_table).
STEP_NAMES=()
STEP_SECS=()
STEP_NAME=""
STEP_START=$START_TIME

# Prints a progress line with the elapsed time, and closes the previous step's timing.
step() {
    local now
    now=$(date +%s)
    if [ -n "$STEP_NAME" ]; then
        STEP_NAMES+=("$STEP_NAME")
        STEP_SECS+=($((now - STEP_START)))
    fi
    STEP_NAME="${STEP_LABEL:-$*}"
    STEP_LABEL=""
    STEP_START=$now
    printf '\n==> [%4ss] %s\n' "$((now - START_TIME))" "$*"
}

# Prints a table of the steps run so far and their durations (the step still running counts
# up to now), with the total, and writes it to $1 when given.
timing_table() {
    local now i out
    now=$(date +%s)
    out="$(
        printf '%-64s %7s\n' "step" "seconds"
        for i in "${!STEP_NAMES[@]}"; do
            printf '%-64.64s %7d\n' "${STEP_NAMES[$i]}" "${STEP_SECS[$i]}"
        done
        [ -z "$STEP_NAME" ] || printf '%-64.64s %7d\n' "$STEP_NAME" $((now - STEP_START))
        printf '%-64s %7d\n' "total" $((now - START_TIME))
    )"
    printf '\n%s\n' "$out"
    if [ -n "${1:-}" ]; then
        mkdir -p "$(dirname "$1")"
        printf '%s\n' "$out" >"$1"
    fi
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

# Runs a Python unittest script, shows its output, and adds its counts to the totals.
run_py_tests() {
    local log
    log=$(mktemp)
    if ! python3 "$@" 2>&1 | tee "$log"; then
        rm -f "$log"
        die "python3 $* failed"
    fi
    local ran
    ran=$(sed -nE 's/^Ran ([0-9]+) tests? in .*/\1/p' "$log" | tail -1)
    rm -f "$log"
    [ -n "$ran" ] || die "python3 $1 ran no test"
    PASSED=$((PASSED + ran))
}
