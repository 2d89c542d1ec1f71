//! Oracle sources: the real Pyth snapshots, every rejected fault, and the EMA policy.

use super::env::{assert_err, VmEnv, SPL_TOKEN};
use super::fixture::{config, fixed_oracle, Market, User, SEED};
use super::ix::{self, ReserveKeys};
use super::pyth::{
    account, feed_id, fixture, legacy_trading, pull_params, LEGACY_OWNER, LEGACY_PUBLISH_TIME,
    PULL_PUBLISH_TIME,
};
use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorSerialize, Discriminator};
use lending::errors::LendingError;
use lending_sdk::lending_core::state::OraclePrice;
use lending_sdk::types::{LiquidateParams, OracleConfigParams, OracleParams};
use pyth_solana_receiver_sdk::price_update::{PriceFeedMessage, PriceUpdateV2, VerificationLevel};
use solana_signer::Signer;

/// A synthetic `PriceUpdateV2` account's data.
fn pull_data(
    price: i64,
    conf: u64,
    ema: i64,
    publish_time: i64,
    level: VerificationLevel,
    feed: [u8; 32],
) -> Vec<u8> {
    let upd = PriceUpdateV2 {
        write_authority: Pubkey::new_unique(),
        verification_level: level,
        price_message: PriceFeedMessage {
            feed_id: feed,
            price,
            conf,
            exponent: -8,
            publish_time,
            prev_publish_time: publish_time - 1,
            ema_price: ema,
            ema_conf: conf,
        },
        posted_slot: 1,
    };
    let mut data = PriceUpdateV2::DISCRIMINATOR.to_vec();
    upd.serialize(&mut data).unwrap();
    data
}

/// A market (fixed prices allowed, for the stablecoin) with a pull-oracle price account for a
/// fresh mint; returns (market, mint, oracle, source).
async fn pull_market(
    env: &mut impl VmEnv,
    source_data: Vec<u8>,
    owner: Pubkey,
) -> (Market, Pubkey, Pubkey, Pubkey) {
    let m = Market::new(env).await;
    let mint = env.create_mint(9, SPL_TOKEN).await;
    let source = Pubkey::new_unique();
    env.set_account(&source, account(owner, source_data));
    env.ok(
        &[ix::init_oracle_price(
            m.owner.pubkey(),
            m.market,
            mint,
            pull_params(source),
        )],
        &[&m.owner],
    )
    .await;
    let oracle = ix::pda::oracle(&m.market, &mint);
    (m, mint, oracle, source)
}

async fn reads_the_real_pull_snapshot_and_rejects_it_once_stale<E: VmEnv>() {
    let mut env = E::start().await;
    let (key, data) = fixture("pyth-pull-sol-usd.json");
    env.set_account(&key, account(pyth_solana_receiver_sdk::ID, data));
    let m = Market::with_params(&mut env, false).await;
    let mint = env.create_mint(9, SPL_TOKEN).await;
    env.ok(
        &[ix::init_oracle_price(
            m.owner.pubkey(),
            m.market,
            mint,
            pull_params(key),
        )],
        &[&m.owner],
    )
    .await;
    let oracle = ix::pda::oracle(&m.market, &mint);
    env.set_time(PULL_PUBLISH_TIME + 10).await;
    env.ok(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
        .await;
    let o = env.zc::<OraclePrice>(&oracle).await;
    assert_eq!((o.price, o.conf, o.expo), (21_568_137_069, 20_134_469, -8));
    assert_eq!(o.ema_price, 21_616_020_100);
    assert_eq!(o.publish_time, PULL_PUBLISH_TIME);
    env.advance(0).await;
    env.set_time(PULL_PUBLISH_TIME + 61).await;
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
            .await,
        LendingError::PriceTooOld,
    );
}

