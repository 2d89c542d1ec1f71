//! Admin instructions: market creation, ownership transfer, configuration bounds, pause flags,
//! fee claiming.

use super::env::{assert_err, VmEnv, SPL_TOKEN};
use super::fixture::{config, Market};
use super::ix::{self, ReserveKeys};
use super::scenario_tests::{three_reserves, SOL, USDC};
use lending::errors::LendingError;
use lending_sdk::lending_core::state::LendingMarket;
use lending_sdk::types::{InitMarketParams, MarketConfigParams};
use solana_keypair::Keypair;
use solana_signer::Signer;

fn market_config(pause_flags: u8) -> MarketConfigParams {
    MarketConfigParams {
        close_factor_bps: 5_000,
        dust_threshold: 2 * lending::risk::WAD,
        max_liquidation_value: 0,
        pause_flags,
    }
}

async fn init_market_validates_the_liquidation_limits<E: VmEnv>() {
    let mut env = E::start().await;
    let owner = env.wallet(10).await;
    let wad = lending::risk::WAD;
    // (close factor, dust threshold, per-call cap): #18, low 7 adds all but the first two.
    for (close, dust, cap) in [
        (0u16, 0, 0),
        (10_001, 0, 0),
        (999, 0, 0),
        (5_000, 10_000 * wad + 1, 0),
        (5_000, 0, 9_999 * wad),
        (5_000, 10_000 * wad, 10_000 * wad - 1),
        (5_000, 0, 1),
    ] {
        let market = Keypair::new();
        let params = InitMarketParams {
            quote_currency: [0; 32],
            close_factor_bps: close,
            dust_threshold: dust,
            max_liquidation_value: cap,
            allow_fixed_price: false,
            timelock: crate::fixture::timelock(false),
        };
        let res = env
            .send(
                &[ix::init_market(owner.pubkey(), market.pubkey(), params)],
                &[&owner, &market],
            )
            .await;
        assert_err(res, LendingError::InvalidMarketConfig);
        assert!(env.get(&market.pubkey()).await.is_none());
    }
}

