//! Flash loans and their misuse.

use super::env::{assert_err, Env, TxResult};
use super::fixture::{Market, User};
use super::invariants;
use super::ix;
use super::scenario_tests::{three_reserves, USDC};
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use solana_signer::Signer;

const USD_UNIT: u64 = 1_000_000;

async fn setup(env: &mut Env) -> (Market, User) {
    let m = three_reserves(env).await;
    let user = m.user(env, &[0, 10_000 * USD_UNIT, 0]).await;
    m.supply(env, &user, USDC, 5_000 * USD_UNIT).await.unwrap();
    (m, user)
}

async fn run(env: &mut Env, u: &User, ixs: &[Instruction]) -> TxResult {
    env.send_raw(ixs, &[&u.kp]).await
}

#[tokio::test]
async fn flash_loan_round_trip_pays_the_fee_to_the_reserve() {
    let mut env = Env::start().await;
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

#[tokio::test]
async fn flash_borrow_without_repay_is_refused() {
    let mut env = Env::start().await;
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

#[tokio::test]
async fn flash_repay_of_a_different_amount_is_refused() {
    let mut env = Env::start().await;
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

#[tokio::test]
async fn second_flash_borrow_in_a_transaction_is_refused() {
    let mut env = Env::start().await;
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

#[tokio::test]
async fn flash_borrow_through_cpi_is_refused() {
    let mut env = Env::start().await;
    let (m, u) = setup(&mut env).await;
    let k = m.reserves[USDC];
    let borrow = ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000);
    let res = run(
        &mut env,
        &u,
        &[
            crate::attacker::wrap(&borrow),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], 1_000, 0),
        ],
    )
    .await;
    assert_err(res, LendingError::FlashLoanCpi);
}

#[tokio::test]
async fn vault_is_off_limits_while_a_flash_loan_is_open() {
    let mut env = Env::start().await;
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
