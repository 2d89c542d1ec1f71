#!/usr/bin/env python3
"""Patches a copy of solana-compiler-builtins 0.3.0 for the i128 ABI of this SBF route.

rustc 1.96 passes and returns i128 indirectly on bpf, while LLVM 23's libcalls pass them in
register pairs. Declaring the libcalls `extern "unadjusted"` makes rustc use LLVM's
convention. The crate lacks the signed division and the shift libcalls, which overflow-checked
and wide arithmetic emit; they are added here, written on u64 halves so they never call
themselves.

Each edit finds its target by structure (the crate's bpf `no_std` attribute, a libcall by its
signature) and stops with exit code 2, naming the edit and the version, when it cannot.

Usage: patch_builtins.py <crate dir> [version for messages]   (edits in place; run on a copy)
"""

import pathlib
import re
import sys

ADDED = r'''

#[cfg(target_arch = "bpf")]
#[unsafe(no_mangle)]
pub unsafe extern "unadjusted" fn __divti3(a: i128, b: i128) -> i128 {
    let negative = (a < 0) != (b < 0);
    let q = udivmod128(a.unsigned_abs(), b.unsigned_abs()).0 as i128;
    if negative { q.wrapping_neg() } else { q }
}

#[cfg(target_arch = "bpf")]
#[unsafe(no_mangle)]
pub unsafe extern "unadjusted" fn __modti3(a: i128, b: i128) -> i128 {
    let r = udivmod128(a.unsigned_abs(), b.unsigned_abs()).1 as i128;
    if a < 0 { r.wrapping_neg() } else { r }
}

#[cfg(target_arch = "bpf")]
#[inline(always)]
fn halves(a: u128) -> (u64, u64) {
    (a as u64, (a >> 64) as u64)
}

#[cfg(target_arch = "bpf")]
#[inline(always)]
fn join(lo: u64, hi: u64) -> u128 {
    ((hi as u128) << 64) | lo as u128
}

#[cfg(target_arch = "bpf")]
#[unsafe(no_mangle)]
pub unsafe extern "unadjusted" fn __ashlti3(a: i128, b: i32) -> i128 {
    let (lo, hi) = halves(a as u128);
    let b = (b as u32) & 127;
    let (lo, hi) = if b == 0 {
        (lo, hi)
    } else if b < 64 {
        (lo << b, (hi << b) | (lo >> (64 - b)))
    } else {
        (0, lo << (b - 64))
    };
    join(lo, hi) as i128
}

#[cfg(target_arch = "bpf")]
#[unsafe(no_mangle)]
pub unsafe extern "unadjusted" fn __lshrti3(a: i128, b: i32) -> i128 {
    let (lo, hi) = halves(a as u128);
    let b = (b as u32) & 127;
    let (lo, hi) = if b == 0 {
        (lo, hi)
    } else if b < 64 {
        ((lo >> b) | (hi << (64 - b)), hi >> b)
    } else {
        (hi >> (b - 64), 0)
    };
    join(lo, hi) as i128
}

#[cfg(target_arch = "bpf")]
#[unsafe(no_mangle)]
pub unsafe extern "unadjusted" fn __ashrti3(a: i128, b: i32) -> i128 {
    let (lo, hi) = halves(a as u128);
    let b = (b as u32) & 127;
    let sign = ((hi as i64) >> 63) as u64;
    let (lo, hi) = if b == 0 {
        (lo, hi)
    } else if b < 64 {
        ((lo >> b) | (hi << (64 - b)), ((hi as i64) >> b) as u64)
    } else {
        (((hi as i64) >> (b - 64)) as u64, sign)
    };
    join(lo, hi) as i128
}
'''


class PatchError(Exception):
    """An edit whose target could not be found in the crate's sources."""


def add_feature(text: str) -> str:
    """`feature(abi_unadjusted)` next to the crate's bpf `no_std` attribute."""
    if "abi_unadjusted" in text:
        return text
    found = list(re.finditer(r'#!\[cfg_attr\(\s*target_arch\s*=\s*"bpf"\s*,\s*no_std\s*\)\]\n', text))
    if len(found) != 1:
        raise PatchError(f"expected one #![cfg_attr(target_arch = \"bpf\", no_std)], found {len(found)}")
    at = found[0].end()
    return text[:at] + '#![cfg_attr(target_arch = "bpf", feature(abi_unadjusted))]\n' + text[at:]


def unadjusted(text: str, name: str) -> str:
    """Declares the libcall `name` with LLVM's calling convention."""
    found = list(re.finditer(r'pub\s+unsafe\s+(extern\s+"[a-z]+"\s+)?fn\s+' + name + r"\s*\(", text))
    if len(found) != 1:
        raise PatchError(f"expected one `pub unsafe fn {name}(`, found {len(found)}")
    m = found[0]
    if m.group(1):
        if "unadjusted" in m.group(1):
            return text
        raise PatchError(f"{name} already has an ABI: {m.group(1).strip()}")
    return text[:m.start()] + f'pub unsafe extern "unadjusted" fn {name}(' + text[m.end():]


def patch_builtins(crate: pathlib.Path, version: str) -> None:
    """Applies every edit to src/lib.rs; raises PatchError naming the first that fails."""
    lib = crate / "src" / "lib.rs"
    try:
        text = lib.read_text()
    except OSError as e:
        raise PatchError(f"cannot read {lib}: {e}") from e
    if "fn udivmod128" not in text:
        raise PatchError("no udivmod128 helper, which the added libcalls divide with")
    text = add_feature(text)
    for name in ("__multi3", "__udivti3", "__umodti3"):
        text = unadjusted(text, name)
    for name in ("__divti3", "__modti3", "__ashlti3", "__lshrti3", "__ashrti3"):
        if re.search(r"fn\s+" + name + r"\s*\(", text):
            if "fn halves(a: u128)" in text:
                break  # added by an earlier run
            raise PatchError(f"{name} is already defined: this version needs a new patch")
    else:
        text += ADDED
    lib.write_text(text)
    print(f"patched {lib} (solana-compiler-builtins {version})")


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    version = sys.argv[2] if len(sys.argv) == 3 else "unknown"
    try:
        patch_builtins(pathlib.Path(sys.argv[1]), version)
    except PatchError as e:
        print(f"patch_builtins: solana-compiler-builtins {version}: {e}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
