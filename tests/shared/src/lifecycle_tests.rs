//! Deposits, redemptions, collateral, borrows and repayments: each failure path with its error.

use super::env::{assert_anchor_err, assert_err, VmEnv};
use super::fixture::{config, Market, User};
use super::fixture::{SOL_UNIT, USD_UNIT};
use super::invariants;
use super::ix;
use super::scenario_tests::{three_reserves, PYUSD, SOL, USDC};
use lending::errors::LendingError;
use solana_signer::Signer;

async fn funded(env: &mut impl VmEnv) -> (Market, User, User) {
    let m = three_reserves(env).await;
    let lender = m
        .user(
            env,
            &[100 * SOL_UNIT, 100_000 * USD_UNIT, 100_000 * USD_UNIT],
        )
        .await;
    let b = m.user(env, &[10 * SOL_UNIT, 0, 1_000 * USD_UNIT]).await;
    m.supply(env, &lender, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    m.supply(env, &lender, SOL, 50 * SOL_UNIT).await.unwrap();
    (m, lender, b)
}

async fn set_config(
    env: &mut impl VmEnv,
    m: &Market,
    i: usize,
    c: lending_sdk::types::ReserveConfigParams,
) {
    m.act_reserves(
        env,
        &[ix::update_reserve_config(
            m.owner.pubkey(),
            &m.reserves[i],
            c,
        )],
        &[&m.owner],
    )
    .await
    .unwrap();
}

async fn deposit_then_redeem_returns_at_most_what_was_put_in<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.supply(&mut env, &b, PYUSD, 777_777).await.unwrap();
    let shares = env.balance(&b.shares[PYUSD]).await;
    assert!(shares > 0 && shares <= 777_777);
    m.redeem(&mut env, &b, PYUSD, u64::MAX).await.unwrap();
    assert!(env.balance(&b.liquidity[PYUSD]).await <= 1_000 * USD_UNIT);
    assert_eq!(env.balance(&b.shares[PYUSD]).await, 0);
    assert_err(
        m.supply(&mut env, &b, PYUSD, 0).await,
        LendingError::ZeroAmount,
    );
    assert_err(
        m.redeem(&mut env, &b, PYUSD, 0).await,
        LendingError::ZeroAmount,
    );
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

async fn actions_need_reserves_refreshed_in_this_slot<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b) = funded(&mut env).await;
    env.advance(1).await;
    let k = m.reserves[PYUSD];
    let res = env
        .send(
            &[ix::deposit_reserve_liquidity(
                b.kp.pubkey(),
                &k,
                b.liquidity[PYUSD],
                b.shares[PYUSD],
                10,
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::ReserveStale);
    m.deposit_collateral(&mut env, &b, SOL, SOL_UNIT)
        .await
        .unwrap();
    // A borrow with reserves refreshed but no obligation refresh in this slot.
    env.advance(1).await;
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let res = m
        .act_reserves(
            &mut env,
            &[ix::borrow(
                b.kp.pubkey(),
                b.obligation,
                &m.reserves[USDC],
                b.liquidity[USDC],
                10,
                &valued,
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::ObligationStale);
}

async fn caps_and_outflow_limits_refuse_with_their_own_errors<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    let mut c = config(8_000, 8_500);
    c.deposit_cap = 60_000 * USD_UNIT;
    set_config(&mut env, &m, USDC, c).await;
    assert_err(
        m.supply(&mut env, &lender, USDC, 10_001 * USD_UNIT).await,
        LendingError::DepositCapReached,
    );
    m.supply(&mut env, &lender, USDC, 9_000 * USD_UNIT)
        .await
        .unwrap();

    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    let mut c = config(8_000, 8_500);
    c.borrow_cap = 100 * USD_UNIT;
    set_config(&mut env, &m, USDC, c).await;
    assert_err(
        m.borrow(&mut env, &b, USDC, 100 * USD_UNIT).await,
        LendingError::BorrowCapReached,
    );
    m.borrow(&mut env, &b, USDC, 99 * USD_UNIT).await.unwrap();

    let mut c = config(8_000, 8_500);
    c.outflow_limit = 50 * USD_UNIT;
    c.outflow_window_secs = 3_600;
    set_config(&mut env, &m, USDC, c).await;
    m.borrow(&mut env, &b, USDC, 40 * USD_UNIT).await.unwrap();
    assert_err(
        m.borrow(&mut env, &b, USDC, 20 * USD_UNIT).await,
        LendingError::OutflowLimitExceeded,
    );
    env.advance(3_600).await;
    m.borrow(&mut env, &b, USDC, 20 * USD_UNIT).await.unwrap();

    // Utilisation cap on SOL: 51 SOL supplied, a cap of 1% refuses a 1 SOL borrow.
    let c2 = m.user(&mut env, &[0, 0, 1_000 * USD_UNIT]).await;
    m.deposit_collateral(&mut env, &c2, PYUSD, 1_000 * USD_UNIT)
        .await
        .unwrap();
    let mut c = config(7_500, 8_000);
    c.utilization_cap_bps = 100;
    set_config(&mut env, &m, SOL, c).await;
    assert_err(
        m.borrow(&mut env, &c2, SOL, SOL_UNIT).await,
        LendingError::UtilizationCapReached,
    );
    m.borrow(&mut env, &c2, SOL, SOL_UNIT / 10).await.unwrap();
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, c2.obligation],
    )
    .await;
}

