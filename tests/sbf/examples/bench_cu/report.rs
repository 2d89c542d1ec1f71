//! The CU report: `target/cu-report.json` for tools (the SDK sizes compute budgets from it) and
//! `docs/compute-units.md` for people, with the SPL token-lending baseline and our targets.

use super::memory::{MemUse, FRAME_BYTES, HEAP_BYTES, MAX_FRAMES};
use super::whole_tx::{WholeTx, BYTES_BOUND, CU_BOUND, FRAMES_BOUND, HEAP_BOUND};
use lending_sbf_tests::env::Env;
use serde_json::json;

/// One measured instruction.
pub struct Entry {
    /// Instruction (and the state it was measured in).
    pub name: String,
    /// Collateral positions of the obligation involved.
    pub deposits: u8,
    /// Debt positions of the obligation involved.
    pub borrows: u8,
    /// Compute units the lending program consumed (CPIs included).
    pub cu: u64,
    /// Stack and heap it used (the larger over its invocations), from the register trace.
    pub mem: Option<MemUse>,
}

impl Entry {
    /// The progress line the bench prints.
    pub fn line(&self) -> String {
        let mem = self.mem.map_or(String::new(), |m| {
            format!(" {:>3} frames {:>6} B heap", m.stack_frames, m.heap_bytes)
        });
        format!(
            "  {:<44} {:>2}d {:>1}b {:>8} CU{mem}",
            self.name, self.deposits, self.borrows, self.cu
        )
    }
}

/// One program account kind: size and rent.
pub struct AccountRow {
    /// Account type.
    pub name: &'static str,
    /// Bytes, discriminator included.
    pub bytes: usize,
    /// Rent-exempt minimum, lamports.
    pub rent: u64,
}

/// Everything the benchmark measured.
#[derive(Default)]
pub struct Report {
    /// Size of the measured `.so`.
    pub so_bytes: u64,
    /// Measured instructions, in run order.
    pub entries: Vec<Entry>,
    /// Program accounts.
    pub accounts: Vec<AccountRow>,
    /// The whole liquidation transaction at the most positions, per path.
    pub whole: Vec<WholeTx>,
}

/// A target row: our instruction, its positions, the SPL baseline and the target.
struct Target {
    label: &'static str,
    name: &'static str,
    positions: (u8, u8),
    baseline: u64,
    target: u64,
}

const TARGETS: &[Target] = &[
    Target {
        label: "deposit_reserve_liquidity",
        name: "deposit_reserve_liquidity",
        positions: (0, 0),
        baseline: 13_555,
        target: 10_000,
    },
    Target {
        label: "redeem_reserve_collateral",
        name: "redeem_reserve_collateral",
        positions: (0, 0),
        baseline: 13_436,
        target: 10_000,
    },
    Target {
        label: "deposit_obligation_collateral",
        name: "deposit_obligation_collateral",
        positions: (1, 0),
        baseline: 4_930,
        target: 4_000,
    },
    Target {
        label: "withdraw_obligation_collateral (1 borrow)",
        name: "withdraw_obligation_collateral",
        positions: (1, 1),
        baseline: 9_818,
        target: 7_500,
    },
    Target {
        label: "borrow_obligation_liquidity",
        name: "borrow_obligation_liquidity",
        positions: (1, 1),
        baseline: 16_225,
        target: 12_000,
    },
    Target {
        label: "repay_obligation_liquidity",
        name: "repay_obligation_liquidity",
        positions: (1, 1),
        baseline: 6_266,
        target: 5_000,
    },
    Target {
        label: "refresh_reserve (interest accrues)",
        name: "refresh_reserve (interest accrues)",
        positions: (0, 0),
        baseline: 8_518,
        target: 6_000,
    },
    Target {
        label: "refresh_obligation, 1 deposit",
        name: "refresh_obligation",
        positions: (1, 0),
        baseline: 10_006,
        target: 7_000,
    },
    Target {
        label: "refresh_obligation, 1 deposit + 1 borrow",
        name: "refresh_obligation",
        positions: (1, 1),
        baseline: 12_085,
        target: 10_000,
    },
    Target {
        label: "refresh_obligation, 2 deposits + 2 borrows",
        name: "refresh_obligation",
        positions: (2, 2),
        baseline: 23_528,
        target: 16_000,
    },
    Target {
        label: "refresh_obligation, 4 deposits + 3 borrows (SPL: extrapolated)",
        name: "refresh_obligation",
        positions: (4, 3),
        baseline: 43_906,
        target: 25_000,
    },
    Target {
        label: "liquidate (1 deposit, 1 borrow)",
        name: "liquidate_obligation",
        positions: (1, 1),
        baseline: 22_429,
        target: 17_000,
    },
    Target {
        label: "flash loan, borrow + repay",
        name: "flash_borrow+flash_repay",
        positions: (0, 0),
        baseline: 20_608,
        target: 15_000,
    },
];

