//! Stack and heap high-water marks of the lending program, read from the VM's register trace
//! (litesvm's `register-tracing`: every executed SBF instruction's registers r0..r10 and pc).
//!
//! - Stack: SBPF v3 gives every call a fixed 4 KiB frame (the compiler refuses a bigger one)
//!   and at most 64 of them; the frame pointer r10 of the frame at depth `d` is
//!   `MM_STACK_START + (d + 1) · 4 KiB`, so the highest r10 seen is the number of frames used.
//! - Heap: the default bump allocator hands out memory downwards from the end of the 32 KiB
//!   heap and never frees; the lowest heap address any register held is its final position.
//!   The allocator's own position word and its `start + 8` bound are skipped.

use litesvm::{InvocationInspectCallback, LiteSVM};
use solana_address::Address;
use solana_program_runtime::invoke_context::InvokeContext;
use solana_transaction::sanitized::SanitizedTransaction;
use std::sync::{Arc, Mutex};

/// Start of the VM's stack region.
const MM_STACK_START: u64 = 0x2_0000_0000;
/// Start of the VM's heap region.
const MM_HEAP_START: u64 = 0x3_0000_0000;
/// One stack frame (SBPF v3, fixed size).
pub const FRAME_BYTES: u64 = 4_096;
/// The VM's call-depth limit: frames available.
pub const MAX_FRAMES: u64 = 64;
/// The default heap (no `RequestHeapFrame`).
pub const HEAP_BYTES: u64 = 32 * 1024;

/// Memory one invocation of the program used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemUse {
    /// Stack frames in use at the deepest call, the entrypoint's included.
    pub stack_frames: u64,
    /// Heap bytes the bump allocator handed out.
    pub heap_bytes: u64,
}

impl MemUse {
    /// Reads one invocation's register trace (`[r0..r10, pc]` per executed instruction).
    pub fn from_trace(trace: &[[u64; 12]]) -> Self {
        let heap_end = MM_HEAP_START + HEAP_BYTES;
        let mut top_fp = MM_STACK_START;
        let mut lowest = heap_end;
        for regs in trace {
            top_fp = top_fp.max(regs[10]);
            for &r in &regs[..11] {
                if r > MM_HEAP_START + 8 && r < lowest {
                    lowest = r;
                }
            }
        }
        Self {
            stack_frames: (top_fp - MM_STACK_START) / FRAME_BYTES,
            heap_bytes: heap_end - lowest,
        }
    }

    /// The larger of each figure.
    pub fn max(self, other: Self) -> Self {
        Self {
            stack_frames: self.stack_frames.max(other.stack_frames),
            heap_bytes: self.heap_bytes.max(other.heap_bytes),
        }
    }

    /// The larger of each figure over several invocations (`None` for none).
    pub fn max_of(uses: &[MemUse]) -> Option<Self> {
        uses.iter().copied().reduce(Self::max)
    }
}

/// Collects a [`MemUse`] per invocation of the lending program, for the last transaction.
struct Tracer {
    program: Address,
    uses: Arc<Mutex<Vec<MemUse>>>,
}

impl InvocationInspectCallback for Tracer {
    fn before_invocation(
        &self,
        _: &LiteSVM,
        _: &SanitizedTransaction,
        _: &[u16],
        _: &mut InvokeContext,
        _: bool,
    ) {
    }

    fn after_invocation(
        &self,
        _: &LiteSVM,
        _: &SanitizedTransaction,
        _: &[u16],
        invoke_context: &InvokeContext,
        tracing: bool,
    ) {
        self.uses.lock().unwrap().clear();
        assert!(tracing, "the VM was not started with register tracing");
        invoke_context.iterate_vm_traces(&|instruction, _, trace| {
            if instruction
                .get_program_key()
                .is_ok_and(|k| *k == self.program)
            {
                self.uses.lock().unwrap().push(MemUse::from_trace(trace));
            }
        });
    }
}

