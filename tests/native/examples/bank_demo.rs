//! A full market scenario in an in-process bank, printed step by step: deposits, a borrow,
//! interest accrual, a price crash and liquidation, a deeper crash with bad debt written off,
//! and a flash loan. Run it with `./scripts/demo`.
#![allow(deprecated)]

use lending::risk::fixed::{mul_div, Rounding};
use lending::risk::WAD;
use lending_sdk::lending_core::state::{Obligation, Reserve};
use lending_sdk::types::LiquidateParams;
use solana_signer::Signer;
use std::time::Instant;

use lending_program_tests::env::Env;
use lending_sdk::ix;
use lending_test_suite::env::{TestEnv, VmEnv, SPL_TOKEN, TOKEN_2022};
use lending_test_suite::fixture::{config, Market, User};
use lending_test_suite::fixture::{SOL_UNIT, USD_UNIT};
use lending_test_suite::invariants;

const SOL: usize = 0;
const USDC: usize = 1;
const PYUSD: usize = 2;
const NAMES: [&str; 3] = ["SOL", "USDC", "PYUSD"];

fn usd(wad: u128) -> String {
    format!("${:.2}", wad as f64 / WAD as f64)
}

fn tokens(amount: u64, decimals: u8) -> String {
    format!("{:.4}", amount as f64 / 10f64.powi(decimals as i32))
}

fn step(n: usize, title: &str) {
    println!("\n[{n}] {title}");
}

fn print_health(label: &str, ob: &Obligation) {
    let h = ob.health();
    let hf = if h.borrowed == 0 {
        "∞".to_string()
    } else {
        format!("{:.4}", h.health_factor() as f64 / WAD as f64)
    };
    println!(
        "    {label}: collateral {} | debt {} | borrow limit {} | liquidation line {} | health factor {hf}",
        usd(h.deposited),
        usd(h.borrowed),
        usd(h.borrow_limit),
        usd(h.liquidation_line)
    );
}

fn share_value(r: &Reserve) -> f64 {
    let p = r.pool();
    mul_div(
        p.total_liquidity().unwrap(),
        WAD,
        p.share_supply as u128,
        Rounding::Down,
    )
    .unwrap_or(0) as f64
        / WAD as f64
        / WAD as f64
}

async fn obligation(env: &mut Env, u: &User) -> Obligation {
    Market::obligation(env, &u.obligation).await
}

async fn must(res: lending_test_suite::env::TxResult, what: &str) {
    if let Err(e) = res {
        eprintln!("demo step failed: {what}: {e:?}");
        std::process::exit(1);
    }
}

