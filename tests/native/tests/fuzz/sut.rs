//! The system under test: a market on solana-program-test with three reserves, four users and
//! a liquidator, and how each operation is sent to it.

use super::checks::{self, Baseline, Tally};
use super::fund_ops::check_loss_order;
use super::model::{Model, Op};
use super::timelock_ops::failed_with;
use lending::errors::LendingError;
use lending::risk::emode::group_bit;
use lending::risk::fixed::WAD;
use lending_program_tests::env::Env;
use lending_sdk::fund::with_fund;
use lending_sdk::lending_core::state::EmodeLimits;
use lending_sdk::lending_core::state::{Obligation, MAX_BORROWS, MAX_DEPOSITS};
use lending_sdk::market::obligation_reserves;
use lending_sdk::types::{AdminChange, EmodeGroupParams, LiquidateParams, ReserveConfigParams};
use lending_test_suite::env::{TestEnv, VmEnv};
use lending_test_suite::env::{TxResult, SPL_TOKEN, TOKEN_2022};
use lending_test_suite::fixture::{config, Market, User};
use lending_test_suite::fund_fixture::{cuts, Staker};
use lending_test_suite::invariants;
use lending_test_suite::ix::{self, GroupUse};
use lending_test_suite::outcome::custom_code;
use proptest_state_machine::StateMachineTest;
use solana_signer::Signer;
use std::sync::atomic::{AtomicU64, Ordering};

/// Operations applied across every case of this process (reported by scripts/fuzz-long).
pub static OPS: AtomicU64 = AtomicU64::new(0);

/// `p` moved by `pct` percent, never below 0.001.
fn moved_price(p: i64, pct: i8) -> i64 {
    (p as i128 * (100 + pct as i128) / 100).max(1_000) as i64
}

/// Fixed prices: mantissas with exponent −6 (SOL $100, USDC $1, PYUSD $1, the wide market's
/// other assets $1).
fn start_price(reserve: usize) -> i64 {
    if reserve == 0 {
        100_000_000
    } else {
        1_000_000
    }
}

/// What each user's wallet holds of a wide market's plain assets (1,000 tokens).
const PLAIN_WALLET: u64 = 1_000_000_000;

/// The plain e-mode group: SOL and USDC as collateral, USDC as debt.
pub const PLAIN_GROUP: u8 = 1;
/// The isolated e-mode group: PYUSD (isolated collateral) and SOL as collateral, USDC as its
/// one debt reserve, under a ceiling.
pub const ISOLATED_GROUP: u8 = 2;

/// Each reserve's listing configuration: the volatile asset's debt weighs 1.25x; SOL and USDC
/// are collateral in the plain group and USDC its debt; PYUSD's collateral counts only in the
/// isolated group (SOL's there too); a wide market's other assets are plain ($1, in no group,
/// not insured).
fn listing(reserve: usize) -> ReserveConfigParams {
    if reserve >= 3 {
        return config(7_500, 8_000);
    }
    let (plain, isolated) = (group_bit(PLAIN_GROUP), group_bit(ISOLATED_GROUP));
    let mut c = match reserve {
        0 => config(7_500, 8_000),
        _ => config(8_000, 8_500),
    };
    match reserve {
        0 => {
            c.borrow_factor_bps = 12_500;
            c.emode_collateral_mask = plain | isolated;
        }
        1 => {
            c.emode_collateral_mask = plain;
            c.emode_borrow_mask = plain;
        }
        _ => {
            c.emode_collateral_mask = isolated;
            c.isolated_collateral = true;
        }
    }
    c
}

/// A group's limits with a 2% to 4% bonus, and its ceiling in USDC units.
fn group_params(ltv_bps: u16, liquidation_threshold_bps: u16, ceiling: u64) -> EmodeGroupParams {
    EmodeGroupParams {
        ltv_bps,
        liquidation_threshold_bps,
        min_liquidation_bonus_bps: 200,
        max_liquidation_bonus_bps: 400,
        debt_ceiling: ceiling,
    }
}

