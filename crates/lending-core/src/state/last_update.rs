//! When an account's cached values were last computed.

use super::LastUpdate;

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
