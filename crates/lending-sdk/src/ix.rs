//! Instruction builders over the client types generated from the IDL ([`crate::program`]), one
//! per program instruction.

use crate::program::types::{
    AdminChange, EmodeGroupParams, InitMarketParams, LiquidateParams, MarketConfigParams,
    OracleConfigParams, OracleParams, ReserveConfigParams,
};
use crate::program::{accounts as acc, args as data};
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use lending_core::constants::*;

/// PDA helpers.
pub mod pda {
    use super::*;
    /// Reserve PDA of `mint` in `market`.
    pub fn reserve(market: &Pubkey, mint: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(
            &[RESERVE_SEED, market.as_ref(), mint.as_ref()],
            &crate::program::ID,
        )
        .0
    }
    /// Supply vault of a reserve.
    pub fn supply_vault(reserve: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(&[SUPPLY_VAULT_SEED, reserve.as_ref()], &crate::program::ID).0
    }
    /// Fee vault of a reserve.
    pub fn fee_vault(reserve: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(&[FEE_VAULT_SEED, reserve.as_ref()], &crate::program::ID).0
    }
    /// Share mint of a reserve.
    pub fn share_mint(reserve: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(&[SHARE_MINT_SEED, reserve.as_ref()], &crate::program::ID).0
    }
    /// Oracle-price PDA of `mint` in `market`.
    pub fn oracle(market: &Pubkey, mint: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(
            &[ORACLE_SEED, market.as_ref(), mint.as_ref()],
            &crate::program::ID,
        )
        .0
    }
    /// Obligation PDA.
    pub fn obligation(market: &Pubkey, owner: &Pubkey, id: u64) -> Pubkey {
        Pubkey::find_program_address(
            &[
                OBLIGATION_SEED,
                market.as_ref(),
                owner.as_ref(),
                &id.to_le_bytes(),
            ],
            &crate::program::ID,
        )
        .0
    }
    /// Queued change `id` of `market`.
    pub fn pending_change(market: &Pubkey, id: u64) -> Pubkey {
        Pubkey::find_program_address(
            &[PENDING_CHANGE_SEED, market.as_ref(), &id.to_le_bytes()],
            &crate::program::ID,
        )
        .0
    }
    /// E-mode group `id` of `market`.
    pub fn emode_group(market: &Pubkey, id: u8) -> Pubkey {
        Pubkey::find_program_address(
            &[EMODE_GROUP_SEED, market.as_ref(), &[id]],
            &crate::program::ID,
        )
        .0
    }
}

/// The keys of one reserve.
#[derive(Debug, Clone, Copy)]
pub struct ReserveKeys {
    pub market: Pubkey,
    pub mint: Pubkey,
    pub reserve: Pubkey,
    pub oracle: Pubkey,
    pub supply_vault: Pubkey,
    pub fee_vault: Pubkey,
    pub share_mint: Pubkey,
    pub token_program: Pubkey,
    pub decimals: u8,
}

impl ReserveKeys {
    /// Derives every key of the reserve for `mint` in `market`.
    pub fn derive(market: Pubkey, mint: Pubkey, token_program: Pubkey, decimals: u8) -> Self {
        let reserve = pda::reserve(&market, &mint);
        Self {
            market,
            mint,
            reserve,
            oracle: pda::oracle(&market, &mint),
            supply_vault: pda::supply_vault(&reserve),
            fee_vault: pda::fee_vault(&reserve),
            share_mint: pda::share_mint(&reserve),
            token_program,
            decimals,
        }
    }
}

