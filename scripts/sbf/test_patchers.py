#!/usr/bin/env python3
"""Tests of the SBF route's source patchers (patch_std.py, patch_builtins.py).

They run on the real sources this machine builds with (today's std from Debian's rust-web-src,
today's solana-compiler-builtins from the cargo registry) and on perturbed copies: a copy in
another layout must still patch, a copy whose patch site is gone must fail with exit code 2 and
a message naming the edit and the version.

Usage: test_patchers.py <std library dir> <rust version> <builtins crate dir> <builtins version>
(run by ./scripts/test after ./scripts/build-sbf has installed both).
"""

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
STD_FILES = [
    "std/src/sys/alloc/mod.rs",
    "std/src/sys/io/error/mod.rs",
    "std/src/sys/thread_local/mod.rs",
    "std/src/sys/random/mod.rs",
    "std/src/hash/random.rs",
]
STD_DIR = RUST_VERSION = BUILTINS_DIR = BUILTINS_VERSION = None


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HERE / script), *args],
                          capture_output=True, text=True, check=False)


class Tree:
    """A scratch copy of the files a patcher edits."""

    def __init__(self, src: pathlib.Path, files):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.tmp.name)
        for rel in files:
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src / rel, self.root / rel)

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text()

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert text.count(old) >= 1, f"fixture text not found in {rel}: {old!r}"
        (self.root / rel).write_text(text.replace(old, new, count if count > 0 else -1))

    def close(self) -> None:
        self.tmp.cleanup()


def solana_cfg_lists(text: str) -> int:
    return len(re.findall(r'target_os = "solana",?\s*\n?\s*\)', text))


class StdPatcher(unittest.TestCase):
    def setUp(self):
        self.tree = Tree(STD_DIR, STD_FILES)

    def tearDown(self):
        self.tree.close()

    def patch(self):
        return run("patch_std.py", str(self.tree.root), RUST_VERSION)

    def test_todays_std_gets_every_edit(self):
        result = self.patch()
        self.assertEqual(result.returncode, 0, result.stderr)
        alloc = self.tree.read("std/src/sys/alloc/mod.rs")
        eight = alloc[alloc.index('target_arch = "x86"'):]
        self.assertLess(eight.index('target_arch = "bpf"'), eight.index("{\n    8\n"))
        self.assertIn('target_os = "solana" => {', alloc)
        self.assertIn("ptr::null_mut()", alloc)
        self.assertEqual(solana_cfg_lists(self.tree.read("std/src/sys/io/error/mod.rs")), 1)
        self.assertEqual(solana_cfg_lists(self.tree.read("std/src/sys/thread_local/mod.rs")), 2)
        self.assertEqual(solana_cfg_lists(self.tree.read("std/src/sys/random/mod.rs")), 2)
        hash_random = self.tree.read("std/src/hash/random.rs")
        self.assertIn("return RandomState { k0: 0, k1: 0 };", hash_random)
        self.assertIn("fn new_from_thread_keys() -> RandomState {", hash_random)

    def test_other_layout_and_new_neighbours_still_patch(self):
        # A newer std might add targets beside VEXos and lay lists out on one line.
        self.tree.edit("std/src/sys/io/error/mod.rs", 'target_os = "vexos",',
                       'target_os = "vexos", target_os = "newos",')
        self.tree.edit("std/src/sys/alloc/mod.rs", "    target_arch = \"x86\",\n",
                       "    target_arch = \"newarch\",\n    target_arch = \"x86\",\n")
        result = self.patch()
        self.assertEqual(result.returncode, 0, result.stderr)
        error = self.tree.read("std/src/sys/io/error/mod.rs")
        self.assertIn('target_os = "newos"', error)
        self.assertEqual(error.count('target_os = "solana"'), 1)

    def test_missing_site_fails_naming_edit_and_version(self):
        self.tree.edit("std/src/sys/io/error/mod.rs", 'target_os = "vexos",', "", 0)
        result = self.patch()
        self.assertEqual(result.returncode, 2)
        self.assertIn("generic io errors", result.stderr)
        self.assertIn(RUST_VERSION, result.stderr)

    def test_guard_moved_elsewhere_fails(self):
        # VEXos still listed, but the list no longer guards the no_threads module.
        self.tree.edit("std/src/sys/thread_local/mod.rs", "mod no_threads;", "mod other_threads;")
        result = self.patch()
        self.assertEqual(result.returncode, 2)
        self.assertIn("mod no_threads;", result.stderr)

    def test_renamed_function_fails(self):
        self.tree.edit("std/src/hash/random.rs", "pub fn new() -> RandomState", "pub fn fresh() -> RandomState")
        result = self.patch()
        self.assertEqual(result.returncode, 2)
        self.assertIn("fixed RandomState keys", result.stderr)


class BuiltinsPatcher(unittest.TestCase):
    LIB = "src/lib.rs"

    def setUp(self):
        self.tree = Tree(BUILTINS_DIR, [self.LIB])

    def tearDown(self):
        self.tree.close()

    def patch(self):
        return run("patch_builtins.py", str(self.tree.root), BUILTINS_VERSION)

    def test_todays_crate_gets_every_edit_once(self):
        for _ in range(2):  # a second run changes nothing
            result = self.patch()
            self.assertEqual(result.returncode, 0, result.stderr)
        lib = self.tree.read(self.LIB)
        for name in ("__multi3", "__udivti3", "__umodti3"):
            self.assertEqual(lib.count(f'pub unsafe extern "unadjusted" fn {name}('), 1, name)
        for name in ("__divti3", "__modti3", "__ashlti3", "__lshrti3", "__ashrti3"):
            self.assertEqual(lib.count(f"fn {name}("), 1, name)
        self.assertEqual(lib.count("feature(abi_unadjusted)"), 1)

    def test_missing_libcall_fails(self):
        self.tree.edit(self.LIB, "fn __multi3(", "fn __multi3_renamed(")
        result = self.patch()
        self.assertEqual(result.returncode, 2)
        self.assertIn("__multi3", result.stderr)
        self.assertIn(BUILTINS_VERSION, result.stderr)

    def test_missing_no_std_attribute_fails(self):
        self.tree.edit(self.LIB, '#![cfg_attr(target_arch = "bpf", no_std)]', "")
        result = self.patch()
        self.assertEqual(result.returncode, 2)
        self.assertIn("no_std", result.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    STD_DIR = pathlib.Path(sys.argv[1])
    RUST_VERSION = sys.argv[2]
    BUILTINS_DIR = pathlib.Path(sys.argv[3])
    BUILTINS_VERSION = sys.argv[4]
    unittest.main(argv=[sys.argv[0], "-v"])
