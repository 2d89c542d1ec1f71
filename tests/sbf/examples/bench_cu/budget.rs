//! The CI guard on compute units: `tests/sbf/cu-budget.json` holds each measured
//! instruction's budget, and a run fails when any instruction exceeds its budget by more than
//! [`TOLERANCE_PCT`] percent. `./scripts/bench-cu --update-budget` rewrites the file with the
//! measured figures; lowering a budget (or accepting a reviewed rise) is a normal commit.

use super::report::Entry;
use std::collections::BTreeMap;

/// How far above its budget an instruction may go before the run fails.
pub const TOLERANCE_PCT: u64 = 10;

/// Where the budget lives, relative to the repository root.
pub const FILE: &str = "tests/sbf/cu-budget.json";

/// The budget's key for an entry: name and positions, e.g. `liquidate_obligation (4d 3b)`.
pub fn key(e: &Entry) -> String {
    format!("{} ({}d {}b)", e.name, e.deposits, e.borrows)
}

/// Whether `cu` exceeds `budget` by more than the tolerance (integer math, no rounding).
pub fn over(cu: u64, budget: u64) -> bool {
    cu * 100 > budget * (100 + TOLERANCE_PCT)
}

/// Every problem with `entries` against `budget`: instructions over budget, measured without a
/// budget, or budgeted but no longer measured. Empty when the run is within budget.
pub fn problems(entries: &[Entry], budget: &BTreeMap<String, u64>) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for e in entries {
        let k = key(e);
        match budget.get(&k) {
            Some(&b) if over(e.cu, b) => out.push(format!(
                "{k}: {} CU is {:+.1}% over its budget of {b} (tolerance {TOLERANCE_PCT}%)",
                e.cu,
                (e.cu as f64 / b as f64 - 1.0) * 100.0
            )),
            Some(_) => {}
            None => out.push(format!("{k}: measured ({} CU) but has no budget", e.cu)),
        }
        seen.insert(k);
    }
    for k in budget.keys().filter(|k| !seen.contains(*k)) {
        out.push(format!("{k}: has a budget but was not measured"));
    }
    out
}

/// Reads the budget file.
pub fn read(root: &str) -> BTreeMap<String, u64> {
    let path = format!("{root}/{FILE}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Writes the measured figures as the new budget.
pub fn write(root: &str, entries: &[Entry]) {
    let budget: BTreeMap<String, u64> = entries.iter().map(|e| (key(e), e.cu)).collect();
    let path = format!("{root}/{FILE}");
    let text = serde_json::to_string_pretty(&budget).expect("json") + "\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("wrote {path}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, cu: u64) -> Entry {
        Entry {
            name: name.into(),
            deposits: 1,
            borrows: 0,
            cu,
            mem: None,
        }
    }

    #[test]
    fn ten_percent_over_passes_and_one_more_unit_fails() {
        assert!(!over(11_000, 10_000));
        assert!(over(11_001, 10_000));
        assert!(!over(5, 10_000));
    }

    #[test]
    fn over_budget_unbudgeted_and_stale_entries_are_reported() {
        let budget: BTreeMap<String, u64> = [
            ("a (1d 0b)".to_string(), 1_000),
            ("b (1d 0b)".to_string(), 1_000),
            ("gone (1d 0b)".to_string(), 1_000),
        ]
        .into();
        let p = problems(
            &[entry("a", 1_100), entry("b", 1_101), entry("new", 7)],
            &budget,
        );
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p[0].starts_with("b (1d 0b): 1101 CU is +10.1% over"));
        assert!(p[1].starts_with("new (1d 0b): measured"));
        assert!(p[2].starts_with("gone (1d 0b): has a budget"));
    }
}
