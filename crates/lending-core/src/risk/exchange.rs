//! A reserve's pool of liquidity: cash, debt, protocol fees and the share exchange rate.

use super::fixed::{
    amount_to_wad, div, mul_div, wad_mul, wad_pow, wad_to_amount, Rounding, BPS, WAD,
};
use super::wide::{checked_mul, mul_256};
use super::{RiskError, RiskResult};

/// Seconds in the 365-day year used for APR to per-second conversion.
pub const SECONDS_PER_YEAR: u128 = 31_536_000;

/// The balances of one reserve, with everything needed to price shares and debt.
///
/// Debt is stored as WAD-scaled *debt shares*: an obligation owes
/// `debt_shares * borrow_index / WAD` (WAD-scaled tokens). The index only grows, so interest
/// needs no per-obligation update.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pool {
    /// Tokens in the supply vault that may be lent out.
    pub available: u64,
    /// Tokens currently out on an open flash loan (counted as cash).
    pub flash_outstanding: u64,
    /// Sum of all obligations' debt shares (WAD-scaled).
    pub debt_shares: u128,
    /// Cumulative borrow index (WAD, starts at 1.0, never decreases).
    pub borrow_index: u128,
    /// Protocol fees accrued but not yet claimed (WAD-scaled tokens).
    pub protocol_fees: u128,
    /// The insurance fund's cut accrued but not yet collected into its vault (WAD-scaled
    /// tokens).
    pub fund_fees: u128,
    /// All shares in existence: minted tokens, shares held as obligation collateral and the
    /// locked seed shares.
    pub share_supply: u64,
}

/// What one interest accrual did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accrual {
    /// The APR (WAD) charged over the elapsed interval.
    pub apr: u128,
    /// Interest added to total debt (WAD-scaled tokens).
    pub interest: u128,
    /// Part of that interest taken as protocol fees (WAD-scaled tokens).
    pub protocol_fee: u128,
    /// Part of that interest taken for the insurance fund (WAD-scaled tokens).
    pub fund_fee: u128,
}

/// The shares of interest and fees that do not go to depositors, in basis points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeeCuts {
    /// The protocol's share of interest.
    pub protocol_bps: u16,
    /// The insurance fund's share of interest.
    pub fund_bps: u16,
}

/// Who absorbed a written-off debt, in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LossSplit {
    /// The debt written off (WAD-scaled tokens, rounded up).
    pub total: u128,
    /// Taken from the insurance fund's cut not yet collected (WAD-scaled tokens).
    pub fund_fees: u128,
    /// Paid in by the insurance fund from its vault (tokens).
    pub fund_tokens: u64,
    /// Taken from unclaimed protocol fees (WAD-scaled tokens).
    pub protocol_fees: u128,
    /// Left to depositors through the exchange rate (WAD-scaled tokens).
    pub depositors: u128,
}

impl Pool {
    /// Total debt in WAD-scaled tokens, rounded as asked.
    pub fn total_debt(&self, rounding: Rounding) -> RiskResult<u128> {
        mul_div(self.debt_shares, self.borrow_index, WAD, rounding)
    }

    /// Cash counted by the pool: available plus any open flash loan (WAD-scaled).
    pub fn cash(&self) -> u128 {
        amount_to_wad(self.available) + amount_to_wad(self.flash_outstanding)
    }

    /// Liquidity owned by share holders: cash + debt (rounded down) − protocol fees − the
    /// insurance fund's uncollected cut, in WAD-scaled tokens. Saturates at zero.
    pub fn total_liquidity(&self) -> RiskResult<u128> {
        let gross = self
            .cash()
            .checked_add(self.total_debt(Rounding::Down)?)
            .ok_or(RiskError::MathOverflow)?;
        Ok(gross
            .saturating_sub(self.protocol_fees)
            .saturating_sub(self.fund_fees))
    }

    /// Borrowed share of cash + debt, in WAD (0 when the pool is empty).
    pub fn utilization(&self) -> RiskResult<u128> {
        self.utilization_at(self.total_debt(Rounding::Down)?)
    }