async fn pull_oracle_faults_are_each_rejected<E: VmEnv>() {
    let mut env = E::start().await;
    let t = 1_800_000_000;
    let good = pull_data(
        10_000_000_000,
        1_000_000,
        10_000_000_000,
        t,
        VerificationLevel::Full,
        feed_id(),
    );
    let (_m, _mint, oracle, source) =
        pull_market(&mut env, good.clone(), pyth_solana_receiver_sdk::ID).await;
    env.set_time(t + 1).await;
    env.ok(&[ix::refresh_oracle_price(oracle, Some(source))], &[])
        .await;

    let cases: Vec<(Vec<u8>, Pubkey, LendingError)> = vec![
        (
            pull_data(0, 0, 0, t, VerificationLevel::Full, feed_id()),
            pyth_solana_receiver_sdk::ID,
            LendingError::InvalidPrice,
        ),
        (
            pull_data(-5, 0, 0, t, VerificationLevel::Full, feed_id()),
            pyth_solana_receiver_sdk::ID,
            LendingError::InvalidPrice,
        ),
        (
            pull_data(
                10_000_000_000,
                300_000_000,
                10_000_000_000,
                t,
                VerificationLevel::Full,
                feed_id(),
            ),
            pyth_solana_receiver_sdk::ID,
            LendingError::ConfidenceTooWide,
        ),
        (
            pull_data(10_000_000_000, 0, 0, t, VerificationLevel::Full, [9; 32]),
            pyth_solana_receiver_sdk::ID,
            LendingError::WrongFeedId,
        ),
        (
            pull_data(
                10_000_000_000,
                0,
                0,
                t,
                VerificationLevel::Partial { num_signatures: 5 },
                feed_id(),
            ),
            pyth_solana_receiver_sdk::ID,
            LendingError::OracleNotFullyVerified,
        ),
        (
            good.clone(),
            Pubkey::new_unique(),
            LendingError::WrongOracleSource,
        ),
        (
            pull_data(
                10_000_000_000,
                0,
                0,
                t - 100,
                VerificationLevel::Full,
                feed_id(),
            ),
            pyth_solana_receiver_sdk::ID,
            LendingError::PriceTooOld,
        ),
    ];
    for (data, owner, err) in cases {
        env.set_account(&source, account(owner, data));
        let before = env.get(&oracle).await.unwrap().data;
        assert_err(
            env.send(&[ix::refresh_oracle_price(oracle, Some(source))], &[])
                .await,
            err,
        );
        assert_eq!(
            env.get(&oracle).await.unwrap().data,
            before,
            "{err:?} changed the oracle"
        );
    }
    // A different account than the pinned source is refused.
    let other = Pubkey::new_unique();
    env.set_account(&other, account(pyth_solana_receiver_sdk::ID, good));
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(other))], &[])
            .await,
        LendingError::WrongOracleSource,
    );
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, None)], &[])
            .await,
        LendingError::WrongOracleSource,
    );
}

async fn legacy_snapshot_with_unknown_status_is_refused_and_trading_is_read<E: VmEnv>() {
    let mut env = E::start().await;
    let (key, data) = fixture("pyth-legacy-sol-usd.json");
    env.set_account(&key, account(LEGACY_OWNER, data.clone()));
    let m = Market::with_params(&mut env, false).await;
    let mint = env.create_mint(9, SPL_TOKEN).await;
    let params = OracleParams {
        source_kind: 1,
        feed_id: [0; 32],
        max_conf_bps: 1_000,
        ..pull_params(key)
    };
    env.ok(
        &[ix::init_oracle_price(
            m.owner.pubkey(),
            m.market,
            mint,
            params,
        )],
        &[&m.owner],
    )
    .await;
    let oracle = ix::pda::oracle(&m.market, &mint);
    env.set_time(LEGACY_PUBLISH_TIME + 5).await;
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
            .await,
        LendingError::OracleNotTrading,
    );

    // The same account with its aggregate marked Trading is read correctly.
    let acct = *pyth_sdk_solana::state::load_price_account::<32, ()>(&data).unwrap();
    let bytes = legacy_trading(&data);
    env.set_account(&key, account(LEGACY_OWNER, bytes.clone()));
    env.ok(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
        .await;
    let o = env.zc::<OraclePrice>(&oracle).await;
    assert_eq!((o.price, o.expo), (acct.agg.price, acct.expo));
    assert_eq!(o.price, 11_923_378_000);
    // Owned by anything but the Pyth oracle program: refused.
    env.set_account(&key, account(pyth_solana_receiver_sdk::ID, bytes));
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
            .await,
        LendingError::WrongOracleSource,
    );
}

