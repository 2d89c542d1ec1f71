//! A fixed-window outflow limiter: at most `limit` tokens may leave a reserve through borrows
//! and withdrawals in each window. Liquidations and repayments are not counted.

use super::{RiskError, RiskResult};

/// The limiter's configuration and running state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutflowWindow {
    /// Tokens allowed out per window; 0 disables the limit.
    pub limit: u64,
    /// Window length in seconds.
    pub window_secs: u64,
    /// Unix time at which the current window started.
    pub window_start: i64,
    /// Tokens already out in the current window.
    pub used: u64,
}

impl OutflowWindow {
    /// Records an outflow of `amount` at time `now`, or refuses it if it would pass the limit.
    pub fn consume(&mut self, amount: u64, now: i64) -> RiskResult<()> {
        if self.limit == 0 {
            return Ok(());
        }
        if now.saturating_sub(self.window_start) >= self.window_secs as i64 {
            self.window_start = now;
            self.used = 0;
        }
        let used = self
            .used
            .checked_add(amount)
            .ok_or(RiskError::MathOverflow)?;
        if used > self.limit {
            return Err(RiskError::OutflowLimitExceeded);
        }
        self.used = used;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_resets() {
        let mut w = OutflowWindow {
            limit: 100,
            window_secs: 60,
            ..Default::default()
        };
        w.consume(60, 1_000).unwrap();
        assert_eq!(w.consume(41, 1_010), Err(RiskError::OutflowLimitExceeded));
        w.consume(40, 1_059).unwrap();
        w.consume(100, 1_060).unwrap();
        let mut off = OutflowWindow::default();
        off.consume(u64::MAX, 0).unwrap();
    }
}
