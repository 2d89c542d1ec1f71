//! #21, borrow factor: debt in a reserve weighs its value times the reserve's borrow factor
//! against the borrow limit and the liquidation line, so volatile debt needs more collateral.
//! Collateral and debt at spot (what bounds the liquidation bonus and what a write-off
//! compares) stay unweighted.

use super::env::{assert_err, VmEnv};
use super::fixture::{config, Market, SOL_UNIT, USD_UNIT};
use super::ix;
use super::liquidation_tests::{liquidate_ix, params, setup};
use super::scenario_tests::{three_reserves, PYUSD, SOL, USDC};
use lending::errors::LendingError;
use lending::risk::health::weighted;
use solana_signer::Signer;

/// USDC's listing configuration in [`three_reserves`], with a borrow factor.
fn usdc_with_factor(borrow_factor_bps: u16) -> lending_sdk::types::ReserveConfigParams {
    let mut c = config(8_000, 8_500);
    c.borrow_factor_bps = borrow_factor_bps;
    c
}

/// 10 SOL ($1,000; line $800) against 700.70 USDC of debt is healthy at 1x. The owner raises
/// USDC's borrow factor to 1.25x: the same debt now weighs $875.88, past the line, while the
/// unweighted figures do not move. No borrow fits; a liquidation goes through and shrinks the
/// weighted shortfall, and the collateral still covers the debt at spot.
async fn a_raised_borrow_factor_weighs_the_same_debt_past_the_line<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    let before = Market::obligation(&mut env, &b.obligation).await.health();
    assert_eq!(before.borrowed_weighted, before.borrowed);
    assert!(!before.is_liquidatable());

    let owner = m.owner.pubkey();
    env.ok(
        &[ix::update_reserve_config(
            owner,
            &m.reserves[USDC],
            usdc_with_factor(12_500),
        )],
        &[&m.owner],
    )
    .await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    let after = Market::obligation(&mut env, &b.obligation).await.health();
    assert_eq!(
        (after.deposited, after.borrowed, after.borrowed_spot),
        (before.deposited, before.borrowed, before.borrowed_spot)
    );
    assert_eq!(
        after.borrowed_weighted,
        weighted(after.borrowed, 12_500).unwrap()
    );
    assert!(after.is_liquidatable(), "{after:?}");

    assert_err(
        m.borrow(&mut env, &b, USDC, USD_UNIT).await,
        LendingError::BorrowTooLarge,
    );
    let liquidate = liquidate_ix(&m, &b, &l, params(50 * USD_UNIT, 1, false));
    m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp])
        .await
        .unwrap();
    let liquidated = Market::obligation(&mut env, &b.obligation).await.health();
    assert!(liquidated.shortfall() < after.shortfall());
    assert!(liquidated.solvent_at_spot());
}

/// The most a borrow allows follows the factor: at 2x a borrower gets half the USDC, and one
/// unit more is refused.
async fn the_largest_borrow_halves_at_a_factor_of_two<E: VmEnv>() {
    let mut env = E::start().await;
    let m = three_reserves(&mut env).await;
    let lender = m.user(&mut env, &[0, 100_000 * USD_UNIT, 0]).await;
    m.supply(&mut env, &lender, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    let mut owed = vec![];
    for factor in [10_000, 20_000] {
        env.ok(
            &[ix::update_reserve_config(
                m.owner.pubkey(),
                &m.reserves[USDC],
                usdc_with_factor(factor),
            )],
            &[&m.owner],
        )
        .await;
        let b = m.user(&mut env, &[10 * SOL_UNIT, 0, 0]).await;
        m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
            .await
            .unwrap();
        m.borrow(&mut env, &b, USDC, u64::MAX).await.unwrap();
        assert_err(
            m.borrow(&mut env, &b, USDC, 1).await,
            LendingError::BorrowTooLarge,
        );
        let h = Market::obligation(&mut env, &b.obligation).await.health();
        assert!(h.within_borrow_limit());
        owed.push(env.balance(&b.liquidity[USDC]).await);
    }
    // $750 of borrow limit: 749.25 USDC (plus the 10 bps fee) at 1x, half of it at 2x.
    assert_eq!(owed[0], 749_250_749);
    assert!(owed[0] / 2 - owed[1] <= 1, "{owed:?}");
}

/// Found by the fuzzer (#21): in one slot, the owner raises PYUSD's factor to 5x after the
/// borrower's refresh, and the borrower repays its 40.04 PYUSD of debt (weighed at 1x in the
/// cache), then borrows 30 PYUSD anew. The repayment used to take the debt out of the cached
/// weighted debt at the new 5x: $200.20 instead of $40.04, leaving $540.54 cached against a
/// real $700.70, and the new borrow (weighing $150.15 at 5x) went through on that cache
/// although it takes the real weighted debt to $850.85, past the $750 limit. Now a repayment
/// of a position valued under a replaced configuration marks the obligation stale, so the
/// borrow needs a refresh, which refuses it.
async fn a_repayment_after_a_factor_change_does_not_understate_the_debt<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    let lender = m.user(&mut env, &[0, 0, 1_000 * USD_UNIT]).await;
    m.supply(&mut env, &lender, PYUSD, 1_000 * USD_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, PYUSD, 40 * USD_UNIT).await.unwrap();
    let owner = m.owner.pubkey();
    let pyusd = m.reserves[PYUSD];
    // The origination fee: enough to repay in full.
    env.mint_to(
        &pyusd.mint,
        &b.liquidity[PYUSD],
        USD_UNIT,
        pyusd.token_program,
    )
    .await;
    let mut pyusd_config = config(8_000, 8_500);
    pyusd_config.borrow_factor_bps = 50_000;
    let mut ixs = m.refresh_all_reserves();
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    ixs.push(ix::refresh_obligation(b.obligation, &valued));
    ixs.push(ix::update_reserve_config(owner, &pyusd, pyusd_config));
    ixs.push(ix::refresh_oracle_price(pyusd.oracle, None));
    ixs.push(ix::refresh_reserve(&pyusd));
    ixs.push(ix::repay(
        b.kp.pubkey(),
        b.obligation,
        &pyusd,
        b.liquidity[PYUSD],
        u64::MAX,
    ));
    ixs.push(ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &pyusd,
        b.liquidity[PYUSD],
        30 * USD_UNIT,
        &[m.reserves[SOL].reserve, m.reserves[USDC].reserve],
    ));
    assert_err(
        env.send(&ixs, &[&m.owner, &b.kp]).await,
        LendingError::ObligationStale,
    );
    // With a refresh between the repayment and the borrow, the borrow is too large.
    let res = m.borrow(&mut env, &b, PYUSD, 30 * USD_UNIT).await;
    assert_err(res, LendingError::BorrowTooLarge);
}

crate::scenarios!(
    borrow_factor_tests:
    a_raised_borrow_factor_weighs_the_same_debt_past_the_line,
    the_largest_borrow_halves_at_a_factor_of_two,
    a_repayment_after_a_factor_change_does_not_understate_the_debt,
);
