//! Position limits: an obligation at the most positions (8 collateral + 5 debt) is liquidated in
//! one v0 transaction through the market's lookup table, every price and reserve refresh it
//! needs included, within 200,000 CU and 1,232 bytes: with the seized shares, with the
//! liquidity redeemed, and (at the most debt positions a write-off can meet: its last
//! collateral seized) writing off an insured debt. The same transaction without the table
//! does not fit.

use super::env::{assert_err_in, LookupTable, VmEnv, SPL_TOKEN};
use super::fixture::{config, Market, User};
use super::ix;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use lending_sdk::lending_core::state::{MAX_BORROWS, MAX_DEPOSITS};
use lending_sdk::types::LiquidateParams;
use solana_signer::Signer;

/// Largest serialized transaction the network accepts.
const PACKET_DATA_SIZE: usize = 1_232;
/// The compute budget the whole liquidation must fit (the bound; a real VM enforces it).
const CU_LIMIT: u32 = 200_000;
/// One token of every reserve (6 decimals, priced at $1).
const TOKEN: u64 = 1_000_000;

/// The market: 8 collateral reserves, 5 debt reserves (the first insured) and one more.
struct Setup {
    m: Market,
    table: LookupTable,
    liq: User,
}

const DEBT: usize = MAX_DEPOSITS;
const SPARE: usize = MAX_DEPOSITS + MAX_BORROWS;

async fn setup<E: VmEnv>(env: &mut E) -> Setup {
    let mut m = Market::new(env).await;
    for _ in 0..=SPARE {
        m.add_reserve(env, 6, SPL_TOKEN, 1_000_000, -6, config(7_000, 8_000))
            .await;
    }
    m.add_fund(env, DEBT, super::fund_fixture::cuts()).await;
    let table = m.use_lookup_table(env).await;
    let lender = m.user(env, &[1_000_000 * TOKEN; SPARE + 1]).await;
    let liq = m.user(env, &[10_000 * TOKEN; SPARE + 1]).await;
    for i in DEBT..=SPARE {
        m.supply(env, &lender, i, 100_000 * TOKEN).await.unwrap();
    }
    Setup { m, table, liq }
}

/// A borrower with `deposits` collateral positions (100 tokens each, from reserve 0) and one
/// debt position of `owed` tokens in each debt reserve.
async fn borrower<E: VmEnv>(env: &mut E, s: &Setup, deposits: usize, owed: u64) -> User {
    let b = s.m.user(env, &[1_000 * TOKEN; SPARE + 1]).await;
    for i in 0..deposits {
        s.m.deposit_collateral(env, &b, i, 100 * TOKEN)
            .await
            .unwrap();
    }
    for i in DEBT..SPARE {
        s.m.borrow(env, &b, i, owed).await.unwrap();
    }
    b
}

/// The whole liquidation a bot sends (`Market::liquidation_ixs`) within [`CU_LIMIT`].
async fn liquidation<E: VmEnv>(
    env: &mut E,
    s: &Setup,
    b: &User,
    debt: usize,
    coll: usize,
    receive_liquidity: bool,
) -> Vec<Instruction> {
    s.m.liquidation_ixs(env, b, &s.liq, debt, coll, receive_liquidity, CU_LIMIT)
        .await
}

/// Sends `ixs` through the table, checking their size; returns the size.
async fn send_through_table<E: VmEnv>(env: &mut E, s: &Setup, ixs: &[Instruction]) -> usize {
    let (size, res) = env.process_v0(&s.liq.kp, ixs, &[], &s.table).await;
    res.unwrap_or_else(|e| panic!("liquidation through the table failed: {e:?}"));
    assert!(
        size <= PACKET_DATA_SIZE,
        "{size} bytes > {PACKET_DATA_SIZE}"
    );
    size
}

