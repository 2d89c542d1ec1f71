//! End-to-end scenarios over a three-reserve market: a 9-decimal asset, a 6-decimal stable on
//! SPL Token and a 6-decimal stable on Token-2022.

use super::env::{assert_err, VmEnv, SPL_TOKEN, TOKEN_2022};
use super::fixture::{config, Market, User, SEED};
use super::fixture::{SOL_UNIT, USD_UNIT};
use super::invariants;
use lending::errors::LendingError;
use lending::risk::exchange::SECONDS_PER_YEAR;
use lending::risk::WAD;

/// Reserve indices of [`three_reserves`].
pub const SOL: usize = 0;
pub const USDC: usize = 1;
pub const PYUSD: usize = 2;

/// SOL at $100 (LTV 75%, LT 80%), USDC and PYUSD (Token-2022) at $1 (LTV 80%, LT 85%).
pub async fn three_reserves(env: &mut impl VmEnv) -> Market {
    let mut m = Market::new(env).await;
    m.add_reserve(env, 9, SPL_TOKEN, 100_000_000, -6, config(7_500, 8_000))
        .await;
    m.add_reserve(env, 6, SPL_TOKEN, 1_000_000, -6, config(8_000, 8_500))
        .await;
    m.add_reserve(env, 6, TOKEN_2022, 1_000_000, -6, config(8_000, 8_500))
        .await;
    m
}

async fn interest_accrues_at_the_curve_rate_and_full_exit_leaves_no_dust<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 1_000_000 * USD_UNIT, 0]).await;
    let borrower = m.user(&mut env, &[1_000 * SOL_UNIT, 0, 0]).await;
    m.supply(&mut env, &lender, USDC, 100_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &borrower, SOL, 1_000 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &borrower, USDC, 40_000 * USD_UNIT)
        .await
        .unwrap();

    let r = m.reserve(&mut env, USDC).await;
    let fee = 40_000 * USD_UNIT / 1_000; // 10 bps origination fee
    let debt0 = (40_000 * USD_UNIT + fee) as f64;
    let cash = r.available as f64;
    let util = debt0 / (cash + debt0);
    // The curve: 0% at 0, 8% at 80% utilisation, linear in between.
    let apr = util / 0.8 * 0.08;
    let days = 30;
    env.advance(days * 86_400).await;
    m.act_reserves(&mut env, &[], &[]).await.unwrap();
    let r = m.reserve(&mut env, USDC).await;
    let index = r.borrow_index.get() as f64 / WAD as f64;
    let n = (days * 86_400) as f64;
    let expected = (1.0 + apr / SECONDS_PER_YEAR as f64).powf(n);
    assert!(
        (index - expected).abs() / expected < 1e-9,
        "index {index} expected {expected} (apr {apr})"
    );
    let apr_stored = r.borrow_apr.get() as f64 / WAD as f64;
    assert!(
        (apr_stored - apr).abs() < 1e-12,
        "apr {apr_stored} vs {apr}"
    );

    // Repay everything (the borrower needs a little extra for interest and the fee).
    env.mint_to(
        &m.reserves[USDC].mint,
        &borrower.liquidity[USDC],
        1_000 * USD_UNIT,
        SPL_TOKEN,
    )
    .await;
    let before = env.balance(&borrower.liquidity[USDC]).await;
    m.repay(&mut env, &borrower, USDC, u64::MAX).await.unwrap();
    let paid = before - env.balance(&borrower.liquidity[USDC]).await;
    let expected_owed = debt0 * expected;
    // Debt rounds up, so the borrower never pays less than the exact compounded amount; the
    // excess from rounding stays within the index tolerance above.
    assert!(
        paid as f64 >= expected_owed - 1.0,
        "paid {paid}, expected {expected_owed}"
    );
    assert!(
        (paid as f64 - expected_owed) / expected_owed < 1e-9,
        "paid {paid}, expected {expected_owed}"
    );
    let ob = Market::obligation(&mut env, &borrower.obligation).await;
    assert_eq!(ob.borrows_len, 0, "repay-all left a debt position");
    assert_eq!(
        m.reserve(&mut env, USDC).await.debt_shares.get(),
        0,
        "debt dust left in reserve"
    );

    // Withdraw everything: all 1,000 SOL come back.
    m.withdraw(&mut env, &borrower, SOL, u64::MAX)
        .await
        .unwrap();
    assert_eq!(
        env.balance(&borrower.liquidity[SOL]).await,
        1_000 * SOL_UNIT
    );
    let ob = Market::obligation(&mut env, &borrower.obligation).await;
    assert_eq!(ob.deposits_len, 0);

    // The lender earned the interest minus the protocol's take.
    m.redeem(&mut env, &lender, USDC, u64::MAX).await.unwrap();
    let lender_bal = env.balance(&lender.liquidity[USDC]).await;
    assert!(
        lender_bal > 1_000_000 * USD_UNIT,
        "lender did not earn interest"
    );
    let interest = expected_owed - debt0;
    let earned = (lender_bal - 1_000_000 * USD_UNIT) as f64;
    // The lender holds 100,000 of 100,001 supplied (the seed is 1 USDC), so it gets just under
    // 90% of the interest: the protocol takes 10%. The origination fee went to the fee vault.
    assert!(
        earned < interest * 0.9 && earned > interest * 0.9 * 0.999,
        "earned {earned} of {interest}"
    );
    invariants::check(&mut env, &m, &[lender.obligation, borrower.obligation]).await;
}

