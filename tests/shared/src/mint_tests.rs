//! Token-2022 mints screened at listing (#18, medium 4): each risky extension with a live
//! authority is refused with an error naming it, unless the owner lists the mint as a trusted
//! issuer; some are refused even then; harmless extensions pass. The mints and the owner's
//! seed account are built by hand (account bytes), so every extension can be set up as a real
//! issuer would have it, whatever the bundled token program can create; the program then runs
//! the real Token-2022 program to create its vaults and move the seed.

use super::env::{assert_err, VmEnv, TOKEN_2022};
use super::fixture::{config, fixed_oracle, Market, SEED};
use super::ix::{self, ReserveKeys};
use crate::env::Account;
use anchor_lang::prelude::Pubkey;
use anchor_spl::token_2022::spl_token_2022::extension::{
    default_account_state::DefaultAccountState,
    immutable_owner::ImmutableOwner,
    interest_bearing_mint::InterestBearingConfig,
    metadata_pointer::MetadataPointer,
    mint_close_authority::MintCloseAuthority,
    non_transferable::{NonTransferable, NonTransferableAccount},
    pausable::{PausableAccount, PausableConfig},
    permanent_delegate::PermanentDelegate,
    scaled_ui_amount::ScaledUiAmountConfig,
    transfer_fee::{TransferFeeAmount, TransferFeeConfig},
    transfer_hook::{TransferHook, TransferHookAccount},
    BaseStateWithExtensionsMut, ExtensionType, StateWithExtensionsMut,
};
use anchor_spl::token_2022::spl_token_2022::state::{Account as TokenAccount, Mint};
use lending::errors::LendingError;
use solana_signer::Signer;

/// One extension as a mint's issuer set it up.
#[derive(Clone, Copy, Debug)]
enum Ext {
    PermanentDelegate,
    /// A fee authority, charging this many basis points now.
    TransferFee(u16),
    /// A hook authority, and a hook program when true.
    TransferHook(bool),
    /// A pause authority, and paused when true.
    Pausable(bool),
    /// New accounts start frozen when true; the mint has a freeze authority either way.
    DefaultAccountState(bool),
    InterestBearing,
    ScaledUiAmount,
    NonTransferable,
    CloseAuthority,
    MetadataPointer,
}

impl Ext {
    fn kind(self) -> ExtensionType {
        match self {
            Ext::PermanentDelegate => ExtensionType::PermanentDelegate,
            Ext::TransferFee(_) => ExtensionType::TransferFeeConfig,
            Ext::TransferHook(_) => ExtensionType::TransferHook,
            Ext::Pausable(_) => ExtensionType::Pausable,
            Ext::DefaultAccountState(_) => ExtensionType::DefaultAccountState,
            Ext::InterestBearing => ExtensionType::InterestBearingConfig,
            Ext::ScaledUiAmount => ExtensionType::ScaledUiAmount,
            Ext::NonTransferable => ExtensionType::NonTransferable,
            Ext::CloseAuthority => ExtensionType::MintCloseAuthority,
            Ext::MetadataPointer => ExtensionType::MetadataPointer,
        }
    }
}

/// A Token-2022 optional key (`OptionalNonZeroPubkey`) holding `key`.
fn some<T: bytemuck::Pod>(key: Pubkey) -> T {
    bytemuck::cast(key.to_bytes())
}

/// `COption<Pubkey>` bytes of the token program's base layouts.
fn coption(key: Option<Pubkey>) -> [u8; 36] {
    let mut b = [0u8; 36];
    if let Some(k) = key {
        b[0] = 1;
        b[4..].copy_from_slice(&k.to_bytes());
    }
    b
}