    /// [`Pool::utilization`] given the total debt (`total_debt(Rounding::Down)`).
    pub fn utilization_at(&self, debt: u128) -> RiskResult<u128> {
        let total = self
            .cash()
            .checked_add(debt)
            .ok_or(RiskError::MathOverflow)?;
        if total == 0 {
            return Ok(0);
        }
        mul_div(debt, WAD, total, Rounding::Down)
    }

    /// True when utilisation is at most `cap_bps` (of 10,000): `debt·10,000 ≤ cap·(cash + debt)`
    /// compared exactly on 256-bit products, without the division [`Pool::utilization`] takes.
    pub fn utilization_within(&self, cap_bps: u16) -> RiskResult<bool> {
        if cap_bps as u128 >= BPS {
            // Debt never exceeds cash + debt.
            return Ok(true);
        }
        let debt = self.total_debt(Rounding::Down)?;
        let total = self
            .cash()
            .checked_add(debt)
            .ok_or(RiskError::MathOverflow)?;
        Ok(mul_256(debt, BPS) <= mul_256(total, cap_bps as u128))
    }

    /// Shares worth `amount` tokens at the exchange rate, rounded as asked.
    fn liquidity_to_shares(&self, amount: u64, rounding: Rounding) -> RiskResult<u64> {
        let tl = self.total_liquidity()?;
        if tl == 0 {
            return Err(RiskError::ReserveInsolvent);
        }
        let s = mul_div(
            amount_to_wad(amount),
            self.share_supply as u128,
            tl,
            rounding,
        )?;
        u64::try_from(s).map_err(|_| RiskError::MathOverflow)
    }

    /// Shares minted for a deposit of `amount` tokens (rounded down: the depositor receives).
    pub fn shares_for_deposit(&self, amount: u64) -> RiskResult<u64> {
        self.liquidity_to_shares(amount, Rounding::Down)
    }

    /// Liquidity (WAD-scaled tokens) represented by `shares`, rounded as asked.
    pub fn shares_to_liquidity_wad(&self, shares: u64, rounding: Rounding) -> RiskResult<u128> {
        if self.share_supply == 0 {
            return Err(RiskError::DivisionByZero);
        }
        mul_div(
            shares as u128,
            self.total_liquidity()?,
            self.share_supply as u128,
            rounding,
        )
    }

    /// Tokens paid out for redeeming `shares` (rounded down: the holder receives).
    pub fn liquidity_for_redeem(&self, shares: u64) -> RiskResult<u64> {
        wad_to_amount(
            self.shares_to_liquidity_wad(shares, Rounding::Down)?,
            Rounding::Down,
        )
    }

    /// Shares needed to take out `amount` tokens (rounded up: the holder gives them up).
    pub fn shares_for_liquidity(&self, amount: u64) -> RiskResult<u64> {
        self.liquidity_to_shares(amount, Rounding::Up)
    }

    /// Debt (WAD-scaled tokens) of a position holding `debt_shares`, rounded up: it is owed.
    pub fn debt_of(&self, debt_shares: u128) -> RiskResult<u128> {
        mul_div(debt_shares, self.borrow_index, WAD, Rounding::Up)
    }

    /// Whole tokens needed to repay a position in full (rounded up).
    pub fn repay_all_amount(&self, debt_shares: u128) -> RiskResult<u64> {
        wad_to_amount(self.debt_of(debt_shares)?, Rounding::Up)
    }

    /// Debt shares created by borrowing `amount_wad` (rounded up: the borrower owes them).
    pub fn debt_shares_for_borrow(&self, amount_wad: u128) -> RiskResult<u128> {
        mul_div(amount_wad, WAD, self.borrow_index, Rounding::Up)
    }

    /// Debt shares cancelled by repaying `amount` tokens of a position holding `position_shares`
    /// (rounded down, except that paying the full amount cancels every share).
    pub fn debt_shares_for_repay(&self, amount: u64, position_shares: u128) -> RiskResult<u128> {
        let owed = self.repay_all_amount(position_shares)?;
        self.debt_shares_for_repay_owing(amount, position_shares, owed)
    }