impl Report {
    /// An empty report for a `.so` of `so_bytes`.
    pub fn new(so_bytes: u64) -> Self {
        Self {
            so_bytes,
            ..Self::default()
        }
    }

    fn entry(&self, name: &str, positions: (u8, u8)) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.name == name && (e.deposits, e.borrows) == positions)
    }

    fn find(&self, name: &str, positions: (u8, u8)) -> Option<u64> {
        self.entry(name, positions).map(|e| e.cu)
    }

    /// Writes `target/cu-report.json` and `docs/compute-units.md` under `root`.
    pub fn write(&self, root: &str) {
        let json = json!({
            "vm": "litesvm 0.16.0, mainnet feature set (SPL Token is p-token)",
            "program_so_bytes": self.so_bytes,
            "instructions": self.entries.iter().map(|e| json!({
                "name": e.name, "deposits": e.deposits, "borrows": e.borrows, "cu": e.cu,
                "stack_frames": e.mem.map(|m| m.stack_frames),
                "heap_bytes": e.mem.map(|m| m.heap_bytes),
            })).collect::<Vec<_>>(),
            "limits": json!({
                "stack_frames": MAX_FRAMES, "stack_frame_bytes": FRAME_BYTES,
                "heap_bytes": HEAP_BYTES, "cu_per_transaction": 1_400_000,
            }),
            "whole_liquidation": self.whole.iter().map(|w| json!({
                "path": w.path, "deposits": w.positions.0, "borrows": w.positions.1,
                "instructions": w.instructions, "cu": w.cu, "refresh_cu": w.refresh_cu,
                "bytes": w.bytes,
                "legacy_bytes": w.legacy_bytes, "stack_frames": w.mem.stack_frames,
                "heap_bytes": w.mem.heap_bytes,
            })).collect::<Vec<_>>(),
            "targets": TARGETS.iter().map(|t| json!({
                "label": t.label, "baseline": t.baseline, "target": t.target,
                "measured": self.find(t.name, t.positions),
            })).collect::<Vec<_>>(),
        });
        let path = format!("{root}/target/cu-report.json");
        std::fs::create_dir_all(format!("{root}/target")).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
        println!("wrote {path}");
        let path = format!("{root}/docs/compute-units.md");
        std::fs::create_dir_all(format!("{root}/docs")).unwrap();
        std::fs::write(&path, self.markdown()).unwrap();
        println!("wrote {path}");
    }

    fn markdown(&self) -> String {
        let mut s = String::new();
        s += "# Compute units\n\n";
        s += "Generated by `./scripts/bench-cu` (do not edit by hand): the SBF build of the program\n";
        s += "(`target/deploy/lending.so`, ";
        s += &format!(
            "{} bytes) run in litesvm 0.16.0 with the mainnet feature set, so SPL Token is\n",
            group(self.so_bytes)
        );
        s += "p-token. Keys are fixed, so PDA bumps and figures repeat. Each instruction runs alone in its\n";
        s += "own transaction after the refreshes it needs (sent earlier in the same slot); the figure is\n";
        s += "the program's own consumption, CPIs included, as in the SPL baseline\n";
        s +=
            "(`../shared/notes/baseline-cu.md`: SPL token-lending built with this same route).\n\n";
        s += "## Against the SPL token-lending baseline\n\n";
        s += "| instruction | SPL baseline | target | measured | vs baseline | target met |\n|---|---:|---:|---:|---:|:-:|\n";
        for t in TARGETS {
            let m = self.find(t.name, t.positions);
            let (measured, ratio, met) = match m {
                Some(cu) => (
                    group(cu),
                    format!("{:+.0}%", (cu as f64 / t.baseline as f64 - 1.0) * 100.0),
                    if cu <= t.target { "yes" } else { "**no**" }.to_string(),
                ),
                None => ("not measured".into(), String::new(), String::new()),
            };
            s += &format!(
                "| {} | {} | ≤ {} | {} | {} | {} |\n",
                t.label,
                group(t.baseline),
                group(t.target),
                measured,
                ratio,
                met
            );
        }
        s += "\nThe refresh_obligation targets follow the issue's rule, 4,000 + 3,000 per position.\n";
        s += "SPL's flash-loan figure includes its receiver program's CPI and transfer; ours is the\n";
        s += "flash_borrow and flash_repay instructions of one transaction (each moves tokens with a\n";
        s += "transfer_checked CPI).\n\n";
        s += &self.whole_section();
        s += WHERE_THE_CU_GO;
        s += RISK_REVIEW_COSTS;
        s += OPERATIONS_LAYER_COSTS;
        s += BORROW_FACTOR_COSTS;
        s += EMODE_COSTS;
        s += FUND_COSTS;
        s += TIMELOCK_COSTS;
        s += "## Every instruction\n\n";
        s += "The CI guard: `tests/sbf/cu-budget.json` holds each row's budget, and `./scripts/test`\n";
        s += "fails when a row exceeds its budget by more than 10%. `./scripts/bench-cu --update-budget`\n";
        s += "rewrites the budget from a run; lowering it is a normal commit.\n\n";
        s += "Stack and heap come from the VM's register trace (litesvm `register-tracing`): the\n";
        s += "stack column counts the 4 KiB frames in use at the deepest call (SBPF v3 frames are fixed;\n";
        s += "the VM allows 64), the heap column the bytes the bump allocator handed out (it never\n";
        s += "frees) of the default 32 KiB.\n\n";
        s += "| instruction | deposits | borrows | CU | stack frames | heap bytes |\n|---|---:|---:|---:|---:|---:|\n";
        for e in &self.entries {
            let (frames, heap) = e.mem.map_or(("–".into(), "–".into()), |m| {
                (m.stack_frames.to_string(), group(m.heap_bytes))
            });
            s += &format!(
                "| {} | {} | {} | {} | {frames} | {heap} |\n",
                e.name,
                e.deposits,
                e.borrows,
                group(e.cu)
            );
        }
        s += &self.headroom();
        s += "\n## Accounts\n\n| account | bytes | rent-exempt minimum (SOL) |\n|---|---:|---:|\n";
        for a in &self.accounts {
            s += &format!(
                "| {} | {} | {:.6} |\n",
                a.name,
                group(a.bytes as u64),
                a.rent as f64 / 1e9
            );
        }
        s
    }
}

