//! The whole liquidation transaction at the most positions (8 + 5), as a bot sends it through
//! the market's lookup table: a compute-unit limit, every position's price (a Pyth pull account
//! per reserve, with a confidence interval) and reserve (an hour of interest to accrue)
//! refreshed, the obligation refreshed, then `liquidate_obligation`. Three paths: the seized
//! shares, the liquidity redeemed, and a write-off that the debt reserve's insurance fund pays
//! toward (at 1 + 5 positions, the most debt positions a write-off meets: it comes when the last
//! collateral is seized). Each is measured in a VM of its own market, with its CU, its size
//! through the table and as a legacy transaction, and the most stack and heap any of its
//! instructions used; the run fails when one passes its bound.

use super::memory::{traced_svm, MemUse, HEAP_BYTES, MAX_FRAMES};
use super::report::Entry;
use lending_sbf_tests::env::Env;
use lending_sdk::lending_core::state::{MAX_BORROWS, MAX_DEPOSITS};
use lending_test_suite::env::{TestEnv, VmEnv, SPL_TOKEN};
use lending_test_suite::fixture::{config, Market};
use lending_test_suite::pyth::{account, pull_update};
use solana_signer::Signer;

/// The most compute units the whole transaction may use (the bound, well under the
/// 1.4M a transaction may request, so that a bot can add its swap or priority-fee steps).
pub const CU_BOUND: u64 = 200_000;
/// The most a transaction may be on the wire.
pub const BYTES_BOUND: usize = 1_232;
/// Stack frames and heap bytes any one instruction may use: a quarter of each kept free.
pub const FRAMES_BOUND: u64 = MAX_FRAMES * 3 / 4;
/// See [`FRAMES_BOUND`].
pub const HEAP_BOUND: u64 = HEAP_BYTES * 3 / 4;

/// One whole token (6 decimals).
const T: u64 = 1_000_000;
/// $1 at expo -8.
const ONE_USD: i64 = 100_000_000;
/// The benchmark's clock.
const START: i64 = 1_750_000_000;
/// Interest the reserves accrue before the liquidation.
const HOUR: i64 = 3_600;

/// One measured whole transaction.
pub struct WholeTx {
    /// Which liquidation.
    pub path: &'static str,
    /// The obligation's collateral and debt positions.
    pub positions: (u8, u8),
    /// Instructions in the transaction.
    pub instructions: usize,
    /// Compute units of the whole transaction.
    pub cu: u64,
    /// Of which the 2 × positions price and reserve refreshes.
    pub refresh_cu: u64,
    /// Wire size through the market's lookup table.
    pub bytes: usize,
    /// Wire size of the same instructions as a legacy transaction.
    pub legacy_bytes: usize,
    /// The most stack and heap any of its lending instructions used.
    pub mem: MemUse,
}

impl WholeTx {
    /// What passes a bound, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut out = vec![];
        let what = format!("whole liquidation ({})", self.path);
        if self.cu > CU_BOUND {
            out.push(format!("{what}: {} CU > {CU_BOUND}", self.cu));
        }
        if self.bytes > BYTES_BOUND {
            out.push(format!("{what}: {} bytes > {BYTES_BOUND}", self.bytes));
        }
        if self.mem.stack_frames > FRAMES_BOUND {
            out.push(format!(
                "{what}: {} stack frames > {FRAMES_BOUND}",
                self.mem.stack_frames
            ));
        }
        if self.mem.heap_bytes > HEAP_BOUND {
            out.push(format!(
                "{what}: {} heap bytes > {HEAP_BOUND}",
                self.mem.heap_bytes
            ));
        }
        out
    }
}

/// The three paths, plus the per-instruction rows of the first (refresh_obligation and
/// liquidate at 8 + 5 with Pyth prices) for the "Every instruction" table.
pub async fn measure() -> (Vec<WholeTx>, Vec<Entry>) {
    let mut rows = vec![];
    let mut entries = vec![];
    for (path, deposits, receive_liquidity) in [
        ("seized shares", MAX_DEPOSITS, false),
        ("receive liquidity", MAX_DEPOSITS, true),
        ("write-off, insurance fund", 1, false),
    ] {
        let (row, e) = one(path, deposits, receive_liquidity).await;
        println!(
            "  whole liquidation, {path:<26} {}d {}b {:>8} CU {:>5} B ({} legacy) {:>3} frames {:>6} B heap",
            row.positions.0,
            row.positions.1,
            row.cu,
            row.bytes,
            row.legacy_bytes,
            row.mem.stack_frames,
            row.mem.heap_bytes
        );
        if entries.is_empty() {
            entries = e;
        }
        rows.push(row);
    }
    (rows, entries)
}