/// A running market and everyone in it.
pub struct Sut {
    rt: std::sync::Arc<tokio::runtime::Runtime>,
    pub env: Env,
    pub m: Market,
    pub users: Vec<User>,
    pub liquidator: User,
    /// Each staker's wallet and fund shares, by reserve.
    pub stakers: Vec<Vec<Staker>>,
    prices: Vec<i64>,
    pub baseline: Baseline,
    pub tally: Tally,
    /// The market's risk admin.
    pub risk_admin: solana_keypair::Keypair,
    /// Changes queued and not yet applied, cancelled or closed.
    pub waiting: Vec<super::timelock_ops::Waiting>,
    /// True when this step applied a queued change.
    pub applied: bool,
    /// Each reserve's liquidation threshold after the last step.
    pub thresholds: Vec<u16>,
}

impl Sut {
    async fn start(
        reserves: usize,
    ) -> (
        Env,
        Market,
        Vec<User>,
        User,
        Vec<Vec<Staker>>,
        solana_keypair::Keypair,
    ) {
        let mut env = Env::start().await;
        let mut m = Market::new(&mut env).await;
        m.add_reserve(&mut env, 9, SPL_TOKEN, start_price(0), -6, listing(0))
            .await;
        m.add_reserve(&mut env, 6, SPL_TOKEN, start_price(1), -6, listing(1))
            .await;
        m.add_reserve(&mut env, 6, TOKEN_2022, start_price(2), -6, listing(2))
            .await;
        for r in 3..reserves {
            m.add_reserve(&mut env, 6, SPL_TOKEN, start_price(r), -6, listing(r))
                .await;
        }
        let wallets = [
            [1_000_000_000_000, 100_000_000_000, 100_000_000_000],
            [100_000_000_000, 1_000_000_000_000, 0],
            [10_000_000_000, 10_000_000_000, 10_000_000_000],
            [0, 500_000_000_000, 500_000_000_000],
        ];
        let mut users = vec![];
        for w in wallets {
            let mut w = w.to_vec();
            w.resize(reserves, PLAIN_WALLET);
            users.push(m.user(&mut env, &w).await);
        }
        let liquidator = m.user(&mut env, &vec![1_000_000_000_000; reserves]).await;
        // The liquidator also lends the plain assets, so that there is something to borrow.
        for r in 3..reserves {
            m.supply(&mut env, &liquidator, r, 100_000_000_000)
                .await
                .unwrap();
        }
        m.add_group(&mut env, PLAIN_GROUP, group_params(8_500, 9_000, 0), None)
            .await;
        m.add_group(
            &mut env,
            ISOLATED_GROUP,
            group_params(7_000, 8_000, 20_000_000_000),
            Some(1),
        )
        .await;
        // Every reserve is insured; two stakers per fund.
        m.set_fund_settings(&mut env, super::fund_ops::SETTINGS)
            .await
            .unwrap();
        let mut stakers = vec![];
        for wallet in [
            [100_000_000_000, 10_000_000_000, 10_000_000_000],
            [1_000_000_000, 100_000_000, 100_000_000],
        ] {
            let mut by_reserve = vec![];
            for (r, amount) in wallet.into_iter().enumerate() {
                if stakers.is_empty() {
                    m.add_fund(&mut env, r, cuts()).await;
                }
                by_reserve.push(m.staker(&mut env, r, amount).await);
            }
            stakers.push(by_reserve);
        }
        let risk_admin = super::timelock_ops::set_up(&mut env, &m).await;
        if reserves > 3 {
            // A full obligation's transactions are v0 through the market's lookup table.
            m.use_lookup_table(&mut env).await;
        }
        (env, m, users, liquidator, stakers, risk_admin)
    }

    /// Every obligation in the market.
    pub fn obligations(&self) -> Vec<anchor_lang::prelude::Pubkey> {
        self.users
            .iter()
            .chain([&self.liquidator])
            .map(|u| u.obligation)
            .collect()
    }

    /// Refreshes everything the obligation needs and returns it as the program left it.
    async fn refreshed(&mut self, u: usize) -> Obligation {
        let ob = self.users[u].obligation;
        let res = self.m.act(&mut self.env, &ob, &[], &[]).await;
        self.tally.outcome("refresh", &res);
        Market::obligation(&mut self.env, &ob).await
    }

