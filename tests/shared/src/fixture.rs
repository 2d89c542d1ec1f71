//! A market with reserves and users, and the action helpers scenarios are written in.

use super::env::TestEnv;
use super::env::TxResult;
use super::ix::{self, pda, ReserveKeys};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::lending_core::state::{Obligation, Reserve};
use lending_sdk::types::{InitMarketParams, OracleParams, ReserveConfigParams};
use solana_keypair::Keypair;
use solana_signer::Signer;

/// A reserve configuration with sensible defaults for tests.
pub fn config(ltv_bps: u16, liquidation_threshold_bps: u16) -> ReserveConfigParams {
    ReserveConfigParams {
        ltv_bps,
        liquidation_threshold_bps,
        min_liquidation_bonus_bps: 200,
        max_liquidation_bonus_bps: 1_000,
        protocol_liquidation_fee_bps: 1_000,
        origination_fee_bps: 10,
        flash_loan_fee_bps: 9,
        protocol_take_rate_bps: 1_000,
        utilization_cap_bps: 9_500,
        borrow_factor_bps: 10_000,
        status: 0,
        flash_loans_enabled: true,
        trusted_issuer: false,
        deposit_cap: 0,
        borrow_cap: 0,
        outflow_limit: 0,
        outflow_window_secs: 0,
        curve: lending_sdk::curve_points(&[(0, 0), (8_000, 800), (10_000, 10_000)]),
        emode_collateral_mask: 0,
        emode_borrow_mask: 0,
        isolated_collateral: false,
    }
}

/// Oracle parameters for a fixed price.
pub fn fixed_oracle(price: i64, expo: i32) -> OracleParams {
    OracleParams {
        source_kind: 2,
        source: Pubkey::default(),
        feed_id: [0; 32],
        // A fixed price never ages.
        max_age_secs: 0,
        max_conf_bps: 200,
        max_ema_deviation_bps: 500,
        fixed_price: price,
        fixed_expo: expo,
    }
}

/// The `n`th keypair of the fixed sequence every Env hands out, so PDA bumps (and so CU)
/// repeat from run to run and between the program-test and litesvm environments.
pub fn nth_keypair(n: u64) -> Keypair {
    let mut seed = [0x5e; 32];
    seed[..8].copy_from_slice(&n.to_le_bytes());
    Keypair::new_from_array(seed)
}

/// Seed deposit used by fixtures.
pub const SEED: u64 = 1_000_000;

/// One whole SOL in base units (9 decimals).
pub const SOL_UNIT: u64 = 1_000_000_000;
/// One whole USDC or PYUSD in base units (6 decimals).
pub const USD_UNIT: u64 = 1_000_000;

/// The timelock fixtures' markets get: none where fixed prices are allowed (test markets; the
/// timelock tests queue with a delay of their own), the floors (a day each) elsewhere.
pub fn timelock(allow_fixed_price: bool) -> lending_sdk::types::TimelockParams {
    let floor = if allow_fixed_price { 0 } else { 86_400 };
    lending_sdk::types::TimelockParams {
        delay_secs: floor,
        ramp_secs: floor,
    }
}

/// A market, its owner, its reserves and its e-mode groups.
pub struct Market {
    pub owner: Keypair,
    pub market: Pubkey,
    pub reserves: Vec<ReserveKeys>,
    /// Ids of the e-mode groups created through [`Market::add_group`].
    pub groups: Vec<u8>,
}

/// A user with a wallet and token accounts per reserve.
pub struct User {
    pub kp: Keypair,
    pub liquidity: Vec<Pubkey>,
    pub shares: Vec<Pubkey>,
    pub obligation: Pubkey,
}

impl Market {
    /// Creates a market that allows fixed-price oracles, with the default limits.
    pub async fn new(env: &mut impl TestEnv) -> Self {
        Self::with_params(env, true).await
    }

    /// Creates a market.
    pub async fn with_params(env: &mut impl TestEnv, allow_fixed_price: bool) -> Self {
        let owner = env.wallet(100).await;
        let market = env.keypair();
        let mut q = [0u8; 32];
        q[..3].copy_from_slice(b"USD");
        let params = InitMarketParams {
            quote_currency: q,
            close_factor_bps: 5_000,
            dust_threshold: 2 * lending::risk::WAD,
            max_liquidation_value: 0,
            allow_fixed_price,
            timelock: timelock(allow_fixed_price),
        };
        env.ok(
            &[ix::init_market(owner.pubkey(), market.pubkey(), params)],
            &[&owner, &market],
        )
        .await;
        Self {
            owner,
            market: market.pubkey(),
            reserves: vec![],
            groups: vec![],
        }
    }