async fn fixed_prices_need_a_market_that_allows_them<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::with_params(&mut env, false).await;
    let mint = env.create_mint(6, SPL_TOKEN).await;
    let res = env
        .send(
            &[ix::init_oracle_price(
                m.owner.pubkey(),
                m.market,
                mint,
                fixed_oracle(1_000_000, -6),
            )],
            &[&m.owner],
        )
        .await;
    assert_err(res, LendingError::FixedPriceNotAllowed);
}

/// A market with SOL priced by a pull oracle (at $100 at time `t`) and USDC at a fixed $1; a
/// borrower holding 10 SOL of collateral and 700 USDC of debt, and a liquidator with USDC.
/// Returns (market, pull source, borrower, liquidator).
async fn pull_priced_market(env: &mut impl VmEnv, t: i64) -> (Market, Pubkey, User, User) {
    env.set_time(t).await;
    let (mut m, sol_mint, sol_oracle, source) = pull_market(
        env,
        pull_data(
            10_000_000_000,
            0,
            10_000_000_000,
            t,
            VerificationLevel::Full,
            feed_id(),
        ),
        pyth_solana_receiver_sdk::ID,
    )
    .await;
    env.ok(&[ix::refresh_oracle_price(sol_oracle, Some(source))], &[])
        .await;
    let k = ReserveKeys::derive(m.market, sol_mint, SPL_TOKEN, 9);
    let src = env
        .token_account(&sol_mint, &m.owner.pubkey(), SPL_TOKEN)
        .await;
    env.mint_to(&sol_mint, &src, SEED, SPL_TOKEN).await;
    env.ok(
        &[ix::init_reserve(
            m.owner.pubkey(),
            &k,
            src,
            config(7_500, 8_000),
            SEED,
        )],
        &[&m.owner],
    )
    .await;
    m.reserves.push(k);
    m.add_reserve(env, 6, SPL_TOKEN, 1_000_000, -6, config(8_000, 8_500))
        .await;
    let lender = m.user(env, &[0, 100_000_000_000]).await;
    let b = m.user(env, &[20_000_000_000, 0]).await;
    let liq = m.user(env, &[0, 10_000_000_000]).await;
    let mut ixs = refresh_pull(&m, source);
    ixs.push(ix::deposit_reserve_liquidity(
        lender.kp.pubkey(),
        &m.reserves[1],
        lender.liquidity[1],
        lender.shares[1],
        50_000_000_000,
    ));
    ixs.push(ix::deposit_and_collateralize(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[0],
        b.liquidity[0],
        10_000_000_000,
    ));
    env.ok(&ixs, &[&lender.kp, &b.kp]).await;
    let mut ixs = refresh_pull(&m, source);
    ixs.push(ix::refresh_obligation(
        b.obligation,
        &[m.reserves[0].reserve],
    ));
    ixs.push(ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[1],
        b.liquidity[1],
        700_000_000,
        &[m.reserves[0].reserve],
    ));
    env.ok(&ixs, &[&b.kp]).await;
    (m, source, b, liq)
}

/// The liquidator of [`pull_priced_market`] repays as much of the borrower's USDC as allowed,
/// for SOL shares.
fn liquidate_all(
    m: &Market,
    b: &User,
    liq: &User,
) -> anchor_lang::solana_program::instruction::Instruction {
    let (sol, usdc) = (0, 1);
    ix::liquidate(
        liq.kp.pubkey(),
        b.obligation,
        &m.reserves[usdc],
        liq.liquidity[usdc],
        &m.reserves[sol],
        liq.shares[sol],
        LiquidateParams {
            max_repay: u64::MAX,
            min_receive: 1,
            receive_liquidity: false,
        },
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    )
}