async fn borrow_beyond_ltv_is_refused_and_changes_nothing<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 1_000_000 * USD_UNIT, 0]).await;
    let borrower = m.user(&mut env, &[10 * SOL_UNIT, 0, 0]).await;
    m.supply(&mut env, &lender, USDC, 100_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &borrower, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    // $1,000 of SOL at 75% LTV: $750 of borrow limit, fee included.
    let before = m.reserve(&mut env, USDC).await.available;
    assert_err(
        m.borrow(&mut env, &borrower, USDC, 750 * USD_UNIT).await,
        LendingError::BorrowTooLarge,
    );
    assert_eq!(m.reserve(&mut env, USDC).await.available, before);
    assert_eq!(env.balance(&borrower.liquidity[USDC]).await, 0);
    // u64::MAX borrows exactly the most allowed.
    m.borrow(&mut env, &borrower, USDC, u64::MAX).await.unwrap();
    let got = env.balance(&borrower.liquidity[USDC]).await;
    assert!(
        got > 749 * USD_UNIT && got < 750 * USD_UNIT,
        "max borrow gave {got}"
    );
    assert_err(
        m.borrow(&mut env, &borrower, USDC, 1).await,
        LendingError::BorrowTooLarge,
    );
    invariants::check(&mut env, &m, &[lender.obligation, borrower.obligation]).await;
}

