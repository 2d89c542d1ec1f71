//! The bot's counters, readable while it runs.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Counters of one bot run.
#[derive(Debug, Default)]
pub struct Stats {
    /// Obligations currently watched.
    pub watched: AtomicU64,
    /// Obligations found liquidatable by the bot's own math (each evaluation counts).
    pub unhealthy_seen: AtomicU64,
    /// Liquidation transactions sent (or, in dry-run, that would have been).
    pub sent: AtomicU64,
    /// Liquidations confirmed.
    pub landed: AtomicU64,
    /// Liquidations refused or not confirmed.
    pub failed: AtomicU64,
    /// Account updates received over the websocket.
    pub ws_updates: AtomicU64,
    /// Full rescans (getProgramAccounts).
    pub rescans: AtomicU64,
}

/// A plain copy of the counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// See [`Stats::watched`].
    pub watched: u64,
    /// See [`Stats::unhealthy_seen`].
    pub unhealthy_seen: u64,
    /// See [`Stats::sent`].
    pub sent: u64,
    /// See [`Stats::landed`].
    pub landed: u64,
    /// See [`Stats::failed`].
    pub failed: u64,
    /// See [`Stats::ws_updates`].
    pub ws_updates: u64,
    /// See [`Stats::rescans`].
    pub rescans: u64,
}

impl Stats {
    /// Adds one to a counter.
    pub fn bump(c: &AtomicU64) {
        c.fetch_add(1, Relaxed);
    }

    /// Reads every counter.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            watched: self.watched.load(Relaxed),
            unhealthy_seen: self.unhealthy_seen.load(Relaxed),
            sent: self.sent.load(Relaxed),
            landed: self.landed.load(Relaxed),
            failed: self.failed.load(Relaxed),
            ws_updates: self.ws_updates.load(Relaxed),
            rescans: self.rescans.load(Relaxed),
        }
    }
}
