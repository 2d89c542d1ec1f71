//! The pure risk core: plain Rust over plain structs, with no `AccountInfo`.
//!
//! Everything here is deterministic integer math with an explicit rounding direction. The
//! program's instruction handlers, the SDK and the liquidator bot all call these functions, so
//! on-chain and off-chain numbers cannot drift apart.

pub mod curve;
pub mod emode;
pub mod error;
pub mod exchange;
pub mod fixed;
pub mod fund;
pub mod health;
pub mod liquidation;
pub mod outflow;
pub mod price;
pub mod ramp;
pub mod wide;

pub use error::RiskError;
pub use fixed::{Rounding, BPS, WAD};

/// Result type of the pure core.
pub type RiskResult<T> = core::result::Result<T, RiskError>;
