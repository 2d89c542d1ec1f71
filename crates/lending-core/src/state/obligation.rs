//! An obligation: one borrower's collateral and debt positions in one market.
//!
//! Positions live in fixed arrays: at most 8 collateral and 5 debt positions, as klend allows.
//! A liquidation of a full obligation (every position's price and reserve refreshed, the
//! obligation refreshed, then `liquidate_obligation`) names 13 reserves with their price
//! accounts, vaults and mints: past the 1,232 bytes of a legacy transaction, it fits one v0
//! transaction through the market's address lookup table (`LendingMarket::lookup_table`).
//! The test suites build that transaction at the maximum and check its size; the CU benchmark
//! measures it whole.

use super::{Obligation, ObligationBorrow, ObligationDeposit};
use crate::risk::health::{BorrowValues, DepositValues, Health};
use crate::Pubkey;

/// Most collateral positions one obligation may hold.
pub const MAX_DEPOSITS: usize = 8;
/// Most debt positions one obligation may hold.
pub const MAX_BORROWS: usize = 5;

impl ObligationDeposit {
    /// The cached contribution in the pure core's format.
    pub fn values(&self) -> DepositValues {
        DepositValues {
            market: self.market_value.get(),
            borrow_limit: self.borrow_limit_value.get(),
            liquidation_line: self.liquidation_line_value.get(),
        }
    }

    /// Stores a freshly computed contribution.
    pub fn set_values(&mut self, v: &DepositValues) {
        self.market_value.set(v.market);
        self.borrow_limit_value.set(v.borrow_limit);
        self.liquidation_line_value.set(v.liquidation_line);
    }
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

impl Obligation {
    /// The cached health in the pure core's format.
    pub fn health(&self) -> Health {
        Health {
            deposited: self.deposited_value.get(),
            borrowed: self.borrowed_value.get(),
            borrowed_weighted: self.borrowed_weighted_value.get(),
            borrow_limit: self.borrow_limit_value.get(),
            liquidation_line: self.liquidation_line_value.get(),
            borrowed_spot: self.borrowed_spot_value.get(),
        }
    }

    /// Stores a health computed by the pure core.
    pub fn set_health(&mut self, h: &Health) {
        self.deposited_value.set(h.deposited);
        self.borrowed_value.set(h.borrowed);
        self.borrowed_weighted_value.set(h.borrowed_weighted);
        self.borrow_limit_value.set(h.borrow_limit);
        self.liquidation_line_value.set(h.liquidation_line);
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
        let keys: [Pubkey; MAX_BORROWS] =
            core::array::from_fn(|n| Pubkey::new_from_array([n as u8 + 1; 32]));
        for (n, k) in keys.iter().enumerate() {
            let i = ob.find_or_add_borrow(k).unwrap();
            ob.borrows[i].debt_shares.set(1);
            ob.borrow_reserve_seqs[i] = 10 + n as u64;
        }
        ob.borrows[0].debt_shares.set(0);
        ob.remove_borrow_if_empty(0);
        let left: Vec<_> = ob.borrows().iter().map(|b| b.reserve).collect();
        assert_eq!(left, keys[1..].to_vec());
        assert_eq!(ob.borrow_reserve_seqs, [11, 12, 13, 14, 0]);
        // A new position starts unvalued, whatever its slot held before.
        let i = ob.find_or_add_borrow(&keys[0]).unwrap();
        assert_eq!((i, ob.borrow_reserve_seqs[i]), (MAX_BORROWS - 1, 0));
    }

    /// 8 collateral and 5 debt positions fit; one more of either finds no slot, and a reserve
    /// already held finds its own.
    #[test]
    fn positions_stop_at_eight_deposits_and_five_borrows() {
        let mut ob = empty();
        let key = |n: usize| Pubkey::new_from_array([n as u8 + 1; 32]);
        for n in 0..MAX_DEPOSITS {
            assert_eq!(ob.find_or_add_deposit(&key(n)), Some(n));
        }
        assert_eq!(ob.find_or_add_deposit(&key(MAX_DEPOSITS)), None);
        assert_eq!(ob.find_or_add_deposit(&key(3)), Some(3));
        for n in 0..MAX_BORROWS {
            assert_eq!(ob.find_or_add_borrow(&key(n)), Some(n));
        }
        assert_eq!(ob.find_or_add_borrow(&key(MAX_BORROWS)), None);
        assert_eq!(
            (ob.deposits().len(), ob.borrows().len()),
            (MAX_DEPOSITS, MAX_BORROWS)
        );
    }
}
