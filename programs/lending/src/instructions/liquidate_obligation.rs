//! `liquidate_obligation`: repays part of an unhealthy obligation's debt for its collateral plus
//! a bonus, clamped to what is feasible; writes off debt left with no collateral behind it.

use super::shared::accounts::{clock, RemainingReserves, ReserveAccounts, ReserveAuthority};
use super::shared::emode_group_account::{group_mut_at, split_groups};
use super::shared::fund_account::split_fund;
use super::shared::token_view::user_token_account;
use crate::errors::LendingError;
use crate::events::{BadDebtWrittenOff, Liquidated};
use crate::state::{LendingMarket, Obligation, Reserve};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use lending_core::ops::guards::check_not_vault;
use lending_core::ops::liquidate::{liquidate, Bounds, Outcome, Party};

crate::lending_accounts! {
    /// Accounts of [`handler`].
    pub struct LiquidateObligation {
        /// Liquidator.
        liquidator: signer,
        market: market,
        /// The unhealthy obligation.
        obligation: obligation,
        /// Reserve of the debt being repaid.
        repay_reserve: reserve_mut,
        /// Debt side.
        repay_mint: liquidity_mint,
        /// Debt side.
        repay_supply_vault: supply_vault,
        /// Liquidator's token account paying the debt.
        liquidator_repay_source: user_token,
        /// Debt side.
        repay_token_program: token_program,
        /// Reserve of the collateral being seized.
        collateral_reserve: reserve_mut,
        /// Collateral side.
        collateral_mint: liquidity_mint,
        /// Collateral side.
        collateral_supply_vault: supply_vault,
        /// Collateral side.
        collateral_share_mint: share_mint,
        /// Liquidator's account receiving shares, or the asset when `receive_liquidity` is set.
        liquidator_destination: user_token,
        /// Collateral side.
        collateral_token_program: token_program,
    }
    distinct: [
        repay_supply_vault,
        liquidator_repay_source,
        collateral_supply_vault,
        collateral_share_mint,
        liquidator_destination,
    ]
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

impl LiquidateParams {
    /// The bounds in the core's format.
    pub fn bounds(&self) -> Bounds {
        Bounds {
            max_repay: self.max_repay,
            min_receive: self.min_receive,
            receive_liquidity: self.receive_liquidity,
        }
    }
}

impl<'info> LiquidateObligation<'info> {
    fn repay_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(
            self.market.as_ref().key,
            &self.repay_reserve,
            &self.repay_token_program,
        )
        .liquidity_mint(&self.repay_mint)
        .supply_vault(&self.repay_supply_vault)
    }

    fn collateral_accounts(&self) -> ReserveAccounts<'_, 'info> {
        ReserveAccounts::new(
            self.market.as_ref().key,
            &self.collateral_reserve,
            &self.collateral_token_program,
        )
        .liquidity_mint(&self.collateral_mint)
        .supply_vault(&self.collateral_supply_vault)
        .share_mint(&self.collateral_share_mint)
    }

    /// Moves the tokens the liquidation decided: the repayment into the debt reserve's vault,
    /// then the collateral to the liquidator (shares minted, or the asset paid out).
    fn transfer(
        &self,
        debt: &ReserveAccounts<'_, 'info>,
        collateral: &ReserveAccounts<'_, 'info>,
        (debt_authority, collateral_authority): (ReserveAuthority, ReserveAuthority),
        outcome: &Outcome,
        params: &LiquidateParams,
    ) -> Result<()> {
        let plan = outcome.plan;
        let (source, destination) = (&self.liquidator_repay_source, &self.liquidator_destination);
        debt.pay_in(&debt_authority, source, &self.liquidator, plan.repay_amount)?;
        if params.receive_liquidity {
            collateral.pay_out(
                &collateral_authority,
                destination,
                outcome.received_liquidity,
            )
        } else {
            collateral.mint_shares(&collateral_authority, destination, plan.liquidator_shares)
        }
    }

    /// Emits `BadDebtWrittenOff` (if debt was written off) and `Liquidated`.
    fn emit_events(&self, out: &Outcome, repay_key: &Pubkey, collateral_key: &Pubkey) {
        let p = out.plan;
        if let Some(w) = out.written_off {
            emit!(BadDebtWrittenOff {
                obligation: self.obligation.key(),
                reserve: *repay_key,
                debt_shares: w.debt_shares,
                amount_wad: w.loss.total,
                fund_fees_wad: w.loss.fund_fees,
                fund_tokens: w.loss.fund_tokens,
                protocol_fees_wad: w.loss.protocol_fees,
                depositors_wad: w.loss.depositors,
            });
        }
        emit!(Liquidated {
            obligation: self.obligation.key(),
            liquidator: self.liquidator.key(),
            repay_reserve: *repay_key,
            collateral_reserve: *collateral_key,
            repay_amount: p.repay_amount,
            seized_shares: p.seized_shares,
            liquidator_shares: p.liquidator_shares,
            protocol_fee_shares: p.protocol_fee_shares,
            received_liquidity: out.received_liquidity,
            bonus_bps: p.bonus_bps,
            health_before: out.before.into(),
            health: out.after.into(),
        });
    }

    /// Checks the obligation's market, and the liquidator's token accounts against the reserves
    /// they must belong to.
    fn check_accounts(
        &self,
        obligation: &Obligation,
        repay: &Reserve,
        coll: &Reserve,
        receive_liquidity: bool,
    ) -> Result<()> {
        require_keys_eq!(
            obligation.market,
            self.market.key(),
            LendingError::WrongMarket
        );
        user_token_account(&self.liquidator_repay_source, &repay.liquidity_mint)?;
        let want = if receive_liquidity {
            coll.liquidity_mint
        } else {
            coll.share_mint
        };
        user_token_account(&self.liquidator_destination, &want)?;
        check_not_vault(repay, self.liquidator_repay_source.key).map_err(LendingError::from)?;
        let dest = self.liquidator_destination.key;
        require!(
            *dest != coll.supply_vault && *dest != coll.fee_vault && *dest != repay.fee_vault,
            LendingError::VaultAsUserAccount
        );
        Ok(())
    }
}

