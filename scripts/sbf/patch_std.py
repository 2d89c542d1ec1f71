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

Edits 2 to 4 follow one rule: Solana is a single-threaded target without an OS, like VEXos, so
every `any(...)` cfg list of those files that names `target_os = "vexos"` gains
`target_os = "solana"`. Each edit finds its place by structure (a cfg list with a given item, a
`cfg_select!` arm with a given body, a function by its signature), not by matching the text
around it, so it survives reformatting and new neighbouring targets in a newer Rust. When a
place cannot be found, or is found a different number of times than expected, the script stops
with exit code 2 and says which edit, which file and which std version.

Usage: patch_std.py <library dir> [rust version for messages]   (edits in place; run on a copy)
"""

import pathlib
import re
import sys

SOLANA = 'target_os = "solana"'


class PatchError(Exception):
    """An edit whose target could not be found where the std sources should have it."""


def closing_paren(text: str, open_at: int) -> int:
    """Index of the `)` that closes the `(` at `open_at`."""
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise PatchError("unbalanced parentheses")


def closing_brace(text: str, open_at: int) -> int:
    """Index of the `}` that closes the `{` at `open_at`."""
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise PatchError("unbalanced braces")


def enclosing_any(text: str, at: int):
    """The `any(` list whose direct item starts at `at`: (index of its `(`, of its `)`)."""
    depth = 0
    for i in range(at - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                if not text[:i].rstrip().endswith("any"):
                    return None
                return i, closing_paren(text, i)
            depth -= 1
    return None


def append_item(text: str, open_at: int, close_at: int, item: str) -> str:
    """Appends `item` as the last entry of the list between `open_at` and `close_at`, in the
    list's layout (one entry per line, or all on one line)."""
    inner = text[open_at + 1:close_at]
    body = inner.rstrip()
    tail = inner[len(body):]
    if "\n" in body:
        indent = re.match(r"\s*", body.rsplit("\n", 1)[-1]).group(0)
        new_inner = body.rstrip(",") + ",\n" + indent + item + "," + tail
    else:
        new_inner = body.rstrip(",") + ", " + item + tail
    return text[:open_at + 1] + new_inner + text[close_at:]


def add_to_lists_naming(text: str, item: str, new: str, expected: int) -> tuple:
    """Adds `new` to every `any(...)` list that has `item` as a direct entry; returns the new
    text and the bodies (the next 200 characters) that the changed cfgs guard."""
    pattern = re.compile(re.escape(item) + r"\s*[,)]")
    lists = []
    for m in pattern.finditer(text):
        found = enclosing_any(text, m.start())
        if found and found not in lists:
            lists.append(found)
    if len(lists) != expected:
        raise PatchError(f"expected {expected} any(...) list(s) naming {item}, found {len(lists)}")
    guarded = []
    for open_at, close_at in sorted(lists, reverse=True):
        guarded.append(text[close_at:close_at + 200])
        text = append_item(text, open_at, close_at, new)
    return text, guarded


def require(guarded: list, needles: list, what: str) -> None:
    """Checks that each needle follows one of the changed cfgs closely (it is what they guard)."""
    for needle in needles:
        if not any(needle in g for g in guarded):
            raise PatchError(f"{what}: no changed cfg guards `{needle}`")


class Std:
    """The library/ copy being patched, with the version for messages."""

    def __init__(self, root: pathlib.Path, version: str):
        self.root = root
        self.version = version

    def edit(self, rel: str, what: str, change) -> None:
        path = self.root / rel
        try:
            text = path.read_text()
        except OSError as e:
            raise PatchError(f"{what}: cannot read {rel}: {e}") from e
        try:
            new = change(text)
        except PatchError as e:
            raise PatchError(f"{what} ({rel}): {e}") from e
        path.write_text(new)
        print(f"patched {rel}: {what}")


def alloc_min_align(text: str) -> str:
    """MIN_ALIGN is 8 on bpf: add bpf to the 32-bit list that names x86."""
    text, _ = add_to_lists_naming(text, 'target_arch = "x86"', 'target_arch = "bpf"', 1)
    return text


