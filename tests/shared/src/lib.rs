//! The lending program's scenario suite, written once over [`env::VmEnv`] and run by every
//! in-process environment: the native suite (solana-program-test 3.1, the program as a native
//! processor) and the SBF suite (litesvm 0.16 running the built `.so`). The fixture and the
//! invariants take any [`env::TestEnv`], so the RPC suite runs them against a real validator.
//!
//! A suite runs every scenario with one line, `lending_test_suite::instantiate!(Env);`
//! (see [`runner`] for how the scenarios become `#[test]`s).

pub mod env;
pub mod fixture;
pub mod fund_fixture;
pub mod invariants;
pub use lending_sdk::ix;
pub mod outcome;
pub mod pyth;
pub mod rng;
pub mod runner;
pub mod timelock_fixture;

mod account_tests;
mod admin_tests;
mod borrow_factor_tests;
mod emode_tests;
mod flash_tests;
mod fund_tests;
mod lifecycle_tests;
mod limits_tests;
mod liquidation_tests;
mod mint_tests;
mod oracle_tests;
mod preview_tests;
mod scenario_tests;
mod security;
mod timelock_tests;
mod valuation_tests;

pub use runner::{block_on, ScenarioFuture};
pub use security::matrix_table;

/// Every file's scenarios, by the name its tests get (see [`scenarios!`]).
#[doc(hidden)]
pub mod entry {
    pub use crate::account_tests::entry as account_tests;
    pub use crate::admin_tests::entry as admin_tests;
    pub use crate::borrow_factor_tests::entry as borrow_factor_tests;
    pub use crate::emode_tests::entry as emode_tests;
    pub use crate::flash_tests::entry as flash_tests;
    pub use crate::fund_tests::entry as fund_tests;
    pub use crate::lifecycle_tests::entry as lifecycle_tests;
    pub use crate::limits_tests::entry as limits_tests;
    pub use crate::liquidation_tests::entry as liquidation_tests;
    pub use crate::mint_tests::entry as mint_tests;
    pub use crate::oracle_tests::entry as oracle_tests;
    pub use crate::preview_tests::entry as preview_tests;
    pub use crate::scenario_tests::entry as scenario_tests;
    pub use crate::security::amounts::entry as security_amounts;
    pub use crate::security::classes::entry as security_classes;
    pub use crate::security::substitution::entry as security_substitution;
    pub use crate::timelock_tests::entry as timelock_tests;
    pub use crate::valuation_tests::entry as valuation_tests;
}

/// Defines one `#[test]` per scenario, run in the environment `$env` (a [`env::VmEnv`]),
/// grouped in a module per file: `instantiate!(Env)`, or `instantiate!(Env, events: seen)`
/// where the environment returns the program's events (the tests that read them are ignored
/// otherwise).
#[macro_export]
macro_rules! instantiate {
    ($env:ty) => {
        $crate::instantiate!($env, events: unseen);
    };
    ($env:ty, events: $events:ident) => {
        /// The environment the scenarios run in.
        type ScenarioEnv = $env;
        $crate::account_tests!(events: $events);
        $crate::admin_tests!(events: $events);
        $crate::borrow_factor_tests!(events: $events);
        $crate::emode_tests!(events: $events);
        $crate::flash_tests!(events: $events);
        $crate::fund_tests!(events: $events);
        $crate::timelock_tests!(events: $events);
        $crate::lifecycle_tests!(events: $events);
        $crate::limits_tests!(events: $events);
        $crate::liquidation_tests!(events: $events);
        $crate::mint_tests!(events: $events);
        $crate::oracle_tests!(events: $events);
        $crate::preview_tests!(events: $events);
        $crate::scenario_tests!(events: $events);
        $crate::valuation_tests!(events: $events);
        $crate::security_amounts!(events: $events);
        $crate::security_classes!(events: $events);
        $crate::security_substitution!(events: $events);
    };
}
