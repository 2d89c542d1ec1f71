//! `liquidate_obligation`: repays part of an unhealthy obligation's debt for its collateral plus
//! a bonus, clamped to what is feasible; writes off debt left with no collateral behind it.

use super::shared::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_obligation_fresh,
    check_prices_fresh_for_risk, check_reserve_priced, check_status, check_valuations_current,
    Action,
};
use super::shared::token_ops::{mint_shares, pay_from_vault, pay_into_vault};
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::{BadDebtWrittenOff, Liquidated};
use crate::risk::fixed::Rounding;
use crate::risk::health::{borrow_values, deposit_values, Health};
use crate::risk::liquidation::{plan, LiquidationPlan, Side};
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct LiquidateObligation<'info> {
    /// Liquidator.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[repay_supply_vault.key, liquidator_repay_source.key, collateral_supply_vault.key, collateral_share_mint.key, liquidator_destination.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub liquidator: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The unhealthy obligation (of `market`: checked in the handler's single load).
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// Reserve of the debt being repaid (of `market`: checked in the handler).
    #[account(mut)]
    pub repay_reserve: AccountLoader<'info, Reserve>,
    /// Asset of the debt.
    /// CHECK: the reserve's (`check_accounts`); the token program checks it in the CPI.
    pub repay_mint: UncheckedAccount<'info>,
    /// Supply vault of the repay reserve.
    /// CHECK: the reserve's (`check_accounts`); read as a token account for the balance check.
    #[account(mut)]
    pub repay_supply_vault: UncheckedAccount<'info>,
    /// Liquidator's token account paying the debt.
    /// CHECK: read as a token account of the reserve's mint (`check_accounts`).
    #[account(mut)]
    pub liquidator_repay_source: UncheckedAccount<'info>,
    /// Token program of the repay reserve.
    pub repay_token_program: Interface<'info, TokenInterface>,
    /// Reserve of the collateral being seized (of `market`: checked in the handler).
    #[account(mut)]
    pub collateral_reserve: AccountLoader<'info, Reserve>,
    /// Asset of the collateral.
    /// CHECK: the reserve's (`check_accounts`); the token program checks it in the CPI.
    pub collateral_mint: UncheckedAccount<'info>,
    /// Supply vault of the collateral reserve.
    /// CHECK: the reserve's (`check_accounts`); read as a token account for the balance check.
    #[account(mut)]
    pub collateral_supply_vault: UncheckedAccount<'info>,
    /// Share mint of the collateral reserve.
    /// CHECK: the reserve's (`check_accounts`); the token program checks it in the CPI.
    #[account(mut)]
    pub collateral_share_mint: UncheckedAccount<'info>,
    /// Liquidator's account receiving shares, or the asset when `receive_liquidity` is set.
    /// CHECK: read as a token account of the reserve's mint (`check_accounts`).
    #[account(mut)]
    pub liquidator_destination: UncheckedAccount<'info>,
    /// Token program of the collateral reserve.
    pub collateral_token_program: Interface<'info, TokenInterface>,
}

/// Arguments of a liquidation.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidateParams {
    /// Most debt tokens the liquidator will repay (`u64::MAX`: as much as allowed).
    pub max_repay: u64,
    /// Least it accepts in return: shares, or tokens with `receive_liquidity`.
    pub min_receive: u64,
    /// Receive the collateral asset instead of deposit shares.
    pub receive_liquidity: bool,
}

/// What the handler decided, kept for transfers and events after the state is written.
struct Outcome {
    plan: LiquidationPlan,
    received_liquidity: u64,
    written_off: Option<(u128, u128)>,
    before: Health,
    after: Health,
}

impl<'info> LiquidateObligation<'info> {
    /// Checks every token account against the reserves it must belong to.
    fn check_accounts(
        &self,
        repay: &Reserve,
        coll: &Reserve,
        receive_liquidity: bool,
    ) -> Result<()> {
        require_keys_neq!(
            self.repay_reserve.key(),
            self.collateral_reserve.key(),
            LendingError::SameReserve
        );
        require_keys_eq!(
            self.repay_mint.key(),
            repay.liquidity_mint,
            LendingError::WrongReserveAccount
        );
        require_keys_eq!(
            self.repay_supply_vault.key(),
            repay.supply_vault,
            LendingError::WrongReserveAccount
        );
        require_keys_eq!(
            self.repay_token_program.key(),
            repay.token_program,
            LendingError::WrongTokenProgram
        );
        user_token_account(&self.liquidator_repay_source, &repay.liquidity_mint)?;
        require_keys_eq!(
            self.collateral_mint.key(),
            coll.liquidity_mint,
            LendingError::WrongReserveAccount
        );
        require_keys_eq!(
            self.collateral_supply_vault.key(),
            coll.supply_vault,
            LendingError::WrongReserveAccount
        );
        require_keys_eq!(
            self.collateral_share_mint.key(),
            coll.share_mint,
            LendingError::WrongReserveAccount
        );
        require_keys_eq!(
            self.collateral_token_program.key(),
            coll.token_program,
            LendingError::WrongTokenProgram
        );
        let want = if receive_liquidity {
            coll.liquidity_mint
        } else {
            coll.share_mint
        };
        user_token_account(&self.liquidator_destination, &want)?;
        check_not_vault(repay, &self.liquidator_repay_source.key())?;
        let dest = self.liquidator_destination.key();
        require!(
            dest != coll.supply_vault && dest != coll.fee_vault && dest != repay.fee_vault,
            LendingError::VaultAsUserAccount
        );
        Ok(())
    }
}

