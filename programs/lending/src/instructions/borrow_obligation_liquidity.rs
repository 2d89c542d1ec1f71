//! `borrow_obligation_liquidity`: borrows against the obligation's collateral.

use super::shared::guards::{
    check_market, check_no_flash_loan, check_not_vault, check_obligation_binding,
    check_obligation_fresh, check_prices_fresh_for_risk, check_reserve_binding,
    check_reserve_priced, check_status, check_valuations_current, Action,
};
use super::shared::token_ops::pay_from_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::Borrowed;
use crate::risk::exchange::Pool;
use crate::risk::fixed::{amount_to_wad, mul_div, wad_to_amount, Rounding, BPS};
use crate::risk::health::{borrow_values, max_borrow_amount, origination_fee};
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct BorrowObligationLiquidity<'info> {
    /// Obligation owner.
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, fee_vault.key, user_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub owner: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market and owner are checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve lending.
    /// Checked against the accounts it names by `check_reserve_binding`.
    #[account(mut)]
    pub reserve: AccountLoader<'info, Reserve>,
    /// The asset.
    /// CHECK: the reserve's (`check_reserve_binding`); the token program checks it in the CPI.
    pub liquidity_mint: UncheckedAccount<'info>,
    /// The reserve's supply vault.
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub supply_vault: UncheckedAccount<'info>,
    /// The reserve's fee vault (receives the origination fee).
    /// CHECK: the reserve's (`check_reserve_binding`); read as a token account for the balance check.
    #[account(mut)]
    pub fee_vault: UncheckedAccount<'info>,
    /// Owner's token account receiving the loan.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub user_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Largest amount whose amount + fee fits in `room` tokens.
fn fit_with_fee(room: u64, fee_bps: u16) -> Result<u64> {
    let mut a = mul_div(room as u128, BPS, BPS + fee_bps as u128, Rounding::Down)
        .map_err(LendingError::from)? as u64;
    while a > 0 && a + origination_fee(a, fee_bps).map_err(LendingError::from)? > room {
        a -= 1;
    }
    Ok(a)
}

/// The most that can be borrowed now: limited by health, cash and the borrow cap.
fn max_amount(pool: &Pool, r: &Reserve, ob: &Obligation) -> Result<u64> {
    let fee = r.config.origination_fee_bps;
    let by_health =
        max_borrow_amount(&ob.health(), pool, &r.price_view(), fee).map_err(LendingError::from)?;
    let mut room = pool.available;
    if r.config.borrow_cap > 0 {
        let debt = wad_to_amount(
            pool.total_debt(Rounding::Up).map_err(LendingError::from)?,
            Rounding::Up,
        )
        .map_err(LendingError::from)?;
        room = room.min(r.config.borrow_cap.saturating_sub(debt));
    }
    Ok(by_health.min(fit_with_fee(room, fee)?))
}

