//! Compute-unit benchmark of `target/deploy/lending.so` in litesvm 0.16 (mainnet feature set,
//! SPL Token served by p-token), with fixed keys so PDA bumps and figures repeat.
//!
//! Every measured instruction runs alone in its own transaction, after the refreshes it needs
//! were sent in earlier transactions of the same slot: the CU are the program's own, as in the
//! SPL token-lending baseline. Writes `target/cu-report.json` and `docs/compute-units.md`.
//! Run it through `./scripts/bench-cu`.

mod budget;
mod fund;
mod memory;
mod oracles;
mod report;
mod timelock;
mod whole_tx;

use anchor_lang::solana_program::instruction::Instruction;
use lending_sbf_tests::env::Env;
use lending_sdk::ix;
use lending_sdk::types::LiquidateParams;
use lending_test_suite::env::{TestEnv, VmEnv, SPL_TOKEN};
use lending_test_suite::fixture::{config, Market, User};
use memory::MemUse;
use report::{Entry, Report};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::sync::{Arc, Mutex};

/// Reserves 0..4 serve as collateral, 4..7 as debt: obligations of up to 4 + 3 positions, the
/// rows compared with SPL's. The most positions (8 + 5) are measured in [`whole_tx`], as the
/// whole transaction that liquidates them.
const COLL: [usize; 4] = [0, 1, 2, 3];
const DEBT: [usize; 3] = [4, 5, 6];
/// One whole token (6 decimals).
const T: u64 = 1_000_000;
/// $1 at expo -8.
const ONE_USD: i64 = 100_000_000;

/// Refresh instructions for reserve `i` (its oracle, then the reserve).
fn refresh(m: &Market, i: usize) -> Vec<Instruction> {
    let k = m.reserves[i];
    vec![
        ix::refresh_oracle_price(k.oracle, None),
        ix::refresh_reserve(&k),
    ]
}

/// Refreshes of several reserves.
fn refresh_many(m: &Market, idx: &[usize]) -> Vec<Instruction> {
    idx.iter().flat_map(|&i| refresh(m, i)).collect()
}

/// The bench: a VM, the market and the report being filled.
struct Bench {
    env: Env,
    /// Memory use of each lending invocation of the VM's last transaction.
    mem: Arc<Mutex<Vec<MemUse>>>,
    m: Market,
    report: Report,
}