async fn withdrawals_keep_the_obligation_within_its_borrowing_power<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 300 * USD_UNIT).await.unwrap();
    // $300.3 of debt needs $400.4 of SOL at 75%: at most ~5.996 SOL may leave.
    assert_err(
        m.withdraw(&mut env, &b, SOL, 6 * SOL_UNIT).await,
        LendingError::WithdrawTooLarge,
    );
    assert_err(
        m.withdraw(&mut env, &b, SOL, 11 * SOL_UNIT).await,
        LendingError::AmountExceedsCollateral,
    );
    m.withdraw(&mut env, &b, SOL, u64::MAX).await.unwrap();
    let got = env.balance(&b.liquidity[SOL]).await;
    assert!(
        got > 5_990_000_000 && got < 6 * SOL_UNIT,
        "max withdraw gave {got}"
    );
    assert_err(
        m.withdraw(&mut env, &b, SOL, 1_000).await,
        LendingError::WithdrawTooLarge,
    );
    // Collateral-only withdrawal to the wallet as shares works the same way.
    let k = m.reserves[SOL];
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let res = m
        .act(
            &mut env,
            &b.obligation,
            &[ix::withdraw_obligation_collateral(
                b.kp.pubkey(),
                b.obligation,
                &k,
                b.shares[SOL],
                1_000,
                &valued,
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::WithdrawTooLarge);
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

async fn repay_never_takes_more_than_owed<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 100 * USD_UNIT).await.unwrap();
    env.mint_to(
        &m.reserves[USDC].mint,
        &b.liquidity[USDC],
        50 * USD_UNIT,
        super::env::SPL_TOKEN,
    )
    .await;
    let before = env.balance(&b.liquidity[USDC]).await;
    m.repay(&mut env, &b, USDC, 1_000 * USD_UNIT).await.unwrap();
    let paid = before - env.balance(&b.liquidity[USDC]).await;
    assert_eq!(
        paid,
        100 * USD_UNIT + 100_000,
        "repaid principal + 10 bps fee, nothing more"
    );
    assert_err(
        m.repay(&mut env, &b, USDC, 1).await,
        LendingError::NoDebtInReserve,
    );
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

async fn positions_are_bounded_and_collateral_cannot_be_borrowed_against_itself<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, PYUSD, 100 * USD_UNIT)
        .await
        .unwrap();
    assert_err(
        m.borrow(&mut env, &b, PYUSD, USD_UNIT).await,
        LendingError::CollateralAndDebtSameReserve,
    );
    m.deposit_collateral(&mut env, &b, SOL, SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, USD_UNIT).await.unwrap();
    let k = m.reserves[USDC];
    env.mint_to(&k.mint, &b.liquidity[USDC], USD_UNIT, super::env::SPL_TOKEN)
        .await;
    let res = m
        .act_reserves(
            &mut env,
            &[ix::deposit_and_collateralize(
                b.kp.pubkey(),
                b.obligation,
                &k,
                b.liquidity[USDC],
                USD_UNIT,
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::CollateralAndDebtSameReserve);
}

async fn only_the_owner_moves_an_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    let k = m.reserves[USDC];
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let res = m
        .act(
            &mut env,
            &b.obligation,
            &[ix::borrow(
                lender.kp.pubkey(),
                b.obligation,
                &k,
                lender.liquidity[USDC],
                USD_UNIT,
                &valued,
            )],
            &[&lender.kp],
        )
        .await;
    assert_err(res, LendingError::NotObligationOwner);
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let res = m
        .act(
            &mut env,
            &b.obligation,
            &[ix::withdraw_and_redeem(
                lender.kp.pubkey(),
                b.obligation,
                &m.reserves[SOL],
                lender.liquidity[SOL],
                1,
                &valued,
            )],
            &[&lender.kp],
        )
        .await;
    assert_err(res, LendingError::NotObligationOwner);
}