ALLOC_ARM = """    target_os = "solana" => {
        // Solana programs install their own #[global_allocator]; System is never used.
        #[stable(feature = "alloc_system_type", since = "1.28.0")]
        unsafe impl GlobalAlloc for System {
            #[inline]
            unsafe fn alloc(&self, _layout: Layout) -> *mut u8 {
                ptr::null_mut()
            }
            #[inline]
            unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
        }
    }
"""


def alloc_system(text: str) -> str:
    """A `target_os = "solana"` arm in the `cfg_select!` that picks the platform allocator (the
    one with a `mod unix;` arm), before any `_` arm."""
    if SOLANA + " => {" in text:
        return text
    blocks = []
    for m in re.finditer(r"cfg_select!\s*\{", text):
        end = closing_brace(text, m.end() - 1)
        if re.search(r"=>\s*\{\s*mod unix;", text[m.end():end]):
            blocks.append((m.end(), end))
    if len(blocks) != 1:
        raise PatchError(f"expected one cfg_select! with a `mod unix;` arm, found {len(blocks)}")
    start, end = blocks[0]
    wildcard = re.search(r"\n(\s*)_\s*=>", text[start:end])
    at = start + wildcard.start() + 1 if wildcard else text.rindex("\n", start, end) + 1
    if not text[:at].endswith("\n"):
        raise PatchError("cannot place the new arm on its own line")
    return text[:at] + ALLOC_ARM + text[at:]


def like_vexos(expected: int, needles: list, what: str):
    """Adds Solana to the `expected` cfg lists naming VEXos, which must guard `needles`."""

    def change(text: str) -> str:
        if SOLANA in text:
            return text
        new, guarded = add_to_lists_naming(text, 'target_os = "vexos"', SOLANA, expected)
        require(guarded, needles, what)
        return new

    return change


RANDOM_STATE_NEW = """{
        #[cfg(target_os = "solana")]
        return RandomState { k0: 0, k1: 0 };
        #[cfg(not(target_os = "solana"))]
        return Self::new_from_thread_keys();
    }

    #[cfg(not(target_os = "solana"))]
    fn new_from_thread_keys() -> RandomState """


def random_state_new(text: str) -> str:
    """`RandomState::new()` returns fixed keys on Solana; its body moves to a helper that
    exists only elsewhere."""
    if "new_from_thread_keys" in text:
        return text
    found = list(re.finditer(r"pub fn new\(\)\s*->\s*RandomState\s*\{", text))
    if len(found) != 1:
        raise PatchError(f"expected one `pub fn new() -> RandomState`, found {len(found)}")
    brace = found[0].end() - 1
    closing_brace(text, brace)  # the body must be well formed
    return text[:brace] + RANDOM_STATE_NEW + text[brace:]


def patch_std(root: pathlib.Path, version: str) -> None:
    """Applies every edit; raises PatchError naming the first one that cannot be placed."""
    std = Std(root, version)
    sysdir = "std/src/sys"
    std.edit(f"{sysdir}/alloc/mod.rs", "MIN_ALIGN 8 on bpf", alloc_min_align)
    std.edit(f"{sysdir}/alloc/mod.rs", "null System allocator", alloc_system)
    std.edit(f"{sysdir}/io/error/mod.rs", "generic io errors",
             like_vexos(1, ["mod generic;"], "generic io errors"))
    std.edit(f"{sysdir}/thread_local/mod.rs", "no_threads thread locals, no exit guard",
             like_vexos(2, ["mod no_threads;", "fn enable()"], "no_threads thread locals"))
    std.edit(f"{sysdir}/random/mod.rs", "unsupported random, no hashmap_random_keys",
             like_vexos(2, ["mod unsupported;", "pub fn hashmap_random_keys"], "unsupported random"))
    std.edit("std/src/hash/random.rs", "fixed RandomState keys", random_state_new)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    version = sys.argv[2] if len(sys.argv) == 3 else "unknown"
    try:
        patch_std(root, version)
    except PatchError as e:
        print(f"patch_std: std of Rust {version}: {e}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