/// Refreshes both reserves of [`pull_priced_market`] (the pull price from `source`).
fn refresh_pull(
    m: &Market,
    source: Pubkey,
) -> Vec<anchor_lang::solana_program::instruction::Instruction> {
    vec![
        ix::refresh_oracle_price(m.reserves[0].oracle, Some(source)),
        ix::refresh_reserve(&m.reserves[0]),
        ix::refresh_oracle_price(m.reserves[1].oracle, None),
        ix::refresh_reserve(&m.reserves[1]),
    ]
}

/// EMA policy: when spot diverges from the EMA past the limit, borrows and withdrawals with debt
/// are refused (PriceDivergesFromEma) but liquidations still run on the spot price.
async fn ema_divergence_blocks_borrows_but_not_liquidations<E: VmEnv>() {
    let mut env = E::start().await;
    let t = 1_800_000_000;
    let (m, source, b, liq) = pull_priced_market(&mut env, t).await;
    let (sol, usdc) = (0, 1);
    // Spot crashes to $80 while the EMA still says $100: 20% divergence.
    env.advance(1).await;
    env.set_account(
        &source,
        account(
            pyth_solana_receiver_sdk::ID,
            pull_data(
                8_000_000_000,
                0,
                10_000_000_000,
                t + 1,
                VerificationLevel::Full,
                feed_id(),
            ),
        ),
    );
    let obligation_refresh = ix::refresh_obligation(
        b.obligation,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    );
    let mut ixs = refresh_pull(&m, source);
    ixs.push(obligation_refresh.clone());
    ixs.push(ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[usdc],
        b.liquidity[usdc],
        1,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    ));
    assert_err(
        env.send(&ixs, &[&b.kp]).await,
        LendingError::PriceDivergesFromEma,
    );
    let mut ixs = refresh_pull(&m, source);
    ixs.push(obligation_refresh);
    ixs.push(liquidate_all(&m, &b, &liq));
    env.ok(&ixs, &[&liq.kp]).await;
    assert!(env.balance(&liq.shares[sol]).await > 0);
}

/// An aged price does not stop interest, deposits or repayments, but every action that values
/// positions refuses with PriceTooOld.
async fn stale_price_blocks_valuation_but_not_deposits_or_repayments<E: VmEnv>() {
    let mut env = E::start().await;
    let t = 1_800_000_000;
    let (m, source, b, _liq) = pull_priced_market(&mut env, t).await;
    let (sol, usdc) = (0, 1);
    env.advance(61).await;
    let index_before = m.reserve(&mut env, usdc).await.borrow_index.get();
    // The source still holds the price published at t: refreshing the price account fails...
    assert_err(
        env.send(
            &[ix::refresh_oracle_price(
                m.reserves[sol].oracle,
                Some(source),
            )],
            &[],
        )
        .await,
        LendingError::PriceTooOld,
    );
    // ...but the reserve refresh succeeds and records the stale price.
    let refresh = vec![
        ix::refresh_reserve(&m.reserves[sol]),
        ix::refresh_oracle_price(m.reserves[usdc].oracle, None),
        ix::refresh_reserve(&m.reserves[usdc]),
    ];
    let mut ixs = refresh.clone();
    ixs.push(ix::deposit_and_collateralize(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[sol],
        b.liquidity[sol],
        1_000_000_000,
    ));
    ixs.push(ix::repay(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[usdc],
        b.liquidity[usdc],
        100_000_000,
    ));
    env.ok(&ixs, &[&b.kp]).await;
    let r = m.reserve(&mut env, sol).await;
    assert_eq!(
        r.price_status,
        lending_sdk::lending_core::state::reserve::PriceStatus::TooOld as u8
    );
    assert_eq!(
        r.last_update.slot,
        env.clock().await.slot,
        "the SOL reserve was refreshed"
    );
    assert!(
        m.reserve(&mut env, usdc).await.borrow_index.get() > index_before,
        "interest accrued"
    );
    let mut ixs = refresh.clone();
    ixs.push(ix::refresh_obligation(
        b.obligation,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    ));
    assert_err(env.send(&ixs, &[]).await, LendingError::PriceTooOld);
}

