//! Helpers shared by instruction handlers: guards, token movements and flash-loan introspection.

pub mod account_kinds;
pub mod accounts;
pub mod flash_sysvar;
pub mod mint_screen;
pub mod reserve_account;
pub mod token_ops;
pub mod token_view;
