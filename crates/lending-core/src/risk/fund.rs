//! An insurance fund's balances: staked tokens, the shares that claim them, and income that
//! vests over a stream so that nobody can stake just before it lands and take it.

use super::fixed::{mul_div, Rounding, BPS};
use super::{RiskError, RiskResult};

/// The balances of one insurance fund.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FundPool {
    /// Tokens the fund owns (its vault may hold more: tokens sent to it otherwise count for
    /// nothing).
    pub assets: u64,
    /// All shares: held in wallets, in cooldown and the locked seed.
    pub share_supply: u64,
    /// Income not yet vested at `stream_start`; it vests linearly until `stream_end`.
    pub stream_amount: u64,
    /// Start of the current stream (unix time).
    pub stream_start: i64,
    /// End of the current stream (unix time).
    pub stream_end: i64,
}

impl FundPool {
    /// Income still vesting at `now` (rounded up: it is not yet the stakers'), at most the
    /// assets.
    pub fn unvested(&self, now: i64) -> u64 {
        if now >= self.stream_end || self.stream_amount == 0 {
            return 0;
        }
        let span = (self.stream_end - self.stream_start).max(1) as u128;
        let left = (self.stream_end - now.max(self.stream_start)) as u128;
        let u = mul_div(self.stream_amount as u128, left, span, Rounding::Up)
            .unwrap_or(self.stream_amount as u128);
        (u.min(self.stream_amount as u128) as u64).min(self.assets)
    }

    /// Tokens behind the shares at `now`: the assets less the income still vesting.
    pub fn vested(&self, now: i64) -> u64 {
        self.assets - self.unvested(now)
    }

    /// Shares minted for staking `amount` tokens (rounded down: the staker receives). Refused
    /// when no vested tokens back the shares.
    pub fn shares_for_stake(&self, amount: u64, now: i64) -> RiskResult<u64> {
        let vested = self.vested(now);
        if vested == 0 {
            return Err(RiskError::ReserveInsolvent);
        }
        let s = mul_div(
            amount as u128,
            self.share_supply as u128,
            vested as u128,
            Rounding::Down,
        )?;
        u64::try_from(s).map_err(|_| RiskError::MathOverflow)
    }

    /// Tokens `shares` are worth at `now` (rounded down: the holder receives).
    pub fn value_of(&self, shares: u64, now: i64) -> RiskResult<u64> {
        if self.share_supply == 0 {
            return Err(RiskError::DivisionByZero);
        }
        let v = mul_div(
            shares as u128,
            self.vested(now) as u128,
            self.share_supply as u128,
            Rounding::Down,
        )?;
        Ok(v as u64)
    }

    /// Books a stake of `amount` tokens for `shares`.
    pub fn record_stake(&mut self, amount: u64, shares: u64) -> RiskResult<()> {
        self.assets = self
            .assets
            .checked_add(amount)
            .ok_or(RiskError::MathOverflow)?;
        self.share_supply = self
            .share_supply
            .checked_add(shares)
            .ok_or(RiskError::MathOverflow)?;
        Ok(())
    }

    /// Books an exit: `shares` leave the supply and `paid` tokens leave the assets (paid out of
    /// vested tokens only).
    pub fn record_exit(&mut self, shares: u64, paid: u64, now: i64) -> RiskResult<()> {
        if paid > self.vested(now) || shares > self.share_supply {
            return Err(RiskError::MathOverflow);
        }
        self.assets -= paid;
        self.share_supply -= shares;
        Ok(())
    }

    /// Adds `amount` of income, vesting from `now` over `stream_secs` together with what was
    /// still vesting (at once when `stream_secs` is 0).
    pub fn add_income(&mut self, amount: u64, now: i64, stream_secs: u64) -> RiskResult<()> {
        let still = self.unvested(now);
        self.assets = self
            .assets
            .checked_add(amount)
            .ok_or(RiskError::MathOverflow)?;
        self.stream_amount = still.checked_add(amount).ok_or(RiskError::MathOverflow)?;
        self.stream_start = now;
        self.stream_end = now.saturating_add(stream_secs.min(i64::MAX as u64) as i64);
        if stream_secs == 0 {
            self.stream_amount = 0;
        }
        Ok(())
    }

