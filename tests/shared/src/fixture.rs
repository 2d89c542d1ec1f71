//! A market with reserves and users, and the action helpers scenarios are written in.

use super::env::TestEnv;
use super::env::{LookupTable, TxResult};
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
    /// The market's lookup table once [`Market::use_lookup_table`] made one: the fixture's
    /// transactions are then v0 through it.
    pub table: Option<LookupTable>,
    /// The Pyth source of each price account listed by [`Market::add_pyth_reserve`].
    pub sources: std::collections::HashMap<Pubkey, Pubkey>,
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
            table: None,
            sources: Default::default(),
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
        self.add_reserve_priced_by(
            env,
            decimals,
            token_program,
            fixed_oracle(price, expo),
            config,
        )
        .await
    }

    /// Lists a new asset priced by the Pyth pull account at `source` (which must exist with a
    /// fresh price) and returns its index.
    pub async fn add_pyth_reserve(
        &mut self,
        env: &mut impl TestEnv,
        decimals: u8,
        token_program: Pubkey,
        source: Pubkey,
        config: ReserveConfigParams,
    ) -> usize {
        let i = self
            .add_reserve_priced_by(
                env,
                decimals,
                token_program,
                crate::pyth::pull_params(source),
                config,
            )
            .await;
        self.sources.insert(self.reserves[i].oracle, source);
        i
    }

    /// Lists a new asset priced as `oracle` says and returns its index.
    pub async fn add_reserve_priced_by(
        &mut self,
        env: &mut impl TestEnv,
        decimals: u8,
        token_program: Pubkey,
        oracle: OracleParams,
        config: ReserveConfigParams,
    ) -> usize {
        let mint = env.create_mint(decimals, token_program).await;
        let k = ReserveKeys::derive(self.market, mint, token_program, decimals);
        let o = self.owner.pubkey();
        env.ok(
            &[ix::init_oracle_price(o, self.market, mint, oracle)],
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
            v.push(ix::refresh_oracle_price(
                k.oracle,
                self.sources.get(&k.oracle).copied(),
            ));
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
        self.send(env, &all, signers).await
    }

    /// Sends `ixs` as [`TestEnv::send`] does, through the market's lookup table when it has one.
    pub async fn send(
        &self,
        env: &mut impl TestEnv,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> TxResult {
        match &self.table {
            Some(t) => env.send_v0(ixs, signers, t).await,
            None => env.send(ixs, signers).await,
        }
    }

    /// Gives the market a lookup table holding what the migration's holds
    /// (`lending_sdk::lookup::market_addresses`), records it in the market, and sends the
    /// fixture's transactions through it from now on.
    pub async fn use_lookup_table(&mut self, env: &mut impl crate::env::VmEnv) -> LookupTable {
        let table = LookupTable {
            key: env.keypair().pubkey(),
            addresses: lending_sdk::lookup::market_addresses(&self.state(env).await),
        };
        env.set_lookup_table(&table).await;
        let set = ix::set_lookup_table(self.owner.pubkey(), self.market, table.key);
        env.ok(&[set], &[&self.owner]).await;
        self.table = Some(table.clone());
        table
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
        self.send(env, &all, signers).await
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

    /// The whole liquidation a bot sends for `b`'s obligation: a compute-unit limit of
    /// `cu_limit`, every position's price and reserve refreshed, the obligation refreshed, then
    /// `liquidate_obligation` by `liq` repaying reserve `debt` from its wallet and seizing
    /// reserve `coll` (as shares, or the liquidity itself), with the debt reserve's insurance
    /// fund when it has one.
    #[allow(clippy::too_many_arguments)]
    pub async fn liquidation_ixs(
        &self,
        env: &mut impl TestEnv,
        b: &User,
        liq: &User,
        debt: usize,
        coll: usize,
        receive_liquidity: bool,
        cu_limit: u32,
    ) -> Vec<Instruction> {
        let state = self.state(env).await;
        let ob = Self::obligation(env, &b.obligation).await;
        let mut ixs = vec![lending_sdk::compute::set_compute_unit_limit(cu_limit)];
        ixs.extend(state.refresh_obligation(b.obligation, &ob, &[]));
        let (dk, ck) = (self.reserves[debt], self.reserves[coll]);
        let destination = if receive_liquidity {
            liq.liquidity[coll]
        } else {
            liq.shares[coll]
        };
        let liquidate = ix::liquidate(
            liq.kp.pubkey(),
            b.obligation,
            &dk,
            liq.liquidity[debt],
            &ck,
            destination,
            lending_sdk::types::LiquidateParams {
                max_repay: u64::MAX,
                min_receive: 1,
                receive_liquidity,
            },
            &lending_sdk::market::obligation_reserves(&ob),
        );
        ixs.push(lending_sdk::fund::with_fund(
            liquidate,
            &dk.reserve,
            &state.reserves[&dk.reserve],
        ));
        ixs
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
