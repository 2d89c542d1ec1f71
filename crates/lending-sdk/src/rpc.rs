//! Fetchers over JSON-RPC (blocking `RpcClient` of the agave 3.1 line).

use crate::accounts::{decode, DecodeError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::{Discriminator, ZeroCopy};
use anchor_spl::token_2022::spl_token_2022;
use lending::state::Obligation;
use solana_rpc_client::api::client_error::Error as ClientError;
use solana_rpc_client::api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client::api::filter::{Memcmp, RpcFilterType};
use solana_rpc_client::rpc_client::RpcClient;
use std::fmt;

pub use solana_commitment_config::CommitmentConfig;

/// Why a fetch failed.
#[derive(Debug)]
pub enum FetchError {
    /// The RPC call failed (transport, or the node's error).
    Rpc(Box<ClientError>),
    /// The account does not exist.
    Missing(Pubkey),
    /// The account exists but is not of the expected type.
    Decode(Pubkey, DecodeError),
    /// The account is not owned by the expected program.
    WrongOwner { key: Pubkey, owner: Pubkey },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rpc(e) => write!(f, "rpc: {e}"),
            Self::Missing(k) => write!(f, "account {k} does not exist"),
            Self::Decode(k, e) => write!(f, "account {k}: {e}"),
            Self::WrongOwner { key, owner } => {
                write!(
                    f,
                    "account {key} is owned by {owner}, not the expected program"
                )
            }
        }
    }
}

impl std::error::Error for FetchError {}

impl From<ClientError> for FetchError {
    fn from(e: ClientError) -> Self {
        Self::Rpc(Box::new(e))
    }
}

/// Raw account data, or `Missing`.
pub fn data(rpc: &RpcClient, key: &Pubkey) -> Result<solana_account::Account, FetchError> {
    rpc.get_account_with_commitment(key, rpc.commitment())?
        .value
        .ok_or(FetchError::Missing(*key))
}

/// A zero-copy account of the lending program, checked for owner and discriminator.
pub fn account<T: ZeroCopy + Discriminator>(
    rpc: &RpcClient,
    key: &Pubkey,
) -> Result<T, FetchError> {
    let a = data(rpc, key)?;
    if a.owner != lending::ID {
        return Err(FetchError::WrongOwner {
            key: *key,
            owner: a.owner,
        });
    }
    decode(&a.data).map_err(|e| FetchError::Decode(*key, e))
}

/// Amount held by a token account (SPL Token or Token-2022).
pub fn token_balance(rpc: &RpcClient, key: &Pubkey) -> Result<u64, FetchError> {
    let a = data(rpc, key)?;
    let base = a
        .data
        .get(..spl_token_2022::state::Account::LEN)
        .ok_or(FetchError::Decode(
            *key,
            DecodeError::TooShort {
                expected: spl_token_2022::state::Account::LEN,
                found: a.data.len(),
            },
        ))?;
    spl_token_2022::state::Account::unpack_from_slice(base)
        .map(|t| t.amount)
        .map_err(|_| FetchError::Decode(*key, DecodeError::WrongDiscriminator))
}

/// Every obligation of `market`: getProgramAccounts filtered on the account size, the
/// discriminator and the market field.
pub fn obligations(
    rpc: &RpcClient,
    market: &Pubkey,
) -> Result<Vec<(Pubkey, Obligation)>, FetchError> {
    const MARKET_OFFSET: usize = 8 + std::mem::offset_of!(Obligation, market);
    let config = RpcProgramAccountsConfig {
        filters: Some(vec![
            RpcFilterType::DataSize((8 + std::mem::size_of::<Obligation>()) as u64),
            RpcFilterType::Memcmp(Memcmp::new_base58_encoded(0, Obligation::DISCRIMINATOR)),
            RpcFilterType::Memcmp(Memcmp::new_base58_encoded(MARKET_OFFSET, market.as_ref())),
        ]),
        account_config: RpcAccountInfoConfig {
            encoding: Some(solana_account_decoder_client_types::UiAccountEncoding::Base64),
            commitment: Some(rpc.commitment()),
            ..RpcAccountInfoConfig::default()
        },
        with_context: None,
        sort_results: None,
    };
    rpc.get_program_ui_accounts_with_config(&lending::ID, config)?
        .into_iter()
        .map(|(k, a)| {
            let bytes = a.data.decode().unwrap_or_default();
            decode(&bytes)
                .map(|o| (k, o))
                .map_err(|e| FetchError::Decode(k, e))
        })
        .collect()
}