/// A copy of an SBPF v3 ELF with a minimal section header table (a null section and the
/// section-name table). The program is unchanged; the linker emits no section headers, and
/// solana-sbpf 0.21 reads the section-name table whenever a VM traces registers (it panics
/// without one). The loader ignores sections otherwise.
pub fn with_section_headers(mut elf: Vec<u8>) -> Vec<u8> {
    const SHDR: usize = 64;
    let shnum = u16::from_le_bytes([elf[0x3c], elf[0x3d]]);
    if shnum != 0 {
        return elf;
    }
    let names_at = elf.len() as u64;
    let names = b"\0.shstrtab\0";
    elf.extend_from_slice(names);
    while !elf.len().is_multiple_of(8) {
        elf.push(0);
    }
    let shoff = elf.len() as u64;
    elf.extend_from_slice(&[0; SHDR]);
    let mut shstrtab = [0u8; SHDR];
    shstrtab[0..4].copy_from_slice(&1u32.to_le_bytes()); // sh_name: ".shstrtab"
    shstrtab[4..8].copy_from_slice(&3u32.to_le_bytes()); // sh_type: SHT_STRTAB
    shstrtab[24..32].copy_from_slice(&names_at.to_le_bytes()); // sh_offset
    shstrtab[32..40].copy_from_slice(&(names.len() as u64).to_le_bytes()); // sh_size
    shstrtab[48..56].copy_from_slice(&1u64.to_le_bytes()); // sh_addralign
    elf.extend_from_slice(&shstrtab);
    elf[0x28..0x30].copy_from_slice(&shoff.to_le_bytes()); // e_shoff
    elf[0x3a..0x3c].copy_from_slice(&(SHDR as u16).to_le_bytes()); // e_shentsize
    elf[0x3c..0x3e].copy_from_slice(&2u16.to_le_bytes()); // e_shnum
    elf[0x3e..0x40].copy_from_slice(&1u16.to_le_bytes()); // e_shstrndx
    elf
}

/// A litesvm VM (mainnet features, as `LiteSVM::new()`) with register tracing, and the memory
/// use of each lending invocation of its last transaction, in order. Load programs through
/// [`with_section_headers`].
pub fn traced_svm() -> (LiteSVM, Arc<Mutex<Vec<MemUse>>>) {
    let mut svm = LiteSVM::new_debuggable(true);
    let uses = Arc::new(Mutex::new(vec![]));
    svm.set_invocation_inspect_callback(Tracer {
        program: Address::new_from_array(lending::ID.to_bytes()),
        uses: uses.clone(),
    });
    (svm, uses)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regs(r10: u64, others: &[u64]) -> [u64; 12] {
        let mut r = [0u64; 12];
        r[..others.len()].copy_from_slice(others);
        r[10] = r10;
        r
    }

    #[test]
    fn frames_from_the_highest_frame_pointer() {
        let t = [
            regs(MM_STACK_START + FRAME_BYTES, &[]),
            regs(MM_STACK_START + 3 * FRAME_BYTES, &[]),
            regs(MM_STACK_START + 2 * FRAME_BYTES, &[]),
        ];
        assert_eq!(MemUse::from_trace(&t).stack_frames, 3);
    }

    #[test]
    fn heap_from_the_lowest_heap_address_skipping_the_allocator_word() {
        let end = MM_HEAP_START + HEAP_BYTES;
        let t = [regs(
            MM_STACK_START + FRAME_BYTES,
            // allocator word, its bound, the heap end, two allocations, a stack address
            &[
                MM_HEAP_START,
                MM_HEAP_START + 8,
                end,
                end - 64,
                end - 1_000,
                MM_STACK_START + 8,
            ],
        )];
        assert_eq!(MemUse::from_trace(&t).heap_bytes, 1_000);
        let none = [regs(MM_STACK_START + FRAME_BYTES, &[MM_HEAP_START, 7])];
        assert_eq!(MemUse::from_trace(&none).heap_bytes, 0);
    }

    #[test]
    fn max_takes_each_figure_separately() {
        let a = MemUse {
            stack_frames: 5,
            heap_bytes: 10,
        };
        let b = MemUse {
            stack_frames: 3,
            heap_bytes: 20,
        };
        assert_eq!(
            MemUse::max_of(&[a, b]),
            Some(MemUse {
                stack_frames: 5,
                heap_bytes: 20
            })
        );
        assert_eq!(MemUse::max_of(&[]), None);
    }
}
