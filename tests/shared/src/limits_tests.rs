//! Position limits: an obligation at the maximum number of positions can still be liquidated
//! in one legacy transaction (1,232 bytes, no lookup table), its debt reserve's insurance fund
//! included.

use super::env::{VmEnv, SPL_TOKEN};
use super::fixture::{config, Market};
use super::ix;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use lending_sdk::lending_core::state::{MAX_BORROWS, MAX_DEPOSITS};
use lending_sdk::types::LiquidateParams;
use solana_signer::Signer;

/// Largest serialized transaction the network accepts.
const PACKET_DATA_SIZE: usize = 1_232;

async fn liquidation_at_the_maximum_positions_fits_one_transaction<E: VmEnv>() {
    let mut env = E::start().await;
    let mut m = Market::new(&mut env).await;
    let n = MAX_DEPOSITS + MAX_BORROWS;
    for _ in 0..n {
        m.add_reserve(&mut env, 6, SPL_TOKEN, 1_000_000, -6, config(7_000, 8_000))
            .await;
    }
    // The debt being liquidated is insured: the fund and its vault follow the other accounts.
    m.add_fund(&mut env, MAX_DEPOSITS, super::fund_fixture::cuts())
        .await;
    let lender = m.user(&mut env, &vec![1_000_000_000_000; n]).await;
    let b = m.user(&mut env, &vec![1_000_000_000; n]).await;
    let liq = m.user(&mut env, &vec![1_000_000_000; n]).await;
    for i in MAX_DEPOSITS..n {
        m.supply(&mut env, &lender, i, 100_000_000_000)
            .await
            .unwrap();
    }
    for i in 0..MAX_DEPOSITS {
        m.deposit_collateral(&mut env, &b, i, 100_000_000)
            .await
            .unwrap();
    }
    // One more collateral position is refused.
    let extra = m.reserves[MAX_DEPOSITS];
    let res = m
        .act_reserves(
            &mut env,
            &[ix::deposit_and_collateralize(
                b.kp.pubkey(),
                b.obligation,
                &extra,
                b.liquidity[MAX_DEPOSITS],
                1,
            )],
            &[&b.kp],
        )
        .await;
    super::env::assert_err(res, LendingError::TooManyDeposits);
    for i in MAX_DEPOSITS..n {
        m.borrow(&mut env, &b, i, 90_000_000).await.unwrap();
    }
    // $400 of collateral (line $320) against $270.27 of debt; collateral 0 falls to $0.01:
    // $301 of collateral, line $240.80.
    m.set_price(&mut env, 0, 10_000, -6).await;
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(
        (ob.deposits_len as usize, ob.borrows_len as usize),
        (MAX_DEPOSITS, MAX_BORROWS)
    );

    // The liquidation transaction a bot sends: every position's reserve refreshed (their price
    // accounts were refreshed earlier in the slot), the obligation refreshed, then liquidate.
    let mut pre = vec![];
    for k in &m.reserves {
        pre.push(ix::refresh_oracle_price(k.oracle, None));
    }
    env.ok(&pre, &[]).await;
    let reserves = Market::obligation_reserves(&mut env, &b.obligation).await;
    let mut ixs: Vec<Instruction> = m.reserves.iter().map(ix::refresh_reserve).collect();
    ixs.push(ix::refresh_obligation(b.obligation, &reserves));
    let (debt, coll) = (m.reserves[MAX_DEPOSITS], m.reserves[1]);
    let insured = m.reserve(&mut env, MAX_DEPOSITS).await;
    let liquidate = ix::liquidate(
        liq.kp.pubkey(),
        b.obligation,
        &debt,
        liq.liquidity[MAX_DEPOSITS],
        &coll,
        liq.shares[1],
        LiquidateParams {
            max_repay: u64::MAX,
            min_receive: 1,
            receive_liquidity: false,
        },
        &reserves,
    );
    ixs.push(lending_sdk::fund::with_fund(
        liquidate,
        &debt.reserve,
        &insured,
    ));
    let tx = env.sign_by(&liq.kp, &ixs, &[]).await;
    let size = E::wire_size(&tx);
    println!("liquidation transaction at {n} positions: {size} bytes");
    assert!(
        size <= PACKET_DATA_SIZE,
        "{size} bytes > {PACKET_DATA_SIZE}"
    );
    env.process(tx).await.unwrap();
    assert!(env.balance(&liq.shares[1]).await > 0);
}

crate::scenarios!(
    limits_tests:
    liquidation_at_the_maximum_positions_fits_one_transaction,
);
