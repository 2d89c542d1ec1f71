//! An obligation: one borrower's collateral and debt positions in one market.
//!
//! Positions live in fixed arrays. The limits (4 collateral + 3 debt positions) are set so that
//! a liquidation — every position's reserve refreshed, the obligation refreshed, then
//! `liquidate_obligation` — fits in one legacy transaction of 1,232 bytes without a lookup
//! table; the native test suite builds that transaction at the maximum and checks its size.

use super::{LastUpdate, PodU128};
use crate::risk::health::{BorrowValues, DepositValues, Health};
use anchor_lang::prelude::*;

/// Most collateral positions one obligation may hold.
pub const MAX_DEPOSITS: usize = 4;
/// Most debt positions one obligation may hold.
pub const MAX_BORROWS: usize = 3;

/// Collateral held in one reserve.
#[zero_copy]
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ObligationDeposit {
    /// The reserve.
    pub reserve: Pubkey,
    /// Deposit shares held as collateral.
    pub shares: u64,
    /// The reserve's `valuation_seq` when the values below were computed.
    pub reserve_seq: u64,
    /// Value at spot (WAD quote) at the last refresh.
    pub market_value: PodU128,
    /// Borrowing power contributed at the last refresh.
    pub allowed_value: PodU128,
    /// Liquidation line contributed at the last refresh.
    pub unhealthy_value: PodU128,
}

impl ObligationDeposit {
    /// The cached contribution in the pure core's format.
    pub fn values(&self) -> DepositValues {
        DepositValues {
            market: self.market_value.get(),
            allowed: self.allowed_value.get(),
            unhealthy: self.unhealthy_value.get(),
        }
    }

    /// Stores a freshly computed contribution.
    pub fn set_values(&mut self, v: &DepositValues) {
        self.market_value.set(v.market);
        self.allowed_value.set(v.allowed);
        self.unhealthy_value.set(v.unhealthy);
    }
}

/// Debt owed to one reserve.
#[zero_copy]
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ObligationBorrow {
    /// The reserve.
    pub reserve: Pubkey,
    /// Debt shares (WAD-scaled); debt = shares × reserve borrow index.
    pub debt_shares: PodU128,
    /// Value at price + conf (WAD quote) at the last refresh.
    pub market_value: PodU128,
    /// Value at the spot price (WAD quote) at the last refresh.
    pub spot_value: PodU128,
}

impl ObligationBorrow {
    /// The cached contribution in the pure core's format.
    pub fn values(&self) -> BorrowValues {
        BorrowValues {
            spot: self.spot_value.get(),
            high: self.market_value.get(),
        }
    }

    /// Stores a freshly computed contribution.
    pub fn set_values(&mut self, v: &BorrowValues) {
        self.market_value.set(v.high);
        self.spot_value.set(v.spot);
    }
}

/// A borrower's positions and their cached health.
#[account(zero_copy)]
#[derive(Debug)]
pub struct Obligation {
    /// Layout version.
    pub version: u64,
    /// Market the positions are in.
    pub market: Pubkey,
    /// Wallet that owns the positions.
    pub owner: Pubkey,
    /// Lets one wallet hold several obligations (part of the PDA seeds).
    pub id: u64,
    /// Last refresh.
    pub last_update: LastUpdate,
    /// Collateral at spot prices (WAD quote).
    pub deposited_value: PodU128,
    /// Debt at price + conf (WAD quote).
    pub borrowed_value: PodU128,
    /// Borrowing power: collateral at price − conf × LTV (WAD quote).
    pub allowed_borrow_value: PodU128,
    /// Liquidation line: collateral at price − conf × liquidation threshold (WAD quote).
    pub unhealthy_borrow_value: PodU128,
    /// Collateral positions; the first `deposits_len` are used, in order.
    pub deposits: [ObligationDeposit; MAX_DEPOSITS],
    /// Debt positions; the first `borrows_len` are used, in order.
    pub borrows: [ObligationBorrow; MAX_BORROWS],
    /// Used collateral positions.
    pub deposits_len: u8,
    /// Used debt positions.
    pub borrows_len: u8,
    /// PDA bump.
    pub bump: u8,
    /// Non-zero when a reserve's price diverged from its EMA at the last refresh.
    pub ema_diverged: u8,
    /// Reserved.
    pub _pad: [u8; 4],
    /// Debt at spot prices (WAD quote): with `deposited_value`, the equity that bounds the
    /// liquidation bonus.
    pub borrowed_spot_value: PodU128,
    /// Until when (unix time) every price behind the cached health may back a borrow, a
    /// withdrawal or a liquidation: the earliest of its reserves' price risk expiries.
    pub price_risk_expiry: i64,
    /// For each debt position, the reserve's `valuation_seq` when its values were computed
    /// (beside the positions, which have no spare room).
    pub borrow_reserve_seqs: [u64; MAX_BORROWS],
    /// Reserved for upgrades.
    pub padding: [u64; 4],
}

