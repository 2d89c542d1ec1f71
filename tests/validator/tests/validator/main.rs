//! The lending program on a real `solana-test-validator`, over JSON-RPC: real signatures,
//! confirmations, slots and clock. Every balance asserted here is read back over RPC.
//!
//! One validator serves every case (starting one takes seconds), so the suite has its own
//! runner (`harness = false`): it starts the validator (or attaches to the one `anchor test`
//! started), runs each case catching its panic, always stops the validator, and prints a
//! `test result:` line like libtest's. `cargo test -p lending-validator-tests -- <filter>` runs
//! the cases whose name contains the filter.
#![allow(dead_code)]

mod app;
mod bot_market;
mod clients;
mod emode;
mod flash_bot;
mod fund;
mod positions;
mod timelock;
/// The RPC environment, beside what every environment shares.
mod env {
    pub use lending_test_suite::env::*;
    pub use lending_validator_tests::rpc_env::Env;
}
use lending_sdk::ix;
use lending_test_suite::{fixture, invariants, pyth};

use anchor_lang::prelude::Pubkey;
use env::TestEnv;
use env::{assert_err, Env, SPL_TOKEN, TOKEN_2022};
use fixture::SOL_UNIT;
use fixture::{config, Market};
use lending::errors::LendingError;
use lending_sdk::lending_core::state::OraclePrice;
use lending_sdk::types::{LiquidateParams, OracleConfigParams};
use lending_validator_tests::validator::Validator;
use solana_signer::Signer;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::time::Instant;

const SOL: usize = 0;
const USDC: usize = 1;
const USD: u64 = 1_000_000;

/// SOL at $100 (SPL Token) and USDC at $1 (Token-2022), fixed-price oracles.
async fn market(env: &mut Env) -> Market {
    let mut m = Market::new(env).await;
    m.add_reserve(env, 9, SPL_TOKEN, 100_000_000, -6, config(7_500, 8_000))
        .await;
    m.add_reserve(env, 6, TOKEN_2022, 1_000_000, -6, config(8_000, 8_500))
        .await;
    m
}

