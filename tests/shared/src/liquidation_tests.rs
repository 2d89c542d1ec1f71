//! Liquidation: bonus, close factor, clamping, minimum-receive, bad-debt write-off.

use super::env::{assert_err, find_event, VmEnv};
use super::fixture::{Market, User};
use super::fixture::{SOL_UNIT, USD_UNIT};
use super::invariants;
use super::ix;
use super::scenario_tests::{three_reserves, SOL, USDC};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use lending::risk::fixed::{mul_div, Rounding};
use lending::risk::WAD;
use lending_sdk::types::LiquidateParams;
use solana_signer::Signer;

/// A market where `borrower` holds 10 SOL ($1,000) and owes 700 USDC, and a liquidator with
/// USDC and token accounts.
pub(super) async fn setup(env: &mut impl VmEnv) -> (Market, User, User, User) {
    let m = three_reserves(env).await;
    let lender = m.user(env, &[0, 100_000 * USD_UNIT, 0]).await;
    let borrower = m.user(env, &[10 * SOL_UNIT, 0, 0]).await;
    let liquidator = m.user(env, &[0, 10_000 * USD_UNIT, 0]).await;
    m.supply(env, &lender, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(env, &borrower, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(env, &borrower, USDC, 700 * USD_UNIT)
        .await
        .unwrap();
    (m, lender, borrower, liquidator)
}

pub(super) fn params(max_repay: u64, min_receive: u64, receive_liquidity: bool) -> LiquidateParams {
    LiquidateParams {
        max_repay,
        min_receive,
        receive_liquidity,
    }
}

/// The liquidator `l` repaying `b`'s USDC debt for SOL collateral, while `b` holds both
/// positions (SOL collateral, USDC debt).
pub(super) fn liquidate_ix(m: &Market, b: &User, l: &User, p: LiquidateParams) -> Instruction {
    let valued = [m.reserves[SOL].reserve, m.reserves[USDC].reserve];
    liquidate_ix_valued(m, b, l, p, &valued)
}

/// [`liquidate_ix`] for `b`'s positions in `valued` (its reserves, collateral then debt).
fn liquidate_ix_valued(
    m: &Market,
    b: &User,
    l: &User,
    p: LiquidateParams,
    valued: &[Pubkey],
) -> Instruction {
    let dest = if p.receive_liquidity {
        l.liquidity[SOL]
    } else {
        l.shares[SOL]
    };
    ix::liquidate(
        l.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        l.liquidity[USDC],
        &m.reserves[SOL],
        dest,
        p,
        valued,
    )
}

async fn liquidate(
    env: &mut impl VmEnv,
    m: &Market,
    b: &User,
    l: &User,
    p: LiquidateParams,
) -> super::env::TxResult {
    m.act(env, &b.obligation, &[liquidate_ix(m, b, l, p)], &[&l.kp])
        .await
}

async fn healthy_obligation_cannot_be_liquidated<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    assert_err(
        liquidate(&mut env, &m, &b, &l, params(u64::MAX, 0, false)).await,
        LendingError::ObligationHealthy,
    );
    assert_eq!(env.balance(&l.liquidity[USDC]).await, 10_000 * USD_UNIT);
}

async fn price_crash_liquidation_pays_the_dynamic_bonus<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l) = setup(&mut env).await;
    // SOL falls to $85: collateral $850, liquidation line $680 < debt $700.7.
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    // Refresh at the new price to see the health the liquidation starts from.
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    let before = Market::obligation(&mut env, &b.obligation).await;
    liquidate(&mut env, &m, &b, &l, params(u64::MAX, 1, false))
        .await
        .unwrap();
    let h0 = before.health();
    let after = Market::obligation(&mut env, &b.obligation).await;
    let repaid = 10_000 * USD_UNIT - env.balance(&l.liquidity[USDC]).await;
    let got = env.balance(&l.shares[SOL]).await;
    // Debt value at the refresh: 700.7 USDC (fee included). Close factor 50%.
    let debt = 700.7f64;
    assert!(
        (repaid as f64 / USD_UNIT as f64 - debt / 2.0).abs() < 0.01,
        "repaid {repaid}"
    );
    // Bonus: 2% + 8% × (debt − line) / (collateral − line), line = 850 × 80% = 680.
    let t = (debt - 680.0) / (850.0 - 680.0);
    let bonus = 0.02 + 0.08 * t;
    let seized_expected = repaid as f64 / USD_UNIT as f64 * (1.0 + bonus) / 85.0 * SOL_UNIT as f64;
    let fee_share = bonus / (1.0 + bonus) * 0.10;
    let to_liquidator = seized_expected * (1.0 - fee_share);
    assert!(
        (got as f64 - to_liquidator).abs() / to_liquidator < 1e-4,
        "got {got} expected {to_liquidator}"
    );
    // Health improved: the shortfall shrank.
    assert!(after.health().shortfall() < h0.shortfall());
    assert!(h0.borrowed > h0.liquidation_line);
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, l.obligation],
    )
    .await;
}

