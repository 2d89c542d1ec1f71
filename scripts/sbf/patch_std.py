#!/usr/bin/env python3
"""Patches a copy of Rust's `library/` so that `std` builds for `target_os = "solana"`.

Upstream std has no Solana port; these edits route Solana to std's existing fallbacks:
  1. alloc:         MIN_ALIGN 8 on bpf, and a `System` allocator that returns null (the
                    program installs its own #[global_allocator]);
  2. io/error:      the `generic` module;
  3. thread_local:  the `no_threads` implementation, and no thread-exit guard;
  4. random:        the `unsupported` module;
  5. hash/random:   `RandomState::new()` returns fixed keys (no thread-local KEYS, whose writable
                    static cannot be linked for SBF; hash order does not matter on chain).

Every edit must match the source exactly once, so a new Rust version fails loudly here rather
than producing a subtly different std.

Usage: patch_std.py <library dir>   (edits in place; run on a copy)
"""

import pathlib
import sys


def patch(root: pathlib.Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    count = text.count(old)
    if count != 1:
        sys.exit(f"patch_std: expected exactly one match in {rel}, found {count}:\n{old}")
    path.write_text(text.replace(old, new))
    print(f"patched {rel}")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    sysdir = "std/src/sys"

    patch(root, f"{sysdir}/alloc/mod.rs",
          '    target_arch = "x86",\n    target_arch = "arm",\n',
          '    target_arch = "x86",\n    target_arch = "bpf",\n    target_arch = "arm",\n')
    patch(root, f"{sysdir}/alloc/mod.rs",
          '    target_os = "zkvm" => {\n        mod zkvm;\n    }\n}\n',
          '    target_os = "zkvm" => {\n        mod zkvm;\n    }\n'
          '    target_os = "solana" => {\n'
          '        // Solana programs install their own #[global_allocator]; System is never used.\n'
          '        #[stable(feature = "alloc_system_type", since = "1.28.0")]\n'
          '        unsafe impl GlobalAlloc for System {\n'
          '            #[inline]\n'
          '            unsafe fn alloc(&self, _layout: Layout) -> *mut u8 {\n'
          '                ptr::null_mut()\n'
          '            }\n'
          '            #[inline]\n'
          '            unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}\n'
          '        }\n'
          '    }\n}\n')
    patch(root, f"{sysdir}/io/error/mod.rs",
          '        target_os = "vexos",\n        target_family = "wasm",\n        target_os = "zkvm",\n    ) => {\n        mod generic;',
          '        target_os = "vexos",\n        target_family = "wasm",\n        target_os = "zkvm",\n        target_os = "solana",\n    ) => {\n        mod generic;')
    patch(root, f"{sysdir}/thread_local/mod.rs",
          '        target_os = "trusty",\n        target_os = "vexos",\n    ) => {\n        mod no_threads;',
          '        target_os = "trusty",\n        target_os = "vexos",\n        target_os = "solana",\n    ) => {\n        mod no_threads;')
    patch(root, f"{sysdir}/thread_local/mod.rs",
          '            target_os = "trusty",\n            target_os = "vexos",\n        ) => {\n            pub(crate) fn enable() {',
          '            target_os = "trusty",\n            target_os = "vexos",\n            target_os = "solana",\n        ) => {\n            pub(crate) fn enable() {')
    patch(root, f"{sysdir}/random/mod.rs",
          '    target_os = "xous",\n    target_os = "vexos",\n)))]\npub fn hashmap_random_keys()',
          '    target_os = "xous",\n    target_os = "vexos",\n    target_os = "solana",\n)))]\npub fn hashmap_random_keys()')
    patch(root, f"{sysdir}/random/mod.rs",
          '        target_os = "xous",\n        target_os = "vexos",\n    ) => {\n        // FIXME: finally remove std support',
          '        target_os = "xous",\n        target_os = "vexos",\n        target_os = "solana",\n    ) => {\n        // FIXME: finally remove std support')
    patch(root, "std/src/hash/random.rs",
          '    pub fn new() -> RandomState {\n        // Historically',
          '    pub fn new() -> RandomState {\n'
          '        #[cfg(target_os = "solana")]\n'
          '        return RandomState { k0: 0, k1: 0 };\n'
          '        #[cfg(not(target_os = "solana"))]\n'
          '        return Self::new_from_thread_keys();\n'
          '    }\n\n'
          '    #[cfg(not(target_os = "solana"))]\n'
          '    fn new_from_thread_keys() -> RandomState {\n'
          '        // Historically')


if __name__ == "__main__":
    main()
