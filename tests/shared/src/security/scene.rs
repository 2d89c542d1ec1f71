//! The market every attack is aimed at, and the valid form of every instruction in it.
//!
//! A scene holds a market with SOL, USDC and PYUSD (Token-2022) reserves, a second market with
//! the same listing (the source of "another market" accounts), a lender, a healthy borrower,
//! a borrower made liquidatable by a SOL price drop, a liquidator, an unlisted mint, a
//! stranger, and two e-mode groups in each market. [`Scene::case`] builds each instruction as it would succeed; the attack classes
//! then change one thing about it.

use super::super::env::VmEnv;
use super::super::fixture::{config, fixed_oracle, Market, User};
use super::super::fixture::{SOL_UNIT, USD_UNIT};
use super::super::fund_fixture::cuts;
use super::super::ix::{self, ReserveKeys};
use super::super::scenario_tests::{three_reserves, PYUSD, SOL, USDC};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::fund::{self, FundKeys};
use lending_sdk::types::{
    FundSettingsParams, LiquidateParams, MarketConfigParams, OracleConfigParams,
};
use solana_keypair::Keypair;
use solana_signer::Signer;

/// Every instruction of the program, in the order of docs/security.md.
pub const INSTRUCTIONS: [&str; 43] = [
    "init_market",
    "propose_owner",
    "accept_owner",
    "update_market_config",
    "set_guardian",
    "pause_market",
    "init_oracle_price",
    "set_fixed_price",
    "update_oracle_config",
    "refresh_oracle_price",
    "init_reserve",
    "update_reserve_config",
    "init_emode_group",
    "update_emode_group",
    "update_fund_settings",
    "init_insurance_fund",
    "update_insurance_fund",
    "claim_protocol_fees",
    "refresh_reserve",
    "refresh_obligation",
    "deposit_reserve_liquidity",
    "redeem_reserve_collateral",
    "init_obligation",
    "set_obligation_emode",
    "deposit_obligation_collateral",
    "withdraw_obligation_collateral",
    "deposit_and_collateralize",
    "withdraw_and_redeem",
    "borrow_obligation_liquidity",
    "repay_obligation_liquidity",
    "liquidate_obligation",
    "flash_borrow",
    "flash_repay",
    "stake",
    "request_unstake",
    "withdraw_stake",
    "cancel_unstake",
    "collect_fund_fees",
    "set_risk_admin",
    "queue_change",
    "apply_change",
    "cancel_change",
    "set_lookup_table",
];

/// The market under attack and everyone in it.
pub struct Scene {
    /// The market under attack.
    pub m: Market,
    /// Another market listing the same kinds of assets.
    pub other: Market,
    /// Supplies USDC and SOL; holds USDC deposit shares.
    pub lender: User,
    /// Healthy: SOL collateral, USDC debt, spare USDC, SOL deposit shares.
    pub b: User,
    /// Liquidatable after the SOL price drop: SOL collateral, USDC debt.
    pub victim: User,
    /// Holds USDC to repay with, and token accounts for what it seizes.
    pub liquidator: User,
    /// A user of the other market (its obligation is "another market's").
    pub outsider: User,
    /// A mint no reserve lists yet (for init_oracle_price / init_reserve).
    pub new_mint: Pubkey,
    /// The owner's token account of `new_mint` holding the seed deposit.
    pub new_seed: Pubkey,
    /// The owner's USDC account (where protocol fees are claimed to).
    pub fee_destination: Pubkey,
    /// A funded wallet with no role anywhere.
    pub stranger: Keypair,
    /// E-mode group 1 of the market (SOL collateral, USDC debt at 85% / 90%); the borrowers are
    /// in no group.
    pub group: Pubkey,
    /// The SOL reserve's insurance fund (each market has one; a SOL borrower makes its cut
    /// accrue). The lender has staked in it and holds an open request, withdrawable (the
    /// scene's markets have no cooldown); `b` has staked too.
    pub fund: FundKeys,
    /// The other market's SOL fund, where the outsider holds an open request.
    pub other_fund: FundKeys,
    /// The lender's and `b`'s accounts of the fund's shares.
    pub fund_shares: [Pubkey; 2],
    /// The owner's PYUSD account holding the seed of a new fund (for init_insurance_fund).
    pub new_fund_seed: Pubkey,
    /// An address lookup table holding the market's shared addresses (for set_lookup_table).
    pub lookup_table: Pubkey,
}