/// A market of 8 + 5 reserves priced by Pyth pull accounts, the first debt reserve insured, and
/// its lookup table; a borrower with `deposits` collateral positions and 5 debts, made
/// liquidatable by a fall of collateral 0 and 1; the liquidation measured.
async fn one(
    path: &'static str,
    deposits: usize,
    receive_liquidity: bool,
) -> (WholeTx, Vec<Entry>) {
    let (svm, mem) = traced_svm();
    let mut env = Env::start_on(svm, super::memory::with_section_headers).await;
    env.set_time(START).await;
    let n = MAX_DEPOSITS + MAX_BORROWS;
    let feeds: Vec<_> = (0..n).map(|_| env.keypair().pubkey()).collect();
    let set_feeds = |env: &mut Env, now: i64, crashed: &[usize]| {
        for (i, f) in feeds.iter().enumerate() {
            let price = if crashed.contains(&i) {
                ONE_USD / 100
            } else {
                ONE_USD
            };
            env.set_account(
                f,
                account(pyth_solana_receiver_sdk::ID, pull_update(price, now)),
            );
        }
    };
    set_feeds(&mut env, START, &[]);
    // A market without a delay (it allows fixed prices, though every reserve here is priced
    // by Pyth): its reserves list active and its fund takes its cuts at once.
    let mut m = Market::new(&mut env).await;
    for f in &feeds {
        let mut c = config(7_000, 8_000);
        c.borrow_factor_bps = 12_500;
        m.add_pyth_reserve(&mut env, 6, SPL_TOKEN, *f, c).await;
    }
    m.add_fund(
        &mut env,
        MAX_DEPOSITS,
        lending_test_suite::fund_fixture::cuts(),
    )
    .await;
    let table = m.use_lookup_table(&mut env).await;
    let lender = m.user(&mut env, &vec![1_000_000 * T; n]).await;
    let liq = m.user(&mut env, &vec![10_000 * T; n]).await;
    for i in MAX_DEPOSITS..n {
        m.supply(&mut env, &lender, i, 100_000 * T).await.unwrap();
    }
    let b = m.user(&mut env, &vec![1_000 * T; n]).await;
    for i in 0..deposits {
        m.deposit_collateral(&mut env, &b, i, 100 * T)
            .await
            .unwrap();
    }
    // Debt of 52% of the collateral's value, spread over the five debt reserves: weighed at
    // their 1.25x borrow factor, 65%, within the 70% limit. When two of the eight collateral
    // assets fall, the line (80% of what is left) drops to 60%.
    let owed = 100 * T * deposits as u64 * 52 / 100 / MAX_BORROWS as u64;
    for i in MAX_DEPOSITS..n {
        m.borrow(&mut env, &b, i, owed).await.unwrap();
    }
    // An hour later, collateral 0 and 1 (only 0 for a one-position borrower) fall to $0.01.
    env.advance(HOUR).await;
    let now = env.clock().await.unix_timestamp;
    set_feeds(&mut env, now, &[0, 1]);
    // Repay the first (insured) debt reserve; seize collateral 2 (0, the only one, for a
    // one-position borrower).
    let (debt, coll) = (MAX_DEPOSITS, if deposits > 2 { 2 } else { 0 });
    let ixs = m
        .liquidation_ixs(
            &mut env,
            &b,
            &liq,
            debt,
            coll,
            receive_liquidity,
            CU_BOUND as u32,
        )
        .await;
    let legacy = env.sign_by(&liq.kp, &ixs, &[]).await;
    let legacy_bytes = Env::wire_size(&legacy);
    mem.lock().unwrap().clear();
    let (bytes, res) = env.process_v0(&liq.kp, &ixs, &[], &table).await;
    if let Err(e) = res {
        panic!("{path}: {e:?}\n{}", env.last_logs.join("\n"));
    }
    let uses = mem.lock().unwrap().clone();
    let cus = env.last_cu.clone();
    assert_eq!(
        uses.len(),
        cus.len(),
        "one memory figure per lending instruction"
    );
    if path == "write-off, insurance fund" {
        let r = m.reserve(&mut env, MAX_DEPOSITS).await;
        assert!(
            r.bad_debt_written_off.get() > 0,
            "{path}: nothing was written off"
        );
    } else {
        let dest = if receive_liquidity {
            liq.liquidity[coll]
        } else {
            liq.shares[coll]
        };
        assert!(env.balance(&dest).await > 0, "{path}: nothing was seized");
    }
    // The instruction rows: refresh_obligation and liquidate are the last two.
    let k = cus.len();
    let pos = (deposits as u8, MAX_BORROWS as u8);
    let entries = ["refresh_obligation", "liquidate_obligation"]
        .iter()
        .enumerate()
        .map(|(j, name)| Entry {
            name: format!("{name} (Pyth prices)"),
            deposits: pos.0,
            borrows: pos.1,
            cu: cus[k - 2 + j],
            mem: Some(uses[k - 2 + j]),
        })
        .collect();
    let row = WholeTx {
        path,
        positions: pos,
        instructions: ixs.len(),
        cu: env.last_tx_cu,
        refresh_cu: cus[..k - 2].iter().sum(),
        bytes,
        legacy_bytes,
        mem: MemUse::max_of(&uses).unwrap_or_default(),
    };
    (row, entries)
}
