//! A 128-bit unsigned integer stored as two `u64` limbs, so that account layout and alignment
//! are identical on x86_64 and SBF.

use super::PodU128;

impl PodU128 {
    /// Wraps a `u128`.
    pub const fn new(v: u128) -> Self {
        Self {
            limbs: [v as u64, (v >> 64) as u64],
        }
    }

    /// Reads the value.
    pub const fn get(&self) -> u128 {
        self.limbs[0] as u128 | (self.limbs[1] as u128) << 64
    }

    /// Writes the value.
    pub fn set(&mut self, v: u128) {
        *self = Self::new(v);
    }
}

impl From<u128> for PodU128 {
    fn from(v: u128) -> Self {
        Self::new(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        for v in [0u128, 1, u64::MAX as u128, u64::MAX as u128 + 1, u128::MAX] {
            assert_eq!(PodU128::new(v).get(), v);
        }
    }
}