/// The id of the change each scene market has queued (its fund rules, as they are), which may
/// be applied or cancelled at once (the scene's markets have no delay).
pub const SCENE_CHANGE: u64 = 0;

/// The scene's fund rules: no cooldown and a 30-day window, so that a request made while the
/// scene is built can be withdrawn in it.
pub fn scene_fund_settings() -> FundSettingsParams {
    FundSettingsParams {
        cooldown_secs: 0,
        unstake_window_secs: 30 * 86_400,
        stream_secs: 7 * 86_400,
        max_slash_bps: 3_000,
    }
}

/// A fund on SOL in `m` with its rules set, and `u` staking `stake` of SOL into it (its share
/// account returned) and asking to unstake `request` of the shares.
async fn add_fund(
    env: &mut impl VmEnv,
    m: &Market,
    u: &User,
    stake: u64,
    request: u64,
) -> (FundKeys, Pubkey) {
    m.set_fund_settings(env, scene_fund_settings())
        .await
        .unwrap();
    let change = lending_sdk::types::AdminChange::FundSettings(scene_fund_settings());
    let (id, res) = m.queue(env, m.market, change).await;
    res.unwrap();
    assert_eq!(id, SCENE_CHANGE);
    let k = m.add_fund(env, SOL, cuts()).await;
    let shares = env
        .token_account(&k.share_mint, &u.kp.pubkey(), k.token_program)
        .await;
    let mut ixs = vec![fund::stake(
        u.kp.pubkey(),
        &k,
        u.liquidity[SOL],
        shares,
        stake,
    )];
    if request > 0 {
        ixs.push(fund::request_unstake(u.kp.pubkey(), &k, shares, request));
    }
    env.ok(&ixs, &[&u.kp]).await;
    (k, shares)
}

/// The scene's e-mode groups, in both markets: 1 admits SOL as collateral and USDC as debt at
/// 85% / 90%; 2 admits the same at 20% / 30%, below what the healthy borrower owes.
pub const LOOSE_GROUP: u8 = 1;
/// See [`LOOSE_GROUP`].
pub const TIGHT_GROUP: u8 = 2;

/// Group limits with a 1% to 5% bonus.
pub fn group_params(
    ltv_bps: u16,
    liquidation_threshold_bps: u16,
) -> lending_sdk::types::EmodeGroupParams {
    lending_sdk::types::EmodeGroupParams {
        ltv_bps,
        liquidation_threshold_bps,
        min_liquidation_bonus_bps: 100,
        max_liquidation_bonus_bps: 500,
        debt_ceiling: 0,
    }
}

/// Lists SOL (collateral) and USDC (debt) in both groups of `m` and creates the groups.
async fn add_groups(env: &mut impl VmEnv, m: &mut Market) {
    let both =
        lending::risk::emode::group_bit(LOOSE_GROUP) | lending::risk::emode::group_bit(TIGHT_GROUP);
    let o = m.owner.pubkey();
    let mut sol = config(7_500, 8_000);
    sol.emode_collateral_mask = both;
    let mut usdc = config(8_000, 8_500);
    usdc.emode_borrow_mask = both;
    let ixs = [
        ix::update_reserve_config(o, &m.reserves[SOL], sol),
        ix::update_reserve_config(o, &m.reserves[USDC], usdc),
    ];
    env.ok(&ixs, &[&m.owner]).await;
    m.add_group(env, LOOSE_GROUP, group_params(8_500, 9_000), None)
        .await;
    m.add_group(env, TIGHT_GROUP, group_params(2_000, 3_000), None)
        .await;
}

/// `u` staking 1 SOL into the fund `k`, with no request; its share account.
async fn add_fund_stake(env: &mut impl VmEnv, k: &FundKeys, u: &User) -> Pubkey {
    let shares = env
        .token_account(&k.share_mint, &u.kp.pubkey(), k.token_program)
        .await;
    let ixs = [fund::stake(
        u.kp.pubkey(),
        k,
        u.liquidity[SOL],
        shares,
        SOL_UNIT,
    )];
    env.ok(&ixs, &[&u.kp]).await;
    shares
}

