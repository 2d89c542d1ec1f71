//! A market as a client sees it: the market account, its reserves and their price accounts,
//! plus the refresh instructions an action needs.

use crate::health::{Groups, Reserves};
use crate::ix::{self, ReserveKeys};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_core::ops::Clock;
use lending_core::state::{
    InsuranceFund, LendingMarket, Obligation, OraclePrice, OracleSource, Reserve,
};
use std::collections::HashMap;

/// A market's accounts, as fetched.
#[derive(Clone)]
pub struct MarketState {
    /// The market's address.
    pub key: Pubkey,
    /// The market account.
    pub market: LendingMarket,
    /// Its reserves by address.
    pub reserves: Reserves,
    /// Their price accounts by address.
    pub oracles: HashMap<Pubkey, OraclePrice>,
    /// Its e-mode groups by id.
    pub groups: Groups,
    /// Its insurance funds, by the reserve each insures.
    pub funds: HashMap<Pubkey, InsuranceFund>,
    /// The clock the reserves were projected to by [`MarketState::at`] (zero: as fetched).
    pub clock: Clock,
}

impl MarketState {
    /// The keys of `reserve` (vaults and mints as stored in the account).
    pub fn reserve_keys(&self, reserve: &Pubkey) -> Option<ReserveKeys> {
        self.reserves.get(reserve).map(|r| keys_of(*reserve, r))
    }

    /// The reserve listing `mint`, if any.
    pub fn reserve_for_mint(&self, mint: &Pubkey) -> Option<ReserveKeys> {
        self.reserves
            .iter()
            .find(|(_, r)| r.liquidity_mint == *mint)
            .map(|(k, r)| keys_of(*k, r))
    }

    /// Reserves sorted by address (a stable display and iteration order).
    pub fn sorted_reserves(&self) -> Vec<(Pubkey, &Reserve)> {
        let mut v: Vec<_> = self.reserves.iter().map(|(k, r)| (*k, r)).collect();
        v.sort_by_key(|(k, _)| *k);
        v
    }

    /// The reserves as a refresh at (`slot`, `now`) would leave them: interest accrued and the
    /// price taken from each price account, by the program's own `Reserve::refresh`. A fixed
    /// price is renewed as `refresh_oracle_price` renews it; a Pyth price is the last one
    /// copied into the price account. A reserve whose projection fails keeps its stored state.
    pub fn projected(&self, slot: u64, now: i64) -> Reserves {
        self.reserves
            .iter()
            .map(|(k, r)| {
                let mut r = *r;
                if let Some(o) = self.oracles.get(&r.oracle) {
                    let mut o = *o;
                    if OracleSource::from_u8(o.source_kind) == Some(OracleSource::Fixed) {
                        o.publish_time = now;
                    }
                    let mut next = r;
                    if next.refresh(&o, slot, now).is_ok() {
                        r = next;
                    }
                }
                (*k, r)
            })
            .collect()
    }

    /// This state with its reserves projected to (`slot`, `now`) ([`MarketState::projected`]),
    /// ready for previews at that clock.
    pub fn at(&self, slot: u64, now: i64) -> Self {
        Self {
            reserves: self.projected(slot, now),
            clock: Clock {
                slot,
                unix_timestamp: now,
            },
            ..self.clone()
        }
    }

    /// `refresh_oracle_price` (when the source can be named) then `refresh_reserve`, for each
    /// of `reserves` once, in order.
    pub fn refresh_reserves(&self, reserves: &[Pubkey]) -> Vec<Instruction> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for key in reserves {
            if seen.contains(key) {
                continue;
            }
            seen.push(*key);
            let Some(k) = self.reserve_keys(key) else {
                continue;
            };
            if let Some(o) = self.oracles.get(&k.oracle) {
                if let Some(ix) = refresh_price(k.oracle, o) {
                    out.push(ix);
                }
            }
            out.push(ix::refresh_reserve(&k));
        }
        out
    }

    /// Every refresh an action on `ob` needs (its reserves plus `extra`, then the obligation,
    /// with its e-mode group if it is in one).
    pub fn refresh_obligation(
        &self,
        obligation: Pubkey,
        ob: &Obligation,
        extra: &[Pubkey],
    ) -> Vec<Instruction> {
        let order = obligation_reserves(ob);
        let mut all = order.clone();
        all.extend_from_slice(extra);
        let mut out = self.refresh_reserves(&all);
        out.push(ix::with_group(
            ix::refresh_obligation(obligation, &order),
            &ob.market,
            ob,
            ix::GroupUse::Refresh,
        ));
        out
    }
}

/// The reserves `refresh_obligation` expects, in order: collateral, then debt.
pub fn obligation_reserves(ob: &Obligation) -> Vec<Pubkey> {
    ob.deposits()
        .iter()
        .map(|d| d.reserve)
        .chain(ob.borrows().iter().map(|b| b.reserve))
        .collect()
}

/// The keys of a fetched reserve.
pub fn keys_of(key: Pubkey, r: &Reserve) -> ReserveKeys {
    ReserveKeys {
        market: r.market,
        mint: r.liquidity_mint,
        reserve: key,
        oracle: r.oracle,
        supply_vault: r.supply_vault,
        fee_vault: r.fee_vault,
        share_mint: r.share_mint,
        token_program: r.token_program,
        decimals: r.decimals,
    }
}

/// The `refresh_oracle_price` instruction for a price account: a fixed price only has its
/// time renewed; a Pyth source is read from the stored account. `None` for a pull source that
/// accepts any update account (the caller must post one and refresh with it).
pub fn refresh_price(oracle: Pubkey, o: &OraclePrice) -> Option<Instruction> {
    match OracleSource::from_u8(o.source_kind) {
        Some(OracleSource::Fixed) => Some(ix::refresh_oracle_price(oracle, None)),
        _ if o.source == Pubkey::default() => None,
        _ => Some(ix::refresh_oracle_price(oracle, Some(o.source))),
    }
}