    async fn step(&mut self, op: &Op) {
        OPS.fetch_add(1, Ordering::Relaxed);
        match *op {
            Op::Supply { user, reserve, bps } => {
                self.use_wallet("supply", user, reserve, bps).await
            }
            Op::Redeem { user, reserve, bps } => {
                self.use_wallet("redeem", user, reserve, bps).await
            }
            Op::Deposit { user, reserve, bps } => {
                self.use_wallet("deposit", user, reserve, bps).await
            }
            Op::Withdraw {
                user,
                reserve,
                bps,
                max,
            } => {
                let (u, r) = (user as usize, reserve as usize);
                let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
                let held = ob
                    .find_deposit(&self.m.reserves[r].reserve)
                    .map(|i| ob.deposits[i].shares)
                    .unwrap_or(0);
                let shares = if max { u64::MAX } else { frac(held, bps) };
                if held > 0 && shares > 0 {
                    let res = self
                        .m
                        .withdraw(&mut self.env, &self.users[u], r, shares)
                        .await;
                    self.lowered_health("withdraw", u, &res).await;
                }
            }
            Op::Borrow {
                user,
                reserve,
                bps,
                max,
            } => {
                let (u, r) = (user as usize, reserve as usize);
                let available = self.m.reserve(&mut self.env, r).await.available;
                let amount = if max {
                    u64::MAX
                } else {
                    frac(available / 50, bps)
                };
                if amount > 0 {
                    let res = self
                        .m
                        .borrow(&mut self.env, &self.users[u], r, amount)
                        .await;
                    self.lowered_health("borrow", u, &res).await;
                }
            }
            Op::Repay {
                user,
                reserve,
                bps,
                max,
                fresh,
            } => {
                let (u, r) = (user as usize, reserve as usize);
                let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
                if let Some(i) = ob.find_borrow(&self.m.reserves[r].reserve) {
                    let pool = self.m.reserve(&mut self.env, r).await.pool();
                    let owed = pool
                        .repay_all_amount(ob.borrows[i].debt_shares.get())
                        .unwrap();
                    let amount = if max {
                        u64::MAX
                    } else {
                        frac(owed, bps).max(1)
                    };
                    let res = if fresh {
                        let user = &self.users[u];
                        let ix = ix::with_group(
                            ix::repay(
                                user.kp.pubkey(),
                                user.obligation,
                                &self.m.reserves[r],
                                user.liquidity[r],
                                amount,
                            ),
                            &self.m.market,
                            &ob,
                            GroupUse::DebtChange,
                        );
                        self.m
                            .act(&mut self.env, &user.obligation, &[ix], &[&user.kp])
                            .await
                    } else {
                        self.m.repay(&mut self.env, &self.users[u], r, amount).await
                    };
                    self.tally.outcome("repay", &res);
                }
            }
            Op::Liquidate {
                user,
                repay,
                collateral,
                bps,
                liquidity,
            } => {
                // Aim at the obligation's own positions (the draws pick among them).
                let u = user as usize;
                let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
                let (debts, colls) = (ob.borrows(), ob.deposits());
                if debts.is_empty() || colls.is_empty() {
                    return;
                }
                let pos = |key| {
                    self.m
                        .reserves
                        .iter()
                        .position(|k| k.reserve == key)
                        .unwrap()
                };
                let r = pos(debts[repay as usize % debts.len()].reserve);
                let c = pos(colls[collateral as usize % colls.len()].reserve);
                self.liquidate(u, r, c, bps, liquidity).await
            }
            Op::FlashLoan { user, reserve, bps } => {
                let (u, r) = (user as usize, reserve as usize);
                let available = self.m.reserve(&mut self.env, r).await.available;
                let amount = frac(available, bps);
                if amount > 0 {
                    let (k, acct) = (self.m.reserves[r], self.users[u].liquidity[r]);
                    let kp = &self.users[u].kp;
                    // Env::send puts a compute-budget instruction first: the borrow is index 1.
                    let ixs = [
                        ix::flash_borrow(kp.pubkey(), &k, acct, amount),
                        ix::flash_repay(kp.pubkey(), &k, acct, amount, 1),
                    ];
                    let res = self.env.send(&ixs, &[kp]).await;
                    self.tally.outcome("flash", &res);
                }
            }
            Op::Price { reserve, pct } => {
                let r = reserve as usize;
                let p = moved_price(self.prices[r], pct);
                self.prices[r] = p;
                self.m.set_price(&mut self.env, r, p, -6).await;
            }
            Op::RepricedBorrow {
                user,
                reserve,
                priced,
                pct,
                bps,
            } => {
                let (u, r, q) = (user as usize, reserve as usize, priced as usize);
                self.repriced_borrow(u, r, q, pct, bps).await
            }
            Op::BorrowFactor {
                reserve,
                factor_bps,
            } => {
                // Either way a borrow factor change waits in the queue.
                let r = reserve as usize;
                let k = self.m.reserves[r];
                let now = self.m.reserve(&mut self.env, r).await;
                let mut c = lending_sdk::program::reserve_config_params(&now);
                c.borrow_factor_bps = factor_bps;
                let direct = ix::update_reserve_config(self.m.owner.pubkey(), &k, c.clone());
                let res = self
                    .owner_change(
                        "borrow-factor",
                        k.reserve,
                        direct,
                        AdminChange::ReserveConfig(c),
                    )
                    .await;
                assert_eq!(
                    res.is_ok(),
                    factor_bps == now.config.borrow_factor_bps,
                    "a borrow factor change skipped the queue: {res:?}"
                );
            }
            Op::SetGroup { user, group } => self.set_group(user as usize, group).await,
            Op::GroupLimits {
                group,
                ltv_bps,
                lt_gap_bps,
                ceiling,
            } => {
                let lt = ltv_bps.saturating_add(lt_gap_bps);
                let ceiling = if group == ISOLATED_GROUP {
                    ceiling as u64 * 1_000_000
                } else {
                    0
                };
                let params = group_params(ltv_bps, lt, ceiling);
                let valid = EmodeLimits {
                    ltv_bps,
                    liquidation_threshold_bps: lt,
                    min_liquidation_bonus_bps: params.min_liquidation_bonus_bps,
                    max_liquidation_bonus_bps: params.max_liquidation_bonus_bps,
                }
                .params(group, group == ISOLATED_GROUP)
                .is_valid();
                let direct =
                    ix::update_emode_group(self.m.owner.pubkey(), self.m.market, group, params);
                let target = ix::pda::emode_group(&self.m.market, group);
                let res = self
                    .owner_change(
                        "group-limits",
                        target,
                        direct,
                        AdminChange::EmodeGroup(params),
                    )
                    .await;
                let refused = failed_with(&res, LendingError::InvalidEmodeGroup);
                let queued = failed_with(&res, LendingError::ChangeNeedsTimelock);
                assert_eq!(
                    res.is_ok() || queued,
                    valid,
                    "group {group} limits {params:?}: {res:?}"
                );
                assert!(res.is_ok() || refused || queued, "{res:?}");
            }
            Op::Threshold { reserve, bps } => self.threshold(reserve as usize, bps).await,
            Op::Settle { pick, cancel } => self.settle_change(pick, cancel).await,
            Op::Stake { who, reserve, bps } => self.stake(who, reserve as usize, bps).await,
            Op::Unstake { who, reserve, bps } => self.unstake(who, reserve as usize, bps).await,
            Op::FundExit {
                who,
                reserve,
                cancel,
            } => self.fund_exit(who, reserve as usize, cancel).await,
            Op::Collect { reserve } => self.collect(reserve as usize).await,
            Op::Warp { secs } => self.env.advance(secs as i64).await,
            Op::Exit { user } => self.exit(user as usize).await,
            Op::Fill { user } => self.fill(user as usize).await,
        }
    }