/// "USD", zero-padded.
fn quote_usd() -> [u8; 32] {
    let mut q = [0u8; 32];
    q[..3].copy_from_slice(b"USD");
    q
}

/// One instruction as it succeeds: `before` and `after` are the instructions it needs around
/// it in the same transaction (refreshes, the flash-loan pair), `target` is what attacks edit.
pub struct Case<'a> {
    /// Instruction name (a row of the matrix).
    pub name: &'static str,
    /// Sent first, unchanged by attacks.
    pub before: Vec<Instruction>,
    /// The instruction under attack.
    pub target: Instruction,
    /// Sent after the target, unchanged by attacks.
    pub after: Vec<Instruction>,
    /// Signers besides the payer.
    pub signers: Vec<&'a Keypair>,
}

impl Case<'_> {
    /// The whole transaction with `target` in place of the valid one.
    pub fn with(&self, target: Instruction) -> Vec<Instruction> {
        let mut v = self.before.clone();
        v.push(target);
        v.extend(self.after.iter().cloned());
        v
    }
}

impl Scene {
    /// Builds the scene: two markets, positions, accrued fees, and the SOL drop that makes the
    /// victim liquidatable.
    pub async fn new(env: &mut impl VmEnv) -> Self {
        let mut m = three_reserves(env).await;
        let mut other = three_reserves(env).await;
        add_groups(env, &mut m).await;
        add_groups(env, &mut other).await;
        let lender = m
            .user(env, &[100 * SOL_UNIT, 200_000 * USD_UNIT, 1_000 * USD_UNIT])
            .await;
        m.supply(env, &lender, USDC, 100_000 * USD_UNIT)
            .await
            .unwrap();
        m.supply(env, &lender, SOL, 50 * SOL_UNIT).await.unwrap();
        let b = m.user(env, &[20 * SOL_UNIT, 1_000 * USD_UNIT, 0]).await;
        m.deposit_collateral(env, &b, SOL, 10 * SOL_UNIT)
            .await
            .unwrap();
        m.borrow(env, &b, USDC, 200 * USD_UNIT).await.unwrap();
        m.supply(env, &b, SOL, SOL_UNIT).await.unwrap();
        let victim = m.user(env, &[10 * SOL_UNIT, 0, 0]).await;
        m.deposit_collateral(env, &victim, SOL, 10 * SOL_UNIT)
            .await
            .unwrap();
        m.borrow(env, &victim, USDC, 700 * USD_UNIT).await.unwrap();
        let liquidator = m.user(env, &[0, 10_000 * USD_UNIT, 0]).await;
        let outsider = other.user(env, &[3 * SOL_UNIT, 0, 0]).await;
        other
            .deposit_collateral(env, &outsider, SOL, SOL_UNIT)
            .await
            .unwrap();
        let (fund, lender_fund_shares) = add_fund(env, &m, &lender, 10 * SOL_UNIT, SOL_UNIT).await;
        let b_fund_shares = add_fund_stake(env, &fund, &b).await;
        let (other_fund, _) = add_fund(env, &other, &outsider, SOL_UNIT, SOL_UNIT / 2).await;
        // A SOL borrower (on PYUSD, leaving the USDC reserve as it was), so that the SOL fund's
        // cut of interest accrues.
        let sol_borrower = m.user(env, &[0, 0, 10_000 * USD_UNIT]).await;
        m.deposit_collateral(env, &sol_borrower, PYUSD, 10_000 * USD_UNIT)
            .await
            .unwrap();
        m.borrow(env, &sol_borrower, SOL, 5 * SOL_UNIT)
            .await
            .unwrap();

        // A day of interest puts protocol fees in the USDC reserve.
        env.advance(86_400).await;
        env.ok(&m.refresh_all_reserves(), &[]).await;
        // SOL from $100 to $80: the victim's $800 line falls to $640 under its $700 debt.
        m.set_price(env, SOL, 80_000_000, -6).await;

        let o = m.owner.pubkey();
        let new_mint = env.create_mint(6, super::super::env::SPL_TOKEN).await;
        let new_seed = env
            .token_account(&new_mint, &o, super::super::env::SPL_TOKEN)
            .await;
        env.mint_to(
            &new_mint,
            &new_seed,
            10 * USD_UNIT,
            super::super::env::SPL_TOKEN,
        )
        .await;
        let fee_destination = env
            .token_account(&m.reserves[USDC].mint, &o, m.reserves[USDC].token_program)
            .await;
        let stranger = env.wallet(10).await;
        let group = ix::pda::emode_group(&m.market, LOOSE_GROUP);
        let pyusd = m.reserves[PYUSD];
        let new_fund_seed = env
            .token_account(&pyusd.mint, &o, pyusd.token_program)
            .await;
        env.mint_to(
            &pyusd.mint,
            &new_fund_seed,
            10 * USD_UNIT,
            pyusd.token_program,
        )
        .await;
        let lookup_table = super::super::env::LookupTable {
            key: env.keypair().pubkey(),
            addresses: lending_sdk::lookup::market_addresses(&m.state(env).await),
        };
        env.set_lookup_table(&lookup_table).await;
        Self {
            lookup_table: lookup_table.key,
            m,
            other,
            lender,
            b,
            victim,
            liquidator,
            outsider,
            new_mint,
            new_seed,
            fee_destination,
            stranger,
            group,
            fund,
            other_fund,
            fund_shares: [lender_fund_shares, b_fund_shares],
            new_fund_seed,
        }
    }