async fn liquidation_clamps_to_the_liquidators_bounds<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l) = setup(&mut env).await;
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    // The liquidator offers 100 USDC: exactly that is repaid (clamped, not reverted).
    liquidate(&mut env, &m, &b, &l, params(100 * USD_UNIT, 1, true))
        .await
        .unwrap();
    assert_eq!(
        10_000 * USD_UNIT - env.balance(&l.liquidity[USDC]).await,
        100 * USD_UNIT
    );
    let sol = env.balance(&l.liquidity[SOL]).await;
    assert!(sol > 100 * SOL_UNIT / 85, "received {sol}");
    // A minimum above what is feasible is refused, and nothing moves.
    let usdc = env.balance(&l.liquidity[USDC]).await;
    assert_err(
        liquidate(
            &mut env,
            &m,
            &b,
            &l,
            params(100 * USD_UNIT, 10 * SOL_UNIT, true),
        )
        .await,
        LendingError::LiquidationBelowMinimum,
    );
    assert_eq!(env.balance(&l.liquidity[USDC]).await, usdc);
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, l.obligation],
    )
    .await;
}

/// Liquidity per share (WAD).
pub(super) fn share_rate(r: &lending_sdk::lending_core::state::Reserve) -> u128 {
    let p = r.pool();
    mul_div(
        p.total_liquidity().unwrap(),
        WAD,
        p.share_supply as u128,
        Rounding::Down,
    )
    .unwrap()
}

/// Liquidates `b` with `u64::MAX` until no debt is left (passing the USDC reserve's insurance
/// fund when it has one); returns the debt (WAD) written off from the USDC reserve, read from
/// its `bad_debt_written_off` counter. Where events can be observed (on the .so), each round's
/// `Liquidated` and `BadDebtWrittenOff` events must agree with the accounts, and the loss split
/// must add up to the loss.
pub(super) async fn liquidate_until_closed(
    env: &mut impl VmEnv,
    m: &Market,
    b: &User,
    l: &User,
) -> u128 {
    let written = |r: &lending_sdk::lending_core::state::Reserve| r.bad_debt_written_off.get();
    let start = written(&m.reserve(env, USDC).await);
    let mut rounds = 0;
    loop {
        let ob = Market::obligation(env, &b.obligation).await;
        if ob.borrows_len == 0 {
            return written(&m.reserve(env, USDC).await) - start;
        }
        let debt_before: u128 = ob.borrows[..ob.borrows_len as usize]
            .iter()
            .map(|p| p.debt_shares.get())
            .sum();
        let usdc = m.reserve(env, USDC).await;
        let off_before = written(&usdc);
        let mut ixs = m.refresh_all_reserves();
        let reserves = Market::obligation_reserves(env, &b.obligation).await;
        let ixx = liquidate_ix_valued(m, b, l, params(u64::MAX, 0, false), &reserves);
        let ixx = lending_sdk::fund::with_fund(ixx, &m.reserves[USDC].reserve, &usdc);
        ixs.push(ix::refresh_obligation(b.obligation, &reserves));
        ixs.push(ixx);
        let events = env.simulate_events(&ixs, &[&l.kp]).await;
        env.ok(&ixs, &[&l.kp]).await;
        let ob = Market::obligation(env, &b.obligation).await;
        let debt_after: u128 = ob.borrows[..ob.borrows_len as usize]
            .iter()
            .map(|p| p.debt_shares.get())
            .sum();
        assert!(debt_after < debt_before, "a round repaid nothing");
        let off = written(&m.reserve(env, USDC).await) - off_before;
        if let Some(events) = events {
            let liq: lending::events::Liquidated = find_event(&events).expect("Liquidated event");
            assert!(liq.health.borrowed < liq.health_before.borrowed);
            let w = find_event::<lending::events::BadDebtWrittenOff>(&events);
            assert_eq!(w.as_ref().map_or(0, |w| w.amount_wad), off);
            if let Some(w) = w {
                assert_eq!(w.reserve, m.reserves[USDC].reserve);
                // The loss is split in full among the fund, fees and depositors.
                let parts = w.fund_fees_wad
                    + lending::risk::fixed::amount_to_wad(w.fund_tokens)
                    + w.protocol_fees_wad
                    + w.depositors_wad;
                assert_eq!(parts, w.amount_wad, "loss split does not add up");
            }
        }
        rounds += 1;
        assert!(rounds < 10, "liquidation did not converge");
    }
}