    /// User `u` takes a collateral position (a twentieth of its wallet) in every reserve it
    /// holds tokens of and no position in yet, then a small debt position in every reserve it
    /// holds no position in (the program refuses collateral and debt in one reserve),
    /// up to the most an obligation holds; at the maximum, one more of either is refused with
    /// the limit's own error.
    async fn fill(&mut self, u: usize) {
        let n = self.m.reserves.len();
        for r in 0..n {
            let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
            let key = self.m.reserves[r].reserve;
            // A reserve is collateral or debt of one obligation, not both.
            if ob.find_deposit(&key).is_some() || ob.find_borrow(&key).is_some() {
                continue;
            }
            let amount = self.env.balance(&self.users[u].liquidity[r]).await / 20;
            if amount == 0 {
                continue;
            }
            let full = ob.deposits_len as usize == MAX_DEPOSITS;
            let res = self
                .m
                .deposit_collateral(&mut self.env, &self.users[u], r, amount)
                .await;
            self.tally.outcome("fill-deposit", &res);
            if full {
                assert!(
                    failed_with(&res, LendingError::TooManyDeposits),
                    "a collateral position past the maximum: {res:?}"
                );
                break;
            }
        }
        for r in (0..n).rev() {
            let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
            if ob.deposits_len == 0 {
                return;
            }
            let key = self.m.reserves[r].reserve;
            if ob.find_borrow(&key).is_some() || ob.find_deposit(&key).is_some() {
                continue;
            }
            // Spread 99.5% of the room left under the borrow limit over the debt slots left, so
            // that a full obligation sits near its limit and price moves can make it
            // liquidatable.
            let full = ob.borrows_len as usize == MAX_BORROWS;
            let h = self.refreshed(u).await.health();
            let room = h.borrow_limit.saturating_sub(h.borrowed_weighted) as f64 / WAD as f64;
            let slots = (MAX_BORROWS - (ob.borrows_len as usize).min(MAX_BORROWS - 1)) as f64;
            let reserve = self.m.reserve(&mut self.env, r).await;
            let price = self.prices[r] as f64 / 1e6;
            let factor = reserve.config.borrow_factor_bps as f64 / 1e4;
            let tokens = room * 0.995 / slots / price / factor;
            let amount = ((tokens * 10f64.powi(reserve.decimals as i32)) as u64)
                .min(reserve.available / 10)
                .max(1);
            let res = self
                .m
                .borrow(&mut self.env, &self.users[u], r, amount)
                .await;
            if full {
                self.tally.outcome("fill-borrow", &res);
                // Refused: by the position limit, or by a check the program makes first (a
                // group that refuses the asset, the utilization cap); the tally counts which.
                assert!(res.is_err(), "a debt position past the maximum was taken");
                break;
            }
            self.lowered_health("fill-borrow", u, &res).await;
        }
        let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
        if (ob.deposits_len as usize, ob.borrows_len as usize) == (MAX_DEPOSITS, MAX_BORROWS) {
            self.tally.count("obligation filled to 8 + 5");
        }
    }

