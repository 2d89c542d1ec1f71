//! The market's address lookup table: the addresses that every user's transactions in a market
//! name, whoever sends them (the market, each reserve's accounts and price source, the insurance
//! funds, the e-mode groups, the token programs and sysvars). `lending-cli market create` (the
//! migration) puts them in one table and records it in `LendingMarket::lookup_table`; the SDK,
//! the CLI and the bot compile v0 transactions through it (`rpc::send_with_tables`).
//!
//! With it, a liquidation of an obligation at the most positions (8 + 5) names each of its 13
//! reserves' accounts in one byte instead of 32 and fits one transaction.

use crate::market::MarketState;
use anchor_lang::prelude::Pubkey;

/// Most addresses one lookup table holds.
pub const MAX_ADDRESSES: usize = 256;

/// Addresses one `extend_lookup_table` transaction adds: 20 × 32 bytes keeps it far below the
/// 1,232-byte limit with its signatures and accounts.
pub const EXTEND_CHUNK: usize = 20;

/// The address lookup table program (owner of every table).
pub const PROGRAM_ID: Pubkey = anchor_lang::pubkey!("AddressLookupTab1e1111111111111111111111111");

/// Programs and sysvars that the program's instructions take as accounts.
const SHARED: [Pubkey; 6] = [
    crate::program::ID,
    anchor_lang::system_program::ID,
    anchor_spl::token::ID,
    anchor_spl::token_2022::ID,
    anchor_spl::associated_token::ID,
    solana_sdk_ids::sysvar::instructions::ID,
];

/// Every address of `state` a table for its market holds, without duplicates, in a stable
/// order: the market, the shared programs and sysvars, then per reserve (by address) the
/// reserve, its mint, price account, price source, vaults, share mint and token program, its
/// insurance fund and the fund's vault, then the e-mode groups by id.
pub fn market_addresses(state: &MarketState) -> Vec<Pubkey> {
    let mut out = vec![state.key];
    out.extend(SHARED);
    for (key, r) in state.sorted_reserves() {
        out.extend([
            key,
            r.liquidity_mint,
            r.oracle,
            r.supply_vault,
            r.fee_vault,
            r.share_mint,
            r.token_program,
        ]);
        // A fixed price has no source (the default key, which is also the system program's
        // address: only the real one is added, above).
        if let Some(o) = state
            .oracles
            .get(&r.oracle)
            .filter(|o| o.source != Pubkey::default())
        {
            out.push(o.source);
        }
        if r.has_insurance_fund() {
            out.push(r.insurance_fund);
            out.push(crate::fund::vault_address(&key));
        }
    }
    let mut ids: Vec<u8> = state.groups.keys().copied().collect();
    ids.sort_unstable();
    out.extend(
        ids.into_iter()
            .map(|id| crate::ix::pda::emode_group(&state.key, id)),
    );
    dedup(out)
}

/// `wanted` without the addresses `held` already has, in order.
pub fn missing(wanted: &[Pubkey], held: &[Pubkey]) -> Vec<Pubkey> {
    let held: std::collections::HashSet<&Pubkey> = held.iter().collect();
    wanted
        .iter()
        .filter(|k| !held.contains(k))
        .copied()
        .collect()
}

/// How many of a table's first addresses a transaction may use at `slot`: the addresses added
/// in the table's last extension become usable in the slot after it.
pub fn usable_len(len: usize, last_extended_slot: u64, start_index: u8, slot: u64) -> usize {
    if slot > last_extended_slot {
        len
    } else {
        (start_index as usize).min(len)
    }
}

/// `keys` without repeats, first occurrence kept.
fn dedup(keys: Vec<Pubkey>) -> Vec<Pubkey> {
    let mut seen = std::collections::HashSet::new();
    keys.into_iter().filter(|k| seen.insert(*k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lending_core::state::{EmodeGroup, LendingMarket, OraclePrice, Reserve};

    fn key(n: u8) -> Pubkey {
        Pubkey::new_from_array([n; 32])
    }

    /// Two reserves, the second insured and priced by a Pyth account, one e-mode group.
    fn state() -> MarketState {
        let market = key(1);
        let mut reserves = std::collections::HashMap::new();
        let mut oracles = std::collections::HashMap::new();
        for (n, insured) in [(10u8, false), (20, true)] {
            let mut r: Reserve = bytemuck::Zeroable::zeroed();
            r.market = market;
            r.liquidity_mint = key(n + 1);
            r.oracle = key(n + 2);
            r.supply_vault = key(n + 3);
            r.fee_vault = key(n + 4);
            r.share_mint = key(n + 5);
            r.token_program = anchor_spl::token::ID;
            let mut o: OraclePrice = bytemuck::Zeroable::zeroed();
            if insured {
                r.insurance_fund = key(n + 6);
                o.source = key(n + 7);
            }
            oracles.insert(r.oracle, o);
            reserves.insert(key(n), r);
        }
        let group: EmodeGroup = bytemuck::Zeroable::zeroed();
        MarketState {
            key: market,
            market: <LendingMarket as bytemuck::Zeroable>::zeroed(),
            reserves,
            oracles,
            groups: [(3u8, group)].into_iter().collect(),
            funds: Default::default(),
            clock: Default::default(),
        }
    }

    #[test]
    fn a_markets_table_holds_each_shared_address_once() {
        let s = state();
        let got = market_addresses(&s);
        let mut want = vec![key(1)];
        want.extend(SHARED);
        want.extend((11..=15).map(key).chain([key(10)]));
        want.extend(
            (21..=27)
                .map(key)
                .chain([key(20), crate::fund::vault_address(&key(20))]),
        );
        want.push(crate::ix::pda::emode_group(&key(1), 3));
        let mut sorted = got.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), got.len(), "no address twice");
        // The token program appears once although both reserves name it.
        let mut want_sorted = want;
        want_sorted.sort();
        want_sorted.dedup();
        assert_eq!(sorted, want_sorted);
        // The system program's address is the default key: it is there once, as a program,
        // not for the first reserve's missing source or fund.
        assert_eq!(
            got.iter().filter(|k| **k == Pubkey::default()).count(),
            1,
            "the system program, once"
        );
        assert_eq!(got[0], key(1), "the market first");
        assert!(got.len() <= MAX_ADDRESSES);
    }

    #[test]
    fn missing_keeps_order_and_skips_held() {
        let k: Vec<Pubkey> = (0..5).map(|_| Pubkey::new_unique()).collect();
        assert_eq!(missing(&k, &[k[1], k[3]]), vec![k[0], k[2], k[4]]);
        assert!(missing(&k, &k).is_empty());
    }

    #[test]
    fn addresses_of_the_last_extension_wait_a_slot() {
        assert_eq!(usable_len(30, 100, 20, 100), 20);
        assert_eq!(usable_len(30, 100, 20, 101), 30);
        assert_eq!(usable_len(30, 0, 0, 1), 30);
    }

    #[test]
    fn dedup_keeps_the_first_of_each() {
        let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
        assert_eq!(dedup(vec![a, b, a, b]), vec![a, b]);
    }
}
