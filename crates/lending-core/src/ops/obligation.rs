//! Opening an obligation.

use super::Clock;
use crate::state::{Obligation, ACCOUNT_VERSION};
use crate::Pubkey;

/// Sets up an empty obligation of `owner` in `market`.
pub fn init_obligation(
    ob: &mut Obligation,
    market: &Pubkey,
    owner: &Pubkey,
    id: u64,
    bump: u8,
    clock: &Clock,
) {
    ob.version = ACCOUNT_VERSION;
    ob.market = *market;
    ob.owner = *owner;
    ob.id = id;
    ob.bump = bump;
    ob.last_update.update(clock.slot, clock.unix_timestamp);
}