    /// #18, low 5: the owner moves reserve `q`'s price after user `u`'s refresh, in the same
    /// transaction, then `u` borrows from reserve `r`. The borrow must be refused with
    /// `ValuationChanged` exactly when the obligation holds a position in `q` and the price
    /// moved; otherwise it is any borrow, and must leave `u` within its borrow limit.
    async fn repriced_borrow(&mut self, u: usize, r: usize, q: usize, pct: i8, bps: u16) {
        let available = self.m.reserve(&mut self.env, r).await.available;
        let amount = frac(available / 50, bps);
        if amount == 0 {
            return;
        }
        let p = moved_price(self.prices[q], pct);
        let (who, m) = (&self.users[u], &self.m);
        let ob = Market::obligation(&mut self.env, &who.obligation).await;
        let valued = obligation_reserves(&ob);
        let k = m.reserves[q];
        let mut ixs = m.refresh_all_reserves();
        ixs.push(
            m.refresh_obligation_ix(&mut self.env, &who.obligation)
                .await,
        );
        ixs.push(ix::set_fixed_price(
            m.owner.pubkey(),
            m.market,
            k.oracle,
            p,
            -6,
            0,
        ));
        ixs.push(ix::refresh_oracle_price(k.oracle, None));
        ixs.push(ix::refresh_reserve(&k));
        ixs.push(ix::with_group(
            ix::borrow(
                who.kp.pubkey(),
                who.obligation,
                &m.reserves[r],
                who.liquidity[r],
                amount,
                &valued,
            ),
            &m.market,
            &ob,
            GroupUse::DebtChange,
        ));
        let (owner, kp) = (m.owner.insecure_clone(), who.kp.insecure_clone());
        let res = self.m.send(&mut self.env, &ixs, &[&owner, &kp]).await;
        let stale = p != self.prices[q] && valued.contains(&k.reserve);
        let refused = failed_with(&res, LendingError::ValuationChanged);
        assert_eq!(
            refused, stale,
            "user {u} borrowing from reserve {r} after reserve {q} moved to {p}: {res:?}"
        );
        if res.is_ok() {
            self.prices[q] = p;
        }
        self.lowered_health("repriced borrow", u, &res).await;
    }

