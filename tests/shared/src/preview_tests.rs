//! The SDK's previews (`lending_sdk::preview`) run the program's own operations on fetched
//! copies: what they predict is what the program then does, to the last unit, and they refuse
//! what it refuses.

use super::env::{assert_err, VmEnv};
use super::fixture::Market;
use super::fixture::USD_UNIT;
use super::liquidation_tests::{liquidate_ix, params, setup};
use super::scenario_tests::{SOL, USDC};
use lending::errors::LendingError;
use lending_sdk::lending_core::ops::liquidate::Bounds;
use lending_sdk::lending_core::state::Obligation;
use lending_sdk::preview;
use solana_signer::Signer;

/// The positions and cached health an action leaves, as compared between preview and program.
fn positions(ob: &Obligation) -> Vec<String> {
    let mut v = vec![format!("{:?}", ob.health())];
    v.extend(
        ob.deposits()
            .iter()
            .map(|d| format!("{:?}", (d.shares, d.values()))),
    );
    v.extend(
        ob.borrows()
            .iter()
            .map(|b| format!("{:?}", (b.debt_shares.get(), b.values()))),
    );
    v
}

async fn a_borrow_preview_is_what_the_program_does<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    let usdc = m.reserves[USDC].reserve;
    let ms = m.state(&mut env).await;
    let before = Market::obligation(&mut env, &b.obligation).await;

    let p = preview::borrow(&ms, &before, &usdc, 30 * USD_UNIT).expect("allowed");
    let wallet = env.balance(&b.liquidity[USDC]).await;
    m.borrow(&mut env, &b, USDC, 30 * USD_UNIT).await.unwrap();

    assert_eq!(
        env.balance(&b.liquidity[USDC]).await - wallet,
        p.outcome.amount
    );
    let after = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(positions(&after), positions(&p.obligation));
    assert_eq!(after.health(), p.outcome.health);
}

async fn a_borrow_the_program_refuses_is_refused_in_preview<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    let usdc = m.reserves[USDC].reserve;
    let ms = m.state(&mut env).await;
    let ob = Market::obligation(&mut env, &b.obligation).await;
    // $750 of borrow limit, $700.70 owed: $100 more is too much.
    let refused = preview::borrow(&ms, &ob, &usdc, 100 * USD_UNIT).unwrap_err();
    assert_eq!(
        refused,
        lending_sdk::lending_core::LendingError::BorrowTooLarge
    );
    assert_err(
        m.borrow(&mut env, &b, USDC, 100 * USD_UNIT).await,
        LendingError::BorrowTooLarge,
    );
}

async fn a_repayment_preview_is_what_the_program_does<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    let usdc = m.reserves[USDC].reserve;
    let ms = m.state(&mut env).await;
    let before = Market::obligation(&mut env, &b.obligation).await;

    let p = preview::repay(&ms, &before, &usdc, 250 * USD_UNIT).expect("allowed");
    let wallet = env.balance(&b.liquidity[USDC]).await;
    let repay = super::ix::repay(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        b.liquidity[USDC],
        250 * USD_UNIT,
    );
    m.act(&mut env, &b.obligation, &[repay], &[&b.kp])
        .await
        .unwrap();

    assert_eq!(
        wallet - env.balance(&b.liquidity[USDC]).await,
        p.outcome.amount
    );
    let after = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(positions(&after), positions(&p.obligation));
}

async fn a_liquidation_preview_is_what_the_program_does<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    m.set_price(&mut env, SOL, 80_000_000, -6).await;
    let (sol, usdc) = (m.reserves[SOL].reserve, m.reserves[USDC].reserve);
    let ms = m.state(&mut env).await;
    let before = Market::obligation(&mut env, &b.obligation).await;
    let bounds = Bounds {
        max_repay: 200 * USD_UNIT,
        min_receive: 0,
        receive_liquidity: false,
    };

    let p = preview::liquidate(&ms, &before, &usdc, &sol, &bounds).expect("liquidatable");
    let (paid, got) = (
        env.balance(&l.liquidity[USDC]).await,
        env.balance(&l.shares[SOL]).await,
    );
    let liquidate = liquidate_ix(&m, &b, &l, params(200 * USD_UNIT, 0, false));
    m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp])
        .await
        .unwrap();

    assert_eq!(
        paid - env.balance(&l.liquidity[USDC]).await,
        p.outcome.plan.repay_amount
    );
    assert_eq!(
        env.balance(&l.shares[SOL]).await - got,
        p.outcome.plan.liquidator_shares
    );
    let after = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(positions(&after), positions(&p.obligation));
}

crate::scenarios!(
    preview_tests:
    a_borrow_preview_is_what_the_program_does,
    a_borrow_the_program_refuses_is_refused_in_preview,
    a_repayment_preview_is_what_the_program_does,
    a_liquidation_preview_is_what_the_program_does,
);