impl Report {
    /// The whole liquidation transaction at the most positions, per path.
    fn whole_section(&self) -> String {
        let mut s = String::from(WHOLE_TX_INTRO);
        s += &format!(
            "| liquidation | positions | instructions | CU (bound {}) | of which price and reserve refreshes | bytes through the table (of {}) | as legacy | stack frames (bound {FRAMES_BOUND} of {MAX_FRAMES}) | heap (bound {} of {}) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
            group(CU_BOUND),
            group(BYTES_BOUND as u64),
            group(HEAP_BOUND),
            group(HEAP_BYTES),
        );
        for w in &self.whole {
            s += &format!(
                "| {} | {} + {} | {} | {} | {} | {} | {} | {} | {} |\n",
                w.path,
                w.positions.0,
                w.positions.1,
                w.instructions,
                group(w.cu),
                group(w.refresh_cu),
                group(w.bytes as u64),
                group(w.legacy_bytes as u64),
                w.mem.stack_frames,
                group(w.mem.heap_bytes),
            );
        }
        s += "\n";
        s
    }

    /// Headroom at the most positions an obligation can hold, against the VM's limits.
    fn headroom(&self) -> String {
        let mut s = String::from(
            "\n### Headroom at the most positions (8 deposits, 5 borrows, Pyth prices)\n\n\
             | instruction | CU (of 1.4M) | stack frames (of 64) | heap (of 32 KiB) |\n\
             |---|---:|---:|---:|\n",
        );
        for name in [
            "refresh_obligation (Pyth prices)",
            "liquidate_obligation (Pyth prices)",
        ] {
            let Some(e) = self.entry(name, (8, 5)) else {
                s += &format!("| {name} | not measured | | |\n");
                continue;
            };
            let pct = |used: u64, of: u64| used as f64 / of as f64 * 100.0;
            let (frames, heap) = e.mem.map_or(("–".into(), "–".into()), |m| {
                (
                    format!(
                        "{} ({:.0}%)",
                        m.stack_frames,
                        pct(m.stack_frames, MAX_FRAMES)
                    ),
                    format!(
                        "{} ({:.1}%)",
                        group(m.heap_bytes),
                        pct(m.heap_bytes, HEAP_BYTES)
                    ),
                )
            });
            s += &format!(
                "| {name} | {} ({:.1}%) | {frames} | {heap} |\n",
                group(e.cu),
                pct(e.cu, 1_400_000)
            );
        }
        s
    }
}

