#!/usr/bin/env python3
"""Patches a copy of solana-compiler-builtins 0.3.0 for the i128 ABI of this SBF route.

rustc 1.96 passes and returns i128 indirectly on bpf, while LLVM 23's libcalls pass them in
register pairs. Declaring the libcalls `extern "unadjusted"` makes rustc use LLVM's
convention. The crate lacks the signed division and the shift libcalls, which overflow-checked
and wide arithmetic emit; they are added here, written on u64 halves so they never call
themselves.

Usage: patch_builtins.py <crate dir>   (edits in place; run on a copy)
"""

import pathlib
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


def patch(path: pathlib.Path, old: str, new: str) -> str:
    text = path.read_text()
    if text.count(old) != 1:
        sys.exit(f"patch_builtins: expected exactly one match in {path.name} for:\n{old}")
    path.write_text(text.replace(old, new))
    return text


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lib = pathlib.Path(sys.argv[1]) / "src" / "lib.rs"
    patch(lib, '#![cfg_attr(target_arch = "bpf", no_std)]\n',
          '#![cfg_attr(target_arch = "bpf", no_std)]\n'
          '#![cfg_attr(target_arch = "bpf", feature(abi_unadjusted))]\n')
    patch(lib, "pub unsafe fn __multi3(a: i128, b: i128) -> i128 {",
          'pub unsafe extern "unadjusted" fn __multi3(a: i128, b: i128) -> i128 {')
    patch(lib, "pub unsafe fn __udivti3(n: u128, d: u128) -> u128 {",
          'pub unsafe extern "unadjusted" fn __udivti3(n: u128, d: u128) -> u128 {')
    patch(lib, "pub unsafe fn __umodti3(n: u128, d: u128) -> u128 {",
          'pub unsafe extern "unadjusted" fn __umodti3(n: u128, d: u128) -> u128 {')
    lib.write_text(lib.read_text() + ADDED)
    print(f"patched {lib}")


if __name__ == "__main__":
    main()
