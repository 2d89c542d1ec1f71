//! The timelock operations of the fuzzer (#23): the risk admin lowering a threshold (it ramps),
//! the owner's changes that must wait (queued, then applied or cancelled by later draws), and
//! invariant 13: a reserve's liquidation threshold rises only through an applied change, and
//! a running ramp stays between its ends.

use super::sut::Sut;
use lending::errors::LendingError;
use lending_sdk::lending_core::state::LendingMarket;
use lending_sdk::types::AdminChange;
use lending_test_suite::env::{TestEnv, TxResult};
use lending_test_suite::fixture::Market;
use lending_test_suite::ix;
use lending_test_suite::outcome::custom_code;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The fuzzed market's delay (an hour) and ramp (a day): the warps cross both.
pub const DELAY_SECS: u64 = 3_600;
/// See [`DELAY_SECS`].
pub const RAMP_SECS: u64 = 86_400;

/// A change waiting in the queue.
#[derive(Debug, Clone, Copy)]
pub struct Waiting {
    pub id: u64,
    pub target: anchor_lang::prelude::Pubkey,
    pub effective_at: i64,
    pub expires_at: i64,
}

/// True when `res` failed with `e`.
pub fn failed_with(res: &TxResult, e: LendingError) -> bool {
    custom_code(res) == Some(anchor_lang::error::ERROR_CODE_OFFSET + e as u32)
}

/// Gives the market its timelock (queued and applied at once while it has none) and a risk
/// admin, whom it returns.
pub async fn set_up(env: &mut impl TestEnv, m: &Market) -> Keypair {
    m.set_timelock(env, DELAY_SECS, RAMP_SECS).await;
    m.name_role(env, false).await
}

impl Sut {
    /// The owner makes `change` to `target`: directly when it only tightens (the program
    /// decides), else it is refused with `ChangeNeedsTimelock` and queued instead. Returns the
    /// direct outcome.
    pub async fn owner_change(
        &mut self,
        what: &str,
        target: anchor_lang::prelude::Pubkey,
        direct: anchor_lang::solana_program::instruction::Instruction,
        change: AdminChange,
    ) -> TxResult {
        let res = self.env.send(&[direct], &[&self.m.owner]).await;
        self.tally.outcome(what, &res);
        if failed_with(&res, LendingError::ChangeNeedsTimelock) {
            let (id, queued) = self.m.queue(&mut self.env, target, change).await;
            self.tally.outcome("queue", &queued);
            queued.expect("a change within bounds can be queued");
            let market: LendingMarket = self.env.zc(&self.m.market).await;
            let now = self.env.clock().await.unix_timestamp;
            assert_eq!(market.changes_queued, id + 1);
            self.waiting.push(Waiting {
                id,
                target,
                effective_at: now + DELAY_SECS as i64,
                expires_at: now + DELAY_SECS as i64 + 7 * 86_400,
            });
        }
        res
    }

    /// The risk admin sets reserve `r`'s liquidation threshold to `bps` of the way from its
    /// LTV to 100%: a lowering is accepted and ramps from the value in force; a raise is refused
    /// (`RiskAdminCannotLoosen`) and the owner queues it.
    pub async fn threshold(&mut self, r: usize, bps: u16) {
        let reserve = self.m.reserve(&mut self.env, r).await;
        let mut c = lending_sdk::program::reserve_config_params(&reserve);
        let ltv = c.ltv_bps as u32;
        // Keep threshold × (1 + max bonus) < 100%: at most 9,000 with these bonuses.
        let target = (ltv + 1 + (9_000 - ltv - 1) * bps as u32 / 10_000) as u16;
        c.liquidation_threshold_bps = target;
        let lowers = target <= reserve.threshold_target();
        let k = self.m.reserves[r];
        let ix = ix::update_reserve_config(self.risk_admin.pubkey(), &k, c.clone());
        let res = self.env.send(&[ix], &[&self.risk_admin]).await;
        self.tally.outcome("threshold", &res);
        if lowers {
            res.expect("the risk admin may lower a threshold");
            let after = self.m.reserve(&mut self.env, r).await;
            assert_eq!(after.threshold_target(), target);
            assert!(
                after.config.liquidation_threshold_bps >= target,
                "a lowered threshold lands at once: {} < {target}",
                after.config.liquidation_threshold_bps
            );
        } else {
            assert!(
                failed_with(&res, LendingError::RiskAdminCannotLoosen),
                "a risk admin's raise: {res:?}"
            );
            let owner = ix::update_reserve_config(self.m.owner.pubkey(), &k, c.clone());
            let direct = self
                .owner_change(
                    "threshold-raise",
                    k.reserve,
                    owner,
                    AdminChange::ReserveConfig(c),
                )
                .await;
            assert!(
                direct.is_err(),
                "the owner raised a threshold without the queue"
            );
        }
    }