    /// [`Pool::debt_shares_for_repay`] given what the position owes
    /// (`repay_all_amount(position_shares)`), which the caller has already computed.
    pub fn debt_shares_for_repay_owing(
        &self,
        amount: u64,
        position_shares: u128,
        owed: u64,
    ) -> RiskResult<u128> {
        if amount >= owed {
            return Ok(position_shares);
        }
        let s = mul_div(
            amount_to_wad(amount),
            WAD,
            self.borrow_index,
            Rounding::Down,
        )?;
        Ok(s.min(position_shares))
    }

    /// Accrues interest for `elapsed` seconds at the APR the curve gives for the current
    /// utilisation, compounding per second. The index is rounded up (borrowers owe), the
    /// protocol's and the insurance fund's cuts of the interest are rounded up too.
    pub fn accrue(&mut self, apr: u128, cuts: FeeCuts, elapsed: u64) -> RiskResult<Accrual> {
        let before = self.total_debt(Rounding::Down)?;
        self.accrue_from(before, apr, cuts, elapsed)
    }

    /// [`Pool::accrue`] given the total debt before it (`total_debt(Rounding::Down)`), which
    /// the caller has already computed for the utilisation.
    pub fn accrue_from(
        &mut self,
        before: u128,
        apr: u128,
        cuts: FeeCuts,
        elapsed: u64,
    ) -> RiskResult<Accrual> {
        if elapsed == 0 || apr == 0 {
            return Ok(Accrual {
                apr,
                ..Accrual::default()
            });
        }
        self.borrow_index = compound(self.borrow_index, apr, elapsed)?;
        let after = self.total_debt(Rounding::Down)?;
        let interest = after.saturating_sub(before);
        let protocol_fee = mul_div(interest, cuts.protocol_bps as u128, BPS, Rounding::Up)?;
        let fund_fee = mul_div(interest, cuts.fund_bps as u128, BPS, Rounding::Up)?;
        self.protocol_fees = self
            .protocol_fees
            .checked_add(protocol_fee)
            .ok_or(RiskError::MathOverflow)?;
        self.fund_fees = self
            .fund_fees
            .checked_add(fund_fee)
            .ok_or(RiskError::MathOverflow)?;
        Ok(Accrual {
            apr,
            interest,
            protocol_fee,
            fund_fee,
        })
    }

    /// Books a loan of `amount` tokens (what leaves the vault, fee included) out of cash and
    /// returns the debt shares it creates (rounded up: the borrower owes them).
    pub fn record_borrow(&mut self, amount: u64) -> RiskResult<u128> {
        let shares = self.debt_shares_for_borrow(amount_to_wad(amount))?;
        self.debt_shares = self
            .debt_shares
            .checked_add(shares)
            .ok_or(RiskError::MathOverflow)?;
        self.available = self
            .available
            .checked_sub(amount)
            .ok_or(RiskError::MathOverflow)?;
        Ok(shares)
    }

    /// Books a repayment of `amount` tokens that cancels `debt_shares`: cash in, shares out.
    pub fn record_repayment(&mut self, amount: u64, debt_shares: u128) -> RiskResult<()> {
        self.debt_shares = self
            .debt_shares
            .checked_sub(debt_shares)
            .ok_or(RiskError::MathOverflow)?;
        self.available = self
            .available
            .checked_add(amount)
            .ok_or(RiskError::MathOverflow)?;
        Ok(())
    }

    /// Writes off `debt_shares` of uncollectable debt. The loss is absorbed, in order, by the
    /// insurance fund's uncollected cut, by the fund itself (`fund_cover` is given the whole
    /// tokens still uncovered and returns the tokens it pays into the vault, which join the
    /// cash), by unclaimed protocol fees, and by depositors through the exchange rate.
    pub fn write_off(
        &mut self,
        debt_shares: u128,
        fund_cover: impl FnOnce(u64) -> RiskResult<u64>,
    ) -> RiskResult<LossSplit> {
        let total = self.debt_of(debt_shares)?;
        self.debt_shares = self
            .debt_shares
            .checked_sub(debt_shares)
            .ok_or(RiskError::MathOverflow)?;
        let fund_fees = total.min(self.fund_fees);
        self.fund_fees -= fund_fees;
        let open = total - fund_fees;
        let fund_tokens = fund_cover(wad_to_amount(open, Rounding::Down)?)?;
        let paid = amount_to_wad(fund_tokens);
        if paid > open {
            return Err(RiskError::MathOverflow);
        }
        self.available = self
            .available
            .checked_add(fund_tokens)
            .ok_or(RiskError::MathOverflow)?;
        let open = open - paid;
        let protocol_fees = open.min(self.protocol_fees);
        self.protocol_fees -= protocol_fees;
        Ok(LossSplit {
            total,
            fund_fees,
            fund_tokens,
            protocol_fees,
            depositors: open - protocol_fees,
        })
    }