async fn full_obligation_is_liquidated_in_one_v0_transaction<E: VmEnv>() {
    let mut env = E::start().await;
    let s = setup(&mut env).await;
    let b1 = s.m.user(&mut env, &[1_000 * TOKEN; SPARE + 1]).await;
    for i in 0..MAX_DEPOSITS {
        s.m.deposit_collateral(&mut env, &b1, i, 100 * TOKEN)
            .await
            .unwrap();
    }
    // A ninth collateral position is refused.
    let res =
        s.m.act_reserves(
            &mut env,
            &[ix::deposit_and_collateralize(
                b1.kp.pubkey(),
                b1.obligation,
                &s.m.reserves[DEBT],
                b1.liquidity[DEBT],
                TOKEN,
            )],
            &[&b1.kp],
        )
        .await;
    super::env::assert_err(res, LendingError::TooManyDeposits);
    // $800 of collateral (borrow limit $560, line $640) against 5 × $105.
    for i in DEBT..SPARE {
        s.m.borrow(&mut env, &b1, i, 105 * TOKEN).await.unwrap();
    }
    // A sixth debt position is refused.
    let res = s.m.borrow(&mut env, &b1, SPARE, TOKEN).await;
    super::env::assert_err(res, LendingError::TooManyBorrows);
    let b2 = borrower(&mut env, &s, MAX_DEPOSITS, 105 * TOKEN).await;
    // One collateral position, five debts: the most debt positions a write-off meets.
    let b3 = borrower(&mut env, &s, 1, 13 * TOKEN).await;
    let ob = Market::obligation(&mut env, &b1.obligation).await;
    assert_eq!(
        (ob.deposits_len as usize, ob.borrows_len as usize),
        (MAX_DEPOSITS, MAX_BORROWS)
    );
    // Collateral 0 and 1 fall to $0.01: $600.02 of collateral, line $480.02, under the debt.
    s.m.set_price(&mut env, 0, 10_000, -6).await;
    s.m.set_price(&mut env, 1, 10_000, -6).await;

    // Seized shares.
    let ixs = liquidation(&mut env, &s, &b1, DEBT, 2, false).await;
    let legacy = env.sign_by(&s.liq.kp, &ixs, &[]).await;
    let legacy = E::wire_size(&legacy);
    assert!(
        legacy > PACKET_DATA_SIZE,
        "without the table it would fit ({legacy} bytes): the test no longer shows the table's use"
    );
    let size = send_through_table(&mut env, &s, &ixs).await;
    println!(
        "liquidation of {MAX_DEPOSITS} + {MAX_BORROWS} positions: {size} bytes through the \
         lookup table ({legacy} as a legacy transaction)"
    );
    assert!(env.balance(&s.liq.shares[2]).await > 0);

    // Liquidity redeemed.
    let before = env.balance(&s.liq.liquidity[2]).await;
    let ixs = liquidation(&mut env, &s, &b2, DEBT + 1, 2, true).await;
    let size = send_through_table(&mut env, &s, &ixs).await;
    println!("the same, receiving liquidity: {size} bytes");
    assert!(env.balance(&s.liq.liquidity[2]).await > before);

    // Write-off: b3's only collateral ($1) is seized and the rest of the insured debt is
    // written off, the fund paying first.
    let vault = lending_sdk::fund::FundKeys::derive(&s.m.reserves[DEBT]).vault;
    let fund_before = env.balance(&vault).await;
    let ixs = liquidation(&mut env, &s, &b3, DEBT, 0, false).await;
    let size = send_through_table(&mut env, &s, &ixs).await;
    println!("write-off at 1 + {MAX_BORROWS} positions: {size} bytes");
    let r = s.m.reserve(&mut env, DEBT).await;
    assert!(r.bad_debt_written_off.get() > 0, "nothing written off");
    assert!(
        env.balance(&vault).await < fund_before,
        "the fund paid nothing"
    );
    let ob3 = Market::obligation(&mut env, &b3.obligation).await;
    assert_eq!(
        (ob3.deposits_len, ob3.borrows_len as usize),
        (0, MAX_BORROWS - 1)
    );
}