/// Borrows `amount` (`u64::MAX`: the most allowed); the origination fee is added to the debt.
pub fn handler(ctx: Context<BorrowObligationLiquidity>, amount: u64) -> Result<()> {
    crate::probe!("borrow: accounts loaded");
    crate::probe!("borrow: probe cost");
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a).with_fee_vault(a.fee_vault.key);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.user_liquidity, a.liquidity_mint.key)?;
    require!(amount > 0, LendingError::ZeroAmount);
    let (amount, fee, signer, decimals, health) = {
        let mut r = a.reserve.load_mut()?;
        let mut ob = a.obligation.load_mut()?;
        check_obligation_binding(&ob, a.market.as_ref().key, Some(a.owner.key))?;
        check_market(&*a.market.load()?, Action::Borrow, clock.unix_timestamp)?;
        check_status(&r, Action::Borrow)?;
        check_no_flash_loan(&r)?;
        check_not_vault(&r, &a.user_liquidity.key())?;
        check_reserve_priced(&r, clock.slot)?;
        check_obligation_fresh(&ob, clock.slot)?;
        check_prices_fresh_for_risk(&ob, &[&*r], clock.unix_timestamp)?;
        let reserve_key = a.reserve.key();
        check_valuations_current(&ob, ctx.remaining_accounts, &[(&reserve_key, &*r)])?;
        require!(
            ob.ema_diverged == 0 && r.ema_diverged == 0,
            LendingError::PriceDivergesFromEma
        );
        require!(
            ob.find_deposit(&reserve_key).is_none(),
            LendingError::CollateralAndDebtSameReserve
        );
        crate::probe!("borrow: bindings and checks");
        let mut pool = r.pool();
        let amount = if amount == u64::MAX {
            max_amount(&pool, &r, &ob)?
        } else {
            amount
        };
        require!(amount > 0, LendingError::BorrowTooLarge);
        let fee =
            origination_fee(amount, r.config.origination_fee_bps).map_err(LendingError::from)?;
        let total = amount.checked_add(fee).ok_or(LendingError::MathOverflow)?;
        require!(total <= pool.available, LendingError::InsufficientLiquidity);
        if r.config.borrow_cap > 0 {
            let debt = wad_to_amount(
                pool.total_debt(Rounding::Up).map_err(LendingError::from)?,
                Rounding::Up,
            )
            .map_err(LendingError::from)?;
            require!(
                debt.checked_add(total).ok_or(LendingError::MathOverflow)? <= r.config.borrow_cap,
                LendingError::BorrowCapReached
            );
        }
        crate::probe!("borrow: fee and caps");
        let mut w = r.outflow();
        w.consume(total, clock.unix_timestamp)
            .map_err(LendingError::from)?;
        r.set_outflow(&w);

        let new_shares = pool
            .debt_shares_for_borrow(amount_to_wad(total))
            .map_err(LendingError::from)?;
        pool.debt_shares = pool
            .debt_shares
            .checked_add(new_shares)
            .ok_or(LendingError::MathOverflow)?;
        pool.available -= total;
        crate::probe!("borrow: outflow and debt shares");
        require!(
            pool.utilization_within(r.config.utilization_cap_bps)
                .map_err(LendingError::from)?,
            LendingError::UtilizationCapReached
        );

        crate::probe!("borrow: utilisation cap");
        let i = ob
            .find_or_add_borrow(&reserve_key)
            .ok_or(LendingError::TooManyBorrows)?;
        let old_value = ob.borrows[i].values();
        let shares = ob.borrows[i]
            .debt_shares
            .get()
            .checked_add(new_shares)
            .ok_or(LendingError::MathOverflow)?;
        let new_value =
            borrow_values(&pool, shares, &r.price_view()).map_err(LendingError::from)?;
        let mut h = ob.health();
        h.replace_borrow(&old_value, &new_value);
        require!(h.within_borrow_limit(), LendingError::BorrowTooLarge);
        ob.borrows[i].debt_shares.set(shares);
        ob.borrows[i].set_values(&new_value);
        ob.borrow_reserve_seqs[i] = r.valuation_seq;
        ob.set_health(&h);
        r.set_pool(&pool);
        crate::probe!("borrow: position value and health");
        (amount, fee, r.signer(), r.decimals, h)
    };
    let reserve_info = a.reserve.to_account_info();
    pay_from_vault(
        &a.token_program,
        &a.supply_vault,
        &a.user_liquidity.to_account_info(),
        &a.liquidity_mint,
        decimals,
        &reserve_info,
        &signer,
        amount,
    )?;
    crate::probe!("borrow: loan paid out");
    let fee_vault = a.fee_vault.to_account_info();
    pay_from_vault(
        &a.token_program,
        &a.supply_vault,
        &fee_vault,
        &a.liquidity_mint,
        decimals,
        &reserve_info,
        &signer,
        fee,
    )?;
    crate::probe!("borrow: fee paid");
    emit!(Borrowed {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        amount,
        fee,
        health: health.into(),
    });
    crate::probe!("borrow: event emitted");
    Ok(())
}