/// Mint account bytes: 6 decimals, `authority` mints, `supply` out, and `exts`.
fn mint_data(exts: &[Ext], authority: Pubkey, supply: u64) -> Vec<u8> {
    let kinds: Vec<ExtensionType> = exts.iter().map(|e| e.kind()).collect();
    let len = ExtensionType::try_calculate_account_len::<Mint>(&kinds).unwrap();
    let mut data = vec![0u8; len];
    let issuer = Pubkey::new_from_array([7; 32]);
    let mut freeze = None;
    {
        let mut s = StateWithExtensionsMut::<Mint>::unpack_uninitialized(&mut data).unwrap();
        for e in exts {
            match *e {
                Ext::PermanentDelegate => {
                    s.init_extension::<PermanentDelegate>(true)
                        .unwrap()
                        .delegate = some(issuer)
                }
                Ext::TransferFee(bps) => {
                    let c = s.init_extension::<TransferFeeConfig>(true).unwrap();
                    c.transfer_fee_config_authority = some(issuer);
                    c.withdraw_withheld_authority = some(issuer);
                    c.older_transfer_fee.transfer_fee_basis_points = bytemuck::cast(bps);
                    c.newer_transfer_fee.transfer_fee_basis_points = bytemuck::cast(bps);
                    c.newer_transfer_fee.maximum_fee = bytemuck::cast(u64::MAX);
                }
                Ext::TransferHook(program) => {
                    let h = s.init_extension::<TransferHook>(true).unwrap();
                    h.authority = some(issuer);
                    if program {
                        h.program_id = some(Pubkey::new_from_array([8; 32]));
                    }
                }
                Ext::Pausable(paused) => {
                    let p = s.init_extension::<PausableConfig>(true).unwrap();
                    p.authority = some(issuer);
                    p.paused = bytemuck::cast(paused as u8);
                }
                Ext::DefaultAccountState(frozen) => {
                    let d = s.init_extension::<DefaultAccountState>(true).unwrap();
                    d.state = if frozen { 2 } else { 1 };
                    freeze = Some(issuer);
                }
                Ext::InterestBearing => {
                    s.init_extension::<InterestBearingConfig>(true)
                        .unwrap()
                        .rate_authority = some(issuer)
                }
                Ext::ScaledUiAmount => {
                    let c = s.init_extension::<ScaledUiAmountConfig>(true).unwrap();
                    c.authority = some(issuer);
                    c.multiplier = bytemuck::cast(1.0f64.to_le_bytes());
                    c.new_multiplier = bytemuck::cast(1.0f64.to_le_bytes());
                }
                Ext::NonTransferable => {
                    s.init_extension::<NonTransferable>(true).unwrap();
                }
                Ext::CloseAuthority => {
                    s.init_extension::<MintCloseAuthority>(true)
                        .unwrap()
                        .close_authority = some(issuer)
                }
                Ext::MetadataPointer => {
                    let m = s.init_extension::<MetadataPointer>(true).unwrap();
                    m.authority = some(issuer);
                    m.metadata_address = some(Pubkey::new_from_array([9; 32]));
                }
            }
        }
        s.init_account_type().unwrap();
    }
    let mut base = Vec::with_capacity(82);
    base.extend_from_slice(&coption(Some(authority)));
    base.extend_from_slice(&supply.to_le_bytes());
    base.push(6);
    base.push(1);
    base.extend_from_slice(&coption(freeze));
    data[..82].copy_from_slice(&base);
    data
}

/// Token account bytes for `mint` (with the extensions its mint requires), held by `owner`.
fn token_account_data(exts: &[Ext], mint: Pubkey, owner: Pubkey, amount: u64) -> Vec<u8> {
    let kinds: Vec<ExtensionType> = exts.iter().map(|e| e.kind()).collect();
    let needed = ExtensionType::get_required_init_account_extensions(&kinds);
    let len = ExtensionType::try_calculate_account_len::<TokenAccount>(&needed).unwrap();
    let mut data = vec![0u8; len];
    {
        let mut s =
            StateWithExtensionsMut::<TokenAccount>::unpack_uninitialized(&mut data).unwrap();
        for k in &needed {
            match k {
                ExtensionType::TransferFeeAmount => {
                    s.init_extension::<TransferFeeAmount>(true).unwrap();
                }
                ExtensionType::TransferHookAccount => {
                    s.init_extension::<TransferHookAccount>(true).unwrap();
                }
                ExtensionType::NonTransferableAccount => {
                    s.init_extension::<NonTransferableAccount>(true).unwrap();
                }
                ExtensionType::PausableAccount => {
                    s.init_extension::<PausableAccount>(true).unwrap();
                }
                ExtensionType::ImmutableOwner => {
                    s.init_extension::<ImmutableOwner>(true).unwrap();
                }
                other => panic!("no test setup for account extension {other:?}"),
            }
        }
        s.init_account_type().unwrap();
    }
    let mut base = Vec::with_capacity(165);
    base.extend_from_slice(&mint.to_bytes());
    base.extend_from_slice(&owner.to_bytes());
    base.extend_from_slice(&amount.to_le_bytes());
    base.extend_from_slice(&coption(None));
    base.push(1); // initialized
    base.extend_from_slice(&[0u8; 12]); // not native
    base.extend_from_slice(&0u64.to_le_bytes());
    base.extend_from_slice(&coption(None));
    data[..165].copy_from_slice(&base);
    data
}