/// What the whole-transaction table measures.
const WHOLE_TX_INTRO: &str = "## The whole liquidation at the most positions (#24)\n\n\
An obligation holds at most 8 collateral and 5 debt positions. Its liquidation is measured as\n\
the one transaction a bot sends: a compute-unit limit, each position's price refreshed from a\n\
Pyth pull account of its own (with a confidence interval) and its reserve refreshed with an\n\
hour of interest to accrue, `refresh_obligation`, then `liquidate_obligation` (with the debt\n\
reserve's insurance fund and its vault). It is a v0 transaction through the market's lookup\n\
table (`LendingMarket::lookup_table`, made by `lending-cli market create`, holding the\n\
market's shared addresses); the same instructions as a legacy transaction do not fit. A\n\
write-off comes only when the last collateral is seized, so its heaviest case is 1 + 5. The CU\n\
are the whole transaction's, every instruction and CPI included; stack and heap are the most\n\
any one instruction used (each runs on its own), so those bounds are per instruction and the\n\
CU bound is the transaction's. The benchmark fails when a figure passes its bound. No batch\n\
refresh instruction was needed: the refreshes are a little over half the cost, and the whole\n\
stays about half the bound without one.\n\n";

/// What profiling found, and what stands between the figures and the targets.
/// What the risk-review fixes (#18) cost, against `tests/sbf/cu-budget.json` as it was at
/// 4265633.
const RISK_REVIEW_COSTS: &str = "## What the risk-review fixes cost (#18)\n\n\
Against the budget as it was at 4265633, every row stays within 10%. Measured at the end of the\n\
risk review (ecc1f2f), liquidate with 4 deposits and 3 borrows was the exception, at +11.1%\n\
(17,900 CU); the operations layer (#20, below) brought it under +9% without changing a\n\
result. Where the review's CU went:\n\n\
- `liquidate_obligation`: the equity-margin bound on the bonus (one division, skipped when the\n  \
  products already show the margin covers the ramp's bonus; the rounding tolerance is computed\n  \
  only when the collateral no longer covers the debt), the debt position valued at spot as well\n  \
  as at price + confidence, the price age check for risk, and the valuation check (L5): the\n  \
  obligation's reserves other than the two it names come as remaining accounts (about 160 CU\n  \
  each for the runtime to pass, 5 at the largest obligation) and each position's recorded\n  \
  `valuation_seq` is compared with its reserve's. Binding the cache to the reserves' state\n  \
  cannot be done without reading them; the alternatives (a market-wide epoch written by every\n  \
  liquidation, or prices frozen for the rest of a slot) are weighed in docs/security.md. Its\n  \
  budget row, raised to 17,900 then, is back to the measured 17,535 (+8.9%).\n\
- `borrow_obligation_liquidity` +4.5%, `withdraw_obligation_collateral` +5.7%,\n  \
  `withdraw_and_redeem` +4.9%: the spot value of the changed position, the price ages for\n  \
  risk, and the valuation check over the obligation's other reserves.\n\
- `refresh_obligation` +1.1% to +3.3%: each debt position's spot value is cached beside its\n  \
  value at price + confidence (the obligation's equity needs it), the earliest price expiry\n  \
  for risk is kept, and each position records its reserve's `valuation_seq`. With a non-zero\n  \
  confidence (every Pyth price) the spot valuation costs about 590 CU more per debt position\n  \
  (measured before the shortcut: 4 deposits and 3 borrows at 15,006 CU); this benchmark\n  \
  prices at zero confidence, where one valuation serves both.\n\
- `refresh_reserve` +0.6% to +3.3% (it compares the cached price before and after, to count\n  \
  a change), `flash_borrow` +2.9% (the clock read for the pause expiry),\n  \
  `update_market_config` +2.6% (the new liquidation-limit bounds), `update_reserve_config`\n  \
  +2.4% (the change settles interest itself).\n\
- New rows: `update_oracle_config`, `set_guardian`, `pause_market`.\n\n";

/// What the operations layer (#20) changed, against `tests/sbf/cu-budget.json` as it stood
/// when that work started.
const OPERATIONS_LAYER_COSTS: &str = "## What the operations layer changed (#20)\n\n\
Every state change moved into `lending_core::ops` and every handler into one shape (load,\n\
check, call one operation, move tokens, emit). Against the budget as it stood when that work\n\
started, no instruction is more than 5% above its row. State changes now happen before the\n\
token CPIs rather than after, so a deposit or a redemption loads its reserve once instead of\n\
twice (-2%). Two exact shortcuts paid for the rest: the liquidation bonus compares\n\
`equity x 10,000` with `bonus x debt` before dividing (a 128-bit division is a library call\n\
on SBF; a property test checks the comparison agrees with the division), and a collateral\n\
position is valued once when its price has no confidence interval, as debt positions already\n\
were (this benchmark prices at zero confidence; with a Pyth confidence both valuations run).\n\
Compared with what the same benchmark measured when the work started (ecc1f2f), no\n\
instruction costs more than 0.3% more (`update_oracle_config` +5 CU, `flash_repay` +12, a few\n\
others +1 or +2); withdrawals fell 7% to 9%, liquidations 2% to 5%, `refresh_obligation` 12%\n\
to 18%. The rows still a few percent above their budget (borrow, `refresh_reserve` in the same\n\
slot, `update_market_config`) carry the risk review's additions.\n\n";

