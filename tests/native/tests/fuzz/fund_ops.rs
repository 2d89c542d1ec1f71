//! The insurance-fund operations of the fuzzer, and the loss-order invariant (12) checked at
//! every liquidation.

use super::sut::Sut;
use lending::risk::fixed::{amount_to_wad, BPS, WAD};
use lending_sdk::fund;
use lending_sdk::lending_core::state::{InsuranceFund, Reserve};
use lending_test_suite::env::TestEnv;
use lending_test_suite::fund_fixture::Staker;
use solana_signer::Signer;

/// The market's fund rules in the fuzzer: an hour's cooldown, a day's window and stream (the
/// warps cross both), at most 30% of a fund per write-off.
pub const SETTINGS: lending_sdk::types::FundSettingsParams =
    lending_sdk::types::FundSettingsParams {
        cooldown_secs: 3_600,
        unstake_window_secs: 86_400,
        stream_secs: 86_400,
        max_slash_bps: 3_000,
    };

/// A reserve and its fund, as they stood.
pub struct Insured {
    pub reserve: Reserve,
    pub fund: InsuranceFund,
}

impl Sut {
    /// Reserve `r` and its fund now (an empty fund for a wide market's uninsured assets).
    pub async fn insured(&mut self, r: usize) -> Insured {
        let reserve = self.m.reserve(&mut self.env, r).await;
        let fund = if reserve.has_insurance_fund() {
            self.m.fund(&mut self.env, r).await
        } else {
            bytemuck::Zeroable::zeroed()
        };
        Insured { reserve, fund }
    }

    /// A copy of staker `who`'s accounts in reserve `r`'s fund.
    fn staker(&self, who: u8, r: usize) -> Staker {
        let s = &self.stakers[who as usize][r];
        Staker {
            kp: s.kp.insecure_clone(),
            liquidity: s.liquidity,
            shares: s.shares,
        }
    }

    /// Stakes `bps` of the staker's wallet (all of it, as u64::MAX, at 10,000).
    pub async fn stake(&mut self, who: u8, r: usize, bps: u16) {
        let s = self.staker(who, r);
        let held = self.env.balance(&s.liquidity).await;
        let amount = if bps == 10_000 {
            u64::MAX
        } else {
            super::sut::frac(held, bps)
        };
        if held == 0 || amount == 0 {
            return;
        }
        let k = self.m.fund_keys(r);
        let ix = fund::stake(s.kp.pubkey(), &k, s.liquidity, s.shares, amount);
        let res = self.env.send(&[ix], &[&s.kp]).await;
        self.tally.outcome("stake", &res);
    }

    /// Puts `bps` of the staker's shares into the cooldown, when it has no open request.
    pub async fn unstake(&mut self, who: u8, r: usize, bps: u16) {
        let s = self.staker(who, r);
        let shares = super::sut::frac(self.env.balance(&s.shares).await, bps);
        if shares == 0 || self.request(who, r).await.is_some() {
            return;
        }
        let res = self.m.request_unstake(&mut self.env, &s, r, shares).await;
        self.tally.outcome("unstake", &res);
        res.expect("a request for shares the staker holds is accepted");
    }

