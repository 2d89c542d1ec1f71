//! The operations the fuzzer draws, and the (small) reference state that shapes them.

use proptest::prelude::*;
use proptest_state_machine::ReferenceStateMachine;

/// Users who act (the liquidator is separate).
pub const USERS: u8 = 4;
/// The insured reserves every market lists: SOL (9 decimals, SPL Token), USDC (6, SPL Token),
/// PYUSD (6, Token-2022).
pub const RESERVES: u8 = 3;
/// Reserves of a wide market: the three plus ten plain $1 assets, so that an obligation can
/// hold the most positions (8 collateral + 5 debt) and be liquidated at that size.
pub const WIDE_RESERVES: u8 = 13;
/// Stakers in each reserve's insurance fund.
pub const STAKERS: u8 = 2;

/// Steps per case: FUZZ_STEPS, default 120.
pub fn max_steps() -> usize {
    std::env::var("FUZZ_STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120)
}

/// One operation. Amounts are fractions (basis points) of what the user could use, so every
/// draw is meaningful whatever the state; `max` sends u64::MAX (the program's own maximum).
#[derive(Clone, Debug)]
pub enum Op {
    /// The risk admin sets a reserve's liquidation threshold `bps` of the way from its LTV to
    /// 90% (a lowering ramps; a raise is refused to it and queued by the owner).
    Threshold { reserve: u8, bps: u16 },
    /// Anyone applies, or the owner cancels, the queued change drawn by `pick`.
    Settle { pick: u8, cancel: bool },
    /// deposit_reserve_liquidity.
    Supply { user: u8, reserve: u8, bps: u16 },
    /// redeem_reserve_collateral.
    Redeem { user: u8, reserve: u8, bps: u16 },
    /// deposit_and_collateralize.
    Deposit { user: u8, reserve: u8, bps: u16 },
    /// withdraw_and_redeem.
    Withdraw {
        user: u8,
        reserve: u8,
        bps: u16,
        max: bool,
    },
    /// borrow_obligation_liquidity.
    Borrow {
        user: u8,
        reserve: u8,
        bps: u16,
        max: bool,
    },
    /// repay_obligation_liquidity; `fresh`: after a refresh of the obligation in the same
    /// transaction (the repayment then updates its cached values position by position), else on
    /// its cache as it is (a stale one is left for the next refresh).
    Repay {
        user: u8,
        reserve: u8,
        bps: u16,
        max: bool,
        fresh: bool,
    },
    /// liquidate_obligation by the liquidator.
    Liquidate {
        user: u8,
        repay: u8,
        collateral: u8,
        bps: u16,
        liquidity: bool,
    },
    /// flash_borrow + flash_repay.
    FlashLoan { user: u8, reserve: u8, bps: u16 },
    /// The owner moves a fixed price by `pct` percent (−60..=+40).
    Price { reserve: u8, pct: i8 },
    /// In one transaction: the user's obligation is refreshed, the owner moves reserve
    /// `priced`'s price by `pct` percent, then the user borrows from `reserve` (#18, low 5).
    RepricedBorrow {
        user: u8,
        reserve: u8,
        priced: u8,
        pct: i8,
        bps: u16,
    },
    /// The owner sets reserve `reserve`'s borrow factor (a tightening or a loosening within
    /// the 1x..5x bounds: debt positions weigh more or less at the next refresh).
    BorrowFactor { reserve: u8, factor_bps: u16 },
    /// The user moves its obligation into e-mode group `group` (0: out of any; 1: the plain
    /// group, 2: the isolated group).
    SetGroup { user: u8, group: u8 },
    /// The owner sets group `group`'s LTV and liquidation threshold (in force from the next
    /// slot: a tightening may leave obligations in it liquidatable) and, for the isolated group,
    /// its debt ceiling in whole USDC.
    GroupLimits {
        group: u8,
        ltv_bps: u16,
        lt_gap_bps: u16,
        ceiling: u32,
    },
    /// A staker stakes `bps` of its wallet into reserve `reserve`'s insurance fund.
    Stake { who: u8, reserve: u8, bps: u16 },
    /// A staker puts `bps` of its fund shares into the cooldown (when it has no open request).
    Unstake { who: u8, reserve: u8, bps: u16 },
    /// A staker withdraws its open request, or (`cancel`) takes its shares back.
    FundExit { who: u8, reserve: u8, cancel: bool },
    /// Anyone collects the fund's cut accrued in reserve `reserve`.
    Collect { reserve: u8 },
    /// The clock moves forward (interest accrues).
    Warp { secs: u32 },
    /// A healthy user repays everything and withdraws everything.
    Exit { user: u8 },
    /// The user takes collateral positions in every reserve it holds tokens of and debt
    /// positions, small amounts, up to the most an obligation holds (in a wide market, 8 + 5);
    /// one more of either is refused.
    Fill { user: u8 },
}

/// The reference state: the market's width and how many steps have run (the operations need
/// no more).
#[derive(Clone, Debug)]
pub struct Model {
    /// Reserves the market lists: [`RESERVES`], or [`WIDE_RESERVES`] in one case of three.
    pub reserves: u8,
    /// Steps applied so far.
    pub steps: usize,
}

impl Default for Model {
    fn default() -> Self {
        Self {
            reserves: RESERVES,
            steps: 0,
        }
    }
}

fn user() -> impl Strategy<Value = u8> {
    0..USERS
}
/// An insured reserve (the funds' operations).
fn insured() -> impl Strategy<Value = u8> {
    0..RESERVES
}
fn bps() -> impl Strategy<Value = u16> {
    prop_oneof![1u16..=10_000, Just(10_000u16)]
}

impl ReferenceStateMachine for Model {
    type State = Model;
    type Transition = Op;

    fn init_state() -> BoxedStrategy<Model> {
        prop_oneof![2 => Just(RESERVES), 1 => Just(WIDE_RESERVES)]
            .prop_map(|reserves| Model { reserves, steps: 0 })
            .boxed()
    }

    fn transitions(state: &Model) -> BoxedStrategy<Op> {
        let n = state.reserves;
        let reserve = move || 0..n;
        prop_oneof![
            1 => user().prop_map(|user| Op::Fill { user }),
            3 => (user(), reserve(), bps()).prop_map(|(user, reserve, bps)| Op::Supply { user, reserve, bps }),
            2 => (user(), reserve(), bps()).prop_map(|(user, reserve, bps)| Op::Redeem { user, reserve, bps }),
            4 => (user(), reserve(), bps()).prop_map(|(user, reserve, bps)| Op::Deposit { user, reserve, bps }),
            3 => (user(), reserve(), bps(), any::<bool>())
                .prop_map(|(user, reserve, bps, max)| Op::Withdraw { user, reserve, bps, max }),
            4 => (user(), reserve(), bps(), any::<bool>())
                .prop_map(|(user, reserve, bps, max)| Op::Borrow { user, reserve, bps, max }),
            3 => (user(), reserve(), bps(), any::<bool>(), any::<bool>()).prop_map(
                |(user, reserve, bps, max, fresh)| Op::Repay { user, reserve, bps, max, fresh }
            ),
            3 => (user(), reserve(), reserve(), bps(), any::<bool>()).prop_map(
                |(user, repay, collateral, bps, liquidity)| Op::Liquidate { user, repay, collateral, bps, liquidity }
            ),
            1 => (user(), reserve(), bps()).prop_map(|(user, reserve, bps)| Op::FlashLoan { user, reserve, bps }),
            3 => (reserve(), -60i8..=40).prop_map(|(reserve, pct)| Op::Price { reserve, pct }),
            2 => (user(), reserve(), reserve(), -20i8..=20, bps()).prop_map(
                |(user, reserve, priced, pct, bps)| Op::RepricedBorrow { user, reserve, priced, pct, bps }
            ),
            1 => (reserve(), prop_oneof![Just(10_000u16), 10_000u16..=50_000]).prop_map(
                |(reserve, factor_bps)| Op::BorrowFactor { reserve, factor_bps }
            ),
            2 => (user(), 0u8..=2).prop_map(|(user, group)| Op::SetGroup { user, group }),
            1 => (1u8..=2, 5_000u16..=9_000, 100u16..=800, 0u32..=40_000).prop_map(
                |(group, ltv_bps, lt_gap_bps, ceiling)| Op::GroupLimits { group, ltv_bps, lt_gap_bps, ceiling }
            ),
            2 => (0..STAKERS, insured(), bps()).prop_map(|(who, reserve, bps)| Op::Stake { who, reserve, bps }),
            1 => (0..STAKERS, insured(), bps()).prop_map(|(who, reserve, bps)| Op::Unstake { who, reserve, bps }),
            1 => (0..STAKERS, insured(), any::<bool>())
                .prop_map(|(who, reserve, cancel)| Op::FundExit { who, reserve, cancel }),
            1 => insured().prop_map(|reserve| Op::Collect { reserve }),
            2 => prop_oneof![1u32..120, 3_600u32..400_000].prop_map(|secs| Op::Warp { secs }),
            1 => user().prop_map(|user| Op::Exit { user }),
            1 => (reserve(), bps()).prop_map(|(reserve, bps)| Op::Threshold { reserve, bps }),
            2 => (any::<u8>(), prop_oneof![4 => Just(false), 1 => Just(true)])
                .prop_map(|(pick, cancel)| Op::Settle { pick, cancel }),
        ]
        .boxed()
    }

    fn apply(mut state: Model, _: &Op) -> Model {
        state.steps += 1;
        state
    }
}
