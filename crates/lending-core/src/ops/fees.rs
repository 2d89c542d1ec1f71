//! The protocol's fees.

use super::guards::check_no_flash_loan;
use crate::risk::fixed::{amount_to_wad, wad_to_amount, Rounding};
use crate::state::Reserve;
use crate::Result;

/// Takes the interest fees accrued in the reserve, as far as its cash allows, and returns the
/// tokens to pay out of the supply vault (the fee vault is swept separately). Refused with a
/// flash loan open.
pub fn claim_interest_fees(reserve: &mut Reserve) -> Result<u64> {
    check_no_flash_loan(reserve)?;
    let accrued = wad_to_amount(reserve.protocol_fees.get(), Rounding::Down)?;
    let take = accrued.min(reserve.available);
    reserve.available -= take;
    let left = reserve.protocol_fees.get() - amount_to_wad(take);
    reserve.protocol_fees.set(left);
    Ok(take)
}