/// Lists a hand-built Token-2022 mint with `exts`, as a trusted issuer or not.
async fn list(
    env: &mut impl VmEnv,
    m: &Market,
    exts: &[Ext],
    trusted: bool,
) -> super::env::TxResult {
    list_reserve(env, m, exts, trusted).await.0
}

/// [`list`], also returning the reserve's address.
async fn list_reserve(
    env: &mut impl VmEnv,
    m: &Market,
    exts: &[Ext],
    trusted: bool,
) -> (super::env::TxResult, Pubkey) {
    let mint = Pubkey::new_unique();
    let owner = m.owner.pubkey();
    let data = mint_data(exts, env.payer().pubkey(), SEED);
    let lamports = env.rent(data.len()).await;
    env.set_account(&mint, token_2022_account(data, lamports));
    let src = Pubkey::new_unique();
    let data = token_account_data(exts, mint, owner, SEED);
    let lamports = env.rent(data.len()).await;
    env.set_account(&src, token_2022_account(data, lamports));
    env.ok(
        &[ix::init_oracle_price(
            owner,
            m.market,
            mint,
            fixed_oracle(1_000_000, -6),
        )],
        &[&m.owner],
    )
    .await;
    let k = ReserveKeys::derive(m.market, mint, TOKEN_2022, 6);
    let mut c = config(8_000, 8_500);
    c.trusted_issuer = trusted;
    let res = env
        .send(&[ix::init_reserve(owner, &k, src, c, SEED)], &[&m.owner])
        .await;
    (res, k.reserve)
}

fn token_2022_account(data: Vec<u8>, lamports: u64) -> Account {
    Account {
        lamports,
        data,
        owner: TOKEN_2022,
        executable: false,
        rent_epoch: 0,
    }
}

async fn risky_token_2022_authorities_are_refused_unless_the_issuer_is_trusted<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    let cases = [
        (Ext::PermanentDelegate, LendingError::MintPermanentDelegate),
        (Ext::TransferFee(0), LendingError::MintTransferFee),
        (Ext::TransferHook(false), LendingError::MintTransferHook),
        (Ext::Pausable(false), LendingError::MintPausable),
        (
            Ext::DefaultAccountState(false),
            LendingError::MintDefaultAccountState,
        ),
        (Ext::InterestBearing, LendingError::MintInterestBearing),
        (Ext::ScaledUiAmount, LendingError::MintScaledUiAmount),
    ];
    for (ext, error) in cases {
        assert_err(list(&mut env, &m, &[ext], false).await, error);
        list(&mut env, &m, &[ext], true)
            .await
            .unwrap_or_else(|e| panic!("{ext:?} as a trusted issuer: {e:?}"));
    }
}

async fn some_token_2022_mints_are_refused_even_from_a_trusted_issuer<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    let cases = [
        (Ext::TransferFee(50), LendingError::MintTransferFee),
        (Ext::TransferHook(true), LendingError::MintTransferHook),
        (Ext::Pausable(true), LendingError::MintPausable),
        (
            Ext::DefaultAccountState(true),
            LendingError::MintDefaultAccountState,
        ),
        (Ext::NonTransferable, LendingError::MintNonTransferable),
    ];
    for (ext, error) in cases {
        for trusted in [false, true] {
            assert_err(list(&mut env, &m, &[ext], trusted).await, error);
        }
    }
}