/// What the borrow factor (#21) costs.
const BORROW_FACTOR_COSTS: &str = "## What the borrow factor costs (#21)\n\n\
This benchmark's debt reserves carry a 1.25x borrow factor (at 1x the weighing is skipped),\n\
and its borrowers owe $592 rather than $740 per $1,000 of collateral, so that their weighted\n\
debt sits where their debt sat before. Weighing a debt position (one basis-point\n\
multiplication, rounded up) costs about 150 CU: `refresh_obligation` +164 CU with one debt\n\
position, +306 with two, +453 with three; `borrow_obligation_liquidity` +267 and\n\
`repay_obligation_liquidity` +324 (the position is weighed before and after the change, once\n\
the repayment has checked that it was valued under the reserve's current configuration);\n\
`liquidate_obligation` +353 with one deposit and one borrow, +278 with two and two. With four\n\
deposits and three borrows it measured 1,288 CU less: the smaller debts change the amounts\n\
the liquidation sizes and seizes (not profiled further). Against `tests/sbf/cu-budget.json`,\n\
`borrow_obligation_liquidity` and `repay_obligation_liquidity` are now 5.8% above their\n\
rows, every other row within 4%.\n\n";

const EMODE_COSTS: &str = "## What e-mode groups cost (#21)\n\n\
The \"e-mode\" rows measure the group instructions and the paths that take a group account.\n\
Refreshing an obligation in a group (one deposit, one borrow) costs 4,356 CU against 4,125\n\
outside: the group account's checks (owner, discriminator, size) and its limits applied to\n\
each position. In an isolated group, borrow, repay and liquidate also load the group writable\n\
and move its count of debt shares: 11,037 CU for a borrow (10,307 outside a group), 7,497 for\n\
a repayment (7,325), 16,022 for a liquidation (15,892). `set_obligation_emode` refreshes the\n\
obligation under both groups itself (8,643 CU with one deposit and one borrow, entering a plain\n\
group). Outside any group every position's limits and weight still go through the group\n\
rules (the isolated-collateral check, the factor rule) and a borrow checks that no group\n\
refuses the debt: about 100 CU on `refresh_obligation` with one position, 450 with seven, and\n\
60 on a borrow.\n\n";

const FUND_COSTS: &str = "## What the insurance fund costs (#22)\n\n\
The \"insurance fund\" rows measure the fund instructions on one debt reserve's fund. A\n\
liquidation whose debt reserve has a fund takes the fund and its vault as its last two\n\
remaining accounts (64 bytes more, 1,157 of 1,232 at the most positions) and the fund is\n\
loaded on each (not measured apart); only a write-off costs a transfer: 19,833 CU for a\n\
write-off that the fund pays toward, against 16,185 for a plain liquidation with one deposit\n\
and one borrow (the fund's vault pays into the reserve's, with its balance checked). Every\n\
instruction that loads a reserve's pool carries one more 128-bit balance, the fund's\n\
uncollected cut, which interest accrual and the share price read: 30 to 90 CU on deposit,\n\
redeem, borrow, withdraw and refresh_reserve, about 300 on liquidate (the liquidation fee's\n\
split between the protocol and the collateral reserve's fund). The eight instructions took the\n\
program from 1,352,736 to 1,676,176 bytes (Anchor's account checks for each, and the init of\n\
three accounts).\n\n";

const TIMELOCK_COSTS: &str = "## What the timelock costs (#23)\n\n\
The \"timelock\" rows measure naming a risk admin, and queuing, applying and cancelling the\n\
largest change (a reserve's configuration with its curve); queue_change creates the change's\n\
account (most of its cost). The direct admin updates now share one path with apply_change\n\
(load the target, check the change's bounds, classify it, apply it, emit): 400 to 1,700 CU\n\
more than before on update_reserve_config, update_emode_group, update_oracle_config,\n\
update_fund_settings and update_insurance_fund, admin instructions that run rarely, chosen\n\
for one readable path over the CU. refresh_reserve steps a running ramp (a branch when none\n\
runs). The four instructions and the shared path took the program from 1,678,032 to 1,833,384\n\
bytes.\n\n";