    /// Withdraws or cancels the staker's open request. A withdrawal pays at most what the
    /// shares were worth at the request and what they are worth now; it is refused before the
    /// cooldown ends and after the window, and while the market is paused.
    pub async fn fund_exit(&mut self, who: u8, r: usize, cancel: bool) {
        let Some(request) = self.request(who, r).await else {
            return;
        };
        let before = self.m.fund(&mut self.env, r).await;
        let now = self.env.clock().await.unix_timestamp;
        let s = self.staker(who, r);
        let (liquidity, shares) = (s.liquidity, s.shares);
        let (tokens0, shares0) = (
            self.env.balance(&liquidity).await,
            self.env.balance(&shares).await,
        );
        let res = if cancel {
            self.m.cancel_unstake(&mut self.env, &s, r).await
        } else {
            self.m.withdraw_stake(&mut self.env, &s, r).await
        };
        self.tally.outcome(
            if cancel {
                "fund-cancel"
            } else {
                "fund-withdraw"
            },
            &res,
        );
        let worth = before.pool().value_of(request.shares, now).unwrap();
        let cap = worth.min(request.value_at_request);
        if cancel {
            res.expect("an open request can always be cancelled");
            // The shares back are worth no more than the capped value.
            let back = self.env.balance(&shares).await - shares0;
            let after = self.m.fund(&mut self.env, r).await;
            let back_value = after.pool().value_of(back, now).unwrap();
            assert!(back_value <= cap, "cancel gave back {back_value} for {cap}");
            return;
        }
        let open = now >= request.cooldown_end && now < request.window_end;
        if res.is_ok() {
            assert!(open, "withdrawn outside its window: {request:?} at {now}");
            let paid = self.env.balance(&liquidity).await - tokens0;
            assert_eq!(paid, cap, "withdrawal paid {paid}, capped value {cap}");
        }
    }

    /// Collects reserve `r`'s fund cut: the fund's assets grow by exactly the cash that left
    /// the reserve.
    pub async fn collect(&mut self, r: usize) {
        let before = self.insured(r).await;
        let res = self.m.collect_fund_fees(&mut self.env, r).await;
        self.tally.outcome("collect", &res);
        let after = self.insured(r).await;
        let moved = before.reserve.available - after.reserve.available;
        assert_eq!(after.fund.assets - before.fund.assets, moved);
        assert_eq!(res.is_ok(), moved > 0, "{res:?}");
    }

    /// The staker's open request in reserve `r`'s fund, if any.
    async fn request(
        &mut self,
        who: u8,
        r: usize,
    ) -> Option<lending_sdk::lending_core::state::UnstakeRequest> {
        let k = self.m.fund_keys(r);
        let key = fund::request_address(&k.fund, &self.staker(who, r).kp.pubkey());
        let a = self.env.get(&key).await?;
        lending_sdk::accounts::decode(&a.data).ok()
    }
}

/// Invariant 12, the loss order, across one liquidation of debt owed to the reserve that was
/// `before` and is `after` (in the same second: no interest accrued between): a write-off takes
/// the fund's uncollected cut first, then the fund's vault, which pays every whole token it can
/// up to the market's cap before protocol fees are touched, and protocol fees before depositors.
/// The fund never pays more than was lost; without a write-off it pays nothing.
pub fn check_loss_order(before: &Insured, after: &Insured, max_slash_bps: u16) {
    let (r0, r1, f0, f1) = (&before.reserve, &after.reserve, &before.fund, &after.fund);
    assert_eq!(
        r0.last_update.unix_timestamp, r1.last_update.unix_timestamp,
        "interest accrued inside the liquidation's check"
    );
    let loss = r1.bad_debt_written_off.get() - r0.bad_debt_written_off.get();
    let paid = f0.assets - f1.assets;
    if loss == 0 {
        assert_eq!(paid, 0, "the fund paid without a write-off");
        return;
    }
    let cut = r0.fund_fees.get() - r1.fund_fees.get();
    assert_eq!(
        cut,
        loss.min(r0.fund_fees.get()),
        "the uncollected cut did not go first"
    );
    let open = loss - cut;
    let cap = (f0.assets as u128 * max_slash_bps as u128 / BPS) as u64;
    assert!(
        amount_to_wad(paid) <= open,
        "the fund paid {paid} for {open} lost"
    );
    assert_eq!(
        paid as u128,
        (open / WAD).min(cap as u128),
        "the fund did not pay all it could before the fees"
    );
    let rest = open - amount_to_wad(paid);
    let fees = r0.protocol_fees.get() - r1.protocol_fees.get();
    assert_eq!(
        fees,
        rest.min(r0.protocol_fees.get()),
        "fees before depositors"
    );
    assert_eq!(f1.absorbed - f0.absorbed, paid);
}