/// The obligation's reserves at the most positions (13 remaining accounts of
/// `refresh_obligation`, 11 of `liquidate_obligation` beside the two it names): one missing,
/// one listed twice in place of another, two swapped, or a fourteenth are each refused.
async fn remaining_accounts_at_the_most_positions<E: VmEnv>() {
    let mut env = E::start().await;
    let s = setup(&mut env).await;
    let b = borrower(&mut env, &s, MAX_DEPOSITS, 105 * TOKEN).await;
    s.m.set_price(&mut env, 0, 10_000, -6).await;
    s.m.set_price(&mut env, 1, 10_000, -6).await;
    let ob = Market::obligation(&mut env, &b.obligation).await;
    let reserves = lending_sdk::market::obligation_reserves(&ob);
    assert_eq!(reserves.len(), MAX_DEPOSITS + MAX_BORROWS);
    let spare = s.m.reserves[SPARE].reserve;
    let mut variants: Vec<(&str, Vec<_>)> = vec![];
    let mut v = reserves.clone();
    v.pop();
    variants.push(("the last missing", v));
    let mut v = reserves.clone();
    v[MAX_DEPOSITS + 2] = v[MAX_DEPOSITS + 1];
    variants.push(("a debt reserve listed twice", v));
    let mut v = reserves.clone();
    v.swap(3, 4);
    variants.push(("two collateral reserves swapped", v));
    let mut v = reserves.clone();
    v.push(spare);
    variants.push(("a fourteenth", v));
    let refresh = s.m.refresh_all_reserves();
    for (what, list) in &variants {
        let mut ixs = refresh.clone();
        ixs.push(ix::refresh_obligation(b.obligation, list));
        let res = s.m.send(&mut env, &ixs, &[]).await;
        assert_err_in(
            &format!("refresh_obligation, {what}"),
            &res,
            LendingError::WrongRemainingAccounts,
        );
    }
    // liquidate: the same variants of the reserves it does not name.
    for (what, list) in &variants {
        let mut ixs = refresh.clone();
        ixs.push(ix::refresh_obligation(b.obligation, &reserves));
        let (dk, ck) = (s.m.reserves[DEBT], s.m.reserves[2]);
        let mut liquidate = ix::liquidate(
            s.liq.kp.pubkey(),
            b.obligation,
            &dk,
            s.liq.liquidity[DEBT],
            &ck,
            s.liq.shares[2],
            LiquidateParams {
                max_repay: u64::MAX,
                min_receive: 1,
                receive_liquidity: false,
            },
            &reserves,
        );
        let named = liquidate.accounts.len() - (reserves.len() - 2);
        liquidate.accounts.truncate(named);
        for k in list
            .iter()
            .filter(|k| **k != dk.reserve && **k != ck.reserve)
        {
            liquidate
                .accounts
                .push(anchor_lang::prelude::AccountMeta::new_readonly(*k, false));
        }
        let debt_reserve = s.m.reserve(&mut env, DEBT).await;
        ixs.push(lending_sdk::fund::with_fund(
            liquidate,
            &dk.reserve,
            &debt_reserve,
        ));
        let res = s.m.send(&mut env, &ixs, &[&s.liq.kp]).await;
        assert_err_in(
            &format!("liquidate_obligation, {what}"),
            &res,
            LendingError::WrongRemainingAccounts,
        );
    }
    // Untouched, both go through.
    let ixs = liquidation(&mut env, &s, &b, DEBT, 2, false).await;
    send_through_table(&mut env, &s, &ixs).await;
}

/// `set_lookup_table` records only an initialized table of the lookup table program: a
/// wallet, the market itself, an uninitialized account of that program and a token account
/// are refused; a stranger cannot set one (the attack matrix's admin column).
async fn only_a_lookup_table_is_recorded<E: VmEnv>() {
    let mut env = E::start().await;
    let mut m = Market::new(&mut env).await;
    m.add_reserve(&mut env, 6, SPL_TOKEN, 1_000_000, -6, config(7_000, 8_000))
        .await;
    let owner = m.owner.insecure_clone();
    let wallet = env.wallet(1).await.pubkey();
    let uninitialized = env.keypair().pubkey();
    let lamports = env.rent(56).await;
    env.set_account(
        &uninitialized,
        super::env::Account {
            lamports,
            data: vec![0; 56],
            owner: lending_sdk::lookup::PROGRAM_ID,
            executable: false,
            rent_epoch: 0,
        },
    );
    let token_account = m.reserves[0].supply_vault;
    for (what, key) in [
        ("a wallet", wallet),
        ("the market", m.market),
        (
            "an uninitialized account of the lookup table program",
            uninitialized,
        ),
        ("a token account", token_account),
    ] {
        let res = env
            .send(
                &[ix::set_lookup_table(owner.pubkey(), m.market, key)],
                &[&owner],
            )
            .await;
        assert_err_in(
            &format!("set_lookup_table, {what}"),
            &res,
            LendingError::NotALookupTable,
        );
    }
    let table = m.use_lookup_table(&mut env).await;
    let market: lending_sdk::lending_core::state::LendingMarket = env.zc(&m.market).await;
    assert_eq!(market.lookup_table, table.key);
}

crate::scenarios!(
    limits_tests:
    full_obligation_is_liquidated_in_one_v0_transaction,
    remaining_accounts_at_the_most_positions,
    only_a_lookup_table_is_recorded,
);
