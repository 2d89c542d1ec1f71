//! Insurance funds: their addresses, one builder per fund instruction, the accounts a
//! liquidation passes for the debt reserve's fund, and a fund's figures as a staker reads them.

use crate::ix::{lending_ix, ReserveKeys};
use crate::program::types::{FundCutsParams, FundSettingsParams};
use crate::program::{accounts as acc, args as data};
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use lending_core::constants::*;
use lending_core::risk::fixed::{wad_to_amount, Rounding, BPS, WAD};
use lending_core::state::{InsuranceFund, Reserve, UnstakeRequest};

/// The fund PDA of `reserve`.
pub fn fund_address(reserve: &Pubkey) -> Pubkey {
    pda(&[INSURANCE_FUND_SEED, reserve.as_ref()])
}

/// The fund vault PDA of `reserve`.
pub fn vault_address(reserve: &Pubkey) -> Pubkey {
    pda(&[FUND_VAULT_SEED, reserve.as_ref()])
}

/// The unstake request PDA of `owner` in `fund`.
pub fn request_address(fund: &Pubkey, owner: &Pubkey) -> Pubkey {
    pda(&[UNSTAKE_REQUEST_SEED, fund.as_ref(), owner.as_ref()])
}

fn pda(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &crate::program::ID).0
}

/// The keys of one reserve's insurance fund.
#[derive(Debug, Clone, Copy)]
pub struct FundKeys {
    /// The market.
    pub market: Pubkey,
    /// The insured reserve.
    pub reserve: Pubkey,
    /// The fund.
    pub fund: Pubkey,
    /// Its vault.
    pub vault: Pubkey,
    /// Its share mint.
    pub share_mint: Pubkey,
    /// The reserve's asset.
    pub mint: Pubkey,
    /// The asset's token program.
    pub token_program: Pubkey,
    /// The asset's decimals.
    pub decimals: u8,
}

impl FundKeys {
    /// Derives the keys of the fund of reserve `k`.
    pub fn derive(k: &ReserveKeys) -> Self {
        Self {
            market: k.market,
            reserve: k.reserve,
            fund: fund_address(&k.reserve),
            vault: vault_address(&k.reserve),
            share_mint: pda(&[FUND_SHARE_MINT_SEED, k.reserve.as_ref()]),
            mint: k.mint,
            token_program: k.token_program,
            decimals: k.decimals,
        }
    }

    /// The keys a fetched fund names (at `fund`).
    pub fn of(fund: Pubkey, f: &InsuranceFund) -> Self {
        Self {
            market: f.market,
            reserve: f.reserve,
            fund,
            vault: f.vault,
            share_mint: f.share_mint,
            mint: f.liquidity_mint,
            token_program: f.token_program,
            decimals: f.decimals,
        }
    }
}

/// Appends the debt reserve's insurance fund and its vault to a `liquidate_obligation`, after
/// every other remaining account, when the reserve (`repay`, at `repay_key`) has a fund;
/// nothing otherwise.
pub fn with_fund(mut ix: Instruction, repay_key: &Pubkey, repay: &Reserve) -> Instruction {
    if repay.has_insurance_fund() {
        ix.accounts
            .push(AccountMeta::new(repay.insurance_fund, false));
        ix.accounts
            .push(AccountMeta::new(vault_address(repay_key), false));
    }
    ix
}

/// `update_fund_settings`: the market's rules for its funds.
pub fn update_fund_settings(
    owner: Pubkey,
    market: Pubkey,
    params: FundSettingsParams,
) -> Instruction {
    lending_ix(
        acc::UpdateFundSettings { owner, market },
        data::UpdateFundSettings { params },
    )
}

/// `init_insurance_fund`: the owner creates the fund of `k`'s reserve with a seed stake from
/// `seed_source`.
pub fn init_insurance_fund(
    owner: Pubkey,
    k: &FundKeys,
    seed_source: Pubkey,
    cuts: FundCutsParams,
    seed_amount: u64,
) -> Instruction {
    lending_ix(
        acc::InitInsuranceFund {
            owner,
            market: k.market,
            reserve: k.reserve,
            liquidity_mint: k.mint,
            fund: k.fund,
            vault: k.vault,
            share_mint: k.share_mint,
            seed_source,
            token_program: k.token_program,
            system_program: anchor_lang::system_program::ID,
        },
        data::InitInsuranceFund { cuts, seed_amount },
    )
}

/// `update_insurance_fund`: the reserve's cuts for its fund.
pub fn update_insurance_fund(owner: Pubkey, k: &FundKeys, cuts: FundCutsParams) -> Instruction {
    lending_ix(
        acc::UpdateInsuranceFund {
            owner,
            market: k.market,
            reserve: k.reserve,
        },
        data::UpdateInsuranceFund { cuts },
    )
}

/// `stake`: `amount` tokens from `liquidity` for shares into `shares`.
pub fn stake(
    staker: Pubkey,
    k: &FundKeys,
    liquidity: Pubkey,
    shares: Pubkey,
    amount: u64,
) -> Instruction {
    lending_ix(
        acc::Stake {
            staker,
            market: k.market,
            fund: k.fund,
            liquidity_mint: k.mint,
            vault: k.vault,
            share_mint: k.share_mint,
            staker_liquidity: liquidity,
            staker_shares: shares,
            token_program: k.token_program,
        },
        data::Stake { amount },
    )
}

