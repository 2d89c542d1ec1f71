//! Account layouts. Every account is zero-copy, versioned, padded for upgrades, free of
//! 128-bit fields (they are stored as `[u64; 2]` limbs) and size-checked at compile time.

pub mod emode_group;
pub mod insurance_fund;
pub mod last_update;
pub mod layouts;
pub mod market;
pub mod obligation;
pub mod oracle_price;
pub mod pod;
pub mod ramp;
pub mod reserve;

use crate::Pubkey;
use bytemuck::{Pod, Zeroable};
pub use insurance_fund::FundSigner;
pub use market::{PAUSE_ALL, PAUSE_BORROWS};
pub use obligation::{MAX_BORROWS, MAX_DEPOSITS};
pub use oracle_price::OracleSource;
pub use reserve::{PriceStatus, ReserveSigner, ReserveStatus, ReserveView};

/// Number of points in every borrow-rate curve; unused trailing points repeat the 100% point.
pub const CURVE_POINTS: usize = 11;

/// Layout version written into every account at creation.
pub const ACCOUNT_VERSION: u64 = 1;
/// Length of the discriminator Anchor writes in front of every account.
pub const DISCRIMINATOR_LEN: usize = 8;

crate::account_layouts!(
    account: [#[repr(C)] #[derive(Clone, Copy, Pod, Zeroable)]],
    value: [#[repr(C)] #[derive(Clone, Copy, Pod, Zeroable)]]
);

/// Size of [`LendingMarket`] without the 8-byte discriminator.
pub const LENDING_MARKET_SIZE: usize = 408;
/// Size of [`ReserveConfig`].
pub const RESERVE_CONFIG_SIZE: usize = 208;
/// Size of [`Reserve`] without the 8-byte discriminator.
pub const RESERVE_SIZE: usize = 888;
/// Size of [`Obligation`] without the 8-byte discriminator: 8 collateral positions of 96 bytes
/// and 5 debt positions of 80 (with their 8-byte valuation stamps), 1,168 bytes, plus 272 of
/// totals and settings. Past 1 KiB since the positions grew from 4 + 3 (880 bytes): a full
/// liquidation needs the market's lookup table to fit one transaction (`state/obligation.rs`).
pub const OBLIGATION_SIZE: usize = 1_440;
/// Size of [`OraclePrice`] without the 8-byte discriminator.
pub const ORACLE_PRICE_SIZE: usize = 328;
/// Size of [`EmodeGroup`] without the 8-byte discriminator.
pub const EMODE_GROUP_SIZE: usize = 256;
/// Size of [`InsuranceFund`] without the 8-byte discriminator.
pub const INSURANCE_FUND_SIZE: usize = 352;
/// Size of [`UnstakeRequest`] without the 8-byte discriminator.
pub const UNSTAKE_REQUEST_SIZE: usize = 144;

const _: () = assert!(core::mem::size_of::<PodU128>() == 16);
const _: () = assert!(core::mem::align_of::<PodU128>() == 8);
const _: () = assert!(core::mem::size_of::<LastUpdate>() == 24);
const _: () = assert!(core::mem::size_of::<Ramp>() == 24);
const _: () = assert!(core::mem::size_of::<LendingMarket>() == LENDING_MARKET_SIZE);
const _: () = assert!(core::mem::size_of::<ReserveConfig>() == RESERVE_CONFIG_SIZE);
const _: () = assert!(core::mem::size_of::<Reserve>() == RESERVE_SIZE);
const _: () = assert!(core::mem::size_of::<Obligation>() == OBLIGATION_SIZE);
const _: () = assert!(core::mem::size_of::<OraclePrice>() == ORACLE_PRICE_SIZE);
const _: () = assert!(core::mem::size_of::<EmodeLimits>() == 8);
const _: () = assert!(core::mem::size_of::<EmodeGroup>() == EMODE_GROUP_SIZE);
const _: () = assert!(core::mem::size_of::<InsuranceFund>() == INSURANCE_FUND_SIZE);
const _: () = assert!(core::mem::size_of::<UnstakeRequest>() == UNSTAKE_REQUEST_SIZE);
