//! Liquidator bot of the lending program.
//!
//! It discovers a market's obligations with getProgramAccounts (filtered on the account size,
//! the discriminator and the market field), follows every change of the program's accounts
//! over a websocket subscription (polling whenever the stream is down), recomputes each
//! obligation's health with the program's own core crate (its refresh operation) after projecting the reserves
//! to the cluster's clock, and liquidates unhealthy obligations with the most profitable pair
//! the wallet can fund, within the close factor, with max-repay and min-receive bounds. It
//! never sends a liquidation for an obligation its own math calls healthy. In flash-loan mode
//! it needs no debt asset: each repayment is a flash loan from the repay reserve, repaid by
//! selling the seized collateral through a [`swap::SwapVenue`] in the same transaction.

pub mod bot;
pub mod stats;
pub mod swap;
pub mod watch;

pub use bot::{Bot, BotConfig};
pub use stats::{Snapshot, Stats};
pub use swap::{OracleMaker, SwapVenue};