async fn refresh_obligation_checks_its_reserves_one_by_one<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, USD_UNIT).await.unwrap();
    let (sol, usdc, py) = (
        m.reserves[SOL].reserve,
        m.reserves[USDC].reserve,
        m.reserves[PYUSD].reserve,
    );
    for bad in [
        vec![usdc, sol],
        vec![sol],
        vec![sol, usdc, py],
        vec![sol, py],
    ] {
        let res = m
            .act_reserves(&mut env, &[ix::refresh_obligation(b.obligation, &bad)], &[])
            .await;
        assert_err(res, LendingError::WrongRemainingAccounts);
    }
    m.act_reserves(
        &mut env,
        &[ix::refresh_obligation(b.obligation, &[sol, usdc])],
        &[],
    )
    .await
    .unwrap();
}

async fn reserve_status_gates_actions<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 10 * USD_UNIT).await.unwrap();
    let mut c = config(8_000, 8_500);
    c.status = 1;
    set_config(&mut env, &m, USDC, c).await;
    assert_err(
        m.supply(&mut env, &lender, USDC, USD_UNIT).await,
        LendingError::ReserveReduceOnly,
    );
    assert_err(
        m.borrow(&mut env, &b, USDC, USD_UNIT).await,
        LendingError::ReserveReduceOnly,
    );
    m.redeem(&mut env, &lender, USDC, USD_UNIT).await.unwrap();
    let mut c = config(8_000, 8_500);
    c.status = 2;
    set_config(&mut env, &m, USDC, c).await;
    assert_err(
        m.redeem(&mut env, &lender, USDC, USD_UNIT).await,
        LendingError::ReserveFrozen,
    );
    // Repaying is always allowed, even on a frozen reserve.
    env.mint_to(
        &m.reserves[USDC].mint,
        &b.liquidity[USDC],
        USD_UNIT,
        super::env::SPL_TOKEN,
    )
    .await;
    m.repay(&mut env, &b, USDC, u64::MAX).await.unwrap();
    assert_eq!(
        Market::obligation(&mut env, &b.obligation)
            .await
            .borrows_len,
        0
    );
}

async fn a_vault_cannot_stand_in_for_the_users_account<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, _b) = funded(&mut env).await;
    let k = m.reserves[USDC];
    let res = m
        .act_reserves(
            &mut env,
            &[ix::redeem_reserve_collateral(
                lender.kp.pubkey(),
                &k,
                lender.shares[USDC],
                k.fee_vault,
                USD_UNIT,
            )],
            &[&lender.kp],
        )
        .await;
    assert_err(res, LendingError::VaultAsUserAccount);
    let res = m
        .act_reserves(
            &mut env,
            &[ix::redeem_reserve_collateral(
                lender.kp.pubkey(),
                &k,
                lender.shares[USDC],
                k.supply_vault,
                USD_UNIT,
            )],
            &[&lender.kp],
        )
        .await;
    assert_anchor_err(
        res,
        anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount,
    );
}