#[tokio::main]
async fn main() {
    let started = Instant::now();
    println!(
        "Lending protocol demo: an in-process bank (solana-program-test, program run natively)."
    );
    let mut env = Env::start().await;

    step(
        1,
        "Create a market and list three assets (fixed-price oracles for the demo)",
    );
    let mut m = Market::new(&mut env).await;
    m.add_reserve(
        &mut env,
        9,
        SPL_TOKEN,
        100_000_000,
        -6,
        config(7_500, 8_000),
    )
    .await;
    m.add_reserve(&mut env, 6, SPL_TOKEN, 1_000_000, -6, config(8_000, 8_500))
        .await;
    m.add_reserve(&mut env, 6, TOKEN_2022, 1_000_000, -6, config(8_000, 8_500))
        .await;
    println!("    market {}", m.market);
    for (i, k) in m.reserves.iter().enumerate() {
        let r = m.reserve(&mut env, i).await;
        println!(
            "    {:<5} reserve {} | {} decimals | {} | LTV {}% | liquidation threshold {}% | seed {}",
            NAMES[i],
            k.reserve,
            k.decimals,
            if k.token_program == TOKEN_2022 { "Token-2022" } else { "SPL Token" },
            r.config.ltv_bps / 100,
            r.config.liquidation_threshold_bps / 100,
            tokens(r.available, k.decimals)
        );
    }

    step(
        2,
        "Lenders supply liquidity; a borrower posts 100 SOL ($10,000) as collateral",
    );
    let lender = m
        .user(&mut env, &[0, 200_000 * USD_UNIT, 50_000 * USD_UNIT])
        .await;
    let borrower = m.user(&mut env, &[100 * SOL_UNIT, 0, 0]).await;
    let liquidator = m.user(&mut env, &[0, 50_000 * USD_UNIT, 0]).await;
    must(
        m.supply(&mut env, &lender, USDC, 100_000 * USD_UNIT).await,
        "supply USDC",
    )
    .await;
    must(
        m.supply(&mut env, &lender, PYUSD, 50_000 * USD_UNIT).await,
        "supply PYUSD",
    )
    .await;
    must(
        m.deposit_collateral(&mut env, &borrower, SOL, 100 * SOL_UNIT)
            .await,
        "deposit SOL",
    )
    .await;
    println!(
        "    lender: 100,000 USDC → {} USDC shares; 50,000 PYUSD (Token-2022) → {} shares",
        tokens(env.balance(&lender.shares[USDC]).await, 6),
        tokens(env.balance(&lender.shares[PYUSD]).await, 6)
    );
    must(
        m.act(&mut env, &borrower.obligation, &[], &[]).await,
        "refresh",
    )
    .await;
    print_health("borrower", &obligation(&mut env, &borrower).await);

    step(
        3,
        "Borrow 7,000 USDC (10 bps origination fee added to the debt)",
    );
    must(
        m.borrow(&mut env, &borrower, USDC, 7_000 * USD_UNIT).await,
        "borrow",
    )
    .await;
    println!(
        "    borrower received {} USDC; fee vault holds {} USDC",
        tokens(env.balance(&borrower.liquidity[USDC]).await, 6),
        tokens(env.balance(&m.reserves[USDC].fee_vault).await, 6)
    );
    print_health("borrower", &obligation(&mut env, &borrower).await);
    must(m.act_reserves(&mut env, &[], &[]).await, "refresh").await;
    let r2 = m.reserve(&mut env, USDC).await;
    println!(
        "    USDC utilisation {:.2}% → borrow APR {:.4}% (curve: 0% at 0, 8% at 80%, 100% at 100%)",
        r2.pool().utilization().unwrap() as f64 / WAD as f64 * 100.0,
        r2.borrow_apr.get() as f64 / WAD as f64 * 100.0
    );

    step(4, "Thirty days pass: interest compounds per second");
    let value_before = share_value(&m.reserve(&mut env, USDC).await);
    env.advance(30 * 86_400).await;
    must(
        m.act(&mut env, &borrower.obligation, &[], &[]).await,
        "refresh",
    )
    .await;
    let r = m.reserve(&mut env, USDC).await;
    let debt = r
        .pool()
        .debt_of(
            obligation(&mut env, &borrower).await.borrows()[0]
                .debt_shares
                .get(),
        )
        .unwrap();
    println!(
        "    borrow index {:.9} | borrower owes {} USDC | USDC share value {:.9} → {:.9} | protocol fees {} USDC",
        r.borrow_index.get() as f64 / WAD as f64,
        tokens((debt / WAD) as u64, 6),
        value_before,
        share_value(&r),
        tokens((r.protocol_fees.get() / WAD) as u64, 6)
    );
    print_health("borrower", &obligation(&mut env, &borrower).await);

    step(
        5,
        "SOL crashes from $100 to $85: the obligation crosses its liquidation line",
    );
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    must(
        m.act(&mut env, &borrower.obligation, &[], &[]).await,
        "refresh",
    )
    .await;
    let before = obligation(&mut env, &borrower).await;
    print_health("borrower", &before);
    println!("    liquidatable: {}", before.health().is_liquidatable());

    step(
        6,
        "A liquidator repays up to the close factor (50%) and takes SOL plus a bonus",
    );
    let valued = Market::obligation_reserves(&mut env, &borrower.obligation).await;
    let liq_ix = ix::liquidate(
        liquidator.kp.pubkey(),
        borrower.obligation,
        &m.reserves[USDC],
        liquidator.liquidity[USDC],
        &m.reserves[SOL],
        liquidator.liquidity[SOL],
        LiquidateParams {
            max_repay: u64::MAX,
            min_receive: 1,
            receive_liquidity: true,
        },
        &valued,
    );
    let usdc0 = env.balance(&liquidator.liquidity[USDC]).await;
    must(
        m.act(
            &mut env,
            &borrower.obligation,
            std::slice::from_ref(&liq_ix),
            &[&liquidator.kp],
        )
        .await,
        "liquidate",
    )
    .await;
    let repaid = usdc0 - env.balance(&liquidator.liquidity[USDC]).await;
    let sol = env.balance(&liquidator.liquidity[SOL]).await;
    let bonus = (sol as f64 / 1e9 * 85.0) / (repaid as f64 / 1e6) - 1.0;
    println!(
        "    repaid {} USDC, received {} SOL (worth ${:.2}): {:.2}% to the liquidator after the protocol's cut",
        tokens(repaid, 6),
        tokens(sol, 9),
        sol as f64 / 1e9 * 85.0,
        bonus * 100.0
    );
    print_health("borrower", &obligation(&mut env, &borrower).await);

    step(
        7,
        "SOL crashes to $40: collateral is worth less than the debt",
    );
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    must(
        m.act(&mut env, &borrower.obligation, &[], &[]).await,
        "refresh",
    )
    .await;
    print_health("borrower", &obligation(&mut env, &borrower).await);
    let value_before = share_value(&m.reserve(&mut env, USDC).await);
    let mut round = 0;
    while obligation(&mut env, &borrower).await.borrows_len > 0 {
        round += 1;
        let usdc0 = env.balance(&liquidator.liquidity[USDC]).await;
        let sol0 = env.balance(&liquidator.liquidity[SOL]).await;
        must(
            m.act(
                &mut env,
                &borrower.obligation,
                std::slice::from_ref(&liq_ix),
                &[&liquidator.kp],
            )
            .await,
            "liquidate",
        )
        .await;
        println!(
            "    liquidation {round}: repaid {} USDC for {} SOL",
            tokens(usdc0 - env.balance(&liquidator.liquidity[USDC]).await, 6),
            tokens(env.balance(&liquidator.liquidity[SOL]).await - sol0, 9)
        );
    }
    let r = m.reserve(&mut env, USDC).await;
    println!(
        "    collateral exhausted: {} USDC of bad debt written off in the same instruction (protocol fees absorb it first)",
        tokens((r.bad_debt_written_off.get() / WAD) as u64, 6)
    );
    println!(
        "    USDC share value {:.9} → {:.9}: the loss is shared by depositors through the exchange rate",
        value_before,
        share_value(&r)
    );
    print_health("borrower", &obligation(&mut env, &borrower).await);

    step(
        8,
        "Flash loan: borrow 50,000 USDC and repay it in the same transaction",
    );
    let k = m.reserves[USDC];
    let before = env.balance(&liquidator.liquidity[USDC]).await;
    let avail = m.reserve(&mut env, USDC).await.available;
    env.mint_to(
        &k.mint,
        &liquidator.liquidity[USDC],
        50_000 * USD_UNIT,
        SPL_TOKEN,
    )
    .await;
    must(
        env.send_raw(
            &[
                ix::flash_borrow(
                    liquidator.kp.pubkey(),
                    &k,
                    liquidator.liquidity[USDC],
                    50_000 * USD_UNIT,
                ),
                ix::flash_repay(
                    liquidator.kp.pubkey(),
                    &k,
                    liquidator.liquidity[USDC],
                    50_000 * USD_UNIT,
                    0,
                ),
            ],
            &[&liquidator.kp],
        )
        .await,
        "flash loan",
    )
    .await;
    let fee = before + 50_000 * USD_UNIT - env.balance(&liquidator.liquidity[USDC]).await;
    println!(
        "    fee {} USDC (9 bps) stays in the reserve: available {} → {} USDC",
        tokens(fee, 6),
        tokens(avail, 6),
        tokens(m.reserve(&mut env, USDC).await.available, 6)
    );
    let res = env
        .send_raw(
            &[ix::flash_borrow(
                liquidator.kp.pubkey(),
                &k,
                liquidator.liquidity[USDC],
                USD_UNIT,
            )],
            &[&liquidator.kp],
        )
        .await;
    let refused = lending_test_suite::outcome::custom_code(&res)
        == Some(
            anchor_lang::error::ERROR_CODE_OFFSET
                + lending::errors::LendingError::NoFlashRepayFound as u32,
        );
    println!("    a flash borrow with no repay in the transaction is refused with NoFlashRepayFound: {refused}");
    if !refused {
        eprintln!("unexpected result: {res:?}");
        std::process::exit(1);
    }

    step(9, "Everyone else exits; the books still balance");
    must(
        m.redeem(&mut env, &lender, PYUSD, u64::MAX).await,
        "redeem PYUSD",
    )
    .await;
    let held = env.balance(&lender.liquidity[USDC]).await;
    must(
        m.redeem(&mut env, &lender, USDC, u64::MAX).await,
        "redeem USDC",
    )
    .await;
    println!(
        "    lender redeemed {} USDC for the 100,000 it supplied (interest earned, then its share of the bad debt)",
        tokens(env.balance(&lender.liquidity[USDC]).await - held, 6)
    );
    invariants::check(
        &mut env,
        &m,
        &[
            lender.obligation,
            borrower.obligation,
            liquidator.obligation,
        ],
    )
    .await;
    println!("    invariants hold: vault = available liquidity, shares and debt reconcile, shares ≤ assets");
    println!(
        "\nDemo finished in {:.1}s.",
        started.elapsed().as_secs_f64()
    );
}
