//! Accounting invariants checked after every scenario.

use super::env::Env;
use super::fixture::Market;
use anchor_lang::prelude::Pubkey;
use lending::risk::fixed::{amount_to_wad, Rounding};
use lending::state::Obligation;

/// Checks, for every reserve of `market`, given every obligation that exists in it:
/// - the supply vault holds exactly the available liquidity (plus any open flash loan: none);
/// - minted shares + shares held as collateral + locked seed shares = the reserve's share supply;
/// - the obligations' debt shares add up to the reserve's debt shares;
/// - all shares at the exchange rate are worth no more than the reserve's assets
///   (vault + debt − protocol fees).
pub async fn check(env: &mut Env, market: &Market, obligations: &[Pubkey]) {
    let mut obs: Vec<Obligation> = vec![];
    for o in obligations {
        obs.push(env.zc::<Obligation>(o).await);
    }
    for (i, k) in market.reserves.iter().enumerate() {
        let r = market.reserve(env, i).await;
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
        assert!(
            shares_value + pool.protocol_fees <= assets + 1,
            "reserve {i}: shares worth {shares_value} + fees {} > assets {assets}",
            pool.protocol_fees
        );
    }
}