/// Liquidates within `params`' bounds; the obligation's other reserves follow as remaining
/// accounts, then its e-mode group (writable) if the group is isolated, then, if the debt
/// reserve has an insurance fund, the fund and its vault (writable): a write-off takes from it
/// first, paid into the debt reserve's vault.
pub fn handler<'info>(
    ctx: Context<'info, LiquidateObligation<'info>>,
    params: LiquidateParams,
) -> Result<()> {
    let accounts = &ctx.accounts;
    let clock = clock()?;
    require_keys_neq!(
        accounts.repay_reserve.key(),
        accounts.collateral_reserve.key(),
        LendingError::SameReserve
    );
    let (debt_accounts, collateral_accounts) =
        (accounts.repay_accounts(), accounts.collateral_accounts());
    let mut obligation = accounts.obligation.load_mut()?;
    let mut debt_reserve = debt_accounts.load_mut()?;
    let mut collateral_reserve = collateral_accounts.load_mut()?;
    let receive_liquidity = params.receive_liquidity;
    accounts.check_accounts(
        &obligation,
        &debt_reserve,
        &collateral_reserve,
        receive_liquidity,
    )?;
    crate::probe!("liquidate: accounts loaded and checked");

    let (rest, fund_accounts) = split_fund(ctx.remaining_accounts, &debt_reserve)?;
    let (debt_key, collateral_key) = (debt_accounts.key(), collateral_accounts.key());
    let debt = Party::new(&debt_key, &mut debt_reserve);
    let collateral = Party::new(&collateral_key, &mut collateral_reserve);
    let isolated = obligation.emode_isolated != 0;
    let (others, groups) = split_groups(rest, isolated as usize);
    let mut group = group_mut_at(groups, 0)?;
    let mut fund = fund_accounts.as_ref().map(|f| f.load_mut()).transpose()?;
    let market = accounts.market.load()?;
    let bounds = params.bounds();
    let outcome = liquidate(
        &market,
        &mut obligation,
        debt,
        collateral,
        &RemainingReserves(others),
        group.as_deref_mut(),
        fund.as_deref_mut(),
        &bounds,
        &clock,
    )
    .map_err(LendingError::from)?;
    crate::probe!("liquidate: operation");
    let debt_authority = ReserveAuthority::of(&debt_reserve);
    let collateral_authority = ReserveAuthority::of(&collateral_reserve);
    let fund_signer = fund.as_ref().map(|f| (f.signer(), f.decimals));
    drop((obligation, debt_reserve, collateral_reserve, group, fund));

    let authorities = (debt_authority, collateral_authority);
    accounts.transfer(
        &debt_accounts,
        &collateral_accounts,
        authorities,
        &outcome,
        &params,
    )?;
    let fund_paid = outcome.written_off.map_or(0, |w| w.loss.fund_tokens);
    if let (Some(f), Some(signer)) = (&fund_accounts, fund_signer) {
        f.pay_into_reserve(
            &accounts.repay_token_program,
            &accounts.repay_supply_vault,
            &accounts.repay_mint,
            signer,
            fund_paid,
        )?;
    }
    accounts.emit_events(&outcome, &debt_key, &collateral_key);
    Ok(())
}
