//! A small deterministic generator (xorshift64*) for drawn test inputs: a failure replays from
//! its seed.

/// xorshift64* state; seed it with a non-zero value.
pub struct Rng(pub u64);

impl Rng {
    /// A draw in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}
