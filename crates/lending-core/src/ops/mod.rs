//! The operations: every state change the program makes, over plain state.
//!
//! Each operation takes the accounts' contents (the core's layouts), the clock and the
//! instruction's arguments, checks everything that is not about which accounts were passed,
//! changes the state and returns what moved, for the program to transfer and emit. The program
//! runs them on its accounts; the SDK and the bot run the same functions on fetched copies to
//! preview an action.
//!
//! An operation that fails may leave its arguments partly changed: the program's transaction
//! then reverts, and a client discards its copies.

pub mod borrow;
pub mod collateral;
pub mod emode;
pub mod fees;
pub mod flash;
pub mod fund;
pub mod guards;
pub mod liquidate;
pub mod market;
pub mod obligation;
pub mod oracle;
pub mod refresh;
pub mod repay;
pub mod reserve;
pub mod reserves;
pub mod supply;
pub mod timelock;

pub use guards::Action;
pub use reserves::ObligationReserves;

/// The time an operation runs at: the slot and the unix time of the cluster clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    /// Current slot.
    pub slot: u64,
    /// Current unix time, in seconds.
    pub unix_timestamp: i64,
}