    /// Takes the insurance fund's uncollected cut, as far as the cash allows: the whole tokens
    /// to move from the supply vault to the fund's vault.
    pub fn collect_fund_fees(&mut self) -> RiskResult<u64> {
        let take = wad_to_amount(self.fund_fees, Rounding::Down)?.min(self.available);
        self.available -= take;
        self.fund_fees -= amount_to_wad(take);
        Ok(take)
    }
}

/// Compounds `index` at `apr` (WAD) per second for `elapsed` seconds, rounding up.
pub fn compound(index: u128, apr: u128, elapsed: u64) -> RiskResult<u128> {
    let per_second = apr.div_ceil(SECONDS_PER_YEAR);
    wad_mul(index, growth(per_second, elapsed)?, Rounding::Up)
}

/// Largest `r·t` (WAD) for which [`growth`] sums the series: 0.1% (100% APR over 8.8 hours,
/// 10% APR over 3.6 days). Above it, binary exponentiation.
pub const SERIES_MAX_RT: u128 = WAD / 1_000;

/// `(1 + r)^t` in WAD for a per-second rate `r` (WAD) over `t` seconds, never below the exact
/// value.
///
/// Where `r·t ≤` [`SERIES_MAX_RT`], the binomial series `Σ C(t,k)·r^k` to `k = 3`, each term
/// from the one before as `term·(t-k+1)·r/k` rounded up, plus a bound on the rest: each later
/// term is at most `r·t/k` times the one before, so the rest is at most
/// `term_3·(r·t/4)/(1 - r·t/5)`, below `term_3·r·t/3` here. That adds at most 6e-14 of the
/// index (at the threshold) and costs four WAD products and four short divisions, where binary
/// exponentiation costs one or two WAD products per bit of `t`.
pub fn growth(r: u128, t: u64) -> RiskResult<u128> {
    let rt = checked_mul(r, t as u128).ok_or(RiskError::MathOverflow)?;
    if rt > SERIES_MAX_RT {
        return wad_pow(WAD + r, t, Rounding::Up);
    }
    let mut sum = WAD;
    let mut term = WAD;
    for k in 1..=3u64 {
        if t < k {
            // C(t, k) = 0, and so is every later term.
            return Ok(sum);
        }
        // Multiply by the integer first: rounding after it would be multiplied by t.
        let scaled = checked_mul(term, (t - k + 1) as u128).ok_or(RiskError::MathOverflow)?;
        term = div(wad_mul(scaled, r, Rounding::Up)?, k as u128, Rounding::Up)?;
        sum += term;
    }
    let rest = div(wad_mul(term, rt, Rounding::Up)?, 3, Rounding::Up)?;
    Ok(sum + rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Pool {
        Pool {
            available: 1_000,
            flash_outstanding: 0,
            debt_shares: 0,
            borrow_index: WAD,
            protocol_fees: 0,
            fund_fees: 0,
            share_supply: 1_000,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The cross-multiplied cap test agrees with the utilisation it replaces: within the cap
        /// means the (floored) utilisation is at most the cap, outside it means at least.
        #[test]
        fn utilization_cap_test_agrees_with_utilization(
            available in proptest::prelude::any::<u64>(),
            debt_tokens in 0u64..=u64::MAX / 2,
            debt_frac in 0u128..WAD,
            index_extra in 0u128..WAD,
            cap_bps in 0u16..=10_000,
        ) {
            let p = Pool {
                available,
                debt_shares: amount_to_wad(debt_tokens) + debt_frac,
                borrow_index: WAD + index_extra,
                ..pool()
            };
            let within = p.utilization_within(cap_bps).unwrap();
            let u = p.utilization().unwrap();
            let cap = cap_bps as u128 * WAD / BPS;
            if within {
                proptest::prop_assert!(u <= cap, "within but utilisation {u} > cap {cap}");
            } else {
                proptest::prop_assert!(u >= cap, "outside but utilisation {u} < cap {cap}");
            }
        }
    }

    #[test]
    fn first_deposit_is_one_to_one() {
        let p = pool();
        assert_eq!(p.shares_for_deposit(500).unwrap(), 500);
        assert_eq!(p.liquidity_for_redeem(500).unwrap(), 500);
    }

    #[test]
    fn repay_all_clears_every_share() {
        let mut p = pool();
        let shares = p.debt_shares_for_borrow(amount_to_wad(100)).unwrap();
        p.debt_shares = shares;
        p.accrue(WAD / 10, FeeCuts::default(), 86_400).unwrap();
        let owed = p.repay_all_amount(shares).unwrap();
        assert!(owed > 100);
        assert_eq!(p.debt_shares_for_repay(owed, shares).unwrap(), shares);
        assert!(p.debt_shares_for_repay(owed - 1, shares).unwrap() < shares);
    }

    #[test]
    fn one_year_at_ten_percent_compounds_per_second() {
        let idx = compound(WAD, WAD / 10, SECONDS_PER_YEAR as u64).unwrap();
        // (1 + ceil(0.1e18 / 31,536,000) / 1e18)^31,536,000, computed exactly offline:
        // 1.105170917922156006463... (just under e^0.1 = 1.1051709180756...).
        let exact = 1_105_170_917_922_156_006u128;
        // Every step rounds up, so the index may only sit above the exact value. Squaring
        // amplifies those roundings: over a full year in one step the excess stays below
        // 1e-7 of the index (measured: 2.4e-8).
        assert!(idx >= exact, "index {idx} below exact {exact}");
        assert!(
            idx - exact < exact / 10_000_000,
            "index {idx} too far above exact {exact}"
        );
    }

    #[test]
    fn write_off_hits_fees_first() {
        let mut p = pool();
        p.debt_shares = amount_to_wad(100);
        p.protocol_fees = amount_to_wad(10);
        let tl_before = p.total_liquidity().unwrap();
        let split = p.write_off(amount_to_wad(30), |_| Ok(0)).unwrap();
        assert_eq!(split.total, amount_to_wad(30));
        assert_eq!(split.protocol_fees, amount_to_wad(10));
        assert_eq!(split.depositors, amount_to_wad(20));
        assert_eq!(p.protocol_fees, 0);
        assert_eq!(p.total_liquidity().unwrap(), tl_before - amount_to_wad(20));
    }

    /// The loss order: the fund's uncollected cut, the fund (whole tokens only), protocol fees,
    /// depositors; what depositors lose is exactly the rest.
    #[test]
    fn write_off_takes_the_fund_before_fees_and_depositors() {
        let mut p = pool();
        p.debt_shares = amount_to_wad(100);
        p.protocol_fees = amount_to_wad(10);
        p.fund_fees = amount_to_wad(3) + 1;
        let tl_before = p.total_liquidity().unwrap();
        let loss = amount_to_wad(50) + WAD / 2;
        let mut offered = 0;
        let split = p
            .write_off(loss, |open| {
                offered = open;
                Ok(30)
            })
            .unwrap();
        // 50.5 − 3.000...1 leaves 47.499..., of which the fund pays 30 whole tokens.
        assert_eq!(offered, 47);
        assert_eq!(split.fund_fees, amount_to_wad(3) + 1);
        assert_eq!(split.fund_tokens, 30);
        assert_eq!(split.protocol_fees, amount_to_wad(10));
        assert_eq!(split.depositors, loss - amount_to_wad(43) - 1);
        assert_eq!(p.available, 1_030);
        assert_eq!(p.total_liquidity().unwrap(), tl_before - split.depositors);
        // A fund that pays more than it was offered is refused.
        let mut q = pool();
        q.debt_shares = amount_to_wad(100);
        assert_eq!(
            q.write_off(amount_to_wad(5), |open| Ok(open + 1)),
            Err(RiskError::MathOverflow)
        );
    }
}