async fn ownership_moves_in_two_steps<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    let next = env.wallet(1).await;
    let stranger = env.wallet(1).await;
    assert_err(
        env.send(
            &[ix::propose_owner(
                stranger.pubkey(),
                m.market,
                stranger.pubkey(),
            )],
            &[&stranger],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    env.ok(
        &[ix::propose_owner(m.owner.pubkey(), m.market, next.pubkey())],
        &[&m.owner],
    )
    .await;
    assert_err(
        env.send(
            &[ix::accept_owner(stranger.pubkey(), m.market)],
            &[&stranger],
        )
        .await,
        LendingError::NotPendingOwner,
    );
    // The old owner is still the owner until the new one accepts.
    assert_eq!(
        env.zc::<LendingMarket>(&m.market).await.owner,
        m.owner.pubkey()
    );
    env.ok(&[ix::accept_owner(next.pubkey(), m.market)], &[&next])
        .await;
    let mk = env.zc::<LendingMarket>(&m.market).await;
    assert_eq!(mk.owner, next.pubkey());
    assert_eq!(mk.pending_owner, Default::default());
    assert_err(
        env.send(
            &[ix::update_market_config(
                m.owner.pubkey(),
                m.market,
                market_config(0),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::NotMarketOwner,
    );
}

async fn pause_flags_stop_actions_but_not_repayment<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 10_000_000_000, 0]).await;
    let b = m.user(&mut env, &[10_000_000_000, 1_000_000_000, 0]).await;
    m.supply(&mut env, &lender, USDC, 5_000_000_000)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &b, SOL, 10_000_000_000)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 100_000_000).await.unwrap();
    assert_err(
        env.send(
            &[ix::update_market_config(
                m.owner.pubkey(),
                m.market,
                market_config(4),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::InvalidMarketConfig,
    );
    env.ok(
        &[ix::update_market_config(
            m.owner.pubkey(),
            m.market,
            market_config(2),
        )],
        &[&m.owner],
    )
    .await;
    assert_err(
        m.borrow(&mut env, &b, USDC, 1).await,
        LendingError::BorrowsPaused,
    );
    m.supply(&mut env, &lender, USDC, 1_000_000).await.unwrap();
    env.ok(
        &[ix::update_market_config(
            m.owner.pubkey(),
            m.market,
            market_config(1),
        )],
        &[&m.owner],
    )
    .await;
    assert_err(
        m.supply(&mut env, &lender, USDC, 1_000_000).await,
        LendingError::MarketPaused,
    );
    assert_err(
        m.withdraw(&mut env, &b, SOL, 1).await,
        LendingError::MarketPaused,
    );
    m.repay(&mut env, &b, USDC, 50_000_000).await.unwrap();
}

async fn reserve_config_bounds_are_enforced<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let k = m.reserves[SOL];
    let o = m.owner.pubkey();
    let mut bad = vec![];
    bad.push(config(8_000, 8_000)); // LTV must be below the threshold
    bad.push(config(8_000, 10_001)); // threshold above 100%
    let mut c = config(7_000, 8_000);
    c.max_liquidation_bonus_bps = 2_600; // bonus above 25%
    bad.push(c);
    let mut c = config(7_000, 9_500);
    c.max_liquidation_bonus_bps = 600; // 95% × 1.06 ≥ 100%: liquidation could not improve health
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.min_liquidation_bonus_bps = 1_100; // min above max
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.origination_fee_bps = 10_000; // fees must stay below 100%
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.curve = lending_sdk::curve_points(&[(0, 500), (5_000, 400), (10_000, 900)]); // not monotone
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.curve = lending_sdk::curve_points(&[(0, 0), (9_000, 900)]); // does not reach 100%
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.utilization_cap_bps = 0;
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.status = 3;
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.outflow_limit = 10; // a limit needs a window
    bad.push(c);
    // #18, low 6 and 7: reserves nobody can liquidate profitably, and windows that overflow.
    let mut c = config(7_000, 8_000);
    c.outflow_limit = 10;
    c.outflow_window_secs = 1 << 63; // negative once cast to a time
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.outflow_limit = 10;
    c.outflow_window_secs = 7 * 86_400 + 1;
    bad.push(c);
    let mut c = config(7_000, 9_000);
    c.min_liquidation_bonus_bps = 0; // 90% line and no bonus at it
    c.max_liquidation_bonus_bps = 100;
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.min_liquidation_bonus_bps = 99;
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.protocol_liquidation_fee_bps = 5_001; // the protocol keeps most of the bonus
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.borrow_factor_bps = 9_999; // debt weighed below its value
    bad.push(c);
    let mut c = config(7_000, 8_000);
    c.borrow_factor_bps = 50_001; // above 5x
    bad.push(c);
    for c in bad {
        let res = m
            .act_reserves(
                &mut env,
                &[ix::update_reserve_config(o, &k, c.clone())],
                &[&m.owner],
            )
            .await;
        assert_err(res, LendingError::InvalidReserveConfig);
    }
    let mut good = config(6_000, 7_000);
    good.borrow_factor_bps = 50_000;
    good.curve =
        lending_sdk::curve_points(&[(0, 100), (5_000, 400), (9_000, 1_000), (10_000, 5_000)]);
    m.act_reserves(
        &mut env,
        &[ix::update_reserve_config(o, &k, good)],
        &[&m.owner],
    )
    .await
    .unwrap();
    let stored = m.reserve(&mut env, SOL).await.config;
    assert_eq!((stored.ltv_bps, stored.borrow_factor_bps), (6_000, 50_000));
    // Only the owner, and only on a fresh reserve.
    let stranger = env.wallet(1).await;
    let res = m
        .act_reserves(
            &mut env,
            &[ix::update_reserve_config(
                stranger.pubkey(),
                &k,
                config(6_000, 7_000),
            )],
            &[&stranger],
        )
        .await;
    assert_err(res, LendingError::NotMarketAuthority);
    // A stale reserve is settled up to now (interest under the old curve) and then changed
    // (#18, low 8: a reserve whose refresh fails must still be fixable); the next action has
    // to refresh it.
    env.advance(1).await;
    env.ok(
        &[ix::update_reserve_config(o, &k, config(6_000, 7_000))],
        &[&m.owner],
    )
    .await;
    let r = env
        .zc::<lending_sdk::lending_core::state::Reserve>(&k.reserve)
        .await;
    assert_eq!(r.config.ltv_bps, 6_000);
    assert_eq!(
        r.last_update.unix_timestamp,
        env.clock().await.unix_timestamp
    );
    assert!(r.last_update.is_stale(env.clock().await.slot));
}

async fn init_reserve_requires_a_seed_and_cannot_run_twice<E: VmEnv>() {
    let mut env = E::start().await;
    let mut m = Market::new(&mut env).await;
    let i = m
        .add_reserve(&mut env, 6, SPL_TOKEN, 1_000_000, -6, config(8_000, 8_500))
        .await;
    let k = m.reserves[i];
    let o = m.owner.pubkey();
    let src = env.token_account(&k.mint, &o, SPL_TOKEN).await;
    env.mint_to(&k.mint, &src, 10_000_000, SPL_TOKEN).await;
    let before = env.get(&k.reserve).await.unwrap().data;
    let res = env
        .send(
            &[ix::init_reserve(
                o,
                &k,
                src,
                config(8_000, 8_500),
                5_000_000,
            )],
            &[&m.owner],
        )
        .await;
    assert!(res.is_err(), "re-initialising a reserve must fail");
    assert_eq!(env.get(&k.reserve).await.unwrap().data, before);
    // A new mint with too small a seed.
    let mint = env.create_mint(6, SPL_TOKEN).await;
    env.ok(
        &[ix::init_oracle_price(
            o,
            m.market,
            mint,
            super::fixture::fixed_oracle(1_000_000, -6),
        )],
        &[&m.owner],
    )
    .await;
    let k2 = ReserveKeys::derive(m.market, mint, SPL_TOKEN, 6);
    let src2 = env.token_account(&mint, &o, SPL_TOKEN).await;
    env.mint_to(&mint, &src2, 10_000, SPL_TOKEN).await;
    let res = env
        .send(
            &[ix::init_reserve(o, &k2, src2, config(8_000, 8_500), 999)],
            &[&m.owner],
        )
        .await;
    assert_err(res, LendingError::SeedDepositTooSmall);
    // An oracle of another mint is refused.
    let res = env
        .send(
            &[ix::init_reserve(
                o,
                &ReserveKeys {
                    oracle: k.oracle,
                    ..k2
                },
                src2,
                config(8_000, 8_500),
                1_000,
            )],
            &[&m.owner],
        )
        .await;
    assert_err(res, LendingError::WrongOracle);
    m.reserves.push(k2);
}

async fn protocol_fees_are_claimed_by_the_owner_only<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 10_000_000_000, 0]).await;
    let b = m.user(&mut env, &[10_000_000_000, 0, 0]).await;
    m.supply(&mut env, &lender, USDC, 5_000_000_000)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &b, SOL, 10_000_000_000)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 500_000_000).await.unwrap();
    env.advance(365 * 86_400).await;
    let k = m.reserves[USDC];
    let dest = env
        .token_account(&k.mint, &m.owner.pubkey(), SPL_TOKEN)
        .await;
    let stranger = env.wallet(1).await;
    let res = m
        .act_reserves(
            &mut env,
            &[ix::claim_protocol_fees(stranger.pubkey(), &k, dest)],
            &[&stranger],
        )
        .await;
    assert_err(res, LendingError::NotMarketOwner);
    m.act_reserves(
        &mut env,
        &[ix::claim_protocol_fees(m.owner.pubkey(), &k, dest)],
        &[&m.owner],
    )
    .await
    .unwrap();
    let got = env.balance(&dest).await;
    // 500,000 origination fee (10 bps of 500 USDC) plus 10% of a year's interest.
    assert!(got > 500_000, "claimed {got}");
    assert_eq!(env.balance(&k.fee_vault).await, 0);
    let res = m
        .act_reserves(
            &mut env,
            &[ix::claim_protocol_fees(m.owner.pubkey(), &k, dest)],
            &[&m.owner],
        )
        .await;
    assert_err(res, LendingError::NoFeesToClaim);
}

