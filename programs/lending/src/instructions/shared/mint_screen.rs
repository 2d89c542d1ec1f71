//! Token-2022 mints screened at listing (#18, medium 4; the stance is in docs/security.md).
//!
//! A mint's extensions are fixed when it is created; the danger is the live authorities behind
//! them. A permanent delegate can move tokens out of the vaults; a fee or hook authority can
//! switch a fee or a hook on later, and a pause authority can stop transfers, either of which
//! makes every repayment and liquidation fail. Such a mint is listed only when the owner vouches
//! for its issuer (`trusted_issuer`, recorded on the reserve). Some mints are refused even then:
//! one that charges a fee or runs a hook program today, one that is paused, non-transferable or
//! whose new accounts start frozen.

use crate::errors::LendingError;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022::extension::{
    default_account_state::DefaultAccountState, interest_bearing_mint::InterestBearingConfig,
    pausable::PausableConfig, permanent_delegate::PermanentDelegate,
    scaled_ui_amount::ScaledUiAmountConfig, transfer_fee::TransferFeeConfig,
    transfer_hook::TransferHook, BaseStateWithExtensions, ExtensionType, StateWithExtensions,
};
use anchor_spl::token_2022::spl_token_2022::state::{AccountState, Mint};

/// An extension that does not parse makes the mint invalid.
fn valid<T, E>(r: core::result::Result<T, E>) -> Result<T> {
    r.map_err(|_| error!(LendingError::InvalidMint))
}

/// True when a Token-2022 optional key (an authority or a program) is set.
fn set<T: bytemuck::Pod>(key: &T) -> bool {
    bytemuck::bytes_of(key).iter().any(|b| *b != 0)
}

/// Refuses `mint` (an account of the SPL Token or Token-2022 program) when one of its
/// extensions could take or freeze the vaults' tokens, naming the extension in the error. A
/// mint of the original SPL Token program has no extensions and always passes (a freeze
/// authority is accepted: see docs/security.md).
pub fn screen_mint(mint: &AccountInfo, trusted_issuer: bool) -> Result<()> {
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state = valid(StateWithExtensions::<Mint>::unpack(&data))?;
    let types = valid(state.get_extension_types())?;
    for t in types {
        match t {
            ExtensionType::PermanentDelegate => {
                let d = valid(state.get_extension::<PermanentDelegate>())?;
                require!(
                    trusted_issuer || !set(&d.delegate),
                    LendingError::MintPermanentDelegate
                );
            }
            ExtensionType::TransferFeeConfig => {
                let c = valid(state.get_extension::<TransferFeeConfig>())?;
                let charges = u16::from(c.older_transfer_fee.transfer_fee_basis_points) != 0
                    || u16::from(c.newer_transfer_fee.transfer_fee_basis_points) != 0;
                require!(
                    !charges && (trusted_issuer || !set(&c.transfer_fee_config_authority)),
                    LendingError::MintTransferFee
                );
            }
            ExtensionType::TransferHook => {
                let h = valid(state.get_extension::<TransferHook>())?;
                require!(
                    !set(&h.program_id) && (trusted_issuer || !set(&h.authority)),
                    LendingError::MintTransferHook
                );
            }
            ExtensionType::Pausable => {
                let p = valid(state.get_extension::<PausableConfig>())?;
                require!(
                    !bool::from(p.paused) && (trusted_issuer || !set(&p.authority)),
                    LendingError::MintPausable
                );
            }
            ExtensionType::DefaultAccountState => {
                let d = valid(state.get_extension::<DefaultAccountState>())?;
                let frozen = d.state == AccountState::Frozen as u8;
                require!(
                    !frozen && (trusted_issuer || state.base.freeze_authority.is_none()),
                    LendingError::MintDefaultAccountState
                );
            }
            ExtensionType::InterestBearingConfig => {
                let c = valid(state.get_extension::<InterestBearingConfig>())?;
                require!(
                    trusted_issuer || !set(&c.rate_authority),
                    LendingError::MintInterestBearing
                );
            }
            ExtensionType::ScaledUiAmount => {
                let c = valid(state.get_extension::<ScaledUiAmountConfig>())?;
                require!(
                    trusted_issuer || !set(&c.authority),
                    LendingError::MintScaledUiAmount
                );
            }
            ExtensionType::NonTransferable => return err!(LendingError::MintNonTransferable),
            // Harmless to a pool: a mint with supply (the locked seed) cannot be closed; the
            // vaults never enable confidential balances, so only public amounts move; metadata
            // and groups are labels.
            ExtensionType::MintCloseAuthority
            | ExtensionType::ConfidentialTransferMint
            | ExtensionType::ConfidentialTransferFeeConfig
            | ExtensionType::ConfidentialMintBurn
            | ExtensionType::MetadataPointer
            | ExtensionType::TokenMetadata
            | ExtensionType::GroupPointer
            | ExtensionType::TokenGroup
            | ExtensionType::GroupMemberPointer
            | ExtensionType::TokenGroupMember => {}
            _ => require!(trusted_issuer, LendingError::MintUnknownExtension),
        }
    }
    Ok(())
}