/// Applies a liquidation to the obligation and both reserves' state (no token movement).
fn apply(
    ob: &mut Obligation,
    repay_key: &Pubkey,
    repay: &mut Reserve,
    coll_key: &Pubkey,
    coll: &mut Reserve,
    market: &LendingMarket,
    params: &LiquidateParams,
) -> Result<Outcome> {
    let before = ob.health();
    let bi = ob
        .find_borrow(repay_key)
        .ok_or(LendingError::NoDebtInReserve)?;
    let mut debt_pool = repay.pool();
    let mut coll_pool = coll.pool();
    let (debt_price, coll_price) = (repay.price_view(), coll.price_view());
    let old_borrow_value = ob.borrows[bi].values();
    let debt_shares = ob.borrows[bi].debt_shares.get();
    require!(before.is_liquidatable(), LendingError::ObligationHealthy);

    let mut p = LiquidationPlan::default();
    let mut received_liquidity = 0;
    let mut after = before;
    if let Some(di) = ob.find_deposit(coll_key) {
        let held = ob.deposits[di].shares;
        let cfg = market.liquidation_config(coll);
        p = plan(
            &before,
            Side {
                pool: &debt_pool,
                price: &debt_price,
            },
            debt_shares,
            Side {
                pool: &coll_pool,
                price: &coll_price,
            },
            held,
            params.max_repay,
            &cfg,
        )
        .map_err(LendingError::from)?;
        require!(
            p.repay_amount > 0 || p.seized_shares > 0,
            LendingError::NothingToLiquidate
        );

        // Collateral side: the protocol's cut leaves the share supply and becomes fees.
        crate::probe!("apply: plan sized");
        let fee_liq = coll_pool
            .shares_to_liquidity_wad(p.protocol_fee_shares, Rounding::Down)
            .map_err(LendingError::from)?;
        if params.receive_liquidity {
            received_liquidity = coll_pool
                .liquidity_for_redeem(p.liquidator_shares)
                .map_err(LendingError::from)?;
            require!(
                received_liquidity <= coll_pool.available,
                LendingError::InsufficientLiquidity
            );
            require!(
                received_liquidity >= params.min_receive,
                LendingError::LiquidationBelowMinimum
            );
            coll_pool.available -= received_liquidity;
            coll_pool.share_supply -= p.liquidator_shares;
        } else {
            require!(
                p.liquidator_shares >= params.min_receive,
                LendingError::LiquidationBelowMinimum
            );
        }
        coll_pool.share_supply -= p.protocol_fee_shares;
        coll_pool.protocol_fees = coll_pool
            .protocol_fees
            .checked_add(fee_liq)
            .ok_or(LendingError::MathOverflow)?;
        crate::probe!("apply: collateral side");
        let old_dep = ob.deposits[di].values();
        let left = held - p.seized_shares;
        let new_dep = deposit_values(&coll_pool, left, &coll_price, &coll.config.risk())
            .map_err(LendingError::from)?;
        ob.deposits[di].shares = left;
        ob.deposits[di].set_values(&new_dep);
        after.replace_deposit(&old_dep, &new_dep);
        ob.remove_deposit_if_empty(di);

        crate::probe!("apply: deposit revalued");
        // Debt side.
        debt_pool
            .record_repayment(p.repay_amount, p.repay_debt_shares)
            .map_err(LendingError::from)?;
    } else {
        // Only an obligation with no collateral left at all may be written off here.
        require!(ob.deposits_len == 0, LendingError::NoCollateralInReserve);
    }
    let mut remaining = debt_shares - p.repay_debt_shares;
    let mut written_off = None;
    if ob.deposits_len == 0 && remaining > 0 {
        let loss = debt_pool.write_off(remaining).map_err(LendingError::from)?;
        written_off = Some((remaining, loss));
        remaining = 0;
    }
    let new_borrow_value =
        borrow_values(&debt_pool, remaining, &debt_price).map_err(LendingError::from)?;
    crate::probe!("apply: borrow revalued");
    ob.borrows[bi].debt_shares.set(remaining);
    ob.borrows[bi].set_values(&new_borrow_value);
    after.replace_borrow(&old_borrow_value, &new_borrow_value);
    ob.remove_borrow_if_empty(bi);
    require!(
        after.borrowed == 0 || after.shortfall() < before.shortfall(),
        LendingError::LiquidationDidNotImprove
    );
    ob.set_health(&after);
    repay.set_pool(&debt_pool);
    coll.set_pool(&coll_pool);
    if let Some((_, loss)) = written_off {
        let total = repay.bad_debt_written_off.get().saturating_add(loss);
        repay.bad_debt_written_off.set(total);
        // The reserve's share value fell: obligations valued from it must refresh again.
        repay.bump_valuation();
    }
    Ok(Outcome {
        plan: p,
        received_liquidity,
        written_off,
        before,
        after,
    })
}