/// Builds an instruction of this program from Anchor's generated account and data types.
pub fn lending_ix(
    accounts: impl anchor_lang::ToAccountMetas,
    data: impl anchor_lang::InstructionData,
) -> Instruction {
    Instruction {
        program_id: crate::program::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// The obligation's reserves an instruction does not name, in order.
fn others(obligation_reserves: &[Pubkey], named: &[Pubkey]) -> Vec<Pubkey> {
    obligation_reserves
        .iter()
        .filter(|k| !named.contains(k))
        .copied()
        .collect()
}

/// Appends remaining accounts to an instruction.
pub fn with_remaining(mut ix: Instruction, keys: &[Pubkey], writable: bool) -> Instruction {
    for k in keys {
        ix.accounts.push(if writable {
            AccountMeta::new(*k, false)
        } else {
            AccountMeta::new_readonly(*k, false)
        });
    }
    ix
}

/// Which instruction an obligation's e-mode group account is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupUse {
    /// `refresh_obligation`: any group, read-only.
    Refresh,
    /// `borrow_obligation_liquidity`, `repay_obligation_liquidity` and `liquidate_obligation`:
    /// isolated groups only, writable (their debt count changes).
    DebtChange,
}

/// Appends the obligation's e-mode group account (of `market`) to `ix` where the program
/// expects it, after every other remaining account; nothing when `ob` needs none for `usage`.
pub fn with_group(
    mut ix: Instruction,
    market: &Pubkey,
    ob: &lending_core::state::Obligation,
    usage: GroupUse,
) -> Instruction {
    let needed = match usage {
        GroupUse::Refresh => ob.emode_group != 0,
        GroupUse::DebtChange => ob.emode_isolated != 0,
    };
    if needed {
        let key = pda::emode_group(market, ob.emode_group);
        ix.accounts.push(match usage {
            GroupUse::Refresh => AccountMeta::new_readonly(key, false),
            GroupUse::DebtChange => AccountMeta::new(key, false),
        });
    }
    ix
}

/// Token-side setup shared by the program-test and litesvm environments.
pub mod token {
    use super::*;
    use anchor_lang::solana_program::program_pack::Pack;
    use anchor_lang::solana_program::system_instruction;
    use anchor_spl::token_2022::spl_token_2022;

    /// The associated token account of `owner` for `mint`.
    pub fn ata(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
        anchor_spl::associated_token::get_associated_token_address_with_program_id(
            owner,
            mint,
            token_program,
        )
    }

    /// Creates `owner`'s associated token account for `mint` unless it exists.
    pub fn create_ata(
        payer: &Pubkey,
        owner: &Pubkey,
        mint: &Pubkey,
        token_program: &Pubkey,
    ) -> Instruction {
        anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent(
            payer,
            owner,
            mint,
            token_program,
        )
    }

    /// Creates `mint` (rent-exempt with `lamports`) and initialises it with `authority`.
    pub fn create_mint(
        payer: Pubkey,
        mint: Pubkey,
        lamports: u64,
        decimals: u8,
        token_program: Pubkey,
    ) -> [Instruction; 2] {
        let len = spl_token_2022::state::Mint::LEN as u64;
        [
            system_instruction::create_account(&payer, &mint, lamports, len, &token_program),
            spl_token_2022::instruction::initialize_mint2(
                &token_program,
                &mint,
                &payer,
                None,
                decimals,
            )
            .unwrap(),
        ]
    }

    /// Creates token account `account` of `mint` for `owner`.
    pub fn create_account(
        payer: Pubkey,
        account: Pubkey,
        lamports: u64,
        mint: Pubkey,
        owner: Pubkey,
        token_program: Pubkey,
    ) -> [Instruction; 2] {
        let len = spl_token_2022::state::Account::LEN as u64;
        [
            system_instruction::create_account(&payer, &account, lamports, len, &token_program),
            spl_token_2022::instruction::initialize_account3(
                &token_program,
                &account,
                &mint,
                &owner,
            )
            .unwrap(),
        ]
    }

    /// Moves `amount` of `mint` from `source` to `dest`, signed by the source's `owner`.
    pub fn transfer_checked(
        owner: Pubkey,
        source: Pubkey,
        mint: Pubkey,
        dest: Pubkey,
        amount: u64,
        decimals: u8,
        token_program: Pubkey,
    ) -> Instruction {
        spl_token_2022::instruction::transfer_checked(
            &token_program,
            &source,
            &mint,
            &dest,
            &owner,
            &[],
            amount,
            decimals,
        )
        .unwrap()
    }

    /// Mints `amount` to `dest`, signed by the mint `authority`.
    pub fn mint_to(
        authority: Pubkey,
        mint: Pubkey,
        dest: Pubkey,
        amount: u64,
        token_program: Pubkey,
    ) -> Instruction {
        spl_token_2022::instruction::mint_to(&token_program, &mint, &dest, &authority, &[], amount)
            .unwrap()
    }
}

const SYSTEM: Pubkey = anchor_lang::solana_program::system_program::ID;

pub fn init_market(owner: Pubkey, market: Pubkey, params: InitMarketParams) -> Instruction {
    lending_ix(
        acc::InitMarket {
            owner,
            market,
            system_program: SYSTEM,
        },
        data::InitMarket { params },
    )
}

/// Names the market's risk admin (the default key: none).
pub fn set_risk_admin(owner: Pubkey, market: Pubkey, risk_admin: Pubkey) -> Instruction {
    lending_ix(
        acc::SetRiskAdmin { owner, market },
        data::SetRiskAdmin { risk_admin },
    )
}

/// Records `lookup_table` as the market's address lookup table (owner).
pub fn set_lookup_table(owner: Pubkey, market: Pubkey, lookup_table: Pubkey) -> Instruction {
    lending_ix(
        acc::SetLookupTable {
            owner,
            market,
            lookup_table,
        },
        data::SetLookupTable {},
    )
}

/// Queues `change` to `target` (the market itself for market-wide settings) as the market's
/// change `change_id` (its `changes_queued`); `payer` pays the account's rent.
pub fn queue_change(
    owner: Pubkey,
    payer: Pubkey,
    market: Pubkey,
    target: Pubkey,
    change_id: u64,
    change: AdminChange,
) -> Instruction {
    lending_ix(
        acc::QueueChange {
            owner,
            payer,
            market,
            target,
            pending: pda::pending_change(&market, change_id),
            system_program: SYSTEM,
        },
        data::QueueChange { change_id, change },
    )
}

/// Applies queued change `change_id` of `market` to `target`, returning the rent to `payer`
/// (both as recorded in the change).
pub fn apply_change(market: Pubkey, change_id: u64, target: Pubkey, payer: Pubkey) -> Instruction {
    lending_ix(
        acc::ApplyChange {
            market,
            pending: pda::pending_change(&market, change_id),
            target,
            payer,
        },
        data::ApplyChange {},
    )
}

/// Cancels queued change `change_id` (the owner or the guardian; anyone once it expired).
pub fn cancel_change(signer: Pubkey, market: Pubkey, change_id: u64, payer: Pubkey) -> Instruction {
    lending_ix(
        acc::CancelChange {
            signer,
            market,
            pending: pda::pending_change(&market, change_id),
            payer,
        },
        data::CancelChange {},
    )
}

pub fn propose_owner(owner: Pubkey, market: Pubkey, new_owner: Pubkey) -> Instruction {
    lending_ix(
        acc::ProposeOwner { owner, market },
        data::ProposeOwner { new_owner },
    )
}

pub fn accept_owner(pending_owner: Pubkey, market: Pubkey) -> Instruction {
    lending_ix(
        acc::AcceptOwner {
            pending_owner,
            market,
        },
        data::AcceptOwner {},
    )
}

pub fn update_market_config(
    owner: Pubkey,
    market: Pubkey,
    params: MarketConfigParams,
) -> Instruction {
    lending_ix(
        acc::UpdateMarketConfig { owner, market },
        data::UpdateMarketConfig { params },
    )
}

pub fn init_oracle_price(
    owner: Pubkey,
    market: Pubkey,
    mint: Pubkey,
    params: OracleParams,
) -> Instruction {
    lending_ix(
        acc::InitOraclePrice {
            owner,
            market,
            mint,
            oracle: pda::oracle(&market, &mint),
            system_program: SYSTEM,
        },
        data::InitOraclePrice { params },
    )
}

pub fn set_fixed_price(
    owner: Pubkey,
    market: Pubkey,
    oracle: Pubkey,
    price: i64,
    expo: i32,
    conf: u64,
) -> Instruction {
    lending_ix(
        acc::SetFixedPrice {
            owner,
            market,
            oracle,
        },
        data::SetFixedPrice { price, expo, conf },
    )
}

pub fn set_guardian(owner: Pubkey, market: Pubkey, guardian: Pubkey) -> Instruction {
    lending_ix(
        acc::SetGuardian { owner, market },
        data::SetGuardian { guardian },
    )
}

pub fn pause_market(
    authority: Pubkey,
    market: Pubkey,
    pause_flags: u8,
    duration_secs: u64,
) -> Instruction {
    lending_ix(
        acc::PauseMarket { authority, market },
        data::PauseMarket {
            pause_flags,
            duration_secs,
        },
    )
}

pub fn update_oracle_config(
    owner: Pubkey,
    market: Pubkey,
    oracle: Pubkey,
    params: OracleConfigParams,
) -> Instruction {
    lending_ix(
        acc::UpdateOracleConfig {
            owner,
            market,
            oracle,
        },
        data::UpdateOracleConfig { params },
    )
}

pub fn refresh_oracle_price(oracle: Pubkey, source: Option<Pubkey>) -> Instruction {
    lending_ix(
        acc::RefreshOraclePrice { oracle, source },
        data::RefreshOraclePrice {},
    )
}

pub fn init_reserve(
    owner: Pubkey,
    k: &ReserveKeys,
    seed_source: Pubkey,
    config: ReserveConfigParams,
    seed_amount: u64,
) -> Instruction {
    lending_ix(
        acc::InitReserve {
            owner,
            market: k.market,
            liquidity_mint: k.mint,
            reserve: k.reserve,
            supply_vault: k.supply_vault,
            fee_vault: k.fee_vault,
            share_mint: k.share_mint,
            oracle: k.oracle,
            seed_source,
            token_program: k.token_program,
            system_program: SYSTEM,
        },
        data::InitReserve {
            config,
            seed_amount,
        },
    )
}

/// Changes a reserve's configuration directly, signed by the owner or the risk admin
/// (`authority`): a change that only tightens risk, or any change in a market with a zero delay.
pub fn update_reserve_config(
    authority: Pubkey,
    k: &ReserveKeys,
    config: ReserveConfigParams,
) -> Instruction {
    lending_ix(
        acc::UpdateReserveConfig {
            authority,
            market: k.market,
            reserve: k.reserve,
        },
        data::UpdateReserveConfig { config },
    )
}

pub fn claim_protocol_fees(owner: Pubkey, k: &ReserveKeys, destination: Pubkey) -> Instruction {
    lending_ix(
        acc::ClaimProtocolFees {
            owner,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            fee_vault: k.fee_vault,
            destination,
            token_program: k.token_program,
        },
        data::ClaimProtocolFees {},
    )
}

pub fn refresh_reserve(k: &ReserveKeys) -> Instruction {
    lending_ix(
        acc::RefreshReserve {
            reserve: k.reserve,
            oracle: k.oracle,
        },
        data::RefreshReserve {},
    )
}

pub fn refresh_obligation(obligation: Pubkey, reserves: &[Pubkey]) -> Instruction {
    with_remaining(
        lending_ix(
            acc::RefreshObligation { obligation },
            data::RefreshObligation {},
        ),
        reserves,
        false,
    )
}

/// Creates e-mode group `id` of `market`; isolated when `debt_reserve` names its one debt
/// reserve.
pub fn init_emode_group(
    owner: Pubkey,
    market: Pubkey,
    id: u8,
    params: EmodeGroupParams,
    debt_reserve: Option<Pubkey>,
) -> Instruction {
    lending_ix(
        acc::InitEmodeGroup {
            owner,
            market,
            group: pda::emode_group(&market, id),
            debt_reserve,
            system_program: anchor_lang::system_program::ID,
        },
        data::InitEmodeGroup { id, params },
    )
}

/// Changes e-mode group `id`'s limits (from the next slot) and debt ceiling directly, signed by
/// the owner or the risk admin (`authority`).
pub fn update_emode_group(
    authority: Pubkey,
    market: Pubkey,
    id: u8,
    params: EmodeGroupParams,
) -> Instruction {
    lending_ix(
        acc::UpdateEmodeGroup {
            authority,
            market,
            group: pda::emode_group(&market, id),
        },
        data::UpdateEmodeGroup { params },
    )
}

/// Moves the obligation `ob` (at `obligation`, of `ob.market`) into e-mode group `group_id`
/// (0: out of any): its reserves, then its current group, then the new one (writable).
pub fn set_obligation_emode(
    obligation: Pubkey,
    ob: &lending_core::state::Obligation,
    group_id: u8,
) -> Instruction {
    set_obligation_emode_from(
        ob.owner,
        obligation,
        &ob.market,
        &crate::market::obligation_reserves(ob),
        ob.emode_group,
        group_id,
    )
}

/// [`set_obligation_emode`] from the obligation's parts: its `owner`, `market`, `reserves` (as
/// `refresh_obligation` takes them) and the group it is in (`from`, 0 for none).
pub fn set_obligation_emode_from(
    owner: Pubkey,
    obligation: Pubkey,
    market: &Pubkey,
    reserves: &[Pubkey],
    from: u8,
    group_id: u8,
) -> Instruction {
    let mut ix = with_remaining(
        lending_ix(
            acc::SetObligationEmode { owner, obligation },
            data::SetObligationEmode { group_id },
        ),
        reserves,
        false,
    );
    let next = (group_id != from).then_some(group_id);
    for id in [Some(from), next].into_iter().flatten() {
        if id != 0 {
            ix.accounts
                .push(AccountMeta::new(pda::emode_group(market, id), false));
        }
    }
    ix
}

pub fn deposit_reserve_liquidity(
    user: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    user_shares: Pubkey,
    amount: u64,
) -> Instruction {
    lending_ix(
        acc::DepositReserveLiquidity {
            user,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            share_mint: k.share_mint,
            user_liquidity,
            user_shares,
            token_program: k.token_program,
        },
        data::DepositReserveLiquidity { amount },
    )
}

pub fn redeem_reserve_collateral(
    user: Pubkey,
    k: &ReserveKeys,
    user_shares: Pubkey,
    user_liquidity: Pubkey,
    shares: u64,
) -> Instruction {
    lending_ix(
        acc::RedeemReserveCollateral {
            user,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            share_mint: k.share_mint,
            user_shares,
            user_liquidity,
            token_program: k.token_program,
        },
        data::RedeemReserveCollateral { shares },
    )
}

pub fn init_obligation(owner: Pubkey, market: Pubkey, id: u64) -> Instruction {
    lending_ix(
        acc::InitObligation {
            owner,
            market,
            obligation: pda::obligation(&market, &owner, id),
            system_program: SYSTEM,
        },
        data::InitObligation { id },
    )
}

pub fn deposit_obligation_collateral(
    owner: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    user_shares: Pubkey,
    shares: u64,
) -> Instruction {
    lending_ix(
        acc::DepositObligationCollateral {
            owner,
            market: k.market,
            obligation,
            reserve: k.reserve,
            share_mint: k.share_mint,
            user_shares,
            token_program: k.token_program,
        },
        data::DepositObligationCollateral { shares },
    )
}

/// Withdraws collateral shares from an obligation.
/// `obligation_reserves`: the obligation's reserves as `refresh_obligation` takes them
/// (collateral, then debt: [`crate::market::obligation_reserves`]); the program checks that none
/// changed its valuation since the refresh. Those the instruction names are left out of its
/// remaining accounts here.
pub fn withdraw_obligation_collateral(
    owner: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    user_shares: Pubkey,
    shares: u64,
    obligation_reserves: &[Pubkey],
) -> Instruction {
    let ix = lending_ix(
        acc::WithdrawObligationCollateral {
            owner,
            market: k.market,
            obligation,
            reserve: k.reserve,
            share_mint: k.share_mint,
            user_shares,
            token_program: k.token_program,
        },
        data::WithdrawObligationCollateral { shares },
    );
    with_remaining(ix, &others(obligation_reserves, &[k.reserve]), false)
}

pub fn deposit_and_collateralize(
    owner: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    amount: u64,
) -> Instruction {
    lending_ix(
        acc::DepositAndCollateralize {
            owner,
            market: k.market,
            obligation,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            user_liquidity,
            token_program: k.token_program,
        },
        data::DepositAndCollateralize { amount },
    )
}

/// Withdraws collateral shares from an obligation and redeems them for the asset.
/// `obligation_reserves`: the obligation's reserves as `refresh_obligation` takes them
/// (collateral, then debt: [`crate::market::obligation_reserves`]); the program checks that none
/// changed its valuation since the refresh. Those the instruction names are left out of its
/// remaining accounts here.
pub fn withdraw_and_redeem(
    owner: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    shares: u64,
    obligation_reserves: &[Pubkey],
) -> Instruction {
    let ix = lending_ix(
        acc::WithdrawAndRedeem {
            owner,
            market: k.market,
            obligation,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            user_liquidity,
            token_program: k.token_program,
        },
        data::WithdrawAndRedeem { shares },
    );
    with_remaining(ix, &others(obligation_reserves, &[k.reserve]), false)
}

/// Borrows from a reserve against an obligation.
/// `obligation_reserves`: the obligation's reserves as `refresh_obligation` takes them
/// (collateral, then debt: [`crate::market::obligation_reserves`]); the program checks that none
/// changed its valuation since the refresh. Those the instruction names are left out of its
/// remaining accounts here.
pub fn borrow(
    owner: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    amount: u64,
    obligation_reserves: &[Pubkey],
) -> Instruction {
    let ix = lending_ix(
        acc::BorrowObligationLiquidity {
            owner,
            market: k.market,
            obligation,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            fee_vault: k.fee_vault,
            user_liquidity,
            token_program: k.token_program,
        },
        data::BorrowObligationLiquidity { amount },
    );
    with_remaining(ix, &others(obligation_reserves, &[k.reserve]), false)
}

pub fn repay(
    payer: Pubkey,
    obligation: Pubkey,
    k: &ReserveKeys,
    payer_liquidity: Pubkey,
    amount: u64,
) -> Instruction {
    lending_ix(
        acc::RepayObligationLiquidity {
            payer,
            market: k.market,
            obligation,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            payer_liquidity,
            token_program: k.token_program,
        },
        data::RepayObligationLiquidity { amount },
    )
}

/// Liquidates an unhealthy obligation: repays from `source`, takes collateral into
/// `destination`.
/// `obligation_reserves`: the obligation's reserves as `refresh_obligation` takes them
/// (collateral, then debt: [`crate::market::obligation_reserves`]); the program checks that none
/// changed its valuation since the refresh. Those the instruction names are left out of its
/// remaining accounts here.
#[allow(clippy::too_many_arguments)]
pub fn liquidate(
    liquidator: Pubkey,
    obligation: Pubkey,
    repay: &ReserveKeys,
    source: Pubkey,
    coll: &ReserveKeys,
    destination: Pubkey,
    params: LiquidateParams,
    obligation_reserves: &[Pubkey],
) -> Instruction {
    let ix = lending_ix(
        acc::LiquidateObligation {
            liquidator,
            market: repay.market,
            obligation,
            repay_reserve: repay.reserve,
            repay_mint: repay.mint,
            repay_supply_vault: repay.supply_vault,
            liquidator_repay_source: source,
            repay_token_program: repay.token_program,
            collateral_reserve: coll.reserve,
            collateral_mint: coll.mint,
            collateral_supply_vault: coll.supply_vault,
            collateral_share_mint: coll.share_mint,
            liquidator_destination: destination,
            collateral_token_program: coll.token_program,
        },
        data::LiquidateObligation { params },
    );
    let named = [repay.reserve, coll.reserve];
    with_remaining(ix, &others(obligation_reserves, &named), false)
}

pub fn flash_borrow(
    user: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    amount: u64,
) -> Instruction {
    lending_ix(
        acc::FlashBorrow {
            user,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            user_liquidity,
            instructions: solana_instructions_sysvar::ID,
            token_program: k.token_program,
        },
        data::FlashBorrow { amount },
    )
}

/// Repays the flash loan taken by the instruction at `borrow_instruction_index` (the same
/// accounts as [`flash_borrow`]).
pub fn flash_repay(
    user: Pubkey,
    k: &ReserveKeys,
    user_liquidity: Pubkey,
    amount: u64,
    borrow_instruction_index: u8,
) -> Instruction {
    lending_ix(
        acc::FlashRepay {
            user,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            supply_vault: k.supply_vault,
            user_liquidity,
            instructions: solana_instructions_sysvar::ID,
            token_program: k.token_program,
        },
        data::FlashRepay {
            amount,
            borrow_instruction_index,
        },
    )
}