async fn multi_user_market_every_user_exits_fully<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let a = m
        .user(
            &mut env,
            &[50 * SOL_UNIT, 20_000 * USD_UNIT, 5_000 * USD_UNIT],
        )
        .await;
    let b = m
        .user(
            &mut env,
            &[5 * SOL_UNIT, 50_000 * USD_UNIT, 30_000 * USD_UNIT],
        )
        .await;
    let c = m
        .user(&mut env, &[20 * SOL_UNIT, 0, 40_000 * USD_UNIT])
        .await;
    let users: Vec<&User> = vec![&a, &b, &c];

    m.supply(&mut env, &b, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    m.supply(&mut env, &c, PYUSD, 40_000 * USD_UNIT)
        .await
        .unwrap();
    m.supply(&mut env, &a, SOL, 10 * SOL_UNIT).await.unwrap();
    m.deposit_collateral(&mut env, &a, SOL, 40 * SOL_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &b, PYUSD, 30_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &c, SOL, 20 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &a, USDC, 1_500 * USD_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &a, PYUSD, 1_000 * USD_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, SOL, 3 * SOL_UNIT).await.unwrap();
    m.borrow(&mut env, &c, USDC, 900 * USD_UNIT).await.unwrap();
    env.advance(7 * 86_400).await;
    m.borrow(&mut env, &c, PYUSD, 100 * USD_UNIT).await.unwrap();
    env.advance(3 * 86_400).await;

    // Everybody gets a top-up to cover interest and fees, then exits.
    for u in &users {
        for (i, k) in m.reserves.iter().enumerate() {
            let extra = if i == SOL { SOL_UNIT } else { 100 * USD_UNIT };
            env.mint_to(&k.mint, &u.liquidity[i], extra, k.token_program)
                .await;
        }
    }
    for u in &users {
        for i in [SOL, USDC, PYUSD] {
            let ob = Market::obligation(&mut env, &u.obligation).await;
            if ob.find_borrow(&m.reserves[i].reserve).is_some() {
                m.repay(&mut env, u, i, u64::MAX).await.unwrap();
            }
        }
    }
    for u in &users {
        for i in [SOL, USDC, PYUSD] {
            let ob = Market::obligation(&mut env, &u.obligation).await;
            if ob.find_deposit(&m.reserves[i].reserve).is_some() {
                m.withdraw(&mut env, u, i, u64::MAX).await.unwrap();
            }
            if env.balance(&u.shares[i]).await > 0 {
                m.redeem(&mut env, u, i, u64::MAX).await.unwrap();
            }
        }
    }
    for u in &users {
        let ob = Market::obligation(&mut env, &u.obligation).await;
        assert_eq!((ob.deposits_len, ob.borrows_len), (0, 0));
    }
    for (i, k) in m.reserves.iter().enumerate() {
        let r = m.reserve(&mut env, i).await;
        assert_eq!(r.debt_shares.get(), 0, "reserve {i} still has debt");
        assert_eq!(
            env.supply(&k.share_mint).await,
            0,
            "reserve {i} still has minted shares"
        );
        assert_eq!(
            r.share_supply, SEED,
            "only the seed shares remain in reserve {i}"
        );
        // What is left is the seed plus the seed's share of interest, and protocol fees.
        assert!(r.available >= SEED);
    }
    let obs: Vec<_> = users.iter().map(|u| u.obligation).collect();
    invariants::check(&mut env, &m, &obs).await;
}

/// Runs where the VM sees events only (the .so): anchor-lang's `emit!` is a no-op in a native
/// processor.
async fn events_report_amounts_and_health<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 100_000 * USD_UNIT, 0]).await;
    let b = m.user(&mut env, &[10 * SOL_UNIT, 0, 0]).await;
    m.supply(&mut env, &lender, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    let k = m.reserves[USDC];
    let mut ixs = m.refresh_all_reserves();
    ixs.push(super::ix::refresh_obligation(
        b.obligation,
        &[m.reserves[SOL].reserve],
    ));
    let owner = solana_signer::Signer::pubkey(&b.kp);
    ixs.push(super::ix::borrow(
        owner,
        b.obligation,
        &k,
        b.liquidity[USDC],
        500 * USD_UNIT,
        &[m.reserves[SOL].reserve],
    ));
    let events = env.simulate_events(&ixs, &[&b.kp]).await;
    env.ok(&ixs, &[&b.kp]).await;
    let events = events.expect("events are observable in this VM");
    let ev: lending::events::Borrowed = super::env::find_event(&events).expect("Borrowed event");
    assert_eq!((ev.amount, ev.fee), (500 * USD_UNIT, 500_000));
    assert_eq!((ev.obligation, ev.reserve), (b.obligation, k.reserve));
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(ev.health, ob.health().into());
    assert_eq!(ev.health.borrowed, ob.borrowed_value.get());
    assert!(ev.health.borrowed > 0);
}

crate::scenarios!(
    scenario_tests:
    interest_accrues_at_the_curve_rate_and_full_exit_leaves_no_dust,
    borrow_beyond_ltv_is_refused_and_changes_nothing,
    multi_user_market_every_user_exits_fully;
    events: events_report_amounts_and_health,
);
