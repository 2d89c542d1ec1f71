//! When an account's cached values were last computed.

use anchor_lang::prelude::*;

/// Slot and time of the last refresh, plus a flag that forces a refresh.
#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct LastUpdate {
    /// Slot of the last refresh.
    pub slot: u64,
    /// Unix time of the last refresh.
    pub unix_timestamp: i64,
    /// Non-zero when the cached values must be recomputed before use.
    pub stale: u8,
    /// Reserved.
    pub _pad: [u8; 7],
}

impl LastUpdate {
    /// Records a refresh at `slot` / `now`.
    pub fn update(&mut self, slot: u64, now: i64) {
        self.slot = slot;
        self.unix_timestamp = now;
        self.stale = 0;
    }

    /// Forces the next user of the account to refresh it.
    pub fn mark_stale(&mut self) {
        self.stale = 1;
    }

    /// True unless the account was refreshed in `slot` and not marked stale since.
    pub fn is_stale(&self, slot: u64) -> bool {
        self.stale != 0 || self.slot != slot
    }
}

const _: () = assert!(core::mem::size_of::<LastUpdate>() == 24);