/// `request_unstake`: `shares` from `from` into the cooldown.
pub fn request_unstake(staker: Pubkey, k: &FundKeys, from: Pubkey, shares: u64) -> Instruction {
    lending_ix(
        acc::RequestUnstake {
            staker,
            market: k.market,
            fund: k.fund,
            share_mint: k.share_mint,
            staker_shares: from,
            request: request_address(&k.fund, &staker),
            token_program: k.token_program,
            system_program: anchor_lang::system_program::ID,
        },
        data::RequestUnstake { shares },
    )
}

/// `withdraw_stake`: the request's tokens into `to`.
pub fn withdraw_stake(staker: Pubkey, k: &FundKeys, to: Pubkey) -> Instruction {
    lending_ix(
        acc::WithdrawStake {
            staker,
            market: k.market,
            fund: k.fund,
            liquidity_mint: k.mint,
            vault: k.vault,
            staker_liquidity: to,
            request: request_address(&k.fund, &staker),
            token_program: k.token_program,
        },
        data::WithdrawStake {},
    )
}

/// `cancel_unstake`: the request's shares back into `to`.
pub fn cancel_unstake(staker: Pubkey, k: &FundKeys, to: Pubkey) -> Instruction {
    lending_ix(
        acc::CancelUnstake {
            staker,
            fund: k.fund,
            share_mint: k.share_mint,
            staker_shares: to,
            request: request_address(&k.fund, &staker),
            token_program: k.token_program,
        },
        data::CancelUnstake {},
    )
}

/// `collect_fund_fees`: the fund's cut accrued in reserve `r` into the fund (anyone may send
/// it).
pub fn collect_fund_fees(r: &ReserveKeys, k: &FundKeys) -> Instruction {
    lending_ix(
        acc::CollectFundFees {
            market: r.market,
            reserve: r.reserve,
            liquidity_mint: r.mint,
            supply_vault: r.supply_vault,
            fund: k.fund,
            vault: k.vault,
            token_program: r.token_program,
        },
        data::CollectFundFees {},
    )
}

/// A fund's figures at `now`, as a staker reads them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FundFigures {
    /// Tokens the fund owns.
    pub assets: u64,
    /// Tokens behind the shares now (the assets less income still vesting).
    pub vested: u64,
    /// Income still vesting.
    pub vesting: u64,
    /// All shares (wallets, cooldown, locked seed).
    pub shares: u64,
    /// Shares in cooldown.
    pub cooldown_shares: u64,
    /// Tokens per share now.
    pub share_price: f64,
    /// The fund's cut accrued in the reserve, not yet collected (tokens, rounded down).
    pub uncollected: u64,
    /// Yearly income from its cut of the reserve's interest at the current rate and debt,
    /// over the vested tokens (liquidation fees come on top, when they happen).
    pub interest_yield: f64,
    /// Tokens paid toward written-off debt, all time.
    pub absorbed: u64,
    /// Write-offs it paid toward.
    pub covers: u64,
    /// Tokens collected from the reserve's cut, all time.
    pub collected: u64,
}

/// The figures of `fund` (insuring `reserve`) at `now`.
pub fn figures(fund: &InsuranceFund, reserve: &Reserve, now: i64) -> FundFigures {
    let pool = fund.pool();
    let vested = pool.vested(now);
    let debt = reserve
        .pool()
        .total_debt(Rounding::Down)
        .unwrap_or_default() as f64
        / WAD as f64;
    let apr = reserve.borrow_apr.get() as f64 / WAD as f64;
    let cut = reserve.fund_interest_cut_bps as f64 / BPS as f64;
    let ratio = |a: f64, b: u64| if b == 0 { 0.0 } else { a / b as f64 };
    FundFigures {
        assets: fund.assets,
        vested,
        vesting: fund.assets - vested,
        shares: fund.share_supply,
        cooldown_shares: fund.cooldown_shares,
        share_price: ratio(vested as f64, fund.share_supply),
        uncollected: wad_to_amount(reserve.fund_fees.get(), Rounding::Down).unwrap_or(0),
        interest_yield: ratio(debt * apr * cut, vested),
        absorbed: fund.absorbed,
        covers: fund.covers,
        collected: fund.collected,
    }
}

/// Where a staker's unstake request stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestState {
    /// In cooldown until `until`.
    Cooling { until: i64 },
    /// Withdrawable until `until`.
    Open { until: i64 },
    /// Past its window: cancel it, or cancel and request again.
    Lapsed,
}

/// The state of `request` at `now`.
pub fn request_state(request: &UnstakeRequest, now: i64) -> RequestState {
    if now < request.cooldown_end {
        RequestState::Cooling {
            until: request.cooldown_end,
        }
    } else if now < request.window_end {
        RequestState::Open {
            until: request.window_end,
        }
    } else {
        RequestState::Lapsed
    }
}

/// What withdrawing `request` from `fund` at `now` would pay: the lower of its value at the
/// request and its shares' value now.
pub fn withdrawal_value(fund: &InsuranceFund, request: &UnstakeRequest, now: i64) -> u64 {
    fund.pool()
        .value_of(request.shares, now)
        .unwrap_or(0)
        .min(request.value_at_request)
}