    /// Applies (anyone) or cancels (the guardian: here the owner) queued change `pick`: an
    /// apply succeeds exactly inside its window, and then counts as the step's change.
    pub async fn settle_change(&mut self, pick: u8, cancel: bool) {
        if self.waiting.is_empty() {
            return;
        }
        let i = pick as usize % self.waiting.len();
        let w = self.waiting[i];
        let now = self.env.clock().await.unix_timestamp;
        if cancel {
            let ix = ix::cancel_change(
                self.m.owner.pubkey(),
                self.m.market,
                w.id,
                self.m.owner.pubkey(),
            );
            let res = self.env.send(&[ix], &[&self.m.owner]).await;
            self.tally.outcome("cancel", &res);
            res.expect("the owner may always cancel");
            self.waiting.remove(i);
            return;
        }
        let res = self.env.send(&[self.m.apply_ix(w.id, w.target)], &[]).await;
        self.tally.outcome("apply", &res);
        if now < w.effective_at {
            assert!(
                failed_with(&res, LendingError::ChangeNotYetEffective),
                "applied early: {res:?}"
            );
        } else if now > w.expires_at {
            assert!(
                failed_with(&res, LendingError::ChangeExpired),
                "applied late: {res:?}"
            );
            let close = ix::cancel_change(
                self.risk_admin.pubkey(),
                self.m.market,
                w.id,
                self.m.owner.pubkey(),
            );
            let closed = self.env.send(&[close], &[&self.risk_admin]).await;
            closed.expect("anyone closes an expired change");
            self.waiting.remove(i);
        } else if res.is_ok() {
            self.applied = true;
            self.waiting.remove(i);
        } else {
            // State-dependent checks at apply time (bounds with the state then) may refuse it.
            assert!(
                failed_with(&res, LendingError::InvalidReserveConfig)
                    || failed_with(&res, LendingError::InvalidEmodeGroup)
                    || failed_with(&res, LendingError::EmodeExitInProgress),
                "a change in its window: {res:?}"
            );
        }
    }
}

/// Invariant 13: every reserve's threshold rose only if a change was applied this step, and a
/// running ramp holds it between its ends.
pub async fn check(s: &mut Sut) {
    let now = s.env.clock().await.unix_timestamp;
    for r in 0..s.m.reserves.len() {
        let reserve = s.m.reserve(&mut s.env, r).await;
        let t = reserve.config.liquidation_threshold_bps;
        let ramp = reserve.threshold_ramp;
        if ramp.end != 0 {
            assert!(
                (ramp.to_bps..=ramp.from_bps).contains(&t),
                "reserve {r}: threshold {t} outside its ramp {ramp:?} at {now}"
            );
        }
        let before = s.thresholds[r];
        assert!(
            t <= before || s.applied,
            "reserve {r}: threshold rose from {before} to {t} with no change applied"
        );
        s.thresholds[r] = t;
    }
    s.applied = false;
}
