//! The stored form of a ramp ([`crate::risk::ramp::RampSpan`]).

use super::Ramp;
use crate::risk::ramp::RampSpan;

impl Ramp {
    /// The ramp in the pure core's format.
    pub fn span(&self) -> RampSpan {
        RampSpan {
            from_bps: self.from_bps,
            to_bps: self.to_bps,
            start: self.start,
            end: self.end,
        }
    }

    /// Stores `s` (the default span clears the ramp).
    pub fn set(&mut self, s: &RampSpan) {
        self.from_bps = s.from_bps;
        self.to_bps = s.to_bps;
        self.start = s.start;
        self.end = s.end;
    }

    /// True when a ramp is set (running, or ended and not yet cleared).
    pub fn is_set(&self) -> bool {
        self.end != 0
    }
}