/// #18, low 9: the guardian pauses but cannot unpause, shorten a pause or change a setting; a
/// pause stops borrows, supplies and withdrawals but never repayments, liquidations or
/// collateral top-ups (a pause that stopped liquidations would turn a crash into bad debt);
/// a pause with an end lapses by itself.
async fn guardian_pauses_and_liquidations_repayments_and_top_ups_go_on<E: VmEnv>() {
    use super::liquidation_tests::{liquidate_ix, params, setup};
    use lending_sdk::lending_core::state::market::{PAUSE_ALL, PAUSE_BORROWS};
    let mut env = E::start().await;
    let (m, lender, b, l) = setup(&mut env).await;
    let guardian = env.wallet(1).await;
    let stranger = env.wallet(1).await;
    env.ok(
        &[ix::set_guardian(
            m.owner.pubkey(),
            m.market,
            guardian.pubkey(),
        )],
        &[&m.owner],
    )
    .await;
    assert_err(
        env.send(
            &[ix::pause_market(
                stranger.pubkey(),
                m.market,
                PAUSE_ALL,
                3_600,
            )],
            &[&stranger],
        )
        .await,
        LendingError::NotGuardian,
    );
    for bad in [0, 4, PAUSE_ALL | 4] {
        assert_err(
            env.send(
                &[ix::pause_market(guardian.pubkey(), m.market, bad, 3_600)],
                &[&guardian],
            )
            .await,
            LendingError::InvalidMarketConfig,
        );
    }
    env.ok(
        &[ix::pause_market(
            guardian.pubkey(),
            m.market,
            PAUSE_ALL,
            3_600,
        )],
        &[&guardian],
    )
    .await;
    let paused_until = env.zc::<LendingMarket>(&m.market).await.pause_expires_at;
    assert_eq!(paused_until, env.clock().await.unix_timestamp + 3_600);
    // The guardian cannot lift or shorten the pause, nor change anything else.
    assert_err(
        env.send(
            &[ix::update_market_config(
                guardian.pubkey(),
                m.market,
                market_config(0),
            )],
            &[&guardian],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    assert_err(
        env.send(
            &[ix::set_guardian(
                guardian.pubkey(),
                m.market,
                stranger.pubkey(),
            )],
            &[&guardian],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    env.ok(
        &[ix::pause_market(
            guardian.pubkey(),
            m.market,
            PAUSE_BORROWS,
            60,
        )],
        &[&guardian],
    )
    .await;
    let market = env.zc::<LendingMarket>(&m.market).await;
    assert_eq!(
        (market.pause_flags, market.pause_expires_at),
        (PAUSE_ALL | PAUSE_BORROWS, paused_until),
        "a second pause neither drops flags nor ends sooner"
    );
    // Paused: borrows, supplies and withdrawals are refused...
    assert_err(
        m.borrow(&mut env, &b, USDC, 1_000_000).await,
        LendingError::MarketPaused,
    );
    assert_err(
        m.supply(&mut env, &lender, USDC, 1_000_000).await,
        LendingError::MarketPaused,
    );
    assert_err(
        m.withdraw(&mut env, &b, SOL, 1).await,
        LendingError::MarketPaused,
    );
    // ...while SOL crashes, the liquidator liquidates, and borrowers repay and top up.
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    m.act(
        &mut env,
        &b.obligation,
        &[liquidate_ix(&m, &b, &l, params(u64::MAX, 1, false))],
        &[&l.kp],
    )
    .await
    .unwrap();
    assert!(env.balance(&l.shares[SOL]).await > 0);
    m.repay(&mut env, &b, USDC, 10_000_000).await.unwrap();
    env.mint_to(
        &m.reserves[SOL].mint,
        &b.liquidity[SOL],
        1_000_000_000,
        SPL_TOKEN,
    )
    .await;
    m.deposit_collateral(&mut env, &b, SOL, 1_000_000_000)
        .await
        .unwrap();
    // The pause lapses at its end.
    env.advance(3_600).await;
    m.supply(&mut env, &lender, USDC, 1_000_000).await.unwrap();
    // A pause with no end holds until the owner lifts it.
    env.ok(
        &[ix::pause_market(
            guardian.pubkey(),
            m.market,
            PAUSE_BORROWS,
            0,
        )],
        &[&guardian],
    )
    .await;
    env.advance(30 * 86_400).await;
    assert_err(
        m.borrow(&mut env, &b, USDC, 1_000_000).await,
        LendingError::BorrowsPaused,
    );
    env.ok(
        &[ix::update_market_config(
            m.owner.pubkey(),
            m.market,
            market_config(0),
        )],
        &[&m.owner],
    )
    .await;
    assert_eq!(env.zc::<LendingMarket>(&m.market).await.pause_flags, 0);
}

crate::scenarios!(
    admin_tests:
    init_market_validates_the_liquidation_limits,
    ownership_moves_in_two_steps,
    pause_flags_stop_actions_but_not_repayment,
    reserve_config_bounds_are_enforced,
    init_reserve_requires_a_seed_and_cannot_run_twice,
    protocol_fees_are_claimed_by_the_owner_only,
    guardian_pauses_and_liquidations_repayments_and_top_ups_go_on,
);