const WHERE_THE_CU_GO: &str = "## Where the compute units go\n\n\
`./scripts/profile-cu PREFIX` builds the program with the `cu-profile` feature (its `probe!`\n\
points log the units left), runs this benchmark on that build and prints the cost of each\n\
step. Each row includes one probe (about 200 CU: a log line and `sol_log_compute_units`), so\n\
the rows add up to more than the plain build uses. Measured 2026-12-06 on b509c6f (before the\n\
risk-review changes below, which add a few hundred CU to some of these steps):\n\n\
| repay_obligation_liquidity (1 deposit, 1 borrow; plain build 6,900; 9,775 with 14 probes) | CU |\n|---|---:|\n\
| entrypoint, Anchor's account loading and constraints (8 accounts) | 1,914 |\n\
| one probe alone | 204 |\n\
| clock, reserve and obligation loads, bindings, freshness checks | 892 |\n\
| amount owed, debt shares burned | 1,209 |\n\
| position revalued (debt at price + conf, rounded up) | 1,183 |\n\
| cached health and pool written | 305 |\n\
| vault balance read before the transfer | 310 |\n\
| CPI: token instruction and account infos built | 515 |\n\
| CPI: borrow checks of the account infos | 270 |\n\
| CPI: `sol_invoke_signed` (946 for the call, p-token 105, account translation) | 1,309 |\n\
| CPI: return | 259 |\n\
| vault balance read after, balance check | 503 |\n\
| event (`emit!`: one `sol_log_data`, charged per byte) | 713 |\n\
| exit (Anchor rewrites the obligation's and reserve's discriminators) | 189 |\n\
\n\
| liquidate_obligation (1 deposit, 1 borrow; plain build 15,576; 20,706 with 25 probes) | CU |\n|---|---:|\n\
| entrypoint, Anchor's account loading and constraints (13 accounts) | 3,077 |\n\
| market, reserves and obligation loaded, bindings, status and freshness checks | 1,319 |\n\
| sizing: bonus, amount owed | 1,520 |\n\
| sizing: close-factor cap (whole tokens for a value) | 534 |\n\
| sizing: collateral for the repayment (value, bonus, shares) | 1,496 |\n\
| sizing: clamp to the collateral held, debt shares repaid (2 probes) | 944 |\n\
| protocol's cut, collateral pool (2 probes) | 923 |\n\
| collateral position revalued (spot and price − conf) | 1,944 |\n\
| debt position revalued, health compared and written (2 probes) | 1,625 |\n\
| repayment: vault reads, `transfer_checked` CPI, balance check (7 probes) | 3,253 |\n\
| shares minted to the liquidator: `mint_to` CPI (4 probes) | 2,418 |\n\
| event (`Liquidated`: 4 keys, two healths) | 1,137 |\n\
| exit | 312 |\n\
\n\
| refresh_reserve (measured 2026-12-05 at 20854cd, before the math items below) | 1 hour of interest | same second |\n|---|---:|---:|\n\
| entrypoint, account loading and checks | 1,063 | 1,063 |\n\
| price validation | 912 | 912 |\n\
| utilisation and curve rate (256-bit division of WAD-scaled amounts) | 4,389 | skipped |\n\
| interest: per-second compounding and the protocol's take | 4,602 | skipped |\n\n\
Done so far:\n\n\
- The 256-bit `mul_div` no longer goes through a general 256-bit integer type (whose division\n\
  calls 128-bit library routines in its inner loop) but through a base-2^32 long division on\n\
  native 64-bit operations (`risk::wide`); divisions by WAD and by small constants use short\n\
  division on 16-bit digits.\n\
- Products divided by WAD that overflow 128 bits are split as `(h·WAD + l)·b / WAD =\n\
  h·b + l·b / WAD` (two short divisions instead of a long one): repay's book-keeping went\n\
  from 8,591 to 5,929 CU.\n\
- Compounding sums the binomial series to the third term plus a proven bound on the rest\n\
  (never below the exact value, at most 6e-14 above it) wherever the rate times the elapsed\n\
  time is at most 0.1%, instead of binary exponentiation.\n\
- A refresh within the same second as the last one skips the rate and the accrual (nothing\n\
  accrues): 6,857 CU before, 2,042 now.\n\
- Events are logged with `emit!` (one `sol_log_data`, about 700 CU) instead of a self-CPI\n\
  (`emit_cpi!`, about 3,300): every user and admin instruction fell by 2,500 to 3,100 CU,\n\
  and the event-authority and program accounts left every instruction. The price is that a\n\
  log truncated by the runtime's 10 KB limit loses the event; this program's transactions\n\
  log far less.\n\
- Token accounts and mints are no longer unpacked by Anchor's `InterfaceAccount` (with their\n\
  extensions, into heap boxes): mints and vaults are `UncheckedAccount`s bound to the reserve\n\
  by `has_one` (the token program checks mints in the CPI), and token accounts are read at the\n\
  fixed offsets of the base layout after an owner check (`token_view`), which also replaces the\n\
  vault reload after each transfer. Repay's account loading went from 4,688 to 2,696 CU. Since\n\
  Anchor's duplicate-mutable check skips `UncheckedAccount`s, each instruction states it as a\n\
  constraint (`all_distinct`).\n\
- A reserve's market, mints, vaults and token program are checked in one load\n\
  (`check_reserve_binding`) instead of one load per `has_one`: about 40 CU per field; the\n\
  collateral instructions and liquidate now do the same.\n\
- The WAD split covers both operands (`a = ha·WAD + la`, `b = hb·WAD + lb`), so every\n\
  `a·b/WAD` whose result fits skips the long division.\n\
- Position values divide by WAD and then by 10^decimals instead of by WAD·10^decimals at once\n\
  (nested floors, and nested ceilings, compose exactly): refresh_obligation with 4 deposits\n\
  and 3 borrows went from 34,871 to 28,997 CU, with 1 deposit from 7,165 to 6,086.\n\
- The rate curve's interpolation cancels its WAD factors (a 128-bit product over a small\n\
  divisor): refresh_reserve with interest went from 10,607 to 8,984 CU.\n\
- The flash-loan checks read the instructions sysvar in place instead of deserialising each\n\
  instruction into heap vectors: borrow + repay went from 15,400 to 12,597 CU.\n\
- Powers of ten come from a table, and divisions skip the multiplication by one of\n\
  `mul_div(x, 1, d)` (SBF has no 128-bit multiply: `checked_pow` and `checked_mul` on\n\
  `u128` are library calls): refresh_obligation with 4 deposits and 3 borrows went from\n\
  28,997 to 25,721 CU, refresh_reserve with interest from 8,984 to 8,177.\n\
- Products whose divisor and one operand are below 2^64 (shares x liquidity / share supply)\n\
  divide as `a·(b div d) + a·(b mod d) / d`: two 128-by-64 divisions instead of the 256-bit\n\
  one. refresh_obligation with 4 deposits and 3 borrows went from 25,721 to 22,106 CU.\n\
- 128-bit products are built from 64-bit limbs (`risk::wide::checked_mul`, four native\n\
  32-bit-half multiplies per 64x64 product) instead of the `u128` multiply, which SBF runs as\n\
  a library call; refresh_reserve computes the total debt once for both the utilisation and\n\
  the accrual. refresh_reserve with interest went from 8,205 to 5,920 CU, borrow from 14,000\n\
  to 12,872, repay from 10,507 to 8,949, liquidate from 24,678 to 21,845 and\n\
  refresh_obligation with 4 deposits and 3 borrows from 22,106 to 17,989.\n\
- The 256-bit long division works on 64-bit digits (a 3-by-2-digit step whose estimate is\n\
  corrected exactly), 128-by-64 divisions estimate each 32-bit digit with one native\n\
  division, short divisions take the high 64 bits in one native division, and products\n\
  proven in range wrap instead of checking (a checked 64-bit product needs the high half,\n\
  a library call on SBF). borrow tests its utilisation cap as `debt x 10,000 <= cap x\n\
  (cash + debt)` on 256-bit products instead of dividing. borrow went from 12,872 to 11,593\n\
  CU, withdraw from 8,432 to 8,108, refresh_reserve with interest from 5,920 to 5,502,\n\
  liquidate from 21,845 to 20,243 and refresh_obligation with 4 deposits and 3 borrows from\n\
  17,989 to 16,497.\n\
- The limb arithmetic, `mul_div` and `div` are always inlined: `u128` arguments and results\n\
  of a call go through the stack on SBF. The program grew from 1.10 MB to 1.30 MB.\n\
  withdraw checks the obligation's market and owner in the load it already does\n\
  (`check_obligation_binding`) instead of Anchor's two `has_one` loads. withdraw went from\n\
  8,108 to 7,476 CU (target met), refresh_reserve with interest from 5,502 to 4,785,\n\
  liquidate from 20,243 to 18,692 and refresh_obligation with 4 deposits and 3 borrows from\n\
  16,497 to 13,958.\n\
- Token CPIs build their instruction directly (opcode, amount, decimals; unit-tested equal\n\
  to `spl_token_2022::instruction`'s builders) and check the account infos' borrows in\n\
  the order of the metas instead of searching every info for every meta: about 330 CU per\n\
  CPI (deposit_reserve_liquidity, two CPIs, went from 9,338 to 8,685). deposit_obligation_collateral,\n\
  borrow, repay, deposit_and_collateralize and withdraw_and_redeem check the obligation's\n\
  market and owner in the load they already do, as withdraw does.\n\
- Anchor dispatches by testing each discriminator in declaration order, so the program\n\
  declares the refreshes, liquidate and the user instructions first and the admin ones last\n\
  (about 5 CU per test skipped: liquidate -107).\n\
- Liquidation sizing works in whole tokens where the result is whole tokens: the close-factor\n\
  cap and the clamp take `value x 10^decimals / price` (a 128-bit division) instead of the\n\
  WAD-scaled amount (a 256-bit one) rounded to tokens, the repaid value is priced from\n\
  whole tokens, and the amount owed is computed once and reused for the debt shares burned\n\
  (also in repay). Both identities are property-tested. liquidate went from 17,932 to\n\
  16,530 CU (target met), repay from 8,029 to 7,522.\n\
- The deployed build (feature `lean-entrypoint`, which scripts/build-sbf turns on) replaces\n\
  Anchor's entrypoint with one that has the runtime crate's `deserialize_into` write the\n\
  accounts into a stack array, as `entrypoint_no_alloc!` does, instead of a heap `Vec` whose\n\
  `AccountInfo`s are all dropped on exit (`src/entrypoint.rs`; Anchor's `entry` runs\n\
  unchanged). It also leaves out Anchor's instruction-name log (`no-log-ix-name`, about\n\
  110 CU per instruction): every state change is logged as an event, and explorers name\n\
  instructions from the IDL. deposit_obligation_collateral went from 4,732 to 4,166,\n\
  repay from 7,522 to 6,900, liquidate from 16,530 to 15,576, and every instruction fell\n\
  by 150 to 1,000 CU.\n\n\
The math changes are property-tested against 256-bit (512-bit for compounding) references.\n\n\
What stands in the way of the two targets still missed (deposit_obligation_collateral and\n\
repay):\n\n\
1. **Fixed costs per instruction.** Anchor's entry and account loading cost about 1,550 CU\n\
   for deposit_obligation_collateral's 7 accounts and 1,700 for repay's 8 (each\n\
   `AccountInfo` holds two reference-counted cells the entrypoint allocates; each\n\
   `AccountLoader` checks owner and discriminator on entry and again on load; each `mut`\n\
   constraint clones the `AccountInfo`). Each token CPI costs about 1,500 CU, of which the\n\
   runtime charges 946 for the call and p-token uses about 105. The event costs about 430 to\n\
   510, mostly the per-byte charge of `sol_log_data`, and the exit about 100.\n\
   deposit_obligation_collateral is one of each, about 3,600 CU before any of its own work,\n\
   plus about 600 CU of bindings, pause and status checks and the position update: 4,166\n\
   against a 4,000 target. What is left to take is inside Anchor's account handling\n\
   (parsing the input without `AccountInfo`s), which this program does not leave: its\n\
   accounts stay typed and checked by Anchor.\n\
2. **repay** keeps a fresh obligation fresh: it reprices the position (about 1,000 CU) and\n\
   updates the cached health in place, where SPL's repay leaves the obligation stale. With\n\
   the fixed costs above (about 4,000 including its two vault balance reads), the loads and\n\
   checks (700) and the amount owed and shares burned (about 1,000 CU of WAD math), it\n\
   sits at 6,900 against 5,000.\n\
3. **WAD-scaled token amounts.** Pool debt and fees are stored as tokens x 10^18, so\n\
   the debt shares for a partial repayment (`amount x 10^36 / index`) and liquidity-to-shares\n\
   still take a 256-bit product. Keeping token amounts in token units (shares and indices in\n\
   WAD) keeps them in 128 bits; it changes the account layout and every rounding proof, so\n\
   it is its own step.\n\n";

/// Size and rent of each program account kind.
pub fn account_rows(env: &Env) -> Vec<AccountRow> {
    use lending_sdk::lending_core::state::{LendingMarket, Obligation, OraclePrice, Reserve};
    let rows = [
        ("LendingMarket", 8 + std::mem::size_of::<LendingMarket>()),
        ("Reserve", 8 + std::mem::size_of::<Reserve>()),
        ("Obligation", 8 + std::mem::size_of::<Obligation>()),
        ("OraclePrice", 8 + std::mem::size_of::<OraclePrice>()),
    ];
    rows.iter()
        .map(|&(name, bytes)| AccountRow {
            name,
            bytes,
            rent: env.svm.minimum_balance_for_rent_exemption(bytes),
        })
        .collect()
}

/// 12345 -> "12,345".
pub fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
