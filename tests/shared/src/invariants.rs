//! Accounting invariants checked after every scenario.

use super::env::TestEnv;
use super::fixture::Market;
use anchor_lang::prelude::Pubkey;
use lending::risk::fixed::{amount_to_wad, mul_div, Rounding};
use lending::risk::health::weighted;
use lending_sdk::lending_core::state::{EmodeGroup, InsuranceFund, Obligation, Reserve};

/// Checks, for every reserve of `market`, given every obligation that exists in it:
/// - the supply vault holds exactly the available liquidity (plus any open flash loan: none);
/// - minted shares + shares held as collateral + locked seed shares = the reserve's share supply;
/// - the obligations' debt shares add up to the reserve's debt shares;
/// - all shares at the exchange rate are worth no more than the reserve's assets
///   (vault + debt − protocol fees − the insurance fund's uncollected cut);
/// - an insurance fund's vault holds at least the tokens it counts (more only by donation),
///   and its minted shares + shares in cooldown + locked seed shares = its share supply;
/// - each obligation's cached debt is the sum of its positions' values, and its weighted debt
///   the sum of each position weighted by its reserve's borrow factor, whenever its cache is
///   not marked stale and every position was valued under its reserve's current state;
/// - each isolated e-mode group's debt count is exactly the debt shares its obligations hold
///   in its debt reserve, and its obligations owe nothing elsewhere.
pub async fn check(env: &mut impl TestEnv, market: &Market, obligations: &[Pubkey]) {
    let mut reserves: Vec<Reserve> = vec![];
    for i in 0..market.reserves.len() {
        reserves.push(market.reserve(env, i).await);
    }
    let mut obs: Vec<Obligation> = vec![];
    for o in obligations {
        let ob = env.zc::<Obligation>(o).await;
        check_debt_totals(market, &reserves, o, &ob);
        obs.push(ob);
    }
    check_isolated_counts(env, market, &obs).await;
    for (i, (k, r)) in market.reserves.iter().zip(&reserves).enumerate() {
        let vault = env.balance(&k.supply_vault).await;
        assert_eq!(r.flash_outstanding, 0, "reserve {i}: flash loan left open");
        assert_eq!(
            vault, r.available,
            "reserve {i}: vault balance != available liquidity"
        );
        let minted = env.supply(&k.share_mint).await;
        let held: u64 = obs
            .iter()
            .flat_map(|o| {
                o.deposits()
                    .iter()
                    .filter(|d| d.reserve == k.reserve)
                    .map(|d| d.shares)
                    .collect::<Vec<_>>()
            })
            .sum();
        assert_eq!(
            minted + held + r.seed_shares,
            r.share_supply,
            "reserve {i}: share supply mismatch"
        );
        let debt: u128 = obs
            .iter()
            .flat_map(|o| {
                o.borrows()
                    .iter()
                    .filter(|b| b.reserve == k.reserve)
                    .map(|b| b.debt_shares.get())
                    .collect::<Vec<_>>()
            })
            .sum();
        assert_eq!(
            debt,
            r.debt_shares.get(),
            "reserve {i}: debt shares mismatch"
        );
        let pool = r.pool();
        let shares_value = pool
            .shares_to_liquidity_wad(r.share_supply, Rounding::Down)
            .unwrap();
        let assets = amount_to_wad(vault) + pool.total_debt(Rounding::Down).unwrap();
        let fees = pool.protocol_fees + pool.fund_fees;
        assert!(
            shares_value + fees <= assets + 1,
            "reserve {i}: shares worth {shares_value} + fees {fees} > assets {assets}"
        );
        if r.has_insurance_fund() {
            check_fund(env, i, &r.insurance_fund).await;
        }
    }
}

/// The insurance fund at `key` (of reserve `i`) against its vault and share mint.
async fn check_fund(env: &mut impl TestEnv, i: usize, key: &Pubkey) {
    let f = env.zc::<InsuranceFund>(key).await;
    let vault = env.balance(&f.vault).await;
    assert!(
        vault >= f.assets,
        "fund of reserve {i}: vault {vault} < assets {}",
        f.assets
    );
    let minted = env.supply(&f.share_mint).await;
    assert_eq!(
        minted + f.cooldown_shares + f.seed_shares,
        f.share_supply,
        "fund of reserve {i}: share supply mismatch"
    );
}

/// An obligation's collateral and debt at spot prices, computed here from its positions and
/// its reserves rather than read from the program's cached values, with the rounding
/// tolerance: the value of one token unit of every reserve it touches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpotBook {
    /// Collateral at spot (WAD quote), rounded down.
    pub collateral: u128,
    /// Debt at spot (WAD quote), rounded up.
    pub debt: u128,
    /// One token unit of each reserve the obligation touches, at spot (WAD quote).
    pub tolerance: u128,
}

impl SpotBook {
    /// True when the collateral covers the debt.
    pub fn covered(&self) -> bool {
        self.collateral >= self.debt
    }

    /// True when the collateral covers the debt but for the rounding tolerance.
    pub fn covered_within_tolerance(&self) -> bool {
        self.collateral + self.tolerance >= self.debt
    }
}

