//! Flash loans and their misuse.

use super::env::{assert_err, TxResult, VmEnv};
use super::fixture::USD_UNIT;
use super::fixture::{Market, User};
use super::invariants;
use super::ix;
use super::liquidation_tests::{liquidate_ix, params, setup as liquidation_setup};
use super::scenario_tests::{three_reserves, SOL, USDC};
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use solana_signer::Signer;

async fn setup(env: &mut impl VmEnv) -> (Market, User) {
    let m = three_reserves(env).await;
    let user = m.user(env, &[0, 10_000 * USD_UNIT, 0]).await;
    m.supply(env, &user, USDC, 5_000 * USD_UNIT).await.unwrap();
    (m, user)
}

async fn run(env: &mut impl VmEnv, u: &User, ixs: &[Instruction]) -> TxResult {
    env.send_raw(ixs, &[&u.kp]).await
}

async fn flash_loan_round_trip_pays_the_fee_to_the_reserve<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let amount = 1_000 * USD_UNIT;
    let avail = m.reserve(&mut env, USDC).await.available;
    let bal = env.balance(&u.liquidity[USDC]).await;
    run(
        &mut env,
        &u,
        &[
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], amount),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], amount, 0),
        ],
    )
    .await
    .unwrap();
    let fee = amount * 9 / 10_000; // 9 bps
    assert_eq!(env.balance(&u.liquidity[USDC]).await, bal - fee);
    let r = m.reserve(&mut env, USDC).await;
    assert_eq!(r.available, avail + fee);
    assert_eq!(r.flash_outstanding, 0);
    invariants::check(&mut env, &m, &[u.obligation]).await;
}

async fn flash_borrow_without_repay_is_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let res = run(
        &mut env,
        &u,
        &[ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 100)],
    )
    .await;
    assert_err(res, LendingError::NoFlashRepayFound);
}

async fn flash_repay_of_a_different_amount_is_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let res = run(
        &mut env,
        &u,
        &[
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 999, 0),
        ],
    )
    .await;
    assert_err(res, LendingError::InvalidFlashRepay);
}

async fn second_flash_borrow_in_a_transaction_is_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let res = run(
        &mut env,
        &u,
        &[
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000, 0),
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000, 2),
        ],
    )
    .await;
    assert_err(res, LendingError::MultipleFlashBorrows);
}

async fn flash_borrow_through_cpi_is_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let borrow = ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000);
    let res = run(
        &mut env,
        &u,
        &[
            cpi_forwarder::wrap(&borrow),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000, 0),
        ],
    )
    .await;
    assert_err(res, LendingError::FlashLoanCpi);
}

async fn vault_is_off_limits_while_a_flash_loan_is_open<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let res = run(
        &mut env,
        &u,
        &[
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000),
            ix::deposit_reserve_liquidity(
                u.kp.pubkey(),
                &k,
                u.liquidity[USDC],
                u.shares[USDC],
                500,
            ),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000, 0),
        ],
    )
    .await;
    assert_err(res, LendingError::FlashLoanActive);
    let r = m.reserve(&mut env, USDC).await;
    assert_eq!(
        r.flash_outstanding, 0,
        "failed transaction left state behind"
    );
}

/// Index of the first instruction `Market::act` runs after its refreshes (the sender's
/// compute-budget instruction, every reserve's refreshes, the obligation's).
fn first_after_refreshes(m: &Market) -> u8 {
    (1 + m.refresh_all_reserves().len() + 1) as u8
}

async fn flash_loan_from_the_repay_reserve_funds_a_liquidation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l) = liquidation_setup(&mut env).await;
    // SOL at $85: the borrower's 700 USDC debt is over the liquidation line.
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    let k = m.reserves[USDC];
    let loan = 400 * USD_UNIT;
    let usdc_before = env.balance(&l.liquidity[USDC]).await;
    let available = m.reserve(&mut env, USDC).await.available;
    let at = first_after_refreshes(&m);
    m.act(
        &mut env,
        &b.obligation,
        &[
            ix::flash_borrow(l.kp.pubkey(), &k, l.liquidity[USDC], loan),
            liquidate_ix(&m, &b, &l, params(loan, 1, true)),
            ix::flash_repay(l.kp.pubkey(), &k, l.liquidity[USDC], loan, at),
        ],
        &[&l.kp],
    )
    .await
    .unwrap();
    let fee = loan * 9 / 10_000;
    let spent = usdc_before - env.balance(&l.liquidity[USDC]).await;
    let repaid = spent - fee;
    // The close factor (50% of 700.7) bounds the repayment below the loan.
    assert!(
        repaid > 350 * USD_UNIT && repaid < 351 * USD_UNIT,
        "repaid {repaid}"
    );
    assert!(env.balance(&l.liquidity[SOL]).await > 0, "no collateral");
    let r = m.reserve(&mut env, USDC).await;
    assert_eq!(r.flash_outstanding, 0);
    assert_eq!(r.available, available + repaid + fee);
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, l.obligation],
    )
    .await;
}

async fn collateral_reserve_on_a_flash_loan_cannot_pay_a_liquidation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = liquidation_setup(&mut env).await;
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    let k = m.reserves[SOL];
    let at = first_after_refreshes(&m);
    let res = m
        .act(
            &mut env,
            &b.obligation,
            &[
                ix::flash_borrow(l.kp.pubkey(), &k, l.liquidity[SOL], 1_000),
                liquidate_ix(&m, &b, &l, params(u64::MAX, 1, true)),
                ix::flash_repay(l.kp.pubkey(), &k, l.liquidity[SOL], 1_000, at),
            ],
            &[&l.kp],
        )
        .await;
    assert_err(res, LendingError::FlashLoanActive);
    assert_eq!(m.reserve(&mut env, SOL).await.flash_outstanding, 0);
}

crate::scenarios!(
    flash_tests:
    flash_loan_round_trip_pays_the_fee_to_the_reserve,
    flash_borrow_without_repay_is_refused,
    flash_repay_of_a_different_amount_is_refused,
    second_flash_borrow_in_a_transaction_is_refused,
    flash_borrow_through_cpi_is_refused,
    vault_is_off_limits_while_a_flash_loan_is_open,
    flash_loan_from_the_repay_reserve_funds_a_liquidation,
    collateral_reserve_on_a_flash_loan_cannot_pay_a_liquidation,
);