async fn shares_move_between_wallet_and_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    let k = m.reserves[PYUSD];
    let unit = 10u64.pow(k.decimals as u32);
    m.supply(&mut env, &b, PYUSD, 500 * unit).await.unwrap();
    let shares = env.balance(&b.shares[PYUSD]).await;
    let supply_before = m.reserve(&mut env, PYUSD).await.share_supply;
    let dep = ix::deposit_obligation_collateral(
        b.kp.pubkey(),
        b.obligation,
        &k,
        b.shares[PYUSD],
        u64::MAX,
    );
    m.act_reserves(&mut env, &[dep], &[&b.kp]).await.unwrap();
    assert_eq!(env.balance(&b.shares[PYUSD]).await, 0);
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(ob.deposits()[0].shares, shares);
    // Collateral shares still count in the reserve's supply: the exchange rate is unchanged.
    assert_eq!(m.reserve(&mut env, PYUSD).await.share_supply, supply_before);
    let valued = Market::obligation_reserves(&mut env, &b.obligation).await;
    let wd = ix::withdraw_obligation_collateral(
        b.kp.pubkey(),
        b.obligation,
        &k,
        b.shares[PYUSD],
        u64::MAX,
        &valued,
    );
    m.act(&mut env, &b.obligation, &[wd], &[&b.kp])
        .await
        .unwrap();
    assert_eq!(env.balance(&b.shares[PYUSD]).await, shares);
    assert_eq!(
        Market::obligation(&mut env, &b.obligation)
            .await
            .deposits_len,
        0
    );
    let wrong =
        ix::deposit_obligation_collateral(b.kp.pubkey(), lender.obligation, &k, b.shares[PYUSD], 1);
    assert_err(
        m.act_reserves(&mut env, &[wrong], &[&b.kp]).await,
        LendingError::NotObligationOwner,
    );
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

/// #18, low 8: a rate so high that interest can no longer be represented used to leave the
/// reserve unrefreshable, and so unconfigurable (the change needed a fresh reserve), for good.
/// The owner can now reconfigure it without a refresh: interest accrues under the old curve up
/// to the change, and a period whose interest overflows is charged none.
async fn a_reserve_whose_interest_overflows_can_still_be_reconfigured<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    m.deposit_collateral(&mut env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, USDC, 10 * USD_UNIT).await.unwrap();
    // 10,000% APR at any utilisation (the most a curve may charge), then a year untouched.
    let mut absurd = config(8_000, 8_500);
    absurd.curve = lending_sdk::curve_points(&[(0, 1_000_000), (10_000, 1_000_000)]);
    set_config(&mut env, &m, USDC, absurd).await;
    env.advance(365 * 86_400).await;
    assert_err(
        m.act_reserves(&mut env, &[], &[]).await,
        LendingError::MathOverflow,
    );
    let index = m.reserve(&mut env, USDC).await.borrow_index.get();
    env.ok(
        &[ix::update_reserve_config(
            m.owner.pubkey(),
            &m.reserves[USDC],
            config(8_000, 8_500),
        )],
        &[&m.owner],
    )
    .await;
    assert_eq!(
        m.reserve(&mut env, USDC).await.borrow_index.get(),
        index,
        "the year that cannot be represented is charged nothing"
    );
    // The reserve works again under the new curve: the borrower repays everything.
    env.advance(60).await;
    env.mint_to(
        &m.reserves[USDC].mint,
        &b.liquidity[USDC],
        USD_UNIT,
        super::env::SPL_TOKEN,
    )
    .await;
    m.repay(&mut env, &b, USDC, u64::MAX).await.unwrap();
    assert_eq!(
        Market::obligation(&mut env, &b.obligation)
            .await
            .borrows_len,
        0
    );
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

crate::scenarios!(
    lifecycle_tests:
    deposit_then_redeem_returns_at_most_what_was_put_in,
    actions_need_reserves_refreshed_in_this_slot,
    caps_and_outflow_limits_refuse_with_their_own_errors,
    withdrawals_keep_the_obligation_within_its_borrowing_power,
    repay_never_takes_more_than_owed,
    positions_are_bounded_and_collateral_cannot_be_borrowed_against_itself,
    only_the_owner_moves_an_obligation,
    refresh_obligation_checks_its_reserves_one_by_one,
    reserve_status_gates_actions,
    a_vault_cannot_stand_in_for_the_users_account,
    shares_move_between_wallet_and_obligation,
    a_reserve_whose_interest_overflows_can_still_be_reconfigured,
);
