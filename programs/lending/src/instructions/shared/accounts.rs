//! Account groups every instruction uses: a reserve with the accounts it names (checked against
//! it in one load, then used for its token movements), an obligation with its market and owner,
//! the obligation's other reserves passed as remaining accounts, and the clock.

use super::token_ops::{
    burn_shares, mint_shares, move_between_vaults, pay_from_vault, pay_into_vault,
};
use super::zero_copy_account::read_reserve;
use crate::errors::LendingError;
use crate::state::{Obligation, Reserve, ReserveSigner};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use core::cell::{Ref, RefMut};
use lending_core::ops::guards::{check_obligation_binding, check_reserve_binding, ReserveBinding};
use lending_core::ops::ObligationReserves;

/// The cluster clock in the core's format.
pub fn clock() -> Result<lending_core::ops::Clock> {
    let c = Clock::get()?;
    Ok(lending_core::ops::Clock {
        slot: c.slot,
        unix_timestamp: c.unix_timestamp,
    })
}

/// A reserve and the accounts an instruction passes for its own fields (those it takes), as
/// one group: [`ReserveAccounts::load_mut`] checks every one against the reserve in the same
/// load, and the token movements use them.
pub struct ReserveAccounts<'a, 'info> {
    market: &'a Pubkey,
    reserve: &'a AccountLoader<'info, Reserve>,
    token_program: &'a Interface<'info, TokenInterface>,
    liquidity_mint: Option<&'a AccountInfo<'info>>,
    supply_vault: Option<&'a AccountInfo<'info>>,
    fee_vault: Option<&'a AccountInfo<'info>>,
    share_mint: Option<&'a AccountInfo<'info>>,
}

impl<'a, 'info> ReserveAccounts<'a, 'info> {
    /// The reserve of `market`, moved through `token_program`.
    pub fn new(
        market: &'a Pubkey,
        reserve: &'a AccountLoader<'info, Reserve>,
        token_program: &'a Interface<'info, TokenInterface>,
    ) -> Self {
        Self {
            market,
            reserve,
            token_program,
            liquidity_mint: None,
            supply_vault: None,
            fee_vault: None,
            share_mint: None,
        }
    }

    /// Also the asset's mint.
    pub fn liquidity_mint(self, account: &'a AccountInfo<'info>) -> Self {
        Self {
            liquidity_mint: Some(account),
            ..self
        }
    }

    /// Also the supply vault.
    pub fn supply_vault(self, account: &'a AccountInfo<'info>) -> Self {
        Self {
            supply_vault: Some(account),
            ..self
        }
    }

    /// Also the fee vault.
    pub fn fee_vault(self, account: &'a AccountInfo<'info>) -> Self {
        Self {
            fee_vault: Some(account),
            ..self
        }
    }

    /// Also the share mint.
    pub fn share_mint(self, account: &'a AccountInfo<'info>) -> Self {
        Self {
            share_mint: Some(account),
            ..self
        }
    }

    /// The reserve's address.
    pub fn key(&self) -> Pubkey {
        self.reserve.key()
    }

