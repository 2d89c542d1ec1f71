//! A lending protocol for Solana: markets of reserves, obligations that borrow against
//! collateral, liquidations with bad-debt write-off, and flash loans.
//!
//! The risk math lives in [`risk`], in plain Rust, so the SDK and the liquidator bot compute
//! exactly what the program computes.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
#[cfg(all(feature = "lean-entrypoint", target_os = "solana"))]
pub mod entrypoint;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod oracle;
pub mod profile;
pub mod state;

/// The pure risk core, from [`lending_core`].
pub use lending_core::risk;

pub use instructions::*;

#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

declare_id!("Boup4aMf2GPo4C5BNx8ksAMR5eaTysTc4fCGfcuFQvhj");

/// The program's instructions; each delegates to its module in [`instructions`].
#[program]
pub mod lending {
    use super::*;

    // Anchor dispatches by testing each instruction's discriminator in the order below, so the
    // instructions users and keepers send most come first (each test passed costs compute units).

    /// Accrues interest and caches the price for this slot.
    pub fn refresh_reserve(ctx: Context<RefreshReserve>) -> Result<()> {
        instructions::refresh_reserve::handler(ctx)
    }

    /// Recomputes an obligation's health from its reserves (remaining accounts).
    pub fn refresh_obligation<'info>(ctx: Context<'info, RefreshObligation<'info>>) -> Result<()> {
        instructions::refresh_obligation::handler(ctx)
    }

    /// Copies a validated price from its source.
    pub fn refresh_oracle_price(ctx: Context<RefreshOraclePrice>) -> Result<()> {
        instructions::refresh_oracle_price::handler(ctx)
    }

    /// Liquidates an unhealthy obligation within the liquidator's bounds.
    pub fn liquidate_obligation<'info>(
        ctx: Context<'info, LiquidateObligation<'info>>,
        params: LiquidateParams,
    ) -> Result<()> {
        instructions::liquidate_obligation::handler(ctx, params)
    }

    /// Repays debt (`u64::MAX`: all of it).
    pub fn repay_obligation_liquidity(
        ctx: Context<RepayObligationLiquidity>,
        amount: u64,
    ) -> Result<()> {
        instructions::repay_obligation_liquidity::handler(ctx, amount)
    }

    /// Borrows against an obligation's collateral.
    pub fn borrow_obligation_liquidity(
        ctx: Context<BorrowObligationLiquidity>,
        amount: u64,
    ) -> Result<()> {
        instructions::borrow_obligation_liquidity::handler(ctx, amount)
    }

    /// Moves deposit shares into an obligation as collateral.
    pub fn deposit_obligation_collateral(
        ctx: Context<CollateralShares>,
        shares: u64,
    ) -> Result<()> {
        instructions::deposit_obligation_collateral::handler(ctx, shares)
    }

    /// Takes collateral shares out of an obligation.
    pub fn withdraw_obligation_collateral(
        ctx: Context<CollateralShares>,
        shares: u64,
    ) -> Result<()> {
        instructions::withdraw_obligation_collateral::handler(ctx, shares)
    }

    /// Supplies liquidity for deposit shares.
    pub fn deposit_reserve_liquidity(
        ctx: Context<DepositReserveLiquidity>,
        amount: u64,
    ) -> Result<()> {
        instructions::deposit_reserve_liquidity::handler(ctx, amount)
    }

    /// Redeems deposit shares for liquidity.
    pub fn redeem_reserve_collateral(
        ctx: Context<RedeemReserveCollateral>,
        shares: u64,
    ) -> Result<()> {
        instructions::redeem_reserve_collateral::handler(ctx, shares)
    }

    /// Supplies liquidity straight into an obligation as collateral.
    pub fn deposit_and_collateralize(ctx: Context<CollateralLiquidity>, amount: u64) -> Result<()> {
        instructions::deposit_and_collateralize::handler(ctx, amount)
    }

    /// Takes collateral out of an obligation and redeems it for liquidity.
    pub fn withdraw_and_redeem(ctx: Context<CollateralLiquidity>, shares: u64) -> Result<()> {
        instructions::withdraw_and_redeem::handler(ctx, shares)
    }

    /// Takes a flash loan, repaid later in the same transaction.
    pub fn flash_borrow(ctx: Context<FlashLoan>, amount: u64) -> Result<()> {
        instructions::flash_borrow::handler(ctx, amount)
    }

    /// Repays the flash loan taken at `borrow_instruction_index`.
    pub fn flash_repay(
        ctx: Context<FlashLoan>,
        amount: u64,
        borrow_instruction_index: u8,
    ) -> Result<()> {
        instructions::flash_repay::handler(ctx, amount, borrow_instruction_index)
    }

    /// Moves an obligation into an e-mode group (0: out of any).
    pub fn set_obligation_emode<'info>(
        ctx: Context<'info, SetObligationEmode<'info>>,
        group_id: u8,
    ) -> Result<()> {
        instructions::set_obligation_emode::handler(ctx, group_id)
    }

    /// Opens an obligation.
    pub fn init_obligation(ctx: Context<InitObligation>, id: u64) -> Result<()> {
        instructions::init_obligation::handler(ctx, id)
    }

    /// Sweeps protocol fees to the owner's account.
    pub fn claim_protocol_fees(ctx: Context<ClaimProtocolFees>) -> Result<()> {
        instructions::claim_protocol_fees::handler(ctx)
    }

    /// Sets a fixed price (fixed-price markets only).
    pub fn set_fixed_price(
        ctx: Context<OwnerOracle>,
        price: i64,
        expo: i32,
        conf: u64,
    ) -> Result<()> {
        instructions::set_fixed_price::handler(ctx, price, expo, conf)
    }

    /// Names the market's guardian, who may pause but never unpause or change settings.
    pub fn set_guardian(ctx: Context<OwnerMarket>, guardian: Pubkey) -> Result<()> {
        instructions::set_guardian::handler(ctx, guardian)
    }

    /// The guardian (or owner) pauses the market, for a while or until the owner lifts it.
    pub fn pause_market(
        ctx: Context<PauseMarket>,
        pause_flags: u8,
        duration_secs: u64,
    ) -> Result<()> {
        instructions::pause_market::handler(ctx, pause_flags, duration_secs)
    }

    /// Rebinds a price account to another source or feed, or changes its limits: at once only
    /// while its feed is dead (or with a zero delay), otherwise through the queue.
    pub fn update_oracle_config(
        ctx: Context<OwnerOracle>,
        params: OracleConfigParams,
    ) -> Result<()> {
        instructions::update_oracle_config::handler(ctx, params)
    }

    /// Creates a lending market owned by the signer.
    pub fn init_market(ctx: Context<InitMarket>, params: InitMarketParams) -> Result<()> {
        instructions::init_market::handler(ctx, params)
    }

    /// Proposes a new market owner (two-step transfer).
    pub fn propose_owner(ctx: Context<OwnerMarket>, new_owner: Pubkey) -> Result<()> {
        instructions::propose_owner::handler(ctx, new_owner)
    }

    /// Accepts a pending ownership transfer.
    pub fn accept_owner(ctx: Context<AcceptOwner>) -> Result<()> {
        instructions::accept_owner::handler(ctx)
    }

    /// Sets the pause flags, and the liquidation limits where the market's delay is zero.
    pub fn update_market_config(
        ctx: Context<OwnerMarket>,
        params: MarketConfigParams,
    ) -> Result<()> {
        instructions::update_market_config::handler(ctx, params)
    }

    /// Creates an asset's price account in a market.
    pub fn init_oracle_price(ctx: Context<InitOraclePrice>, params: OracleParams) -> Result<()> {
        instructions::init_oracle_price::handler(ctx, params)
    }

    /// Lists an asset with a mandatory seed deposit.
    pub fn init_reserve(
        ctx: Context<InitReserve>,
        config: ReserveConfigParams,
        seed_amount: u64,
    ) -> Result<()> {
        instructions::init_reserve::handler(ctx, config, seed_amount)
    }

    /// Creates an e-mode group (isolated when a debt reserve is passed).
    pub fn init_emode_group(
        ctx: Context<InitEmodeGroup>,
        id: u8,
        params: EmodeGroupParams,
    ) -> Result<()> {
        instructions::init_emode_group::handler(ctx, id, params)
    }

    /// Tightens an e-mode group's limits (from the next slot; a lower threshold ramps) and debt
    /// ceiling (owner or risk admin); anything else through the queue.
    pub fn update_emode_group(
        ctx: Context<UpdateEmodeGroup>,
        params: EmodeGroupParams,
    ) -> Result<()> {
        instructions::update_emode_group::handler(ctx, params)
    }

    /// Tightens a reserve's configuration within bounds (owner or risk admin; a lower threshold
    /// ramps); anything else through the queue.
    pub fn update_reserve_config(
        ctx: Context<UpdateReserveConfig>,
        config: ReserveConfigParams,
    ) -> Result<()> {
        instructions::update_reserve_config::handler(ctx, config)
    }

    /// Sets the market's insurance-fund rules (cooldown, window, stream, most per write-off)
    /// where the market's delay is zero; otherwise through the queue.
    pub fn update_fund_settings(
        ctx: Context<OwnerMarket>,
        params: FundSettingsParams,
    ) -> Result<()> {
        instructions::update_fund_settings::handler(ctx, params)
    }

    /// Gives a reserve its first-loss insurance fund, with a locked seed stake.
    pub fn init_insurance_fund(
        ctx: Context<InitInsuranceFund>,
        cuts: FundCutsParams,
        seed_amount: u64,
    ) -> Result<()> {
        instructions::init_insurance_fund::handler(ctx, cuts, seed_amount)
    }

    /// Changes a reserve's cuts of its income for its insurance fund where the market's delay is
    /// zero; otherwise through the queue.
    pub fn update_insurance_fund(
        ctx: Context<UpdateInsuranceFund>,
        cuts: FundCutsParams,
    ) -> Result<()> {
        instructions::update_insurance_fund::handler(ctx, cuts)
    }

    /// Stakes tokens into an insurance fund for its shares.
    pub fn stake(ctx: Context<Stake>, amount: u64) -> Result<()> {
        instructions::stake::handler(ctx, amount)
    }

    /// Puts fund shares into the cooldown (they stay slashable until withdrawn).
    pub fn request_unstake(ctx: Context<RequestUnstake>, shares: u64) -> Result<()> {
        instructions::request_unstake::handler(ctx, shares)
    }

    /// Withdraws an unstake request after its cooldown, within its window.
    pub fn withdraw_stake(ctx: Context<WithdrawStake>) -> Result<()> {
        instructions::withdraw_stake::handler(ctx)
    }

    /// Cancels an unstake request: its shares come back.
    pub fn cancel_unstake(ctx: Context<CancelUnstake>) -> Result<()> {
        instructions::cancel_unstake::handler(ctx)
    }

    /// Moves the insurance fund's cut accrued in its reserve into the fund (permissionless).
    pub fn collect_fund_fees(ctx: Context<CollectFundFees>) -> Result<()> {
        instructions::collect_fund_fees::handler(ctx)
    }

    /// Names the market's risk admin, who may make the changes that only tighten risk at once.
    pub fn set_risk_admin(ctx: Context<OwnerMarket>, risk_admin: Pubkey) -> Result<()> {
        instructions::set_risk_admin::handler(ctx, risk_admin)
    }

    /// Queues a change behind the market's timelock (owner).
    pub fn queue_change(
        ctx: Context<QueueChange>,
        change_id: u64,
        change: state::AdminChange,
    ) -> Result<()> {
        instructions::queue_change::handler(ctx, change_id, change)
    }

    /// Applies a queued change once its delay has passed, before it expires (anyone).
    pub fn apply_change(ctx: Context<ApplyChange>) -> Result<()> {
        instructions::apply_change::handler(ctx)
    }

    /// Cancels a queued change (owner or guardian; anyone once it expired).
    pub fn cancel_change(ctx: Context<CancelChange>) -> Result<()> {
        instructions::cancel_change::handler(ctx)
    }

    /// Records the market's address lookup table, where clients find it (owner).
    pub fn set_lookup_table(ctx: Context<SetLookupTable>) -> Result<()> {
        instructions::set_lookup_table::handler(ctx)
    }
}