/// Found by the fuzzer: after a write-off the USDC share is worth less than one token unit,
/// so a one-share collateral position cannot be redeemed (AmountTooSmall), but it can always
/// leave the obligation as shares.
async fn dust_collateral_after_a_write_off_still_leaves_the_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    let d = m.user(&mut env, &[0, 1, 0]).await;
    m.deposit_collateral(&mut env, &d, USDC, 1).await.unwrap();
    let shares = Market::obligation(&mut env, &d.obligation).await.deposits[0].shares;
    assert_eq!(shares, 1);
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    let wrote_off = liquidate_until_closed(&mut env, &m, &b, &l).await;
    assert!(wrote_off > 0, "no write-off");
    assert_err(
        m.withdraw(&mut env, &d, USDC, u64::MAX).await,
        LendingError::AmountTooSmall,
    );
    let valued = Market::obligation_reserves(&mut env, &d.obligation).await;
    let out = ix::withdraw_obligation_collateral(
        d.kp.pubkey(),
        d.obligation,
        &m.reserves[USDC],
        d.shares[USDC],
        u64::MAX,
        &valued,
    );
    m.act(&mut env, &d.obligation, &[out], &[&d.kp])
        .await
        .unwrap();
    assert_eq!(env.balance(&d.shares[USDC]).await, 1);
    assert_eq!(
        Market::obligation(&mut env, &d.obligation)
            .await
            .deposits_len,
        0
    );
}

async fn deep_crash_writes_off_bad_debt_inside_liquidation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l) = setup(&mut env).await;
    // SOL falls to $40: collateral $400 against $700.7 of debt.
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    let rate_before = share_rate(&m.reserve(&mut env, USDC).await);
    let wrote_off = liquidate_until_closed(&mut env, &m, &b, &l).await;
    assert!(wrote_off > 0, "no write-off");
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!((ob.deposits_len, ob.borrows_len), (0, 0));
    let r = m.reserve(&mut env, USDC).await;
    assert_eq!(r.bad_debt_written_off.get(), wrote_off);
    assert_eq!(r.debt_shares.get(), 0);
    let rate_after = share_rate(&r);
    assert!(rate_after < rate_before, "loss was not socialised");
    // The lender can still exit completely, at the reduced rate.
    m.redeem(&mut env, &lender, USDC, u64::MAX).await.unwrap();
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, l.obligation],
    )
    .await;
}

async fn liquidation_needs_a_fresh_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    let ixx = liquidate_ix(&m, &b, &l, params(u64::MAX, 0, false));
    env.advance(1).await;
    assert_err(
        m.act_reserves(&mut env, &[ixx], &[&l.kp]).await,
        LendingError::ObligationStale,
    );
}

