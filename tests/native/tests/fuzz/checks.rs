//! The invariants checked after every step, and a tally of outcomes.

use super::sut::{is_bug, Sut};
use lending::risk::fixed::{mul_div, Rounding};
use lending_program_tests::env::Env;
use lending_test_suite::env::TestEnv;
use lending_test_suite::env::TxResult;
use lending_test_suite::fixture::Market;
use lending_test_suite::invariants;
use lending_test_suite::outcome::custom_code;
use std::collections::BTreeMap;
use std::fmt;

/// What the exchange-rate check compares against: each reserve's liquidity and share supply
/// and its written-off bad debt at the previous step.
pub struct Baseline {
    rates: Vec<(u128, u128, u128)>,
}

impl Baseline {
    /// The market as it stands.
    pub async fn take(env: &mut Env, m: &Market) -> Self {
        let mut rates = vec![];
        for i in 0..m.reserves.len() {
            let r = m.reserve(env, i).await;
            let pool = r.pool();
            rates.push((
                pool.total_liquidity().unwrap(),
                pool.share_supply as u128,
                r.bad_debt_written_off.get(),
            ));
        }
        Self { rates }
    }
}

/// Counts of each operation's outcome ("borrow ok", "borrow 6044", …).
#[derive(Default)]
pub struct Tally(BTreeMap<String, u64>);

impl Tally {
    /// Records an outcome; a bug-class error fails the run at once.
    pub fn outcome(&mut self, what: &str, res: &TxResult) {
        assert!(!is_bug(res), "{what} hit a bug-class error: {res:?}");
        let key = match (res, custom_code(res)) {
            (Ok(()), _) => format!("{what} ok"),
            (_, Some(c)) => format!("{what} {c}"),
            (Err(e), None) => format!("{what} {e:?}"),
        };
        *self.0.entry(key).or_default() += 1;
    }
}

impl Tally {
    /// Counts an event that is not an operation's outcome ("write-off", "fund-cover", …).
    pub fn count(&mut self, what: &str) {
        *self.0.entry(what.to_string()).or_default() += 1;
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        write!(f, "{}", parts.join(", "))
    }
}

/// Every invariant, after every step.
pub async fn after_step(s: &mut Sut) {
    // Accounting: vaults hold the available liquidity, shares and debt shares add up, all
    // shares are worth no more than the assets.
    let obligations = s.obligations();
    invariants::check(&mut s.env, &s.m, &obligations).await;
    // Tokens are conserved: wallets + supply vaults + fee vaults + fund vaults = everything
    // minted.
    for (i, k) in s.m.reserves.iter().enumerate() {
        let mut held = s.env.balance(&k.supply_vault).await as u128
            + s.env.balance(&k.fee_vault).await as u128;
        // The insured reserves' funds and stakers (a wide market's other assets have none).
        if i < s.stakers.first().map_or(0, Vec::len) {
            held += s.env.balance(&s.m.fund_keys(i).vault).await as u128;
            for who in &s.stakers {
                held += s.env.balance(&who[i].liquidity).await as u128;
            }
        }
        for u in s.users.iter().chain([&s.liquidator]) {
            held += s.env.balance(&u.liquidity[i]).await as u128;
        }
        let minted = s.env.supply(&k.mint).await as u128;
        assert_eq!(held, minted, "reserve {i}: tokens not conserved");
    }
    // The exchange rate never falls, except through a recorded bad-debt write-off.
    let now = Baseline::take(&mut s.env, &s.m).await;
    for (i, (&(l0, s0, bad0), &(l1, s1, bad1))) in
        s.baseline.rates.iter().zip(&now.rates).enumerate()
    {
        if bad1 > bad0 || s0 == 0 || s1 == 0 {
            continue;
        }
        // l1 / s1 ≥ l0 / s0, with 2 WAD-units of slack for rounding (a 256-bit product).
        let scaled = mul_div(l1 + 2, s0, s1, Rounding::Up).expect("rate comparison");
        assert!(
            scaled >= l0,
            "reserve {i}: exchange rate fell from {l0}/{s0} to {l1}/{s1} without a write-off"
        );
    }
    s.baseline = now;
    super::timelock_ops::check(s).await;
}
