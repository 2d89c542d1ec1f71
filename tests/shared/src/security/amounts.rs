//! Amounts at the edges: zero is refused everywhere with ZeroAmount (or, for a liquidation,
//! NothingToLiquidate); u64::MAX means "as much as the rules allow" and must never exceed
//! them.

use super::super::env::VmEnv;
use super::super::fixture::Market;
use super::super::scenario_tests::{SOL, USDC};
use super::attack::{attack, trial, Expect};
use super::classes::{each_case, Attack};
use super::matrix::{assert_coverage, AMOUNTS};
use super::scene::{Scene, INSTRUCTIONS};
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError as L;
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;

/// `tx` with the target's amount (and a flash repay's) set to `amount`.
fn with_amount(tx: &mut [Instruction], target: usize, amount: u64, flash: bool) {
    tx[target].data[8..16].copy_from_slice(&amount.to_le_bytes());
    if flash {
        tx[target + 1].data[8..16].copy_from_slice(&amount.to_le_bytes());
    }
}

/// Zero amounts, everywhere an amount is taken.
async fn zero_amounts<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let covered = each_case(&mut env, &scene, |_, case| {
        if !AMOUNTS.contains(&case.name) {
            return vec![];
        }
        let mut tx = case.with(case.target.clone());
        with_amount(&mut tx, case.before.len(), 0, case.name == "flash_borrow");
        // A liquidation allowed to repay nothing has nothing to do.
        let expect = if case.name == "liquidate_obligation" {
            L::NothingToLiquidate
        } else {
            L::ZeroAmount
        };
        vec![Attack::new("amount 0", tx, Expect::Lending(expect))]
    })
    .await;
    assert_coverage("zero_amounts", &covered);
}

/// u64::MAX everywhere an amount is taken: a flash loan of everything, or redeeming shares
/// worth more than the cash on hand, is refused; elsewhere it resolves to the whole balance,
/// the most health allows or the whole debt, and never more.
async fn max_amounts<E: VmEnv>() {
    let mut env = E::start().await;
    let s = Scene::new(&mut env).await;
    let mut covered = vec![];
    for name in INSTRUCTIONS.into_iter().filter(|n| AMOUNTS.contains(n)) {
        let market_kp = Keypair::new();
        let case = s.case(name, &market_kp);
        let mut tx = case.with(case.target.clone());
        with_amount(&mut tx, case.before.len(), u64::MAX, name == "flash_borrow");
        covered.push(name);
        // Everything in the vault (a flash loan), or the lender's every share while most of
        // the USDC is lent out: refused, not shrunk.
        if matches!(name, "flash_borrow" | "redeem_reserve_collateral") {
            let e = Expect::Lending(L::InsufficientLiquidity);
            let label = format!("{name} × u64::MAX");
            attack(&mut env, &label, &tx, &case.signers, e)
                .await
                .unwrap();
            continue;
        }
        let b = &s.b;
        let victim_before = Market::obligation(&mut env, &s.victim.obligation).await;
        let usdc_before = env.balance(&b.liquidity[USDC]).await;
        let (res, saved) = trial(&mut env, &tx, &case.signers).await;
        res.unwrap_or_else(|e| panic!("{name} with u64::MAX failed: {e:?}"));
        let ob = Market::obligation(&mut env, &b.obligation).await;
        let h = ob.health();
        match name {
            "deposit_reserve_liquidity" => {
                assert_eq!(env.balance(&s.lender.liquidity[USDC]).await, 0)
            }
            "deposit_obligation_collateral" => assert_eq!(env.balance(&b.shares[SOL]).await, 0),
            "deposit_and_collateralize" => assert_eq!(env.balance(&b.liquidity[SOL]).await, 0),
            "withdraw_obligation_collateral"
            | "withdraw_and_redeem"
            | "borrow_obligation_liquidity" => {
                // The most health allows: within the limit, and a refresh agrees.
                assert!(h.within_borrow_limit(), "{name}: {h:?}");
                assert!(
                    h.borrowed * 1_000 >= h.borrow_limit * 999,
                    "{name} left room unused: {h:?}"
                );
            }
            "repay_obligation_liquidity" => {
                assert_eq!(ob.borrows_len, 0, "repay-all leaves no debt");
                assert!(env.balance(&b.liquidity[USDC]).await < usdc_before);
            }
            "liquidate_obligation" => {
                let after = Market::obligation(&mut env, &s.victim.obligation).await;
                let (d0, d1) = (
                    victim_before.borrows[0].debt_shares.get(),
                    after.borrows[0].debt_shares.get(),
                );
                // The close factor (50%) bounds one liquidation, whatever max_repay says.
                assert!(
                    d1 < d0 && d0 - d1 <= d0 / 2 + 1,
                    "repaid {} of {d0} debt shares",
                    d0 - d1
                );
            }
            "stake" => assert_eq!(env.balance(&s.lender.liquidity[SOL]).await, 0),
            "request_unstake" => assert_eq!(env.balance(&s.fund_shares[1]).await, 0),
            other => unreachable!("{other}"),
        }
        saved.restore(&mut env);
    }
    assert_coverage("max_amounts", &covered);
    // The scene is as it was: a valid transaction still works.
    let market_kp = Keypair::new();
    let case = s.case("borrow_obligation_liquidity", &market_kp);
    let mut valid = vec![ComputeBudgetInstruction::set_compute_unit_limit(1_400_000)];
    valid.extend(case.with(case.target.clone()));
    env.simulate_events(&valid, &case.signers).await;
}

crate::scenarios!(
    security_amounts:
    zero_amounts,
    max_amounts,
);
