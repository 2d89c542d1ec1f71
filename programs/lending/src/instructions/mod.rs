//! One module per instruction: each loads and validates its accounts, calls the pure core and
//! performs its CPIs.
//!
//! Anchor's `#[program]` needs each accounts struct (and its generated client modules) at the
//! crate root, hence the glob re-exports; every module's `handler` is called by its full path.
#![allow(ambiguous_glob_reexports)]

pub mod accept_owner;
pub mod borrow_obligation_liquidity;
pub mod cancel_unstake;
pub mod claim_protocol_fees;
pub mod collect_fund_fees;
pub mod deposit_and_collateralize;
pub mod deposit_obligation_collateral;
pub mod deposit_reserve_liquidity;
pub mod emode_group_params;
pub mod flash_borrow;
pub mod flash_repay;
pub mod fund_params;
pub mod init_emode_group;
pub mod init_insurance_fund;
pub mod init_market;
pub mod init_obligation;
pub mod init_oracle_price;
pub mod init_reserve;
pub mod liquidate_obligation;
pub mod pause_market;
pub mod propose_owner;
pub mod redeem_reserve_collateral;
pub mod refresh_obligation;
pub mod refresh_oracle_price;
pub mod refresh_reserve;
pub mod repay_obligation_liquidity;
pub mod request_unstake;
pub mod reserve_config;
pub mod set_fixed_price;
pub mod set_guardian;
pub mod set_obligation_emode;
pub mod shared;
pub mod stake;
pub mod update_emode_group;
pub mod update_fund_settings;
pub mod update_insurance_fund;
pub mod update_market_config;
pub mod update_oracle_config;
pub mod update_reserve_config;
pub mod withdraw_and_redeem;
pub mod withdraw_obligation_collateral;
pub mod withdraw_stake;

pub use accept_owner::*;
pub use borrow_obligation_liquidity::*;
pub use cancel_unstake::*;
pub use claim_protocol_fees::*;
pub use collect_fund_fees::*;
pub use deposit_and_collateralize::*;
pub use deposit_obligation_collateral::*;
pub use deposit_reserve_liquidity::*;
pub use emode_group_params::*;
pub use flash_borrow::*;
pub use fund_params::*;
pub use init_emode_group::*;
pub use init_insurance_fund::*;
pub use init_market::*;
pub use init_obligation::*;
pub use init_oracle_price::*;
pub use init_reserve::*;
pub use liquidate_obligation::*;
pub use pause_market::*;
pub use propose_owner::*;
pub use redeem_reserve_collateral::*;
pub use refresh_obligation::*;
pub use refresh_oracle_price::*;
pub use refresh_reserve::*;
pub use repay_obligation_liquidity::*;
pub use request_unstake::*;
pub use reserve_config::*;
pub use set_fixed_price::*;
pub use set_obligation_emode::*;
pub use stake::*;
pub use update_emode_group::*;
pub use update_insurance_fund::*;
pub use update_market_config::*;
pub use update_oracle_config::*;
pub use update_reserve_config::*;
pub use withdraw_stake::*;
