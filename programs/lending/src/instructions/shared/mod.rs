//! Helpers shared by instruction handlers: guards, token movements and flash-loan introspection.

pub mod account_kinds;
pub mod accounts;
pub mod admin_change;
pub mod emode_group_account;
pub mod flash_sysvar;
pub mod fund_account;
pub mod mint_screen;
pub mod token_ops;
pub mod token_view;
pub mod zero_copy_account;