/// The cached debt totals of `ob` against its positions: the debt is their sum, and (when each
/// was valued under its reserve's current configuration) the weighted debt is the sum of each
/// weighted by its reserve's borrow factor in the obligation's e-mode group. Every borrow, repayment and liquidation updates the
/// totals position by position; this recomputes them from the positions alone. A cache marked
/// stale (a repayment on an obligation not refreshed in its slot leaves the totals for the
/// next refresh) is not checked.
fn check_debt_totals(market: &Market, reserves: &[Reserve], key: &Pubkey, ob: &Obligation) {
    if ob.last_update.stale != 0 {
        return;
    }
    let (mut borrowed, mut borrowed_weighted, mut current) = (0u128, 0u128, true);
    for (j, b) in ob.borrows().iter().enumerate() {
        let i = market
            .reserves
            .iter()
            .position(|k| k.reserve == b.reserve)
            .expect("a debt position in a reserve of the market");
        let r = &reserves[i];
        current &= ob.borrow_reserve_seqs[j] == r.valuation_seq;
        borrowed += b.market_value.get();
        let factor = r.view().borrow_factor_in(ob.group().as_ref());
        borrowed_weighted += weighted(b.market_value.get(), factor).unwrap();
    }
    assert_eq!(
        ob.borrowed_value.get(),
        borrowed,
        "obligation {key}: cached debt is not the sum of its positions"
    );
    if current {
        assert_eq!(
            ob.borrowed_weighted_value.get(),
            borrowed_weighted,
            "obligation {key}: cached weighted debt is not its positions weighted"
        );
    }
}

/// Every isolated group of the market (made by `Market::add_group`): its count of debt shares is the sum of what its
/// obligations owe its debt reserve, exactly (borrows, repayments, liquidations, write-offs,
/// entries and exits all move both), and its obligations owe no other reserve.
async fn check_isolated_counts(env: &mut impl TestEnv, market: &Market, obs: &[Obligation]) {
    for &id in &market.groups {
        let g: EmodeGroup = env
            .zc(&super::ix::pda::emode_group(&market.market, id))
            .await;
        if g.isolated == 0 {
            assert_eq!(g.debt_shares.get(), 0, "plain group {id} counts debt");
            continue;
        }
        let mut owed = 0u128;
        for ob in obs.iter().filter(|o| o.emode_group == id) {
            assert_eq!(
                ob.emode_isolated, 1,
                "obligation in group {id} not marked isolated"
            );
            for b in ob.borrows() {
                assert_eq!(
                    b.reserve, g.debt_reserve,
                    "an obligation of isolated group {id} owes another reserve"
                );
                owed += b.debt_shares.get();
            }
        }
        assert_eq!(
            g.debt_shares.get(),
            owed,
            "isolated group {id}: the count is not what its obligations owe"
        );
    }
}

/// Value (WAD quote) of one token unit of reserve `r` at its spot price, rounded up.
pub fn unit_value(r: &Reserve) -> u128 {
    spot_value(r, amount_to_wad(1), Rounding::Up)
}

/// Value (WAD quote) of a WAD-scaled amount of reserve `r`'s tokens at its spot price.
fn spot_value(r: &Reserve, amount_wad: u128, rounding: Rounding) -> u128 {
    let scale = lending::risk::WAD * 10u128.pow(r.decimals as u32);
    mul_div(amount_wad, r.price.get(), scale, rounding).expect("spot value")
}

/// The spot book of `obligation`.
pub async fn spot_book(env: &mut impl TestEnv, obligation: &Pubkey) -> SpotBook {
    let ob = env.zc::<Obligation>(obligation).await;
    let mut book = SpotBook::default();
    for d in ob.deposits() {
        let r = env.zc::<Reserve>(&d.reserve).await;
        let liquidity = r
            .pool()
            .shares_to_liquidity_wad(d.shares, Rounding::Down)
            .unwrap();
        book.collateral += spot_value(&r, liquidity, Rounding::Down);
        book.tolerance += unit_value(&r);
    }
    for b in ob.borrows() {
        let r = env.zc::<Reserve>(&b.reserve).await;
        let debt = r.pool().debt_of(b.debt_shares.get()).unwrap();
        book.debt += spot_value(&r, debt, Rounding::Up);
        book.tolerance += unit_value(&r);
    }
    book
}

/// The liquidation invariants of #18: a liquidation of an obligation whose collateral covers
/// its debt at spot leaves it covered, but for `tolerance` (one token unit of each side: the
/// repaid reserve's and the seized reserve's, whose position may be gone afterwards), and
/// writes nothing off. `written_off` is the bad debt the liquidation recorded.
pub fn check_liquidation_keeps_cover(
    before: &SpotBook,
    after: &SpotBook,
    tolerance: u128,
    written_off: u128,
) {
    if before.covered() {
        assert!(
            after.collateral + tolerance >= after.debt,
            "a liquidation took a covered obligation below its debt (tolerance {tolerance}): \
             {before:?} -> {after:?}"
        );
        assert_eq!(
            written_off, 0,
            "debt written off while the collateral covered it: {before:?}"
        );
    }
}
