//! Account layouts. Every account is zero-copy, versioned, padded for upgrades, free of
//! 128-bit fields (they are stored as `[u64; 2]` limbs) and size-checked at compile time.

pub mod last_update;
pub mod market;
pub mod obligation;
pub mod oracle_price;
pub mod pod;
pub mod reserve;

pub use last_update::LastUpdate;
pub use market::LendingMarket;
pub use obligation::{Obligation, ObligationBorrow, ObligationDeposit, MAX_BORROWS, MAX_DEPOSITS};
pub use oracle_price::{OraclePrice, OracleSource};
pub use pod::PodU128;
pub use reserve::{Reserve, ReserveConfig, ReserveStatus};

/// Layout version written into every account at creation.
pub const ACCOUNT_VERSION: u64 = 1;