impl Obligation {
    /// The cached health in the pure core's format.
    pub fn health(&self) -> Health {
        Health {
            deposited: self.deposited_value.get(),
            borrowed: self.borrowed_value.get(),
            allowed: self.allowed_borrow_value.get(),
            unhealthy: self.unhealthy_borrow_value.get(),
            borrowed_spot: self.borrowed_spot_value.get(),
        }
    }

    /// Stores a health computed by the pure core.
    pub fn set_health(&mut self, h: &Health) {
        self.deposited_value.set(h.deposited);
        self.borrowed_value.set(h.borrowed);
        self.allowed_borrow_value.set(h.allowed);
        self.unhealthy_borrow_value.set(h.unhealthy);
        self.borrowed_spot_value.set(h.borrowed_spot);
    }

    /// Used collateral positions.
    pub fn deposits(&self) -> &[ObligationDeposit] {
        &self.deposits[..self.deposits_len as usize]
    }

    /// Used debt positions.
    pub fn borrows(&self) -> &[ObligationBorrow] {
        &self.borrows[..self.borrows_len as usize]
    }

    /// Index of the collateral position in `reserve`, if any.
    pub fn find_deposit(&self, reserve: &Pubkey) -> Option<usize> {
        self.deposits().iter().position(|d| d.reserve == *reserve)
    }

    /// Index of the debt position in `reserve`, if any.
    pub fn find_borrow(&self, reserve: &Pubkey) -> Option<usize> {
        self.borrows().iter().position(|b| b.reserve == *reserve)
    }

    /// Index of the collateral position in `reserve`, adding an empty one if needed.
    /// `None` when all slots are used.
    pub fn find_or_add_deposit(&mut self, reserve: &Pubkey) -> Option<usize> {
        if let Some(i) = self.find_deposit(reserve) {
            return Some(i);
        }
        let i = self.deposits_len as usize;
        if i >= MAX_DEPOSITS {
            return None;
        }
        self.deposits[i] = ObligationDeposit {
            reserve: *reserve,
            ..ObligationDeposit::default()
        };
        self.deposits_len += 1;
        Some(i)
    }

    /// Index of the debt position in `reserve`, adding an empty one if needed.
    /// `None` when all slots are used.
    pub fn find_or_add_borrow(&mut self, reserve: &Pubkey) -> Option<usize> {
        if let Some(i) = self.find_borrow(reserve) {
            return Some(i);
        }
        let i = self.borrows_len as usize;
        if i >= MAX_BORROWS {
            return None;
        }
        self.borrows[i] = ObligationBorrow {
            reserve: *reserve,
            ..ObligationBorrow::default()
        };
        self.borrow_reserve_seqs[i] = 0;
        self.borrows_len += 1;
        Some(i)
    }

    /// Removes the collateral position at `i` if it is empty, keeping the others in order.
    pub fn remove_deposit_if_empty(&mut self, i: usize) {
        if self.deposits[i].shares != 0 {
            return;
        }
        let n = self.deposits_len as usize;
        self.deposits.copy_within(i + 1..n, i);
        self.deposits[n - 1] = ObligationDeposit::default();
        self.deposits_len -= 1;
    }

    /// Removes the debt position at `i` if it is empty, keeping the others in order.
    pub fn remove_borrow_if_empty(&mut self, i: usize) {
        if self.borrows[i].debt_shares.get() != 0 {
            return;
        }
        let n = self.borrows_len as usize;
        self.borrows.copy_within(i + 1..n, i);
        self.borrows[n - 1] = ObligationBorrow::default();
        self.borrow_reserve_seqs.copy_within(i + 1..n, i);
        self.borrow_reserve_seqs[n - 1] = 0;
        self.borrows_len -= 1;
    }
}

/// Size of [`Obligation`] without the 8-byte discriminator (must stay ≤ 1 KiB on chain).
pub const OBLIGATION_SIZE: usize = 880;
const _: () = assert!(core::mem::size_of::<Obligation>() == OBLIGATION_SIZE);
const _: () = assert!(OBLIGATION_SIZE + 8 <= 1024);

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Obligation {
        bytemuck::Zeroable::zeroed()
    }

    /// A removed debt position takes its recorded reserve state with it: the others keep theirs.
    #[test]
    fn removing_a_debt_position_keeps_each_valuation_seq_with_its_position() {
        let mut ob = empty();
        let keys = [
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        ];
        for (n, k) in keys.iter().enumerate() {
            let i = ob.find_or_add_borrow(k).unwrap();
            ob.borrows[i].debt_shares.set(1);
            ob.borrow_reserve_seqs[i] = 10 + n as u64;
        }
        ob.borrows[0].debt_shares.set(0);
        ob.remove_borrow_if_empty(0);
        let left: Vec<_> = ob.borrows().iter().map(|b| b.reserve).collect();
        assert_eq!(left, vec![keys[1], keys[2]]);
        assert_eq!(ob.borrow_reserve_seqs, [11, 12, 0]);
        // A new position starts unvalued, whatever its slot held before.
        let i = ob.find_or_add_borrow(&keys[0]).unwrap();
        assert_eq!((i, ob.borrow_reserve_seqs[i]), (2, 0));
    }
}