    /// Creates e-mode group `id` (isolated when `debt_reserve`, a reserve index, is given).
    pub async fn add_group(
        &mut self,
        env: &mut impl TestEnv,
        id: u8,
        params: lending_sdk::types::EmodeGroupParams,
        debt_reserve: Option<usize>,
    ) {
        let debt = debt_reserve.map(|i| self.reserves[i].reserve);
        let o = self.owner.pubkey();
        env.ok(
            &[ix::init_emode_group(o, self.market, id, params, debt)],
            &[&self.owner],
        )
        .await;
        self.groups.push(id);
    }

    /// Lists a new asset at a fixed price and returns its index.
    pub async fn add_reserve(
        &mut self,
        env: &mut impl TestEnv,
        decimals: u8,
        token_program: Pubkey,
        price: i64,
        expo: i32,
        config: ReserveConfigParams,
    ) -> usize {
        let mint = env.create_mint(decimals, token_program).await;
        let k = ReserveKeys::derive(self.market, mint, token_program, decimals);
        let o = self.owner.pubkey();
        env.ok(
            &[ix::init_oracle_price(
                o,
                self.market,
                mint,
                fixed_oracle(price, expo),
            )],
            &[&self.owner],
        )
        .await;
        let src = env.token_account(&mint, &o, token_program).await;
        env.mint_to(&mint, &src, SEED, token_program).await;
        env.ok(
            &[ix::init_reserve(o, &k, src, config, SEED)],
            &[&self.owner],
        )
        .await;
        self.reserves.push(k);
        self.reserves.len() - 1
    }

    /// Sets the fixed price of reserve `i`.
    pub async fn set_price(&self, env: &mut impl TestEnv, i: usize, price: i64, expo: i32) {
        let k = self.reserves[i];
        env.ok(
            &[ix::set_fixed_price(
                self.owner.pubkey(),
                self.market,
                k.oracle,
                price,
                expo,
                0,
            )],
            &[&self.owner],
        )
        .await;
    }

    /// Creates a user holding `amounts[i]` tokens of each reserve, with an obligation (id 0).
    pub async fn user(&self, env: &mut impl TestEnv, amounts: &[u64]) -> User {
        let kp = env.wallet(10).await;
        let mut liquidity = vec![];
        let mut shares = vec![];
        for (i, k) in self.reserves.iter().enumerate() {
            let l = env
                .token_account(&k.mint, &kp.pubkey(), k.token_program)
                .await;
            let amount = amounts.get(i).copied().unwrap_or(0);
            if amount > 0 {
                env.mint_to(&k.mint, &l, amount, k.token_program).await;
            }
            liquidity.push(l);
            shares.push(
                env.token_account(&k.share_mint, &kp.pubkey(), k.token_program)
                    .await,
            );
        }
        env.ok(&[ix::init_obligation(kp.pubkey(), self.market, 0)], &[&kp])
            .await;
        let obligation = pda::obligation(&self.market, &kp.pubkey(), 0);
        User {
            kp,
            liquidity,
            shares,
            obligation,
        }
    }

    /// Reads reserve `i`.
    pub async fn reserve(&self, env: &mut impl TestEnv, i: usize) -> Reserve {
        env.zc::<Reserve>(&self.reserves[i].reserve).await
    }

    /// Refresh instructions for every reserve (oracle, then reserve).
    pub fn refresh_all_reserves(&self) -> Vec<Instruction> {
        let mut v = vec![];
        for k in &self.reserves {
            v.push(ix::refresh_oracle_price(k.oracle, None));
            v.push(ix::refresh_reserve(k));
        }
        v
    }

    /// The reserves an obligation's refresh needs, in order (collateral, then debt).
    pub async fn obligation_reserves(env: &mut impl TestEnv, obligation: &Pubkey) -> Vec<Pubkey> {
        lending_sdk::market::obligation_reserves(&env.zc::<Obligation>(obligation).await)
    }

    /// `refresh_obligation` for the obligation as it is now (its reserves, and its e-mode group
    /// if it is in one).
    pub async fn refresh_obligation_ix(
        &self,
        env: &mut impl TestEnv,
        obligation: &Pubkey,
    ) -> Instruction {
        let ob = env.zc::<Obligation>(obligation).await;
        let reserves = lending_sdk::market::obligation_reserves(&ob);
        ix::with_group(
            ix::refresh_obligation(*obligation, &reserves),
            &self.market,
            &ob,
            ix::GroupUse::Refresh,
        )
    }