impl Bench {
    /// Sends `pre` (in transactions of at most 6 instructions), then `ixs` alone in one
    /// transaction, and returns the CU of each instruction of `ixs`.
    async fn run(
        &mut self,
        pre: &[Instruction],
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Vec<u64> {
        for chunk in pre.chunks(6) {
            self.env.ok(chunk, &[]).await;
        }
        self.env.ok(ixs, signers).await;
        let cu = self.env.last_cu.clone();
        assert_eq!(cu.len(), ixs.len(), "one CU figure per lending instruction");
        cu
    }

    /// Measures one instruction and records it.
    async fn measure(
        &mut self,
        name: &str,
        positions: (u8, u8),
        pre: &[Instruction],
        ix: Instruction,
        signers: &[&Keypair],
    ) -> u64 {
        let cu = self.run(pre, &[ix], signers).await[0];
        if std::env::var("BENCH_LOGS").is_ok_and(|v| name.starts_with(&v)) {
            println!("{}", self.env.last_logs.join("\n"));
        }
        let mem = self.last_mem();
        self.record(name, positions, cu, mem);
        cu
    }

    /// Memory use of the last transaction's lending invocations (the larger of each figure).
    fn last_mem(&self) -> Option<MemUse> {
        MemUse::max_of(&self.mem.lock().unwrap())
    }

    fn record(&mut self, name: &str, positions: (u8, u8), cu: u64, mem: Option<MemUse>) {
        let e = Entry {
            name: name.to_string(),
            deposits: positions.0,
            borrows: positions.1,
            cu,
            mem,
        };
        println!("{}", e.line());
        self.report.entries.push(e);
    }

    /// Refresh instructions for everything `u`'s obligation holds, then its refresh.
    async fn refresh_all_for(&mut self, u: &User) -> Vec<Instruction> {
        let reserves = Market::obligation_reserves(&mut self.env, &u.obligation).await;
        let idx: Vec<usize> = reserves
            .iter()
            .map(|r| {
                self.m
                    .reserves
                    .iter()
                    .position(|k| k.reserve == *r)
                    .unwrap()
            })
            .collect();
        let mut v = refresh_many(&self.m, &idx);
        v.push(ix::refresh_obligation(u.obligation, &reserves));
        v
    }

    /// A borrower with collateral in `coll` (1,000 tokens each) and debt in `debt`, borrowing
    /// 74% of the collateral value in total (LTV 75%, liquidation threshold 80%).
    async fn borrower(&mut self, coll: &[usize], debt: &[usize]) -> User {
        let u = self.m.user(&mut self.env, &[10_000 * T; 7]).await;
        for &i in coll {
            self.m
                .deposit_collateral(&mut self.env, &u, i, 1_000 * T)
                .await
                .unwrap();
        }
        // At the debt reserves' 1.25x borrow factor, $592 of debt weighs $740 per $1,000 of
        // collateral: within the 75% limit, and past the 80% line after a 10% fall.
        let per_debt = 592 * T * coll.len() as u64 / debt.len() as u64;
        for &i in debt {
            // Positions' reserves, the new debt reserve, then the obligation: one slot.
            let mut pre = self.refresh_all_for(&u).await;
            let refresh_ob = pre.pop().unwrap();
            pre.extend(refresh(&self.m, i));
            pre.push(refresh_ob);
            let k = self.m.reserves[i];
            let valued = Market::obligation_reserves(&mut self.env, &u.obligation).await;
            let b = ix::borrow(
                u.kp.pubkey(),
                u.obligation,
                &k,
                u.liquidity[i],
                per_debt,
                &valued,
            );
            self.run(&pre, &[b], &[&u.kp]).await;
        }
        u
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let deploy = lending_sbf_tests::runtime::deploy_dir();
    let so_bytes = std::fs::metadata(format!("{deploy}/lending.so"))
        .map(|m| m.len())
        .unwrap_or(0);
    let (svm, mem) = memory::traced_svm();
    let mut env = Env::start_on(svm, memory::with_section_headers).await;
    env.set_time(1_750_000_000).await;

    println!("admin");
    let mut report = Report::new(so_bytes);
    let mut m = Market::new(&mut env).await;
    let init_market = (env.last_cu[0], MemUse::max_of(&mem.lock().unwrap()));
    for i in 0..7 {
        // Debt weighed by a borrow factor other than 1x: the costlier path.
        let mut c = config(7_500, 8_000);
        if DEBT.contains(&i) {
            c.borrow_factor_bps = 12_500;
        }
        m.add_reserve(&mut env, 6, SPL_TOKEN, ONE_USD, -8, c).await;
    }
    let init_reserve = (env.last_cu[0], MemUse::max_of(&mem.lock().unwrap()));
    let mut b = Bench {
        env,
        mem,
        m,
        report: std::mem::take(&mut report),
    };
    b.record("init_market", (0, 0), init_market.0, init_market.1);
    b.record("init_reserve", (0, 0), init_reserve.0, init_reserve.1);
    admin(&mut b).await;

    println!("user");
    let lender = b.m.user(&mut b.env, &[1_000_000 * T; 7]).await;
    let init_obligation_cu = b.env.last_cu[0];
    let mem = b.last_mem();
    b.record("init_obligation", (0, 0), init_obligation_cu, mem);
    for i in 0..7 {
        b.m.supply(&mut b.env, &lender, i, 500_000 * T)
            .await
            .unwrap();
    }
    let user = b.m.user(&mut b.env, &[10_000 * T; 7]).await;
    user_instructions(&mut b, &user).await;

    println!("keeper");
    keeper_instructions(&mut b, &user).await;
    for e in oracles::measure().await {
        b.report.entries.push(e);
    }

    println!("flash loan");
    let k = b.m.reserves[5];
    let cu = b
        .run(
            &refresh(&b.m, 5),
            &[
                ix::flash_borrow(lender.kp.pubkey(), &k, lender.liquidity[5], 1_000 * T),
                ix::flash_repay(lender.kp.pubkey(), &k, lender.liquidity[5], 1_000 * T, 1),
            ],
            &[&lender.kp],
        )
        .await;
    let mem = b.mem.lock().unwrap().clone();
    assert_eq!(mem.len(), 2, "one memory figure per lending instruction");
    b.record("flash_borrow", (0, 0), cu[0], Some(mem[0]));
    b.record("flash_repay", (0, 0), cu[1], Some(mem[1]));
    b.record(
        "flash_borrow+flash_repay",
        (0, 0),
        cu[0] + cu[1],
        MemUse::max_of(&mem),
    );

    println!("e-mode");
    emode(&mut b, &lender).await;

    println!("positions");
    positions(&mut b, &lender).await;

    println!("insurance fund");
    fund::measure(&mut b, &lender).await;

    println!("timelock");
    timelock::measure(&mut b).await;

    println!("whole liquidation transaction at the most positions");
    let (whole, entries) = whole_tx::measure().await;
    b.report.entries.extend(entries);
    b.report.whole = whole;

    let account_rows = report::account_rows(&b.env);
    b.report.accounts = account_rows;
    if std::env::var_os("LENDING_DEPLOY_DIR").is_some() {
        // A profiling build: its figures include the probes and are not the report's.
        println!(
            "profiling build: target/cu-report.json and docs/compute-units.md left as they are"
        );
        return;
    }
    b.report.write(&root);
    if std::env::var("LENDING_CU_BUDGET").as_deref() == Ok("update") {
        budget::write(&root, &b.report.entries);
    }
    let whole_problems: Vec<String> = b.report.whole.iter().flat_map(|w| w.problems()).collect();
    if !whole_problems.is_empty() {
        eprintln!("error: the whole liquidation transaction passes its bounds:");
        for p in &whole_problems {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
    let problems = budget::problems(&b.report.entries, &budget::read(&root));
    if !problems.is_empty() {
        eprintln!("error: compute units against {}:", budget::FILE);
        for p in &problems {
            eprintln!("  {p}");
        }
        eprintln!("fix the regression, or review it and run ./scripts/bench-cu --update-budget");
        std::process::exit(1);
    }
    println!(
        "every instruction is within {}% of its budget in {}",
        budget::TOLERANCE_PCT,
        budget::FILE
    );
}

/// Admin instructions that do not create the market's structure.
async fn admin(b: &mut Bench) {
    let owner = b.m.owner.insecure_clone();
    let k = b.m.reserves[0];
    b.measure(
        "update_reserve_config",
        (0, 0),
        &refresh(&b.m, 0),
        ix::update_reserve_config(owner.pubkey(), &k, config(7_500, 8_000)),
        &[&owner],
    )
    .await;
    b.measure(
        "set_fixed_price",
        (0, 0),
        &[],
        ix::set_fixed_price(owner.pubkey(), b.m.market, k.oracle, ONE_USD, -8, 0),
        &[&owner],
    )
    .await;
    b.measure(
        "update_oracle_config",
        (0, 0),
        &[],
        ix::update_oracle_config(
            owner.pubkey(),
            b.m.market,
            k.oracle,
            lending_sdk::types::OracleConfigParams {
                source_kind: 2,
                source: Default::default(),
                feed_id: [0; 32],
                max_age_secs: 0,
                max_age_for_risk_secs: 0,
                max_conf_bps: 300,
                max_ema_deviation_bps: 500,
            },
        ),
        &[&owner],
    )
    .await;
    let guardian = owner.pubkey();
    b.measure(
        "set_guardian",
        (0, 0),
        &[],
        ix::set_guardian(owner.pubkey(), b.m.market, guardian),
        &[&owner],
    )
    .await;
    b.measure(
        "pause_market",
        (0, 0),
        &[],
        ix::pause_market(
            owner.pubkey(),
            b.m.market,
            lending_sdk::lending_core::state::market::PAUSE_BORROWS,
            60,
        ),
        &[&owner],
    )
    .await;
    // Lifts the pause again.
    b.measure(
        "update_market_config",
        (0, 0),
        &[],
        ix::update_market_config(
            owner.pubkey(),
            b.m.market,
            lending_sdk::types::MarketConfigParams {
                close_factor_bps: 5_000,
                dust_threshold: 2 * lending::risk::WAD,
                max_liquidation_value: 0,
                pause_flags: 0,
            },
        ),
        &[&owner],
    )
    .await;
}

/// Deposit, redeem, collateral in and out, borrow and repay with one deposit and one borrow.
async fn user_instructions(b: &mut Bench, u: &User) {
    let (c, d) = (COLL[0], DEBT[0]);
    let kc = b.m.reserves[c];
    let kd = b.m.reserves[d];
    let owner = u.kp.pubkey();
    let signer = [&u.kp];
    let rc = refresh(&b.m, c);
    b.measure(
        "deposit_reserve_liquidity",
        (0, 0),
        &rc,
        ix::deposit_reserve_liquidity(owner, &kc, u.liquidity[c], u.shares[c], 2_000 * T),
        &signer,
    )
    .await;
    let shares = b.env.balance(&u.shares[c]).await;
    b.measure(
        "redeem_reserve_collateral",
        (0, 0),
        &rc,
        ix::redeem_reserve_collateral(owner, &kc, u.shares[c], u.liquidity[c], shares / 4),
        &signer,
    )
    .await;
    b.measure(
        "deposit_obligation_collateral",
        (1, 0),
        &rc,
        ix::deposit_obligation_collateral(owner, u.obligation, &kc, u.shares[c], shares / 2),
        &signer,
    )
    .await;
    b.measure(
        "deposit_and_collateralize",
        (1, 0),
        &rc,
        ix::deposit_and_collateralize(owner, u.obligation, &kc, u.liquidity[c], 1_000 * T),
        &signer,
    )
    .await;
    let mut pre = refresh_many(&b.m, &[c, d]);
    pre.push(ix::refresh_obligation(u.obligation, &[kc.reserve]));
    b.measure(
        "borrow_obligation_liquidity",
        (1, 1),
        &pre,
        ix::borrow(
            owner,
            u.obligation,
            &kd,
            u.liquidity[d],
            500 * T,
            &[kc.reserve],
        ),
        &signer,
    )
    .await;
    b.measure(
        "repay_obligation_liquidity",
        (1, 1),
        &refresh(&b.m, d),
        ix::repay(owner, u.obligation, &kd, u.liquidity[d], 100 * T),
        &signer,
    )
    .await;
    let pre = b.refresh_all_for(u).await;
    let valued = [kc.reserve, kd.reserve];
    b.measure(
        "withdraw_obligation_collateral",
        (1, 1),
        &pre,
        ix::withdraw_obligation_collateral(owner, u.obligation, &kc, u.shares[c], 10 * T, &valued),
        &signer,
    )
    .await;
    let pre = b.refresh_all_for(u).await;
    b.measure(
        "withdraw_and_redeem",
        (1, 1),
        &pre,
        ix::withdraw_and_redeem(owner, u.obligation, &kc, u.liquidity[c], 10 * T, &valued),
        &signer,
    )
    .await;
}

/// Refresh instructions, and claiming fees.
async fn keeper_instructions(b: &mut Bench, u: &User) {
    let d = DEBT[0];
    let kd = b.m.reserves[d];
    b.env.advance(3_600).await;
    b.measure(
        "refresh_oracle_price (fixed)",
        (0, 0),
        &[],
        ix::refresh_oracle_price(kd.oracle, None),
        &[],
    )
    .await;
    b.measure(
        "refresh_reserve (interest accrues)",
        (0, 0),
        &[],
        ix::refresh_reserve(&kd),
        &[],
    )
    .await;
    b.measure(
        "refresh_reserve (same slot)",
        (0, 0),
        &[],
        ix::refresh_reserve(&kd),
        &[],
    )
    .await;
    let owner = b.m.owner.insecure_clone();
    let dest = b
        .env
        .token_account(&kd.mint, &owner.pubkey(), SPL_TOKEN)
        .await;
    b.measure(
        "claim_protocol_fees",
        (0, 0),
        &refresh(&b.m, d),
        ix::claim_protocol_fees(owner.pubkey(), &kd, dest),
        &[&owner],
    )
    .await;
    let _ = u;
}

/// E-mode groups: creating a plain and an isolated group, changing one, moving an obligation
/// into a group, refreshing it there, and borrowing, repaying and liquidating in the isolated
/// group (which takes the group account and counts its debt).
async fn emode(b: &mut Bench, lender: &User) {
    use lending::risk::emode::group_bit;
    use lending_sdk::types::EmodeGroupParams;
    let owner = b.m.owner.insecure_clone();
    let (plain, isolated) = (1u8, 2u8);
    // COLL[0] and DEBT[0] join the plain group, COLL[1] the isolated one, whose debt is DEBT[1].
    for (i, collateral, borrow) in [
        (COLL[0], group_bit(plain), 0),
        (DEBT[0], 0, group_bit(plain)),
        (COLL[1], group_bit(isolated), 0),
    ] {
        let mut c = config(7_500, 8_000);
        c.emode_collateral_mask = collateral;
        c.emode_borrow_mask = borrow;
        if DEBT.contains(&i) {
            c.borrow_factor_bps = 12_500;
        }
        let ix = ix::update_reserve_config(owner.pubkey(), &b.m.reserves[i], c);
        b.env.ok(&[ix], &[&owner]).await;
    }
    let limits = |ltv_bps, liquidation_threshold_bps, debt_ceiling| EmodeGroupParams {
        ltv_bps,
        liquidation_threshold_bps,
        min_liquidation_bonus_bps: 200,
        max_liquidation_bonus_bps: 500,
        debt_ceiling,
    };
    let market = b.m.market;
    b.measure(
        "init_emode_group",
        (0, 0),
        &[],
        ix::init_emode_group(owner.pubkey(), market, plain, limits(9_000, 9_300, 0), None),
        &[&owner],
    )
    .await;
    let debt = b.m.reserves[DEBT[1]].reserve;
    b.measure(
        "init_emode_group (isolated)",
        (0, 0),
        &[],
        ix::init_emode_group(
            owner.pubkey(),
            market,
            isolated,
            limits(7_500, 8_000, 1_000_000 * T),
            Some(debt),
        ),
        &[&owner],
    )
    .await;
    b.measure(
        "update_emode_group",
        (0, 0),
        &[],
        ix::update_emode_group(owner.pubkey(), market, plain, limits(9_000, 9_400, 0)),
        &[&owner],
    )
    .await;

    // A borrower of DEBT[0] (at its 1.25x factor) against COLL[0] moves into the plain group.
    let u = b.borrower(&COLL[..1], &DEBT[..1]).await;
    let ob = Market::obligation(&mut b.env, &u.obligation).await;
    let pre = refresh_many(&b.m, &[COLL[0], DEBT[0]]);
    let set = ix::set_obligation_emode(u.obligation, &ob, plain);
    b.measure("set_obligation_emode", (1, 1), &pre, set, &[&u.kp])
        .await;
    let pre = refresh_many(&b.m, &[COLL[0], DEBT[0]]);
    let refresh_ob = b.m.refresh_obligation_ix(&mut b.env, &u.obligation).await;
    b.measure(
        "refresh_obligation (e-mode group)",
        (1, 1),
        &pre,
        refresh_ob,
        &[],
    )
    .await;

    // A holder of COLL[1] enters the isolated group, borrows DEBT[1], repays some, and is
    // liquidated after a 10% fall.
    let v = b.m.user(&mut b.env, &[10_000 * T; 7]).await;
    b.m.deposit_collateral(&mut b.env, &v, COLL[1], 1_000 * T)
        .await
        .unwrap();
    let ob = Market::obligation(&mut b.env, &v.obligation).await;
    let set = ix::set_obligation_emode(v.obligation, &ob, isolated);
    b.run(&refresh(&b.m, COLL[1]), &[set], &[&v.kp]).await;
    let kd = b.m.reserves[DEBT[1]];
    let ob = Market::obligation(&mut b.env, &v.obligation).await;
    let mut pre = refresh_many(&b.m, &[COLL[1], DEBT[1]]);
    pre.push(b.m.refresh_obligation_ix(&mut b.env, &v.obligation).await);
    let borrow = ix::borrow(
        v.kp.pubkey(),
        v.obligation,
        &kd,
        v.liquidity[DEBT[1]],
        740 * T,
        &lending_sdk::market::obligation_reserves(&ob),
    );
    let borrow = ix::with_group(borrow, &market, &ob, ix::GroupUse::DebtChange);
    b.measure(
        "borrow_obligation_liquidity (isolated group)",
        (1, 1),
        &pre,
        borrow,
        &[&v.kp],
    )
    .await;
    let ob = Market::obligation(&mut b.env, &v.obligation).await;
    let repay = ix::repay(v.kp.pubkey(), v.obligation, &kd, v.liquidity[DEBT[1]], T);
    let repay = ix::with_group(repay, &market, &ob, ix::GroupUse::DebtChange);
    b.measure(
        "repay_obligation_liquidity (isolated group)",
        (1, 1),
        &refresh(&b.m, DEBT[1]),
        repay,
        &[&v.kp],
    )
    .await;
    b.m.set_price(&mut b.env, COLL[1], ONE_USD * 9 / 10, -8)
        .await;
    let mut pre = refresh_many(&b.m, &[COLL[1], DEBT[1]]);
    pre.push(b.m.refresh_obligation_ix(&mut b.env, &v.obligation).await);
    let ob = Market::obligation(&mut b.env, &v.obligation).await;
    let liquidate = ix::liquidate(
        lender.kp.pubkey(),
        v.obligation,
        &kd,
        lender.liquidity[DEBT[1]],
        &b.m.reserves[COLL[1]],
        lender.shares[COLL[1]],
        LiquidateParams {
            max_repay: u64::MAX,
            min_receive: 0,
            receive_liquidity: false,
        },
        &lending_sdk::market::obligation_reserves(&ob),
    );
    let liquidate = ix::with_group(liquidate, &market, &ob, ix::GroupUse::DebtChange);
    b.measure(
        "liquidate_obligation (isolated group)",
        (1, 1),
        &pre,
        liquidate,
        &[&lender.kp],
    )
    .await;
    b.m.set_price(&mut b.env, COLL[1], ONE_USD, -8).await;
}

/// refresh_obligation and liquidate at 1, half and the maximum number of positions.
async fn positions(b: &mut Bench, lender: &User) {
    let shapes: [(&[usize], &[usize]); 4] = [
        (&COLL[..1], &[]),
        (&COLL[..1], &DEBT[..1]),
        (&COLL[..2], &DEBT[..2]),
        (&COLL[..], &DEBT[..]),
    ];
    let mut users = vec![];
    for (coll, debt) in shapes {
        let u = if debt.is_empty() {
            let u = b.m.user(&mut b.env, &[10_000 * T; 7]).await;
            b.m.deposit_collateral(&mut b.env, &u, coll[0], 1_000 * T)
                .await
                .unwrap();
            u
        } else {
            b.borrower(coll, debt).await
        };
        let pos = (coll.len() as u8, debt.len() as u8);
        let mut pre = b.refresh_all_for(&u).await;
        let refresh_ob = pre.pop().unwrap();
        b.measure("refresh_obligation", pos, &pre, refresh_ob, &[])
            .await;
        users.push((u, pos));
    }

    // A second one-position borrower, for the receive-liquidity variant.
    let extra = b.borrower(&COLL[..1], &DEBT[..1]).await;

    // A 10% fall of every collateral asset makes every borrower liquidatable
    // (74% debt against an 80% threshold of 90% of the value).
    for &i in &COLL {
        b.m.set_price(&mut b.env, i, ONE_USD * 9 / 10, -8).await;
    }
    let kd = b.m.reserves[DEBT[0]];
    let kc = b.m.reserves[COLL[0]];
    let params = LiquidateParams {
        max_repay: u64::MAX,
        min_receive: 0,
        receive_liquidity: false,
    };
    for (u, pos) in users.iter().filter(|(_, p)| p.1 > 0) {
        let pre = b.refresh_all_for(u).await;
        let valued = Market::obligation_reserves(&mut b.env, &u.obligation).await;
        let ix = ix::liquidate(
            lender.kp.pubkey(),
            u.obligation,
            &kd,
            lender.liquidity[DEBT[0]],
            &kc,
            lender.shares[COLL[0]],
            params,
            &valued,
        );
        b.measure("liquidate_obligation", *pos, &pre, ix, &[&lender.kp])
            .await;
    }
    // Receiving the collateral asset itself (seize + redeem) at one position.
    let (u, pos) = (&extra, &(1, 1));
    let pre = b.refresh_all_for(u).await;
    let valued = Market::obligation_reserves(&mut b.env, &u.obligation).await;
    let ix = ix::liquidate(
        lender.kp.pubkey(),
        u.obligation,
        &kd,
        lender.liquidity[DEBT[0]],
        &kc,
        lender.liquidity[COLL[0]],
        LiquidateParams {
            receive_liquidity: true,
            ..params
        },
        &valued,
    );
    b.measure(
        "liquidate_obligation (receive liquidity)",
        *pos,
        &pre,
        ix,
        &[&lender.kp],
    )
    .await;
}
