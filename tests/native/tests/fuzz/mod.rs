//! Invariant fuzzing: proptest state machines drive random sequences of every user and keeper
//! operation (supply, redeem, deposit, withdraw, borrow, repay, liquidate, flash loans, price
//! moves, clock warps, full exits) across several users and three reserves, against the real
//! program in solana-program-test, and check the invariants of docs/fuzzing.md after every
//! step. `./scripts/test` runs a bounded number (FUZZ_CASES × FUZZ_STEPS, default 6 × 120);
//! `scripts/fuzz-long` runs at least a million operations.

mod checks;
mod model;
mod sut;

use proptest::test_runner::Config;
use proptest_state_machine::prop_state_machine;
use sut::Sut;

/// Cases (independent markets) per run: FUZZ_CASES, default 6.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6)
}

prop_state_machine! {
    #![proptest_config(Config {
        cases: cases(),
        failure_persistence: None,
        // Every step runs transactions; shrinking a long sequence is costly but worth it.
        max_shrink_iters: 2_000,
        .. Config::default()
    })]
    #[test]
    fn lending_invariants_hold(sequential 1..model::max_steps() => Sut);
}
