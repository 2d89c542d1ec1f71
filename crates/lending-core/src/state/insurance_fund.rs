//! A reserve's insurance fund and its stakers' unstake requests.

use super::{InsuranceFund, UnstakeRequest};
use crate::risk::fund::FundPool;
use crate::Pubkey;

impl InsuranceFund {
    /// The balances in the pure core's format.
    pub fn pool(&self) -> FundPool {
        FundPool {
            assets: self.assets,
            share_supply: self.share_supply,
            stream_amount: self.stream_amount,
            stream_start: self.stream_start,
            stream_end: self.stream_end,
        }
    }

    /// Writes the balances back from the pure core's format.
    pub fn set_pool(&mut self, p: &FundPool) {
        self.assets = p.assets;
        self.share_supply = p.share_supply;
        self.stream_amount = p.stream_amount;
        self.stream_start = p.stream_start;
        self.stream_end = p.stream_end;
    }

    /// An owned copy of the fund PDA's signer seeds (the fund owns its vault and share mint).
    pub fn signer(&self) -> FundSigner {
        FundSigner {
            reserve: self.reserve,
            bump: [self.bump],
        }
    }
}

impl UnstakeRequest {
    /// True while no request is open (the account was just created, or its shares left).
    pub fn is_empty(&self) -> bool {
        self.shares == 0
    }
}

/// Owned signer seeds of an insurance fund PDA.
#[derive(Debug, Clone, Copy)]
pub struct FundSigner {
    reserve: Pubkey,
    bump: [u8; 1],
}

impl FundSigner {
    /// The seeds `["insurance_fund", reserve, bump]`.
    pub fn seeds(&self) -> [&[u8]; 3] {
        [
            crate::constants::INSURANCE_FUND_SEED,
            self.reserve.as_ref(),
            &self.bump,
        ]
    }
}