/// How the liquidations of a cascade scenario are sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sending {
    /// All in one transaction, after one refresh.
    OneTransaction,
    /// One per transaction, all in one slot (each transaction refreshes first).
    OneSlot,
    /// One per transaction, a slot and a second apart, each refreshing first.
    AcrossSlots,
}

/// #18, medium 1: the borrower's 10 SOL are worth 5% more than its 700.70 USDC of debt, inside
/// the band where the old ramp paid an 8.1% bonus. Repeated liquidations used to lower the
/// margin with each call, raise the next bonus, and end by seizing everything and writing the
/// rest off against depositors. Now every call keeps the collateral above the debt and
/// nothing is written off, however the calls are sent.
async fn covered_obligation_is_not_liquidated_into_bad_debt<E: VmEnv>(sending: Sending) {
    let mut env = E::start().await;
    let (m, lender, b, l) = setup(&mut env).await;
    // SOL at $73.57: $735.70 of collateral against $700.70 of debt.
    m.set_price(&mut env, SOL, 73_570_000, -6).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    let start = invariants::spot_book(&mut env, &b.obligation).await;
    assert!(
        start.covered() && start.collateral * 100 < start.debt * 106,
        "{start:?}"
    );
    // Distinct amounts keep the transactions of one slot distinct.
    let calls = |k: u64| params(u64::MAX - k, 0, false);
    if sending == Sending::OneTransaction {
        let ixs: Vec<_> = (0..4).map(|k| liquidate_ix(&m, &b, &l, calls(k))).collect();
        m.act(&mut env, &b.obligation, &ixs, &[&l.kp])
            .await
            .unwrap();
    } else {
        for k in 0..6 {
            if sending == Sending::AcrossSlots {
                env.advance(1).await;
            }
            let before = invariants::spot_book(&mut env, &b.obligation).await;
            liquidate(&mut env, &m, &b, &l, calls(k)).await.unwrap();
            let after = invariants::spot_book(&mut env, &b.obligation).await;
            let written_off = m.reserve(&mut env, USDC).await.bad_debt_written_off.get();
            invariants::check_liquidation_keeps_cover(
                &before,
                &after,
                before.tolerance,
                written_off,
            );
        }
    }
    let end = invariants::spot_book(&mut env, &b.obligation).await;
    assert!(end.covered_within_tolerance(), "{start:?} -> {end:?}");
    assert!(
        end.debt < start.debt / 8,
        "the liquidations repaid: {end:?}"
    );
    let usdc = m.reserve(&mut env, USDC).await;
    assert_eq!(usdc.bad_debt_written_off.get(), 0, "nothing is written off");
    invariants::check(
        &mut env,
        &m,
        &[lender.obligation, b.obligation, l.obligation],
    )
    .await;
}

async fn repeated_liquidations_in_one_transaction_keep_a_covered_obligation_covered<E: VmEnv>() {
    covered_obligation_is_not_liquidated_into_bad_debt::<E>(Sending::OneTransaction).await;
}

async fn repeated_liquidations_in_one_slot_keep_a_covered_obligation_covered<E: VmEnv>() {
    covered_obligation_is_not_liquidated_into_bad_debt::<E>(Sending::OneSlot).await;
}

async fn repeated_liquidations_across_slots_keep_a_covered_obligation_covered<E: VmEnv>() {
    covered_obligation_is_not_liquidated_into_bad_debt::<E>(Sending::AcrossSlots).await;
}

crate::scenarios!(
    liquidation_tests:
    healthy_obligation_cannot_be_liquidated,
    price_crash_liquidation_pays_the_dynamic_bonus,
    liquidation_clamps_to_the_liquidators_bounds,
    dust_collateral_after_a_write_off_still_leaves_the_obligation,
    deep_crash_writes_off_bad_debt_inside_liquidation,
    liquidation_needs_a_fresh_obligation,
    repeated_liquidations_in_one_transaction_keep_a_covered_obligation_covered,
    repeated_liquidations_in_one_slot_keep_a_covered_obligation_covered,
    repeated_liquidations_across_slots_keep_a_covered_obligation_covered,
);