async fn harmless_extensions_and_a_trusted_pyusd_shaped_mint_are_listed<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    list(
        &mut env,
        &m,
        &[Ext::CloseAuthority, Ext::MetadataPointer],
        false,
    )
    .await
    .unwrap();
    // PYUSD's shape: a zero fee with a fee authority, a permanent delegate, a hook authority
    // with no hook, metadata. Refused by default (the first risky extension is named)...
    let pyusd = [
        Ext::TransferFee(0),
        Ext::PermanentDelegate,
        Ext::TransferHook(false),
        Ext::MetadataPointer,
    ];
    assert_err(
        list(&mut env, &m, &pyusd, false).await,
        LendingError::MintTransferFee,
    );
    // ...listed when the owner vouches for the issuer, and recorded on the reserve.
    let (res, reserve) = list_reserve(&mut env, &m, &pyusd, true).await;
    res.unwrap();
    let r = env
        .zc::<lending_sdk::lending_core::state::Reserve>(&reserve)
        .await;
    assert_eq!(r.config.trusted_issuer, 1);
    assert_eq!(
        r.available, SEED,
        "the seed moved through the real Token-2022 program"
    );
}

/// A trusted issuer switches a transfer fee on after listing (PYUSD's fee authority could): a
/// move between the reserve's supply vault and its insurance fund's vault would then deliver
/// less than it sent. It is refused (`VaultBalanceMismatch`, as every deposit and repayment
/// is), rather than leave the fund counting tokens it never received (#22).
async fn a_fee_switched_on_cannot_make_a_fund_count_tokens_it_did_not_get<E: VmEnv>() {
    use lending_sdk::lending_core::state::Reserve;
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    let pyusd = [
        Ext::TransferFee(0),
        Ext::PermanentDelegate,
        Ext::TransferHook(false),
        Ext::MetadataPointer,
    ];
    let (res, reserve) = list_reserve(&mut env, &m, &pyusd, true).await;
    res.unwrap();
    let r = env.zc::<Reserve>(&reserve).await;
    let k = ReserveKeys::derive(m.market, r.liquidity_mint, TOKEN_2022, 6);
    let fk = lending_sdk::fund::FundKeys::derive(&k);
    let owner = m.owner.pubkey();
    let seed = Pubkey::new_unique();
    let data = token_account_data(&pyusd, k.mint, owner, SEED);
    let lamports = env.rent(data.len()).await;
    env.set_account(&seed, token_2022_account(data, lamports));
    let cuts = super::fund_fixture::cuts();
    let init = lending_sdk::fund::init_insurance_fund(owner, &fk, seed, cuts, SEED);
    env.ok(&[init], &[&m.owner]).await;
    // 500 tokens of the fund's cut accrued in the reserve (written in place, as interest
    // accrues it), then the issuer's 0.5% fee.
    let mut account = env.get(&reserve).await.unwrap();
    let at = 8 + std::mem::offset_of!(Reserve, fund_fees);
    let cut = lending::risk::fixed::amount_to_wad(500);
    account.data[at..at + 16].copy_from_slice(&cut.to_le_bytes());
    env.set_account(&reserve, account);
    let data = mint_data(
        &[
            Ext::TransferFee(50),
            Ext::PermanentDelegate,
            Ext::TransferHook(false),
            Ext::MetadataPointer,
        ],
        env.payer().pubkey(),
        2 * SEED,
    );
    let lamports = env.rent(data.len()).await;
    env.set_account(&k.mint, token_2022_account(data, lamports));

    let collect = lending_sdk::fund::collect_fund_fees(&k, &fk);
    assert_err(
        env.send(&[collect], &[]).await,
        LendingError::VaultBalanceMismatch,
    );
    let f = env
        .zc::<lending_sdk::lending_core::state::InsuranceFund>(&fk.fund)
        .await;
    assert_eq!(f.assets, SEED, "the fund counted nothing it did not get");
    assert_eq!(env.zc::<Reserve>(&reserve).await.fund_fees.get(), cut);
}

crate::scenarios!(
    mint_tests:
    risky_token_2022_authorities_are_refused_unless_the_issuer_is_trusted,
    some_token_2022_mints_are_refused_even_from_a_trusted_issuer,
    harmless_extensions_and_a_trusted_pyusd_shaped_mint_are_listed,
    a_fee_switched_on_cannot_make_a_fund_count_tokens_it_did_not_get,
);
