//! #18, low 5: an obligation's cached health is bound to the state of the reserves it was
//! computed from. A reserve repriced, written down or reconfigured later in the same slot
//! makes the cache unusable: borrow, withdraw and liquidate refuse (`ValuationChanged`) until
//! the obligation is refreshed again. Each refusal here (`act_reserves`: the reserves are
//! refreshed, the obligation is not) went through on the code before the fix, on the stale
//! cache.

use super::env::{assert_err, VmEnv};
use super::fixture::USD_UNIT;
use super::fixture::{config, Market};
use super::ix;
use super::liquidation_tests::{liquidate_ix, liquidate_until_closed, params, setup};
use super::scenario_tests::{PYUSD, SOL, USDC};
use lending::errors::LendingError;
use solana_signer::Signer;

/// SOL recovers after the borrower's refresh, in the same slot: the cache still says
/// liquidatable, the reserve says healthy. The liquidation is refused; after a refresh the
/// obligation is healthy and the refusal is `ObligationHealthy`.
async fn a_recovered_obligation_is_not_liquidated_on_its_old_valuation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    assert!(Market::obligation(&mut env, &b.obligation)
        .await
        .health()
        .is_liquidatable());
    m.set_price(&mut env, SOL, 100_000_000, -6).await;
    let liquidate = liquidate_ix(&m, &b, &l, params(u64::MAX, 0, false));
    assert_err(
        m.act_reserves(&mut env, std::slice::from_ref(&liquidate), &[&l.kp])
            .await,
        LendingError::ValuationChanged,
    );
    assert_err(
        m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp]).await,
        LendingError::ObligationHealthy,
    );
}

/// SOL falls after the borrower's refresh, in the same slot: a borrow sized on the old price
/// is refused; after a refresh it is too large, and a smaller one goes through.
async fn a_borrow_is_not_sized_on_a_price_replaced_in_the_same_slot<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    // 10 SOL at $100, LTV 75%: $750 of borrow limit, $700.70 owed; $49 left.
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    m.set_price(&mut env, SOL, 90_000_000, -6).await;
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let borrow = ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        b.liquidity[USDC],
        40 * USD_UNIT,
        &valued,
    );
    assert_err(
        m.act_reserves(&mut env, std::slice::from_ref(&borrow), &[&b.kp])
            .await,
        LendingError::ValuationChanged,
    );
    // At $90 the power is $675, below the debt: nothing more can be borrowed.
    assert_err(
        m.act(&mut env, &b.obligation, &[borrow], &[&b.kp]).await,
        LendingError::BorrowTooLarge,
    );
}

/// The owner lowers SOL's LTV after the borrower's refresh, in the same slot: a borrow within
/// the old LTV is refused until the obligation is refreshed under the new one.
async fn a_borrow_is_not_sized_on_a_replaced_configuration<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    env.ok(
        &[ix::update_reserve_config(
            m.owner.pubkey(),
            &m.reserves[SOL],
            config(6_000, 8_000),
        )],
        &[&m.owner],
    )
    .await;
    let borrow = |valued: &[anchor_lang::prelude::Pubkey]| {
        ix::borrow(
            b.kp.pubkey(),
            b.obligation,
            &m.reserves[USDC],
            b.liquidity[USDC],
            10 * USD_UNIT,
            valued,
        )
    };
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    assert_err(
        m.act_reserves(&mut env, &[borrow(&valued)], &[&b.kp]).await,
        LendingError::ValuationChanged,
    );
    // Under LTV 60% ($600 of power against $700.70 owed) it is too large.
    assert_err(
        m.act(&mut env, &b.obligation, &[borrow(&valued)], &[&b.kp])
            .await,
        LendingError::BorrowTooLarge,
    );
}

/// A bad-debt write-off in the USDC reserve lowers what every USDC deposit share is worth. A
/// depositor refreshed before it, in the same slot, cannot borrow against the old share value;
/// refreshed after it, the largest borrow leaves it within its borrow limit.
async fn a_write_off_in_the_same_slot_needs_a_new_refresh<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    let pyusd_lender = m.user(&mut env, &[0, 0, 10_000 * USD_UNIT]).await;
    m.supply(&mut env, &pyusd_lender, PYUSD, 10_000 * USD_UNIT)
        .await
        .unwrap();
    let d = m.user(&mut env, &[0, 1_000 * USD_UNIT, 0]).await;
    m.deposit_collateral(&mut env, &d, USDC, 1_000 * USD_UNIT)
        .await
        .unwrap();
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    m.act(&mut env, &d.obligation, &[], &[]).await.unwrap();
    let seq = m.reserve(&mut env, USDC).await.valuation_seq;
    let wrote_off = liquidate_until_closed(&mut env, &m, &b, &l).await;
    assert!(wrote_off > 0, "no write-off");
    assert!(m.reserve(&mut env, USDC).await.valuation_seq > seq);
    let valued = Market::obligation_reserves(&mut env, &d.obligation).await;
    let borrow_max = ix::borrow(
        d.kp.pubkey(),
        d.obligation,
        &m.reserves[PYUSD],
        d.liquidity[PYUSD],
        u64::MAX,
        &valued,
    );
    assert_err(
        m.act_reserves(&mut env, std::slice::from_ref(&borrow_max), &[&d.kp])
            .await,
        LendingError::ValuationChanged,
    );
    m.act(&mut env, &d.obligation, &[borrow_max], &[&d.kp])
        .await
        .unwrap();
    m.act(&mut env, &d.obligation, &[], &[]).await.unwrap();
    let h = Market::obligation(&mut env, &d.obligation).await.health();
    assert!(h.borrowed > 0 && h.within_borrow_limit(), "{h:?}");
}

crate::scenarios!(
    valuation_tests:
    a_recovered_obligation_is_not_liquidated_on_its_old_valuation,
    a_borrow_is_not_sized_on_a_price_replaced_in_the_same_slot,
    a_borrow_is_not_sized_on_a_replaced_configuration,
    a_write_off_in_the_same_slot_needs_a_new_refresh,
);