    /// The user moves its obligation into `group` (0: out of any). Accepted, the obligation
    /// (refreshed in the new group) is within its borrow limit, holds only what the group admits
    /// and, in the isolated group, owes only USDC.
    async fn set_group(&mut self, u: usize, group: u8) {
        let who = &self.users[u];
        let ob = Market::obligation(&mut self.env, &who.obligation).await;
        let ix = ix::set_obligation_emode(who.obligation, &ob, group);
        let kp = who.kp.insecure_clone();
        let res = self.m.act_reserves(&mut self.env, &[ix], &[&kp]).await;
        self.tally.outcome("set-group", &res);
        if res.is_err() {
            return;
        }
        let ob = self.refreshed(u).await;
        assert_eq!(ob.emode_group, group);
        assert!(
            ob.borrows_len == 0 || ob.health().within_borrow_limit(),
            "user {u} entered group {group} over its limit: {:?}",
            ob.health()
        );
        if group == ISOLATED_GROUP {
            let usdc = self.m.reserves[1].reserve;
            assert!(ob.borrows().iter().all(|b| b.reserve == usdc));
        }
    }

    /// Supplies, redeems or deposits as collateral `bps` of what the wallet holds.
    async fn use_wallet(&mut self, what: &'static str, user: u8, reserve: u8, bps: u16) {
        let (u, r) = (user as usize, reserve as usize);
        let account = if what == "redeem" {
            self.users[u].shares[r]
        } else {
            self.users[u].liquidity[r]
        };
        let amount = frac(self.env.balance(&account).await, bps);
        if amount == 0 {
            return;
        }
        let (m, env, who) = (&self.m, &mut self.env, &self.users[u]);
        let res = match what {
            "supply" => m.supply(env, who, r, amount).await,
            "redeem" => m.redeem(env, who, r, amount).await,
            _ => m.deposit_collateral(env, who, r, amount).await,
        };
        self.tally.outcome(what, &res);
    }

    /// Records a borrow or withdrawal; when it went through, a refresh must find the debt
    /// within the borrow limit.
    async fn lowered_health(&mut self, what: &str, u: usize, res: &TxResult) {
        self.tally.outcome(what, res);
        if res.is_ok() {
            self.assert_within_limit(u, what).await;
        }
    }

    /// A refresh finds user `u`'s debt within the borrow limit.
    async fn assert_within_limit(&mut self, u: usize, what: &str) {
        let h = self.refreshed(u).await.health();
        assert!(
            h.within_borrow_limit(),
            "{what} left user {u} over the borrow limit: {h:?}"
        );
    }

