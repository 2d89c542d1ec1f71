//! `repay_obligation_liquidity`: pays back debt (anyone may repay for an obligation).

use super::shared::guards::{
    check_no_flash_loan, check_not_vault, check_obligation_binding, check_reserve_binding,
    check_reserve_fresh,
};
use super::shared::token_ops::pay_into_vault;
use super::shared::token_view::{all_distinct, user_token_account};
use crate::errors::LendingError;
use crate::events::Repaid;
use crate::risk::health::borrow_values;
use crate::state::reserve::PriceStatus;
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of [`handler`].
#[derive(Accounts)]
pub struct RepayObligationLiquidity<'info> {
    /// Payer (need not be the owner).
    // Anchor's duplicate-mutable check skips `UncheckedAccount`s: the writable token accounts
    // and mints below must still be distinct.
    #[account(
        constraint = all_distinct(&[supply_vault.key, payer_liquidity.key])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount
    )]
    pub payer: Signer<'info>,
    /// The market.
    pub market: AccountLoader<'info, LendingMarket>,
    /// The obligation.
    /// Its market is checked by `check_obligation_binding`.
    #[account(mut)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The reserve the debt is owed to.
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
    /// Payer's token account.
    /// CHECK: read as a token account of the reserve's mint (`user_token_account`).
    #[account(mut)]
    pub payer_liquidity: UncheckedAccount<'info>,
    /// The reserve's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Repays `amount` (`u64::MAX`: everything owed, rounded up, leaving no dust). Never takes more
/// than is owed. Allowed even when the market is paused or the reserve frozen.
pub fn handler(ctx: Context<RepayObligationLiquidity>, amount: u64) -> Result<()> {
    crate::probe!("repay: accounts loaded");
    crate::probe!("repay: probe cost");
    let clock = Clock::get()?;
    let a = &mut *ctx.accounts;
    let binding = crate::liquidity_binding!(a);
    check_reserve_binding(&*a.reserve.load()?, &binding)?;
    user_token_account(&a.payer_liquidity, a.liquidity_mint.key)?;
    require!(amount > 0, LendingError::ZeroAmount);
    let (amount, remaining, health, decimals) = {
        let mut r = a.reserve.load_mut()?;
        let mut ob = a.obligation.load_mut()?;
        check_obligation_binding(&ob, a.market.as_ref().key, None)?;
        check_no_flash_loan(&r)?;
        check_reserve_fresh(&r, clock.slot)?;
        check_not_vault(&r, &a.payer_liquidity.key())?;
        let reserve_key = a.reserve.key();
        let i = ob
            .find_borrow(&reserve_key)
            .ok_or(LendingError::NoDebtInReserve)?;
        crate::probe!("repay: loads, bindings and checks");
        let mut pool = r.pool();
        let shares = ob.borrows[i].debt_shares.get();
        let owed = pool.repay_all_amount(shares).map_err(LendingError::from)?;
        let amount = amount.min(owed);
        let burned = pool
            .debt_shares_for_repay_owing(amount, shares, owed)
            .map_err(LendingError::from)?;
        pool.record_repayment(amount, burned)
            .map_err(LendingError::from)?;
        r.set_pool(&pool);
        crate::probe!("repay: amount owed and shares burned");
        let remaining = shares - burned;
        ob.borrows[i].debt_shares.set(remaining);
        let priced = PriceStatus::from_u8(r.price_status) == PriceStatus::Valid;
        if !ob.last_update.is_stale(clock.slot) && priced {
            // Keep a fresh obligation fresh: update this position's value in place.
            let old_value = ob.borrows[i].values();
            let new_value =
                borrow_values(&pool, remaining, &r.price_view()).map_err(LendingError::from)?;
            crate::probe!("repay: position revalued");
            ob.borrows[i].set_values(&new_value);
            let mut h = ob.health();
            h.replace_borrow(&old_value, &new_value);
            ob.set_health(&h);
        } else {
            ob.last_update.mark_stale();
        }
        ob.remove_borrow_if_empty(i);
        (amount, remaining, ob.health(), r.decimals)
    };
    crate::probe!("repay: books updated");
    pay_into_vault(
        &a.token_program,
        &a.payer_liquidity,
        &a.supply_vault,
        &a.liquidity_mint,
        decimals,
        &a.payer,
        amount,
    )?;
    crate::probe!("repay: tokens moved");
    emit!(Repaid {
        obligation: ctx.accounts.obligation.key(),
        reserve: ctx.accounts.reserve.key(),
        amount,
        remaining_debt_shares: remaining,
        health: health.into(),
    });
    crate::probe!("repay: event emitted");
    Ok(())
}
