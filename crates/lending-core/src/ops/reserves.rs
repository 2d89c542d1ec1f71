//! The obligation's reserves an instruction does not name: the program reads them from its
//! remaining accounts, a client from the copies it fetched.

use crate::state::Reserve;
use crate::{LendingError, Pubkey, Result};

/// A list of reserves in the obligation's order (collateral positions, then debt positions),
/// as an operation reads it.
pub trait ObligationReserves {
    /// Number of reserves in the list.
    fn len(&self) -> usize;

    /// Whether the list is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Address of the reserve at `i` (`i < len()`).
    fn key(&self, i: usize) -> &Pubkey;

    /// `valuation_seq` of the reserve at `i`, read without loading the rest of it.
    fn valuation_seq(&self, i: usize) -> Result<u64>;

    /// Runs `f` on the reserve at `i`, loaded with every check of a reserve account.
    fn with_reserve<R>(&self, i: usize, f: impl FnOnce(&Reserve) -> Result<R>) -> Result<R>;
}

/// Reserves a client holds, with their addresses.
impl ObligationReserves for [(Pubkey, Reserve)] {
    fn len(&self) -> usize {
        <[(Pubkey, Reserve)]>::len(self)
    }

    fn key(&self, i: usize) -> &Pubkey {
        &self[i].0
    }

    fn valuation_seq(&self, i: usize) -> Result<u64> {
        Ok(self[i].1.valuation_seq)
    }

    fn with_reserve<R>(&self, i: usize, f: impl FnOnce(&Reserve) -> Result<R>) -> Result<R> {
        f(&self.get(i).ok_or(LendingError::WrongRemainingAccounts)?.1)
    }
}