    async fn liquidate(&mut self, u: usize, repay: usize, coll: usize, bps: u16, liquidity: bool) {
        if repay == coll {
            return;
        }
        let before = self.refreshed(u).await;
        let h0 = before.health();
        let spot0 = invariants::spot_book(&mut self.env, &self.users[u].obligation).await;
        let bad0 = self.bad_debt().await;
        let insured = self.insured(repay).await;
        let (rk, ck) = (self.m.reserves[repay], self.m.reserves[coll]);
        let liq = &self.liquidator;
        let source = liq.liquidity[repay];
        let destination = if liquidity {
            liq.liquidity[coll]
        } else {
            liq.shares[coll]
        };
        let max_repay = frac(self.env.balance(&source).await, bps).max(1);
        let paid0 = self.env.balance(&source).await;
        let got0 = self.env.balance(&destination).await;
        let params = LiquidateParams {
            max_repay,
            min_receive: 0,
            receive_liquidity: liquidity,
        };
        let ob = self.users[u].obligation;
        let ixs = [with_fund(
            ix::with_group(
                ix::liquidate(
                    liq.kp.pubkey(),
                    ob,
                    &rk,
                    source,
                    &ck,
                    destination,
                    params,
                    &obligation_reserves(&before),
                ),
                &self.m.market,
                &before,
                GroupUse::DebtChange,
            ),
            &rk.reserve,
            &insured.reserve,
        )];
        let kp = liq.kp.insecure_clone();
        let res = self.m.act(&mut self.env, &ob, &ixs, &[&kp]).await;
        self.tally.outcome("liquidate", &res);
        let full = (before.deposits_len as usize, before.borrows_len as usize)
            == (MAX_DEPOSITS, MAX_BORROWS);
        if full && res.is_ok() {
            self.tally.count("liquidation of a full 8 + 5 obligation");
        }
        let after = self.insured(repay).await;
        check_loss_order(&insured, &after, super::fund_ops::SETTINGS.max_slash_bps);
        if after.reserve.bad_debt_written_off.get() > insured.reserve.bad_debt_written_off.get() {
            self.tally.count("write-off");
            if after.fund.assets < insured.fund.assets {
                self.tally.count("write-off paid by the fund");
            }
        }
        if !h0.is_liquidatable() {
            assert!(res.is_err(), "a healthy obligation was liquidated: {h0:?}");
            return;
        }
        if res.is_err() {
            return;
        }
        // A covered obligation stays covered at spot and has nothing written off (#18).
        let spot1 = invariants::spot_book(&mut self.env, &ob).await;
        let written_off = self.bad_debt().await - bad0;
        // One token unit of each side of this liquidation.
        let tolerance = invariants::unit_value(&self.m.reserve(&mut self.env, repay).await)
            + invariants::unit_value(&self.m.reserve(&mut self.env, coll).await);
        invariants::check_liquidation_keeps_cover(&spot0, &spot1, tolerance, written_off);
        // Never pays more than the bonus: seized value ≤ repaid value × (1 + max bonus).
        let paid = paid0 - self.env.balance(&source).await;
        let got = self.env.balance(&destination).await - got0;
        let repay_r = self.m.reserve(&mut self.env, repay).await;
        let coll_r = self.m.reserve(&mut self.env, coll).await;
        let value =
            |units: u128, price: u128, decimals: u8| units * price / 10u128.pow(decimals as u32);
        let paid_value = value(paid as u128, repay_r.price.get(), repay_r.decimals);
        let got_units = if liquidity {
            got as u128
        } else {
            coll_r
                .pool()
                .shares_to_liquidity_wad(got, lending::risk::fixed::Rounding::Down)
                .unwrap()
                / WAD
        };
        let got_value = value(got_units, coll_r.price.get(), coll_r.decimals);
        // The group's bonus range in a group, the collateral reserve's outside.
        let bonus = before
            .group()
            .map_or(coll_r.config.max_liquidation_bonus_bps, |g| {
                g.max_liquidation_bonus_bps
            }) as u128;
        // One token unit of each side for rounding.
        let slack = value(1, coll_r.price.get(), coll_r.decimals)
            + value(1, repay_r.price.get(), repay_r.decimals);
        assert!(
            got_value <= paid_value * (10_000 + bonus) / 10_000 + slack,
            "liquidation paid {got_value} for {paid_value} repaid (max bonus {bonus} bps)"
        );
        // It improves health: the shortfall (debt above the liquidation line) shrinks, or the
        // debt is gone, or the collateral ran out (the rest is written off). The health factor
        // itself can fall when collateral is worth less than debt × (1 + bonus): each unit
        // repaid then takes more than a unit of line with it; the shortfall still shrinks.
        let after = self.refreshed(u).await;
        let h1 = after.health();
        let improved = h1.borrowed == 0
            || h1.shortfall() < h0.shortfall()
            || after.deposits_len < before.deposits_len;
        assert!(
            improved,
            "liquidation did not improve health: {h0:?} -> {h1:?}"
        );
    }

    /// Bad debt written off so far, over every reserve (WAD).
    async fn bad_debt(&mut self) -> u128 {
        let mut total = 0;
        for i in 0..self.m.reserves.len() {
            total += self
                .m
                .reserve(&mut self.env, i)
                .await
                .bad_debt_written_off
                .get();
        }
        total
    }