/// A market where `b` holds 10 SOL ($1,000) of collateral and owes 700 USDC, `lender` supplied
/// 50,000 USDC and `liq` holds 10,000 USDC: (market, lender, b, liq).
async fn borrower_of_700_usdc(
    env: &mut Env,
) -> (Market, fixture::User, fixture::User, fixture::User) {
    let m = market(env).await;
    let lender = m.user(env, &[0, 100_000 * USD]).await;
    let b = m.user(env, &[10 * SOL_UNIT, 0]).await;
    let liq = m.user(env, &[0, 10_000 * USD]).await;
    m.supply(env, &lender, USDC, 50_000 * USD).await.unwrap();
    m.deposit_collateral(env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(env, &b, USDC, 700 * USD).await.unwrap();
    (m, lender, b, liq)
}

/// `liq` liquidates `b`'s USDC debt for SOL shares, repaying as much as allowed above `min_receive`.
fn liquidate_sol_for_usdc(
    m: &Market,
    b: &fixture::User,
    liq: &fixture::User,
    max_repay: u64,
    min_receive: u64,
) -> anchor_lang::solana_program::instruction::Instruction {
    ix::liquidate(
        liq.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        liq.liquidity[USDC],
        &m.reserves[SOL],
        liq.shares[SOL],
        LiquidateParams {
            max_repay,
            min_receive,
            receive_liquidity: false,
        },
        &[m.reserves[SOL].reserve, m.reserves[USDC].reserve],
    )
}

async fn market_and_reserves_are_created(env: &mut Env) {
    let m = market(env).await;
    for (i, k) in m.reserves.iter().enumerate() {
        let r = m.reserve(env, i).await;
        assert_eq!((r.market, r.liquidity_mint), (m.market, k.mint));
        assert_eq!(env.balance(&k.supply_vault).await, fixture::SEED);
        assert_eq!(r.available, fixture::SEED);
        let vault = env.get(&k.supply_vault).await.expect("vault");
        assert_eq!(
            vault.owner, k.token_program,
            "vault under the reserve's token program"
        );
    }
    invariants::check(env, &m, &[]).await;
}

async fn deposit_borrow_repay_withdraw(env: &mut Env) {
    let m = market(env).await;
    let lender = m.user(env, &[0, 100_000 * USD]).await;
    let b = m.user(env, &[10 * SOL_UNIT, 0]).await;
    let [sol, usdc] = [m.reserves[SOL], m.reserves[USDC]];

    m.supply(env, &lender, USDC, 50_000 * USD).await.unwrap();
    assert_eq!(env.balance(&lender.liquidity[USDC]).await, 50_000 * USD);
    assert_eq!(
        env.balance(&usdc.supply_vault).await,
        fixture::SEED + 50_000 * USD
    );
    let lender_shares = env.balance(&lender.shares[USDC]).await;
    assert!(lender_shares > 0 && lender_shares <= 50_000 * USD);

    m.deposit_collateral(env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    assert_eq!(env.balance(&b.liquidity[SOL]).await, 0);
    assert_eq!(
        env.balance(&sol.supply_vault).await,
        fixture::SEED + 10 * SOL_UNIT
    );
    assert_eq!(Market::obligation(env, &b.obligation).await.deposits_len, 1);

    // $1,000 of SOL at 75% LTV: 750 USDC at most.
    assert_err(
        m.borrow(env, &b, USDC, 800 * USD).await,
        LendingError::BorrowTooLarge,
    );
    m.borrow(env, &b, USDC, 500 * USD).await.unwrap();
    assert_eq!(env.balance(&b.liquidity[USDC]).await, 500 * USD);
    // The 10 bps origination fee (added to the debt) moves to the fee vault.
    let fee = 500 * USD / 1_000;
    assert_eq!(env.balance(&usdc.fee_vault).await, fee);
    assert_eq!(
        env.balance(&usdc.supply_vault).await,
        fixture::SEED + 49_500 * USD - fee
    );
    let ob = Market::obligation(env, &b.obligation).await;
    assert_eq!(ob.borrows_len, 1);
    assert!(ob.borrowed_value.get() > 0);

    // Repay everything: principal, the 10 bps origination fee and a few seconds of interest.
    env.mint_to(&usdc.mint, &b.liquidity[USDC], 10 * USD, usdc.token_program)
        .await;
    m.repay(env, &b, USDC, u64::MAX).await.unwrap();
    assert_eq!(Market::obligation(env, &b.obligation).await.borrows_len, 0);
    let left = env.balance(&b.liquidity[USDC]).await;
    assert!(
        (9 * USD..=10 * USD - 500_000).contains(&left),
        "repay-all paid {} USDC units for 500 USDC + fee",
        510 * USD - left
    );

    m.withdraw(env, &b, SOL, u64::MAX).await.unwrap();
    let back = env.balance(&b.liquidity[SOL]).await;
    assert!(
        (10 * SOL_UNIT - 1..=10 * SOL_UNIT).contains(&back),
        "got {back}"
    );
    assert_eq!(Market::obligation(env, &b.obligation).await.deposits_len, 0);
    invariants::check(env, &m, &[b.obligation]).await;
}

/// #18, medium 1 over RPC: collateral worth 5% more than the debt, liquidated four times in
/// one transaction and then again in later transactions (real slots pass between them). The
/// collateral stays above the debt and nothing is written off.
async fn repeated_liquidations_keep_a_covered_obligation_covered(env: &mut Env) {
    let (m, lender, b, liq) = borrower_of_700_usdc(env).await;
    // SOL at $73.57: $735.70 of collateral against $700.70 of debt.
    m.set_price(env, SOL, 73_570_000, -6).await;
    let liquidate = |k: u64| liquidate_sol_for_usdc(&m, &b, &liq, u64::MAX - k, 0);
    m.act(env, &b.obligation, &[], &[]).await.unwrap();
    let start = invariants::spot_book(env, &b.obligation).await;
    assert!(start.covered(), "{start:?}");
    let ixs: Vec<_> = (0..4).map(liquidate).collect();
    m.act(env, &b.obligation, &ixs, &[&liq.kp]).await.unwrap();
    let mut book = invariants::spot_book(env, &b.obligation).await;
    assert!(book.covered_within_tolerance(), "{start:?} -> {book:?}");
    for k in 4..6 {
        m.act(env, &b.obligation, &[liquidate(k)], &[&liq.kp])
            .await
            .unwrap();
        let after = invariants::spot_book(env, &b.obligation).await;
        let written_off = m.reserve(env, USDC).await.bad_debt_written_off.get();
        invariants::check_liquidation_keeps_cover(&book, &after, book.tolerance, written_off);
        book = after;
    }
    assert!(
        book.debt < start.debt / 8,
        "the liquidations repaid: {book:?}"
    );
    assert_eq!(m.reserve(env, USDC).await.bad_debt_written_off.get(), 0);
    invariants::check(env, &m, &[lender.obligation, b.obligation, liq.obligation]).await;
}

/// #18, low 5 over RPC: SOL recovers after the obligation's refresh, in the same transaction,
/// before a liquidation. The liquidation refuses the old valuation; refreshed, the obligation
/// is healthy and cannot be liquidated.
async fn a_reprice_after_the_refresh_blocks_a_liquidation(env: &mut Env) {
    let (m, _lender, b, liq) = borrower_of_700_usdc(env).await;
    m.set_price(env, SOL, 85_000_000, -6).await;
    let sol = m.reserves[SOL];
    let liquidate = liquidate_sol_for_usdc(&m, &b, &liq, u64::MAX, 1);
    let recover = [
        ix::set_fixed_price(m.owner.pubkey(), m.market, sol.oracle, 100_000_000, -6, 0),
        ix::refresh_oracle_price(sol.oracle, None),
        ix::refresh_reserve(&sol),
        liquidate.clone(),
    ];
    assert_err(
        m.act(env, &b.obligation, &recover, &[&m.owner, &liq.kp])
            .await,
        LendingError::ValuationChanged,
    );
    assert_eq!(env.balance(&liq.shares[SOL]).await, 0);
    m.set_price(env, SOL, 100_000_000, -6).await;
    assert_err(
        m.act(env, &b.obligation, &[liquidate], &[&liq.kp]).await,
        LendingError::ObligationHealthy,
    );
}

/// #18, low 9 over RPC: the guardian pauses the market as SOL crashes; borrows are refused,
/// the liquidation and a repayment go through.
async fn liquidation_during_a_pause(env: &mut Env) {
    let (m, lender, b, liq) = borrower_of_700_usdc(env).await;
    let guardian = env.keypair();
    env.ok(
        &[ix::set_guardian(
            m.owner.pubkey(),
            m.market,
            guardian.pubkey(),
        )],
        &[&m.owner],
    )
    .await;
    env.ok(
        &[ix::pause_market(
            guardian.pubkey(),
            m.market,
            lending_sdk::lending_core::state::market::PAUSE_ALL,
            0,
        )],
        &[&guardian],
    )
    .await;
    assert_err(
        m.borrow(env, &b, USDC, USD).await,
        LendingError::MarketPaused,
    );
    m.set_price(env, SOL, 80_000_000, -6).await;
    let liquidate = liquidate_sol_for_usdc(&m, &b, &liq, u64::MAX, 1);
    m.act(env, &b.obligation, &[liquidate], &[&liq.kp])
        .await
        .unwrap();
    assert!(env.balance(&liq.shares[SOL]).await > 0);
    m.repay(env, &b, USDC, 10 * USD).await.unwrap();
    env.ok(
        &[ix::update_market_config(
            m.owner.pubkey(),
            m.market,
            lending_sdk::types::MarketConfigParams {
                close_factor_bps: 5_000,
                dust_threshold: 2 * lending::risk::WAD,
                max_liquidation_value: 0,
                pause_flags: 0,
            },
        )],
        &[&m.owner],
    )
    .await;
    invariants::check(env, &m, &[lender.obligation, b.obligation, liq.obligation]).await;
}

async fn price_drop_then_liquidation(env: &mut Env) {
    let (m, _lender, b, liq) = borrower_of_700_usdc(env).await;

    let liquidate = liquidate_sol_for_usdc(&m, &b, &liq, u64::MAX, 1);
    assert_err(
        m.act(
            env,
            &b.obligation,
            std::slice::from_ref(&liquidate),
            &[&liq.kp],
        )
        .await,
        LendingError::ObligationHealthy,
    );

    // SOL falls from $100 to $80: $800 of collateral against $700 of debt, past the 80% line.
    m.set_price(env, SOL, 80_000_000, -6).await;
    let before = Market::obligation(env, &b.obligation).await;
    let paid_from = env.balance(&liq.liquidity[USDC]).await;
    m.act(env, &b.obligation, &[liquidate], &[&liq.kp])
        .await
        .unwrap();
    let repaid = paid_from - env.balance(&liq.liquidity[USDC]).await;
    let seized = env.balance(&liq.shares[SOL]).await;
    let after = Market::obligation(env, &b.obligation).await;
    // Close factor 50%: at most half the debt (plus interest accrued since the borrow).
    assert!(repaid > 0 && repaid <= 351 * USD, "repaid {repaid}");
    assert!(seized > 0);
    // The collateral taken is worth at most the repayment plus the 10% maximum bonus.
    let r = m.reserve(env, SOL).await;
    let seized_sol = r
        .pool()
        .shares_to_liquidity_wad(seized, lending::risk::fixed::Rounding::Down)
        .unwrap()
        / lending::risk::WAD;
    let seized_usd = seized_sol as u128 * 80 / 1_000; // SOL units (1e9) at $80 -> USD units (1e6)
    assert!(
        seized_usd <= repaid as u128 * 110 / 100 + 1,
        "seized ${seized_usd} for ${repaid}"
    );
    assert!(after.borrowed_value.get() < before.borrowed_value.get());
    assert!(after.deposits[0].shares < before.deposits[0].shares);
    invariants::check(env, &m, &[b.obligation, liq.obligation]).await;
}

async fn flash_loan_in_one_transaction(env: &mut Env) {
    let m = market(env).await;
    let u = m.user(env, &[0, 10_000 * USD]).await;
    m.supply(env, &u, USDC, 5_000 * USD).await.unwrap();
    let k = m.reserves[USDC];
    let bal = env.balance(&u.liquidity[USDC]).await;
    let vault = env.balance(&k.supply_vault).await;
    let amount = 1_000 * USD;
    env.send_raw(
        &[
            ix::flash_borrow(u.kp.pubkey(), &k, u.liquidity[USDC], amount),
            ix::flash_repay(u.kp.pubkey(), &k, u.liquidity[USDC], amount, 0),
        ],
        &[&u.kp],
    )
    .await
    .unwrap();
    let fee = amount * 9 / 10_000;
    assert_eq!(env.balance(&u.liquidity[USDC]).await, bal - fee);
    assert_eq!(env.balance(&k.supply_vault).await, vault + fee);
    // A flash borrow alone is refused, and nothing moves.
    assert_err(
        env.send_raw(
            &[ix::flash_borrow(
                u.kp.pubkey(),
                &k,
                u.liquidity[USDC],
                amount,
            )],
            &[&u.kp],
        )
        .await,
        LendingError::NoFlashRepayFound,
    );
    assert_eq!(env.balance(&k.supply_vault).await, vault + fee);
    invariants::check(env, &m, &[u.obligation]).await;
}

async fn wrong_signer_is_rejected(env: &mut Env) {
    let m = market(env).await;
    let lender = m.user(env, &[0, 100_000 * USD]).await;
    let b = m.user(env, &[10 * SOL_UNIT, 0]).await;
    let thief = m.user(env, &[0, 0]).await;
    m.supply(env, &lender, USDC, 50_000 * USD).await.unwrap();
    m.deposit_collateral(env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    let vault = env.balance(&m.reserves[USDC].supply_vault).await;
    let ob = env.get(&b.obligation).await.unwrap();

    // The thief signs a borrow against the victim's obligation, paid to the thief.
    let steal = ix::borrow(
        thief.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        thief.liquidity[USDC],
        100 * USD,
        &[m.reserves[SOL].reserve],
    );
    let res = m.act(env, &b.obligation, &[steal], &[&thief.kp]).await;
    let code = env::custom_code(&res);
    assert!(
        code == Some(
            anchor_lang::error::ERROR_CODE_OFFSET + LendingError::NotObligationOwner as u32
        ) || code == Some(anchor_lang::error::ErrorCode::ConstraintHasOne as u32)
            || code == Some(anchor_lang::error::ErrorCode::ConstraintSeeds as u32),
        "expected an ownership error, got {res:?}"
    );
    // The market owner's key is no better: an admin call signed by someone else fails too.
    assert_err(
        env.send(
            &[ix::set_fixed_price(
                thief.kp.pubkey(),
                m.market,
                m.reserves[SOL].oracle,
                1,
                -6,
                0,
            )],
            &[&thief.kp],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    assert_eq!(env.balance(&thief.liquidity[USDC]).await, 0);
    assert_eq!(env.balance(&m.reserves[USDC].supply_vault).await, vault);
    assert_eq!(env.get(&b.obligation).await.unwrap().data, ob.data);
}

/// #18, medium 3 over RPC: a borrower's SOL reserve is moved by the owner onto the real Pyth
/// pull snapshot, a feed that is dead on the validator's clock. While it is bound, the
/// obligation cannot be refreshed, so it cannot be liquidated. The owner moves the price
/// account back to a fixed price (this market allows them), sets it, and the liquidation goes
/// through.
async fn dead_feed_is_moved_by_the_owner_and_liquidations_resume(env: &mut Env) {
    let (dead, _) = pyth::fixture("pyth-pull-sol-usd.json");
    let (m, lender, b, liq) = borrower_of_700_usdc(env).await;
    let oracle = m.reserves[SOL].oracle;
    let owner = m.owner.pubkey();
    let to_dead_feed = OracleConfigParams {
        source_kind: 0,
        source: dead,
        feed_id: pyth::feed_id(),
        max_age_secs: 60,
        max_age_for_risk_secs: 30,
        max_conf_bps: 200,
        max_ema_deviation_bps: 500,
    };
    env.ok(
        &[ix::update_oracle_config(
            owner,
            m.market,
            oracle,
            to_dead_feed,
        )],
        &[&m.owner],
    )
    .await;
    let liquidate = liquidate_sol_for_usdc(&m, &b, &liq, u64::MAX, 1);
    // The binding cleared the price; the dead feed cannot renew it.
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(dead))], &[])
            .await,
        LendingError::PriceTooOld,
    );
    let mut stale = vec![];
    for k in &m.reserves {
        if k.oracle != oracle {
            stale.push(ix::refresh_oracle_price(k.oracle, None));
        }
        stale.push(ix::refresh_reserve(k));
    }
    stale.push(ix::refresh_obligation(
        b.obligation,
        &[m.reserves[SOL].reserve, m.reserves[USDC].reserve],
    ));
    stale.push(liquidate.clone());
    assert_err(
        env.send(&stale, &[&liq.kp]).await,
        LendingError::InvalidPrice,
    );
    // The owner moves it to a fixed price and sets SOL at $75: liquidatable again.
    let to_fixed = OracleConfigParams {
        source_kind: 2,
        source: Pubkey::default(),
        feed_id: [0; 32],
        max_age_secs: 0,
        max_age_for_risk_secs: 0,
        max_conf_bps: 200,
        max_ema_deviation_bps: 500,
    };
    env.ok(
        &[
            ix::update_oracle_config(owner, m.market, oracle, to_fixed),
            ix::set_fixed_price(owner, m.market, oracle, 75_000_000, -6, 0),
        ],
        &[&m.owner],
    )
    .await;
    m.act(env, &b.obligation, &[liquidate], &[&liq.kp])
        .await
        .unwrap();
    assert!(env.balance(&liq.shares[SOL]).await > 0);
    invariants::check(env, &m, &[lender.obligation, b.obligation, liq.obligation]).await;
}

async fn stale_pyth_snapshot_is_rejected_on_the_real_clock(env: &mut Env) {
    let (key, data) = pyth::fixture("pyth-pull-sol-usd.json");
    let acct = env
        .get(&key)
        .await
        .expect("the pull snapshot is loaded at genesis");
    assert_eq!(
        (acct.owner, acct.data),
        (pyth_solana_receiver_sdk::ID, data)
    );
    let m = Market::with_params(env, false).await;
    let mint = env.create_mint(9, SPL_TOKEN).await;
    env.ok(
        &[ix::init_oracle_price(
            m.owner.pubkey(),
            m.market,
            mint,
            pyth::pull_params(key),
        )],
        &[&m.owner],
    )
    .await;
    let oracle = ix::pda::oracle(&m.market, &mint);
    // Published in January 2025; the validator's clock is today's.
    let now = env.clock().await.unix_timestamp;
    assert!(now > pyth::PULL_PUBLISH_TIME + 60);
    assert_err(
        env.send(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
            .await,
        LendingError::PriceTooOld,
    );
    assert_eq!(env.zc::<OraclePrice>(&oracle).await.price, 0);
    // A fixed price is refused in a market that does not allow it.
    let mint2 = env.create_mint(6, SPL_TOKEN).await;
    assert_err(
        env.send(
            &[ix::init_oracle_price(
                m.owner.pubkey(),
                m.market,
                mint2,
                fixture::fixed_oracle(1_000_000, -6),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::FixedPriceNotAllowed,
    );
}

type Case = for<'a> fn(&'a mut Env) -> Pin<Box<dyn Future<Output = ()> + 'a>>;

macro_rules! cases {
    ($($f:path),* $(,)?) => {
        vec![$((stringify!($f), (|e| Box::pin($f(e))) as Case)),*]
    };
}

fn main() {
    let all: Vec<(&str, Case)> = cases![
        market_and_reserves_are_created,
        deposit_borrow_repay_withdraw,
        price_drop_then_liquidation,
        repeated_liquidations_keep_a_covered_obligation_covered,
        liquidation_during_a_pause,
        a_reprice_after_the_refresh_blocks_a_liquidation,
        flash_loan_in_one_transaction,
        wrong_signer_is_rejected,
        stale_pyth_snapshot_is_rejected_on_the_real_clock,
        dead_feed_is_moved_by_the_owner_and_liquidations_resume,
        clients::migration_creates_the_market_then_changes_nothing,
        clients::cli_wallet_flow_with_readable_errors,
        clients::sdk_health_equals_the_cached_health_after_refresh,
        emode::emode_borrow_and_its_liquidation,
        fund::the_fund_absorbs_a_write_off,
        timelock::the_queue_applies_and_cancels_and_a_threshold_ramps,
        positions::full_obligation_is_liquidated_through_the_migrations_table,
        clients::bot_liquidates_fifty_obligations_after_one_price_move,
        flash_bot::bot_funds_liquidations_with_flash_loans,
        app::web_app_end_to_end_in_chromium,
    ];
    // libtest-style arguments: `--list`, and a name filter (other flags are ignored).
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        for (name, _) in &all {
            println!("{name}: test");
        }
        return;
    }
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let chosen: Vec<_> = all
        .into_iter()
        .filter(|(n, _)| filter.as_ref().is_none_or(|f| n.contains(f.as_str())))
        .collect();
    println!("\nrunning {} tests on a local validator", chosen.len());
    if chosen.is_empty() {
        println!("\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n");
        return;
    }
    let validator = match Validator::from_env() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: cannot run the validator suite: {e}");
            std::process::exit(1);
        }
    };
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
    let mut env = Env::new(&validator.url, validator.payer.insecure_clone());
    let (mut passed, mut failed) = (0, vec![]);
    let t0 = Instant::now();
    for (name, case) in chosen {
        let t = Instant::now();
        let sent = env.sent;
        let res = std::panic::catch_unwind(AssertUnwindSafe(|| rt.block_on(case(&mut env))));
        let secs = t.elapsed().as_secs_f64();
        match res {
            Ok(()) => {
                passed += 1;
                println!(
                    "test {name} ... ok ({secs:.1}s, {} transactions)",
                    env.sent - sent
                );
            }
            Err(_) => {
                failed.push(name);
                println!("test {name} ... FAILED ({secs:.1}s)");
            }
        }
    }
    drop(validator);
    let status = if failed.is_empty() { "ok" } else { "FAILED" };
    if !failed.is_empty() {
        println!("\nfailures:");
        for f in &failed {
            println!("    {f}");
        }
    }
    println!(
        "\ntest result: {status}. {passed} passed; {} failed; 0 ignored; 0 measured; 0 filtered out; finished in {:.2}s\n",
        failed.len(),
        t0.elapsed().as_secs_f64()
    );
    if !failed.is_empty() {
        std::process::exit(101);
    }
}
