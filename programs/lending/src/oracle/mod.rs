//! Readers for the oracle source accounts. Each turns a source account into a [`RawPrice`]
//! after the source-specific checks; the shared checks (positive, age, confidence) live in the
//! pure core.
//!
//! [`RawPrice`]: crate::risk::price::RawPrice

pub mod pyth_legacy;
pub mod pyth_pull;