    /// A healthy user repays everything (topped up from the faucet) and withdraws everything the
    /// vaults can pay: both must succeed.
    async fn exit(&mut self, u: usize) {
        let ob = self.refreshed(u).await;
        if !ob.health().within_borrow_limit() {
            return;
        }
        for b in ob.borrows().to_vec() {
            let r = self
                .m
                .reserves
                .iter()
                .position(|k| k.reserve == b.reserve)
                .unwrap();
            let k = self.m.reserves[r];
            let owed = self
                .m
                .reserve(&mut self.env, r)
                .await
                .pool()
                .repay_all_amount(b.debt_shares.get())
                .unwrap();
            let have = self.env.balance(&self.users[u].liquidity[r]).await;
            if have < owed + 1 {
                let top_up = owed + 1 - have;
                self.env
                    .mint_to(
                        &k.mint,
                        &self.users[u].liquidity[r],
                        top_up,
                        k.token_program,
                    )
                    .await;
            }
            let res = self
                .m
                .repay(&mut self.env, &self.users[u], r, u64::MAX)
                .await;
            self.tally.outcome("exit-repay", &res);
            assert!(
                res.is_ok(),
                "repay-all failed for a healthy obligation: {res:?}"
            );
        }
        let ob = Market::obligation(&mut self.env, &self.users[u].obligation).await;
        assert_eq!(ob.borrows_len, 0, "repay-all left debt");
        for d in ob.deposits().to_vec() {
            let r = self
                .m
                .reserves
                .iter()
                .position(|k| k.reserve == d.reserve)
                .unwrap();
            // All collateral back to the wallet as shares: always possible without debt.
            let who = &self.users[u];
            let (k, ob_key, share_account) = (self.m.reserves[r], who.obligation, who.shares[r]);
            let ixs = [ix::withdraw_obligation_collateral(
                who.kp.pubkey(),
                ob_key,
                &k,
                share_account,
                u64::MAX,
                &obligation_reserves(&ob),
            )];
            let kp = who.kp.insecure_clone();
            let res = self.m.act(&mut self.env, &ob_key, &ixs, &[&kp]).await;
            self.tally.outcome("exit-withdraw", &res);
            assert!(
                res.is_ok(),
                "withdrawing all collateral of a debt-free obligation failed: {res:?}"
            );
            // Then every share redeems, when the vault holds the tokens and the shares are worth
            // at least one token unit (after a bad-debt write-off a share can be worth less).
            let shares = self.env.balance(&share_account).await;
            let reserve = self.m.reserve(&mut self.env, r).await;
            let owed = reserve.pool().liquidity_for_redeem(shares).unwrap_or(0);
            let res = self
                .m
                .redeem(&mut self.env, &self.users[u], r, shares)
                .await;
            self.tally.outcome("exit-redeem", &res);
            if owed >= 1 && owed <= reserve.available {
                assert!(
                    res.is_ok(),
                    "redeeming every share failed with the liquidity there: {res:?}"
                );
            }
        }
    }
}

/// `bps` basis points of `x`, rounded down.
pub fn frac(x: u64, bps: u16) -> u64 {
    (x as u128 * bps as u128 / 10_000) as u64
}

impl StateMachineTest for Sut {
    type SystemUnderTest = Self;
    type Reference = Model;

    fn init_test(model: &Model) -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let rt = std::sync::Arc::new(rt);
        let n = model.reserves as usize;
        let (mut env, m, users, liquidator, stakers, risk_admin) = rt.block_on(Self::start(n));
        let baseline = rt.block_on(Baseline::take(&mut env, &m));
        Sut {
            rt,
            env,
            m,
            users,
            liquidator,
            stakers,
            prices: (0..n).map(start_price).collect(),
            baseline,
            tally: Tally::default(),
            risk_admin,
            waiting: vec![],
            applied: false,
            thresholds: (0..n)
                .map(|r| listing(r).liquidation_threshold_bps)
                .collect(),
        }
    }

    fn apply(mut sut: Self, _: &Model, op: Op) -> Self {
        let rt = sut.rt.clone();
        rt.block_on(async {
            sut.step(&op).await;
            checks::after_step(&mut sut).await;
        });
        sut
    }

    fn teardown(sut: Self, model: Model) {
        eprintln!(
            "fuzz case: {} steps; outcomes {}; operations so far {}",
            model.steps,
            sut.tally,
            OPS.load(Ordering::Relaxed)
        );
    }
}

/// True for errors that mean a bug rather than a refused operation.
pub fn is_bug(res: &TxResult) -> bool {
    use anchor_lang::solana_program::instruction::error::InstructionError;
    use lending_test_suite::env::TransactionError;
    let lending =
        |e: lending::errors::LendingError| anchor_lang::error::ERROR_CODE_OFFSET + e as u32;
    match res {
        Err(TransactionError::InstructionError(_, InstructionError::ProgramFailedToComplete)) => {
            true
        }
        _ => matches!(custom_code(res), Some(c) if [
            lending(lending::errors::LendingError::MathOverflow),
            lending(lending::errors::LendingError::DivisionByZero),
            lending(lending::errors::LendingError::VaultBalanceMismatch),
        ].contains(&c)),
    }
}