    /// Refreshes all reserves and the obligation, then runs `ixs`, in one transaction.
    pub async fn act(
        &self,
        env: &mut impl TestEnv,
        obligation: &Pubkey,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> TxResult {
        let mut all = self.refresh_all_reserves();
        all.push(self.refresh_obligation_ix(env, obligation).await);
        all.extend_from_slice(ixs);
        env.send(&all, signers).await
    }

    /// Refreshes all reserves, then runs `ixs` (no obligation refresh).
    pub async fn act_reserves(
        &self,
        env: &mut impl TestEnv,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> TxResult {
        let mut all = self.refresh_all_reserves();
        all.extend_from_slice(ixs);
        env.send(&all, signers).await
    }

    /// The market as a client fetches it (the market, its reserves, their price accounts and its
    /// e-mode groups made by [`Market::add_group`]),
    /// projected to the current clock: what an SDK preview of an action in this slot reads.
    pub async fn state(&self, env: &mut impl TestEnv) -> lending_sdk::market::MarketState {
        let mut reserves = std::collections::HashMap::new();
        let mut oracles = std::collections::HashMap::new();
        let mut funds = std::collections::HashMap::new();
        for k in &self.reserves {
            let r = env.zc::<Reserve>(&k.reserve).await;
            if r.has_insurance_fund() {
                funds.insert(k.reserve, env.zc(&r.insurance_fund).await);
            }
            reserves.insert(k.reserve, r);
            oracles.insert(k.oracle, env.zc(&k.oracle).await);
        }
        let mut groups = std::collections::HashMap::new();
        for &id in &self.groups {
            groups.insert(id, env.zc(&ix::pda::emode_group(&self.market, id)).await);
        }
        let fetched = lending_sdk::market::MarketState {
            key: self.market,
            market: env.zc(&self.market).await,
            reserves,
            oracles,
            groups,
            funds,
            clock: Default::default(),
        };
        let clock = env.clock().await;
        fetched.at(clock.slot, clock.unix_timestamp)
    }

    /// Reads an obligation.
    pub async fn obligation(env: &mut impl TestEnv, key: &Pubkey) -> Obligation {
        env.zc::<Obligation>(key).await
    }

    /// Deposits `amount` of reserve `i` as collateral for `u`.
    pub async fn deposit_collateral(
        &self,
        env: &mut impl TestEnv,
        u: &User,
        i: usize,
        amount: u64,
    ) -> TxResult {
        let k = self.reserves[i];
        self.act_reserves(
            env,
            &[ix::deposit_and_collateralize(
                u.kp.pubkey(),
                u.obligation,
                &k,
                u.liquidity[i],
                amount,
            )],
            &[&u.kp],
        )
        .await
    }

    /// Supplies `amount` of reserve `i` for shares.
    pub async fn supply(
        &self,
        env: &mut impl TestEnv,
        u: &User,
        i: usize,
        amount: u64,
    ) -> TxResult {
        let k = self.reserves[i];
        self.act_reserves(
            env,
            &[ix::deposit_reserve_liquidity(
                u.kp.pubkey(),
                &k,
                u.liquidity[i],
                u.shares[i],
                amount,
            )],
            &[&u.kp],
        )
        .await
    }

    /// Borrows `amount` of reserve `i` for `u`.
    pub async fn borrow(
        &self,
        env: &mut impl TestEnv,
        u: &User,
        i: usize,
        amount: u64,
    ) -> TxResult {
        let k = self.reserves[i];
        let ob = env.zc::<Obligation>(&u.obligation).await;
        let valued = lending_sdk::market::obligation_reserves(&ob);
        let borrow = ix::borrow(
            u.kp.pubkey(),
            u.obligation,
            &k,
            u.liquidity[i],
            amount,
            &valued,
        );
        let borrow = ix::with_group(borrow, &self.market, &ob, ix::GroupUse::DebtChange);
        self.act(env, &u.obligation, &[borrow], &[&u.kp]).await
    }

    /// Repays `amount` of reserve `i` for `u`.
    pub async fn repay(&self, env: &mut impl TestEnv, u: &User, i: usize, amount: u64) -> TxResult {
        let k = self.reserves[i];
        let ob = env.zc::<Obligation>(&u.obligation).await;
        let repay = ix::repay(u.kp.pubkey(), u.obligation, &k, u.liquidity[i], amount);
        let repay = ix::with_group(repay, &self.market, &ob, ix::GroupUse::DebtChange);
        self.act_reserves(env, &[repay], &[&u.kp]).await
    }

    /// Withdraws and redeems `shares` of reserve `i` collateral for `u`.
    pub async fn withdraw(
        &self,
        env: &mut impl TestEnv,
        u: &User,
        i: usize,
        shares: u64,
    ) -> TxResult {
        let k = self.reserves[i];
        let valued = Self::obligation_reserves(env, &u.obligation).await;
        self.act(
            env,
            &u.obligation,
            &[ix::withdraw_and_redeem(
                u.kp.pubkey(),
                u.obligation,
                &k,
                u.liquidity[i],
                shares,
                &valued,
            )],
            &[&u.kp],
        )
        .await
    }

    /// Redeems `shares` of reserve `i` from `u`'s wallet.
    pub async fn redeem(
        &self,
        env: &mut impl TestEnv,
        u: &User,
        i: usize,
        shares: u64,
    ) -> TxResult {
        let k = self.reserves[i];
        self.act_reserves(
            env,
            &[ix::redeem_reserve_collateral(
                u.kp.pubkey(),
                &k,
                u.shares[i],
                u.liquidity[i],
                shares,
            )],
            &[&u.kp],
        )
        .await
    }
}