    /// The reserve's account.
    pub fn info(&self) -> AccountInfo<'info> {
        self.reserve.to_account_info()
    }

    fn check(&self, r: &Reserve) -> Result<()> {
        let binding = ReserveBinding {
            market: Some(self.market),
            liquidity_mint: self.liquidity_mint.map(|a| a.key),
            supply_vault: self.supply_vault.map(|a| a.key),
            fee_vault: self.fee_vault.map(|a| a.key),
            share_mint: self.share_mint.map(|a| a.key),
            token_program: Some(self.token_program.key),
        };
        check_reserve_binding(r, &binding).map_err(LendingError::from)?;
        Ok(())
    }

    /// Loads the reserve and checks every account of the group against it.
    pub fn load(&self) -> Result<Ref<'a, Reserve>> {
        let r = self.reserve.load()?;
        self.check(&r)?;
        Ok(r)
    }

    /// [`ReserveAccounts::load`], writable.
    pub fn load_mut(&self) -> Result<RefMut<'a, Reserve>> {
        let r = self.reserve.load_mut()?;
        self.check(&r)?;
        Ok(r)
    }

    fn part(account: Option<&'a AccountInfo<'info>>) -> Result<&'a AccountInfo<'info>> {
        account.ok_or_else(|| error!(LendingError::WrongReserveAccount))
    }

    /// Transfers `amount` from the user's `from` into the supply vault, signed by `authority`.
    pub fn pay_in(
        &self,
        authority: &ReserveAuthority,
        from: &AccountInfo<'info>,
        signer: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        pay_into_vault(
            self.token_program,
            from,
            Self::part(self.supply_vault)?,
            Self::part(self.liquidity_mint)?,
            authority.decimals,
            signer,
            amount,
        )
    }

    /// Transfers `amount` out of the supply vault to `to`, signed by the reserve.
    pub fn pay_out(
        &self,
        authority: &ReserveAuthority,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        self.pay_out_of(self.supply_vault, authority, to, amount)
    }

    /// Transfers `amount` out of the supply vault into another vault of the program (`to`),
    /// signed by the reserve; both vaults must move by exactly `amount`.
    pub fn pay_out_to_vault(
        &self,
        authority: &ReserveAuthority,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        move_between_vaults(
            self.token_program,
            Self::part(self.supply_vault)?,
            to,
            Self::part(self.liquidity_mint)?,
            authority.decimals,
            &self.info(),
            &authority.signer.seeds(),
            amount,
        )
    }

    /// Transfers `amount` out of the fee vault to `to`, signed by the reserve.
    pub fn pay_out_of_fees(
        &self,
        authority: &ReserveAuthority,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        self.pay_out_of(self.fee_vault, authority, to, amount)
    }

    fn pay_out_of(
        &self,
        vault: Option<&'a AccountInfo<'info>>,
        authority: &ReserveAuthority,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        pay_from_vault(
            self.token_program,
            Self::part(vault)?,
            to,
            Self::part(self.liquidity_mint)?,
            authority.decimals,
            &self.info(),
            &authority.signer.seeds(),
            amount,
        )
    }

    /// Mints `amount` deposit shares to `to`, signed by the reserve.
    pub fn mint_shares(
        &self,
        authority: &ReserveAuthority,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        mint_shares(
            self.token_program,
            Self::part(self.share_mint)?,
            to,
            &self.info(),
            &authority.signer.seeds(),
            amount,
        )
    }

    /// Burns `amount` deposit shares from `from`, signed by its owner `signer`.
    pub fn burn_shares(
        &self,
        from: &AccountInfo<'info>,
        signer: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        burn_shares(
            self.token_program,
            Self::part(self.share_mint)?,
            from,
            signer,
            amount,
        )
    }
}

/// What a token movement needs from a reserve, copied out so the account is released for the
/// CPI: its PDA's signer seeds and the mint's decimals.
#[derive(Debug, Clone, Copy)]
pub struct ReserveAuthority {
    /// Signer seeds of the reserve PDA (owner of its vaults and share mint).
    pub signer: ReserveSigner,
    /// Decimals of the asset (for `TransferChecked`).
    pub decimals: u8,
}

impl ReserveAuthority {
    /// Copies them out of `reserve`.
    pub fn of(reserve: &Reserve) -> Self {
        Self {
            signer: reserve.signer(),
            decimals: reserve.decimals,
        }
    }
}

/// Loads the obligation writable and checks that it is of `market` (`WrongMarket`) and, when
/// `owner` is given, of that owner (`NotObligationOwner`).
pub fn load_obligation<'a>(
    obligation: &'a AccountLoader<'_, Obligation>,
    market: &Pubkey,
    owner: Option<&Pubkey>,
) -> Result<RefMut<'a, Obligation>> {
    let ob = obligation.load_mut()?;
    check_obligation_binding(&ob, market, owner).map_err(LendingError::from)?;
    Ok(ob)
}

/// The obligation's reserves passed as remaining accounts, in its order.
pub struct RemainingReserves<'a, 'info>(pub &'a [AccountInfo<'info>]);

impl ObligationReserves for RemainingReserves<'_, '_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn key(&self, i: usize) -> &Pubkey {
        self.0[i].key
    }

    /// Read in place. The key is a position's reserve, which was checked (owner, type, market)
    /// when the position was opened, and no instruction closes or reassigns a reserve: the key
    /// alone identifies it.
    fn valuation_seq(&self, i: usize) -> lending_core::Result<u64> {
        let at = 8 + core::mem::offset_of!(Reserve, valuation_seq);
        let data = self.0[i]
            .try_borrow_data()
            .map_err(|_| lending_core::LendingError::WrongRemainingAccounts)?;
        let bytes = data
            .get(at..at + 8)
            .ok_or(lending_core::LendingError::WrongRemainingAccounts)?;
        Ok(u64::from_le_bytes(bytes.try_into().unwrap_or_default()))
    }

    /// Loaded with the checks of Anchor's `AccountLoader` (owner, discriminator, size), which a
    /// position's reserve always passes.
    fn with_reserve<R>(
        &self,
        i: usize,
        f: impl FnOnce(&lending_core::state::Reserve) -> lending_core::Result<R>,
    ) -> lending_core::Result<R> {
        let info = self
            .0
            .get(i)
            .ok_or(lending_core::LendingError::WrongRemainingAccounts)?;
        let r =
            read_reserve(info).map_err(|_| lending_core::LendingError::WrongRemainingAccounts)?;
        f(&r)
    }
}