/// Writes a fully verified SOL/USD update published at `publish_time` into `source`.
fn post_pull(env: &mut impl VmEnv, source: &Pubkey, price: i64, publish_time: i64, feed: [u8; 32]) {
    env.set_account(
        source,
        account(
            pyth_solana_receiver_sdk::ID,
            pull_data(price, 0, price, publish_time, VerificationLevel::Full, feed),
        ),
    );
}

/// #18, medium 2: within the 60 s max age a caller could choose its price: act on the stored
/// one while it is stale, or post an older update (newer than the stored one) that shows a
/// brief past dip. Borrows, withdrawals and liquidations now need a price no older than the
/// oracle's max age for risk (30 s by default).
async fn neither_a_stale_high_price_nor_a_past_dip_can_be_chosen<E: VmEnv>() {
    let mut env = E::start().await;
    let t = 1_800_000_000;
    let (m, source, b, liq) = pull_priced_market(&mut env, t).await;
    let (sol, usdc) = (0, 1);
    let o: OraclePrice = env.zc(&m.reserves[sol].oracle).await;
    assert_eq!((o.max_age_secs, o.max_age_for_risk_secs), (60, 30));
    let refresh_all = |m: &Market| {
        let mut ixs = refresh_pull(m, source);
        ixs.push(ix::refresh_obligation(
            b.obligation,
            &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
        ));
        ixs
    };
    // 45 s later the $100 price of t is still valid for valuation, but too old to borrow on.
    env.advance(45).await;
    let mut ixs = refresh_all(&m);
    ixs.push(ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[usdc],
        b.liquidity[usdc],
        10_000_000,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    ));
    assert_err(
        env.send(&ixs, &[&b.kp]).await,
        LendingError::PriceTooOldForRisk,
    );
    // Nor to withdraw on.
    let mut ixs = refresh_all(&m);
    ixs.push(ix::withdraw_obligation_collateral(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[sol],
        b.shares[sol],
        1_000,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    ));
    assert_err(
        env.send(&ixs, &[&b.kp]).await,
        LendingError::PriceTooOldForRisk,
    );
    // A liquidator posts a real but 35 s old update: SOL briefly at $70. It is newer than the
    // stored price and within the max age, so the price account takes it...
    post_pull(&mut env, &source, 7_000_000_000, t + 10, feed_id());
    let liquidate = liquidate_all(&m, &b, &liq);
    let mut ixs = refresh_all(&m);
    ixs.push(liquidate.clone());
    // ...but the liquidation on it is refused, and nothing moved.
    assert_err(
        env.send(&ixs, &[&liq.kp]).await,
        LendingError::PriceTooOldForRisk,
    );
    assert_eq!(env.balance(&liq.shares[sol]).await, 0);
    // The same price published now is a fair basis for the liquidation.
    let now = env.clock().await.unix_timestamp;
    post_pull(&mut env, &source, 7_000_000_000, now, feed_id());
    let mut ixs = refresh_all(&m);
    ixs.push(liquidate);
    env.ok(&ixs, &[&liq.kp]).await;
    assert!(env.balance(&liq.shares[sol]).await > 0);
}