    /// Refresh instructions for the market's reserves, then for `obligation`.
    fn refreshed(&self, obligation: &Pubkey, reserves: &[Pubkey]) -> Vec<Instruction> {
        let mut v = self.m.refresh_all_reserves();
        v.push(ix::refresh_obligation(*obligation, reserves));
        v
    }

    /// The valid form of instruction `name`, with its signers (`market_kp`: a fresh keypair for
    /// the new market of `init_market`).
    pub fn case<'a>(&'a self, name: &'static str, market_kp: &'a Keypair) -> Case<'a> {
        let m = &self.m;
        let owner = &m.owner;
        let o = owner.pubkey();
        let [sol, usdc, _pyusd] = [m.reserves[SOL], m.reserves[USDC], m.reserves[PYUSD]];
        let new_k = ReserveKeys::derive(m.market, self.new_mint, super::super::env::SPL_TOKEN, 6);
        let b = &self.b;
        // The healthy borrower's obligation: SOL collateral, USDC debt.
        let b_reserves = [sol.reserve, usdc.reserve];
        let plain = |target, signers| Case {
            name,
            before: vec![],
            target,
            after: vec![],
            signers,
        };
        let with_reserves = |target, signers| Case {
            name,
            before: m.refresh_all_reserves(),
            target,
            after: vec![],
            signers,
        };
        let with_b = |target| Case {
            name,
            before: self.refreshed(&b.obligation, &b_reserves),
            target,
            after: vec![],
            signers: vec![&b.kp],
        };
        match name {
            "init_market" => plain(
                ix::init_market(
                    self.stranger.pubkey(),
                    market_kp.pubkey(),
                    lending_sdk::types::InitMarketParams {
                        quote_currency: quote_usd(),
                        close_factor_bps: 5_000,
                        dust_threshold: 0,
                        max_liquidation_value: 0,
                        allow_fixed_price: true,
                        timelock: crate::fixture::timelock(true),
                    },
                ),
                vec![&self.stranger, market_kp],
            ),
            "propose_owner" => plain(
                ix::propose_owner(o, m.market, self.stranger.pubkey()),
                vec![owner],
            ),
            "accept_owner" => Case {
                name,
                before: vec![ix::propose_owner(o, m.market, self.stranger.pubkey())],
                target: ix::accept_owner(self.stranger.pubkey(), m.market),
                after: vec![],
                signers: vec![owner, &self.stranger],
            },
            "update_market_config" => plain(
                ix::update_market_config(
                    o,
                    m.market,
                    MarketConfigParams {
                        close_factor_bps: 5_000,
                        dust_threshold: 2 * lending::risk::WAD,
                        max_liquidation_value: 0,
                        pause_flags: 0,
                    },
                ),
                vec![owner],
            ),
            "set_guardian" => plain(
                ix::set_guardian(o, m.market, Pubkey::new_from_array([9; 32])),
                vec![owner],
            ),
            "pause_market" => plain(
                ix::pause_market(
                    o,
                    m.market,
                    lending_sdk::lending_core::state::market::PAUSE_BORROWS,
                    3_600,
                ),
                vec![owner],
            ),
            "init_oracle_price" => plain(
                ix::init_oracle_price(o, m.market, self.new_mint, fixed_oracle(1_000_000, -6)),
                vec![owner],
            ),
            "set_fixed_price" => plain(
                ix::set_fixed_price(o, m.market, sol.oracle, 81_000_000, -6, 0),
                vec![owner],
            ),
            "update_oracle_config" => plain(
                ix::update_oracle_config(
                    o,
                    m.market,
                    sol.oracle,
                    OracleConfigParams {
                        source_kind: 2,
                        source: Pubkey::default(),
                        feed_id: [0; 32],
                        max_age_secs: 0,
                        max_age_for_risk_secs: 0,
                        max_conf_bps: 300,
                        max_ema_deviation_bps: 500,
                    },
                ),
                vec![owner],
            ),
            "refresh_oracle_price" => plain(ix::refresh_oracle_price(sol.oracle, None), vec![]),
            "init_reserve" => Case {
                name,
                before: vec![ix::init_oracle_price(
                    o,
                    m.market,
                    self.new_mint,
                    fixed_oracle(1_000_000, -6),
                )],
                target: ix::init_reserve(o, &new_k, self.new_seed, config(8_000, 8_500), 1_000_000),
                after: vec![],
                signers: vec![owner],
            },
            "update_reserve_config" => with_reserves(
                ix::update_reserve_config(o, &sol, config(7_000, 8_000)),
                vec![owner],
            ),
            "init_emode_group" => plain(
                ix::init_emode_group(o, m.market, 3, group_params(9_000, 9_300), None),
                vec![owner],
            ),
            "update_emode_group" => plain(
                ix::update_emode_group(o, m.market, LOOSE_GROUP, group_params(8_000, 9_000)),
                vec![owner],
            ),
            "set_obligation_emode" => with_reserves(
                ix::set_obligation_emode_from(
                    b.kp.pubkey(),
                    b.obligation,
                    &m.market,
                    &b_reserves,
                    0,
                    LOOSE_GROUP,
                ),
                vec![&b.kp],
            ),
            "claim_protocol_fees" => with_reserves(
                ix::claim_protocol_fees(o, &usdc, self.fee_destination),
                vec![owner],
            ),
            "refresh_reserve" => plain(ix::refresh_reserve(&sol), vec![]),
            "refresh_obligation" => Case {
                name,
                before: m.refresh_all_reserves(),
                target: ix::refresh_obligation(b.obligation, &b_reserves),
                after: vec![],
                signers: vec![],
            },
            "deposit_reserve_liquidity" => with_reserves(
                ix::deposit_reserve_liquidity(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.liquidity[USDC],
                    self.lender.shares[USDC],
                    10 * USD_UNIT,
                ),
                vec![&self.lender.kp],
            ),
            "redeem_reserve_collateral" => with_reserves(
                ix::redeem_reserve_collateral(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.shares[USDC],
                    self.lender.liquidity[USDC],
                    10 * USD_UNIT,
                ),
                vec![&self.lender.kp],
            ),
            "init_obligation" => {
                plain(ix::init_obligation(b.kp.pubkey(), m.market, 1), vec![&b.kp])
            }
            "deposit_obligation_collateral" => with_b(ix::deposit_obligation_collateral(
                b.kp.pubkey(),
                b.obligation,
                &sol,
                b.shares[SOL],
                SOL_UNIT / 2,
            )),
            "withdraw_obligation_collateral" => with_b(ix::withdraw_obligation_collateral(
                b.kp.pubkey(),
                b.obligation,
                &sol,
                b.shares[SOL],
                SOL_UNIT,
                &b_reserves,
            )),
            "deposit_and_collateralize" => with_b(ix::deposit_and_collateralize(
                b.kp.pubkey(),
                b.obligation,
                &sol,
                b.liquidity[SOL],
                SOL_UNIT,
            )),
            "withdraw_and_redeem" => with_b(ix::withdraw_and_redeem(
                b.kp.pubkey(),
                b.obligation,
                &sol,
                b.liquidity[SOL],
                SOL_UNIT,
                &b_reserves,
            )),
            "borrow_obligation_liquidity" => with_b(ix::borrow(
                b.kp.pubkey(),
                b.obligation,
                &usdc,
                b.liquidity[USDC],
                10 * USD_UNIT,
                &b_reserves,
            )),
            "repay_obligation_liquidity" => with_b(ix::repay(
                b.kp.pubkey(),
                b.obligation,
                &usdc,
                b.liquidity[USDC],
                10 * USD_UNIT,
            )),
            "liquidate_obligation" => Case {
                name,
                before: self.refreshed(&self.victim.obligation, &b_reserves),
                target: ix::liquidate(
                    self.liquidator.kp.pubkey(),
                    self.victim.obligation,
                    &usdc,
                    self.liquidator.liquidity[USDC],
                    &sol,
                    self.liquidator.shares[SOL],
                    LiquidateParams {
                        max_repay: 100 * USD_UNIT,
                        min_receive: 0,
                        receive_liquidity: false,
                    },
                    &b_reserves,
                ),
                after: vec![],
                signers: vec![&self.liquidator.kp],
            },
            // Env::send puts a compute-budget instruction first: the borrow is index 1.
            "flash_borrow" => Case {
                name,
                before: vec![],
                target: ix::flash_borrow(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.liquidity[USDC],
                    1_000 * USD_UNIT,
                ),
                after: vec![ix::flash_repay(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.liquidity[USDC],
                    1_000 * USD_UNIT,
                    1,
                )],
                signers: vec![&self.lender.kp],
            },
            "flash_repay" => Case {
                name,
                before: vec![ix::flash_borrow(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.liquidity[USDC],
                    1_000 * USD_UNIT,
                )],
                target: ix::flash_repay(
                    self.lender.kp.pubkey(),
                    &usdc,
                    self.lender.liquidity[USDC],
                    1_000 * USD_UNIT,
                    1,
                ),
                after: vec![],
                signers: vec![&self.lender.kp],
            },
            "set_risk_admin" => plain(
                ix::set_risk_admin(o, m.market, Pubkey::new_from_array([8; 32])),
                vec![owner],
            ),
            "queue_change" => plain(
                ix::queue_change(
                    o,
                    o,
                    m.market,
                    sol.reserve,
                    SCENE_CHANGE + 1,
                    lending_sdk::types::AdminChange::ReserveConfig(config(7_000, 8_000)),
                ),
                vec![owner],
            ),
            "apply_change" => plain(
                ix::apply_change(m.market, SCENE_CHANGE, m.market, o),
                vec![],
            ),
            "cancel_change" => plain(ix::cancel_change(o, m.market, SCENE_CHANGE, o), vec![owner]),
            "set_lookup_table" => plain(
                ix::set_lookup_table(o, m.market, self.lookup_table),
                vec![owner],
            ),
            "update_fund_settings" => plain(
                fund::update_fund_settings(o, m.market, scene_fund_settings()),
                vec![owner],
            ),
            "init_insurance_fund" => plain(
                fund::init_insurance_fund(
                    o,
                    &FundKeys::derive(&m.reserves[PYUSD]),
                    self.new_fund_seed,
                    cuts(),
                    1_000_000,
                ),
                vec![owner],
            ),
            "update_insurance_fund" => plain(
                fund::update_insurance_fund(o, &self.fund, cuts()),
                vec![owner],
            ),
            "stake" => plain(
                fund::stake(
                    self.lender.kp.pubkey(),
                    &self.fund,
                    self.lender.liquidity[SOL],
                    self.fund_shares[0],
                    SOL_UNIT,
                ),
                vec![&self.lender.kp],
            ),
            "request_unstake" => plain(
                fund::request_unstake(b.kp.pubkey(), &self.fund, self.fund_shares[1], SOL_UNIT / 2),
                vec![&b.kp],
            ),
            "withdraw_stake" => plain(
                fund::withdraw_stake(
                    self.lender.kp.pubkey(),
                    &self.fund,
                    self.lender.liquidity[SOL],
                ),
                vec![&self.lender.kp],
            ),
            "cancel_unstake" => plain(
                fund::cancel_unstake(self.lender.kp.pubkey(), &self.fund, self.fund_shares[0]),
                vec![&self.lender.kp],
            ),
            "collect_fund_fees" => plain(fund::collect_fund_fees(&sol, &self.fund), vec![]),
            other => panic!("no case for {other}"),
        }
    }
}