/// Liquidates within `params`' bounds.
pub fn handler(ctx: Context<LiquidateObligation>, params: LiquidateParams) -> Result<()> {
    crate::probe!("liquidate: accounts loaded");
    crate::probe!("liquidate: probe cost");
    let clock = Clock::get()?;
    let slot = clock.slot;
    let a = &mut *ctx.accounts;
    let (out, repay_decimals, coll_signer, coll_decimals) = {
        let market = a.market.load()?;
        let mut repay = a.repay_reserve.load_mut()?;
        let mut coll = a.collateral_reserve.load_mut()?;
        let mut ob = a.obligation.load_mut()?;
        let market_key = a.market.key();
        for m in [&ob.market, &repay.market, &coll.market] {
            require_keys_eq!(*m, market_key, LendingError::WrongMarket);
        }
        a.check_accounts(&repay, &coll, params.receive_liquidity)?;
        check_market(&market, Action::Liquidate, clock.unix_timestamp)?;
        for r in [&*repay, &*coll] {
            check_status(r, Action::Liquidate)?;
            check_reserve_priced(r, slot)?;
        }
        // A flash loan open on the repay reserve may fund the repayment: the lent tokens still
        // count as the pool's cash, so the exchange rate does not move, and the repayment only
        // adds to the vault. The collateral reserve's vault pays out, so it must not be lent.
        check_no_flash_loan(&coll)?;
        check_obligation_fresh(&ob, slot)?;
        check_prices_fresh_for_risk(&ob, &[], clock.unix_timestamp)?;
        let (repay_key, coll_key) = (a.repay_reserve.key(), a.collateral_reserve.key());
        check_valuations_current(
            &ob,
            ctx.remaining_accounts,
            &[(&repay_key, &*repay), (&coll_key, &*coll)],
        )?;
        crate::probe!("liquidate: loads, bindings and checks");
        let out = apply(
            &mut ob, &repay_key, &mut repay, &coll_key, &mut coll, &market, &params,
        )?;
        crate::probe!("liquidate: plan applied");
        (out, repay.decimals, coll.signer(), coll.decimals)
    };
    pay_into_vault(
        &a.repay_token_program,
        &a.liquidator_repay_source,
        &a.repay_supply_vault,
        &a.repay_mint,
        repay_decimals,
        &a.liquidator,
        out.plan.repay_amount,
    )?;
    crate::probe!("liquidate: repaid");
    let coll_info = a.collateral_reserve.to_account_info();
    let dest = a.liquidator_destination.to_account_info();
    if params.receive_liquidity {
        pay_from_vault(
            &a.collateral_token_program,
            &a.collateral_supply_vault,
            &dest,
            &a.collateral_mint,
            coll_decimals,
            &coll_info,
            &coll_signer,
            out.received_liquidity,
        )?;
    } else {
        mint_shares(
            &a.collateral_token_program,
            &a.collateral_share_mint.to_account_info(),
            &dest,
            &coll_info,
            &coll_signer,
            out.plan.liquidator_shares,
        )?;
    }
    crate::probe!("liquidate: collateral paid");
    if let Some((debt_shares, amount_wad)) = out.written_off {
        emit!(BadDebtWrittenOff {
            obligation: ctx.accounts.obligation.key(),
            reserve: ctx.accounts.repay_reserve.key(),
            debt_shares,
            amount_wad,
        });
    }
    emit!(Liquidated {
        obligation: ctx.accounts.obligation.key(),
        liquidator: ctx.accounts.liquidator.key(),
        repay_reserve: ctx.accounts.repay_reserve.key(),
        collateral_reserve: ctx.accounts.collateral_reserve.key(),
        repay_amount: out.plan.repay_amount,
        seized_shares: out.plan.seized_shares,
        liquidator_shares: out.plan.liquidator_shares,
        protocol_fee_shares: out.plan.protocol_fee_shares,
        received_liquidity: out.received_liquidity,
        bonus_bps: out.plan.bonus_bps,
        health_before: out.before.into(),
        health: out.after.into(),
    });
    crate::probe!("liquidate: events");
    Ok(())
}
