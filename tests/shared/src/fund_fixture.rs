//! Insurance funds in the fixture market: creating one, stakers and their actions.

use super::env::{TestEnv, TxResult};
use super::fixture::{Market, SEED};
use anchor_lang::prelude::Pubkey;
use lending_sdk::fund::{self, FundKeys};
use lending_sdk::lending_core::state::{InsuranceFund, UnstakeRequest};
use lending_sdk::types::{FundCutsParams, FundSettingsParams};
use solana_keypair::Keypair;
use solana_signer::Signer;

/// A wallet with a token account of a reserve's asset and one of its fund's shares.
pub struct Staker {
    pub kp: Keypair,
    pub liquidity: Pubkey,
    pub shares: Pubkey,
}

/// Cuts of 10% of interest and half the protocol's liquidation fee.
pub fn cuts() -> FundCutsParams {
    FundCutsParams {
        interest_cut_bps: 1_000,
        liquidation_cut_bps: 5_000,
    }
}

impl Market {
    /// The keys of reserve `i`'s fund.
    pub fn fund_keys(&self, i: usize) -> FundKeys {
        FundKeys::derive(&self.reserves[i])
    }

    /// Gives reserve `i` its fund with `cuts`, seeded by the owner with [`SEED`] tokens.
    pub async fn add_fund(
        &self,
        env: &mut impl TestEnv,
        i: usize,
        cuts: FundCutsParams,
    ) -> FundKeys {
        let k = self.fund_keys(i);
        let o = self.owner.pubkey();
        let src = env.token_account(&k.mint, &o, k.token_program).await;
        env.mint_to(&k.mint, &src, SEED, k.token_program).await;
        env.ok(
            &[fund::init_insurance_fund(o, &k, src, cuts, SEED)],
            &[&self.owner],
        )
        .await;
        k
    }

    /// Sets the market's fund rules.
    pub async fn set_fund_settings(
        &self,
        env: &mut impl TestEnv,
        params: FundSettingsParams,
    ) -> TxResult {
        let ix = fund::update_fund_settings(self.owner.pubkey(), self.market, params);
        env.send(&[ix], &[&self.owner]).await
    }

    /// Reads reserve `i`'s fund.
    pub async fn fund(&self, env: &mut impl TestEnv, i: usize) -> InsuranceFund {
        env.zc(&self.fund_keys(i).fund).await
    }

    /// A wallet holding `amount` tokens of reserve `i`, with an account for its fund's shares.
    pub async fn staker(&self, env: &mut impl TestEnv, i: usize, amount: u64) -> Staker {
        let k = self.fund_keys(i);
        let kp = env.wallet(10).await;
        let liquidity = env
            .token_account(&k.mint, &kp.pubkey(), k.token_program)
            .await;
        if amount > 0 {
            env.mint_to(&k.mint, &liquidity, amount, k.token_program)
                .await;
        }
        let shares = env
            .token_account(&k.share_mint, &kp.pubkey(), k.token_program)
            .await;
        Staker {
            kp,
            liquidity,
            shares,
        }
    }

    /// `s` stakes `amount` into reserve `i`'s fund.
    pub async fn stake(
        &self,
        env: &mut impl TestEnv,
        s: &Staker,
        i: usize,
        amount: u64,
    ) -> TxResult {
        let k = self.fund_keys(i);
        let ix = fund::stake(s.kp.pubkey(), &k, s.liquidity, s.shares, amount);
        env.send(&[ix], &[&s.kp]).await
    }

    /// `s` puts `shares` of reserve `i`'s fund into the cooldown.
    pub async fn request_unstake(
        &self,
        env: &mut impl TestEnv,
        s: &Staker,
        i: usize,
        shares: u64,
    ) -> TxResult {
        let k = self.fund_keys(i);
        let ix = fund::request_unstake(s.kp.pubkey(), &k, s.shares, shares);
        env.send(&[ix], &[&s.kp]).await
    }

    /// `s` withdraws its request from reserve `i`'s fund.
    pub async fn withdraw_stake(&self, env: &mut impl TestEnv, s: &Staker, i: usize) -> TxResult {
        let k = self.fund_keys(i);
        let ix = fund::withdraw_stake(s.kp.pubkey(), &k, s.liquidity);
        env.send(&[ix], &[&s.kp]).await
    }

    /// `s` cancels its request in reserve `i`'s fund.
    pub async fn cancel_unstake(&self, env: &mut impl TestEnv, s: &Staker, i: usize) -> TxResult {
        let k = self.fund_keys(i);
        let ix = fund::cancel_unstake(s.kp.pubkey(), &k, s.shares);
        env.send(&[ix], &[&s.kp]).await
    }

    /// `s`'s open request in reserve `i`'s fund.
    pub async fn unstake_request(
        &self,
        env: &mut impl TestEnv,
        s: &Staker,
        i: usize,
    ) -> UnstakeRequest {
        let k = self.fund_keys(i);
        env.zc(&fund::request_address(&k.fund, &s.kp.pubkey()))
            .await
    }

    /// Refreshes every reserve, then collects reserve `i`'s fund cut.
    pub async fn collect_fund_fees(&self, env: &mut impl TestEnv, i: usize) -> TxResult {
        let ix = fund::collect_fund_fees(&self.reserves[i], &self.fund_keys(i));
        self.act_reserves(env, &[ix], &[]).await
    }
}