    /// Pays up to `loss` tokens toward a write-off, at most `max_slash_bps` of the assets
    /// (rounded down), taken from the income still vesting first, then from the stakers'
    /// vested tokens. Returns the tokens paid.
    pub fn cover(&mut self, loss: u64, now: i64, max_slash_bps: u16) -> RiskResult<u64> {
        let cap = mul_div(
            self.assets as u128,
            max_slash_bps.min(BPS as u16) as u128,
            BPS,
            Rounding::Down,
        )? as u64;
        let paid = loss.min(cap);
        if paid == 0 {
            return Ok(0);
        }
        let still = self.unvested(now);
        let from_stream = paid.min(still);
        self.assets -= paid;
        // What is left of the stream keeps vesting until the same end.
        self.stream_amount = still - from_stream;
        self.stream_start = now;
        Ok(paid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fund(assets: u64, supply: u64) -> FundPool {
        FundPool {
            assets,
            share_supply: supply,
            ..FundPool::default()
        }
    }

    #[test]
    fn income_vests_linearly_over_the_stream() {
        let mut f = fund(1_000, 1_000);
        f.add_income(700, 100, 700).unwrap();
        assert_eq!(f.assets, 1_700);
        assert_eq!(f.vested(100), 1_000);
        assert_eq!(f.vested(450), 1_350);
        assert_eq!(f.vested(800), 1_700);
        assert_eq!(f.vested(10_000), 1_700);
    }

    #[test]
    fn new_income_restreams_what_was_still_vesting() {
        let mut f = fund(1_000, 1_000);
        f.add_income(1_000, 0, 1_000).unwrap();
        f.add_income(500, 500, 1_000).unwrap();
        // 500 had vested; 500 left + 500 new vest from 500 to 1,500.
        assert_eq!(f.vested(500), 1_500);
        assert_eq!(f.vested(1_000), 2_000);
        assert_eq!(f.vested(1_500), 2_500);
    }

    #[test]
    fn a_stake_just_before_income_gets_none_of_it_at_once() {
        let mut f = fund(1_000, 1_000);
        let shares = f.shares_for_stake(1_000, 0).unwrap();
        f.record_stake(1_000, shares).unwrap();
        f.add_income(1_000, 0, 86_400).unwrap();
        // A second later the staker's half is worth 1,000 plus half a second's vesting.
        assert_eq!(f.value_of(shares, 1).unwrap(), 1_000);
        assert_eq!(f.value_of(shares, 86_400).unwrap(), 1_500);
    }

    #[test]
    fn cover_is_capped_per_event_and_takes_the_stream_first() {
        let mut f = fund(10_000, 10_000);
        f.add_income(2_000, 0, 100).unwrap();
        assert_eq!(f.vested(0), 10_000);
        // 30% of 12,000.
        assert_eq!(f.cover(50_000, 0, 3_000).unwrap(), 3_600);
        assert_eq!(f.assets, 8_400);
        assert_eq!(f.unvested(0), 0);
        assert_eq!(f.vested(0), 8_400);
        // A small loss is paid in full out of the stream left.
        let mut g = fund(10_000, 10_000);
        g.add_income(2_000, 0, 100).unwrap();
        assert_eq!(g.cover(500, 50, 3_000).unwrap(), 500);
        assert_eq!(g.vested(50), 11_000);
        assert_eq!(g.unvested(50), 500);
        assert_eq!(g.vested(100), 11_500);
    }

    #[test]
    fn an_empty_fund_refuses_stakes() {
        let f = fund(0, 1_000);
        assert_eq!(f.shares_for_stake(1, 0), Err(RiskError::ReserveInsolvent));
    }

    proptest! {
        /// Staking then leaving at once never pays out more than was staked, whatever the
        /// stream and the time.
        #[test]
        fn stake_and_exit_never_gains(
            assets in 1u64..1_000_000_000_000,
            supply in 1u64..1_000_000_000_000,
            income in 0u64..1_000_000_000,
            stream in 0u64..1_000_000,
            at in 0i64..2_000_000,
            amount in 1u64..1_000_000_000_000,
        ) {
            let mut f = fund(assets, supply);
            f.add_income(income, 0, stream).unwrap();
            let Ok(shares) = f.shares_for_stake(amount, at) else { return Ok(()) };
            f.record_stake(amount, shares).unwrap();
            prop_assert!(f.value_of(shares, at).unwrap() <= amount);
        }

        /// A cover never pays more than the loss or the cap, and never leaves the stream
        /// larger than the assets.
        #[test]
        fn cover_stays_within_loss_and_cap(
            assets in 0u64..1_000_000_000_000,
            income in 0u64..1_000_000_000,
            stream in 0u64..1_000_000,
            at in 0i64..2_000_000,
            loss in 0u64..2_000_000_000_000,
            slash in 0u16..=10_000,
        ) {
            let mut f = fund(assets, 1_000);
            f.add_income(income, 0, stream).unwrap();
            let before = f.assets;
            let paid = f.cover(loss, at, slash).unwrap();
            prop_assert!(paid <= loss);
            prop_assert!(paid as u128 * BPS <= before as u128 * slash as u128);
            prop_assert_eq!(f.assets, before - paid);
            prop_assert!(f.unvested(at) <= f.assets);
        }
    }
}