/// #18, medium 3: the feed behind a reserve dies; no obligation touching the reserve can be
/// refreshed, so none can be liquidated. The owner moves the price account to a live feed
/// (another source and feed id): the stored price is cleared, the old source is refused, and
/// positions become liquidatable again on the new feed's price. #23: in a market with a delay
/// the move is instant only once the feed is dead (30 minutes without a price), not while it
/// is merely stale.
async fn a_dead_feed_is_moved_by_the_owner_and_liquidations_resume<E: VmEnv>() {
    let mut env = E::start().await;
    let t = 1_800_000_000;
    let (m, dead, b, liq) = pull_priced_market(&mut env, t).await;
    // #23: the market has a day's delay; a rebinding skips it only while the feed is dead.
    m.set_timelock(&mut env, 86_400, 86_400).await;
    let (sol, usdc) = (0, 1);
    let oracle = m.reserves[sol].oracle;
    // Two minutes pass with no update while SOL falls: the reserve cannot be priced.
    env.advance(120).await;
    let refresh_ob = ix::refresh_obligation(
        b.obligation,
        &[m.reserves[sol].reserve, m.reserves[usdc].reserve],
    );
    let liquidate = liquidate_all(&m, &b, &liq);
    let stale = vec![
        ix::refresh_reserve(&m.reserves[sol]),
        ix::refresh_oracle_price(m.reserves[usdc].oracle, None),
        ix::refresh_reserve(&m.reserves[usdc]),
        refresh_ob.clone(),
        liquidate.clone(),
    ];
    assert_err(
        env.send(&stale, &[&liq.kp]).await,
        LendingError::PriceTooOld,
    );

    // A stranger cannot move it; the owner can, within the init bounds, once it is dead.
    let live = Pubkey::new_unique();
    let live_feed = [7u8; 32];
    let params = OracleConfigParams {
        source_kind: 0,
        source: live,
        feed_id: live_feed,
        max_age_secs: 60,
        max_age_for_risk_secs: 30,
        max_conf_bps: 200,
        max_ema_deviation_bps: 500,
    };
    assert_err(
        env.send(
            &[ix::update_oracle_config(
                liq.kp.pubkey(),
                m.market,
                oracle,
                params,
            )],
            &[&liq.kp],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    for bad in [
        OracleConfigParams {
            max_age_secs: 601,
            ..params
        },
        OracleConfigParams {
            max_age_for_risk_secs: 61,
            ..params
        },
        OracleConfigParams {
            max_conf_bps: 0,
            ..params
        },
    ] {
        assert_err(
            env.send(
                &[ix::update_oracle_config(
                    m.owner.pubkey(),
                    m.market,
                    oracle,
                    bad,
                )],
                &[&m.owner],
            )
            .await,
            LendingError::InvalidOracleConfig,
        );
    }
    // Two minutes stale is not dead: the rebinding would have to wait for the delay.
    let rebind = ix::update_oracle_config(m.owner.pubkey(), m.market, oracle, params);
    assert_err(
        env.send(std::slice::from_ref(&rebind), &[&m.owner]).await,
        LendingError::ChangeNeedsTimelock,
    );
    // Half an hour without a price: the emergency path opens.
    env.advance(lending_sdk::lending_core::constants::ORACLE_EMERGENCY_STALE_SECS - 120 + 1)
        .await;
    let now = env.clock().await.unix_timestamp;
    post_pull(&mut env, &live, 7_000_000_000, now, live_feed);
    env.ok(&[rebind], &[&m.owner]).await;
    let o: OraclePrice = env.zc(&oracle).await;
    assert_eq!((o.source, o.feed_id), (live, live_feed));
    assert_eq!(
        (o.price, o.publish_time),
        (0, 0),
        "the old feed's price does not live on under the new binding"
    );
    // The dead source is refused now; until a refresh from the new one the reserve is unpriced.
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(dead))], &[])
            .await,
        LendingError::WrongOracleSource,
    );
    assert_err(
        env.send(&stale, &[&liq.kp]).await,
        LendingError::InvalidPrice,
    );
    // Refreshed from the live feed, the obligation is liquidatable again.
    let mut ixs = vec![ix::refresh_oracle_price(oracle, Some(live))];
    ixs.extend(stale);
    env.ok(&ixs, &[&liq.kp]).await;
    assert!(env.balance(&liq.shares[sol]).await > 0);
    let r = m.reserve(&mut env, sol).await;
    assert_eq!(r.price.get(), 70 * lending::risk::WAD);
}

crate::scenarios!(
    oracle_tests:
    reads_the_real_pull_snapshot_and_rejects_it_once_stale,
    pull_oracle_faults_are_each_rejected,
    legacy_snapshot_with_unknown_status_is_refused_and_trading_is_read,
    fixed_prices_need_a_market_that_allows_them,
    ema_divergence_blocks_borrows_but_not_liquidations,
    stale_price_blocks_valuation_but_not_deposits_or_repayments,
    neither_a_stale_high_price_nor_a_past_dip_can_be_chosen,
    a_dead_feed_is_moved_by_the_owner_and_liquidations_resume,
);
