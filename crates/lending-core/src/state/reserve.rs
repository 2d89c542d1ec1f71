//! A reserve: one asset's liquidity pool, its debt, its price and its risk configuration.

use super::{OraclePrice, Reserve, ReserveConfig};
use crate::risk::emode::{GroupParams, ReserveGroups};
use crate::risk::exchange::{FeeCuts, Pool};
use crate::risk::fixed::Rounding;
use crate::risk::health::RiskParams;
use crate::risk::outflow::OutflowBucket;
use crate::risk::price::{validate, PriceView};
use crate::risk::{RiskError, RiskResult};
use crate::Pubkey;

/// Why a reserve's cached price may not be used (stored in `Reserve::price_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum PriceStatus {
    /// The price passed every check at the last refresh.
    Valid = 0,
    /// The price was older than the oracle's max age.
    TooOld = 1,
    /// The price was zero, negative or never set.
    Invalid = 2,
    /// The confidence interval was too wide.
    ConfidenceTooWide = 3,
    /// Any other failure (exponent, overflow).
    Unusable = 4,
}

impl PriceStatus {
    /// Decodes the stored byte (unknown bytes read as unusable).
    pub fn from_u8(v: u8) -> Self {
        match v {
            0 => Self::Valid,
            1 => Self::TooOld,
            2 => Self::Invalid,
            3 => Self::ConfidenceTooWide,
            _ => Self::Unusable,
        }
    }

    /// Maps a validation failure to the stored status.
    pub fn from_error(e: RiskError) -> Self {
        match e {
            RiskError::PriceTooOld => Self::TooOld,
            RiskError::InvalidPrice => Self::Invalid,
            RiskError::ConfidenceTooWide => Self::ConfidenceTooWide,
            _ => Self::Unusable,
        }
    }
}

/// What a reserve currently allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ReserveStatus {
    /// Everything allowed.
    Active = 0,
    /// No new deposits or borrows; repay, withdraw, redeem and liquidate still work.
    ReduceOnly = 1,
    /// No user action but repayments and liquidations (refresh and admin still work).
    Frozen = 2,
}

impl ReserveStatus {
    /// Decodes the stored byte.
    pub fn from_u8(v: u8) -> Option<Self> {
        match v {
            0 => Some(Self::Active),
            1 => Some(Self::ReduceOnly),
            2 => Some(Self::Frozen),
            _ => None,
        }
    }
}

impl ReserveConfig {
    /// Collateral parameters for health math.
    pub fn risk(&self) -> RiskParams {
        RiskParams {
            ltv_bps: self.ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
        }
    }

    /// What this configuration says about e-mode groups (with no group being left; see
    /// [`Reserve::groups`]).
    pub fn groups(&self) -> ReserveGroups {
        ReserveGroups {
            collateral_mask: self.emode_collateral_mask,
            borrow_mask: self.emode_borrow_mask,
            isolated_collateral: self.isolated_collateral != 0,
            exit_mask: 0,
            exit_factor_bps: 0,
        }
    }

    /// The decoded status (unknown bytes read as frozen).
    pub fn status(&self) -> ReserveStatus {
        ReserveStatus::from_u8(self.status).unwrap_or(ReserveStatus::Frozen)
    }
}

impl Reserve {
    /// The balances in the pure core's format.
    pub fn pool(&self) -> Pool {
        Pool {
            available: self.available,
            flash_outstanding: self.flash_outstanding,
            debt_shares: self.debt_shares.get(),
            borrow_index: self.borrow_index.get(),
            protocol_fees: self.protocol_fees.get(),
            fund_fees: self.fund_fees.get(),
            share_supply: self.share_supply,
        }
    }

    /// Writes the balances back from the pure core's format.
    pub fn set_pool(&mut self, p: &Pool) {
        self.available = p.available;
        self.flash_outstanding = p.flash_outstanding;
        self.debt_shares.set(p.debt_shares);
        self.borrow_index.set(p.borrow_index);
        self.protocol_fees.set(p.protocol_fees);
        self.fund_fees.set(p.fund_fees);
        self.share_supply = p.share_supply;
    }

    /// The cached prices in the pure core's format.
    pub fn price_view(&self) -> PriceView {
        PriceView::new(self.price.get(), self.price_conf.get(), self.decimals)
    }

    /// Everything risk math needs from this reserve, copied out of the account.
    pub fn view(&self) -> ReserveView {
        ReserveView {
            pool: self.pool(),
            price: self.price_view(),
            risk: self.config.risk(),
            borrow_factor_bps: self.config.borrow_factor_bps,
            groups: self.groups(),
            ema_diverged: self.ema_diverged != 0,
            price_risk_expiry: self.price_risk_expiry,
        }
    }

    /// The outflow limiter in the pure core's format.
    pub fn outflow(&self) -> OutflowBucket {
        OutflowBucket {
            limit: self.config.outflow_limit,
            window_secs: self.config.outflow_window_secs,
            updated_at: self.outflow_updated_at,
            level: self.outflow_level,
        }
    }

    /// Writes the outflow limiter state back.
    pub fn set_outflow(&mut self, w: &OutflowBucket) {
        self.outflow_updated_at = w.updated_at;
        self.outflow_level = w.level;
    }

    /// What this reserve says about e-mode groups, with the groups its collateral is leaving.
    pub fn groups(&self) -> ReserveGroups {
        ReserveGroups {
            exit_mask: self.emode_exit_mask,
            exit_factor_bps: self.emode_exit_factor_bps,
            ..self.config.groups()
        }
    }

    /// The liquidation threshold the configuration is heading to: a running ramp's target,
    /// else the configured value.
    pub fn threshold_target(&self) -> u16 {
        if self.threshold_ramp.is_set() {
            self.threshold_ramp.to_bps
        } else {
            self.config.liquidation_threshold_bps
        }
    }

    /// Moves the ramps to `now`: the liquidation threshold and the exit weight take their
    /// values at `now`, and a ramp that has reached its target is cleared (an exit then leaves
    /// its groups for good). Returns true when a value changed.
    pub fn step_ramps(&mut self, now: i64) -> bool {
        let before = (
            self.config.liquidation_threshold_bps,
            self.emode_exit_factor_bps,
            self.emode_exit_mask,
        );
        if self.threshold_ramp.is_set() {
            let span = self.threshold_ramp.span();
            self.config.liquidation_threshold_bps = span.value_at(now, span.to_bps);
            if !span.running(now) {
                self.threshold_ramp.set(&Default::default());
            }
        }
        if self.emode_exit_ramp.is_set() {
            let span = self.emode_exit_ramp.span();
            self.emode_exit_factor_bps = span.value_at(now, 0);
            if !span.running(now) {
                self.emode_exit_ramp.set(&Default::default());
                self.emode_exit_mask = 0;
                self.emode_exit_factor_bps = 0;
            }
        }
        before
            != (
                self.config.liquidation_threshold_bps,
                self.emode_exit_factor_bps,
                self.emode_exit_mask,
            )
    }

    /// Everything `refresh_reserve` does to the account: moves the ramps to `now`, accrues
    /// interest (compounding per second) from the last update to `now` (nothing, not even the
    /// rate, within the same second), and caches `oracle`'s price if it validates, otherwise
    /// records why it does not. Off-chain clients call it to project a refresh.
    pub fn refresh(&mut self, oracle: &OraclePrice, slot: u64, now: i64) -> RiskResult<()> {
        let price = validate(&oracle.raw(), &oracle.limits(), now);
        self.accrue(now)?;
        let ramped = self.step_ramps(now);
        let before = self.price_state();
        match price {
            Ok(p) => {
                self.price.set(p.price);
                self.price_conf.set(p.conf);
                self.ema_diverged = (p.ema_diverged || oracle.ema_diverged != 0) as u8;
                self.price_status = PriceStatus::Valid as u8;
                self.price_risk_expiry = oracle.risk_expiry();
            }
            Err(e) => {
                self.price_status = PriceStatus::from_error(e) as u8;
                self.price_risk_expiry = 0;
            }
        }
        if ramped || self.price_state() != before {
            self.bump_valuation();
        }
        self.last_update.update(slot, now);
        Ok(())
    }

    /// The cached price fields that obligation values depend on.
    fn price_state(&self) -> (u128, u128, u8, u8) {
        (
            self.price.get(),
            self.price_conf.get(),
            self.ema_diverged,
            self.price_status,
        )
    }

    /// Records a change that invalidates the values obligations cached from this reserve.
    pub fn bump_valuation(&mut self) {
        self.valuation_seq = self.valuation_seq.wrapping_add(1);
    }

    /// Accrues interest, compounding per second, from the last update to `now` under the
    /// current curve (nothing, not even the rate, within the same second). Does not move
    /// `last_update`.
    pub fn accrue(&mut self, now: i64) -> RiskResult<()> {
        let elapsed = now.saturating_sub(self.last_update.unix_timestamp).max(0) as u64;
        if elapsed == 0 {
            return Ok(());
        }
        let mut pool = self.pool();
        // Total debt once, for both the utilisation and the interest.
        let debt = pool.total_debt(Rounding::Down)?;
        let apr = self.config.curve.apr_wad(pool.utilization_at(debt)?)?;
        pool.accrue_from(debt, apr, self.fee_cuts(), elapsed)?;
        self.set_pool(&pool);
        self.borrow_apr.set(apr);
        Ok(())
    }

    /// The shares of interest kept by the protocol and by the insurance fund.
    pub fn fee_cuts(&self) -> FeeCuts {
        FeeCuts {
            protocol_bps: self.config.protocol_take_rate_bps,
            fund_bps: self.fund_interest_cut_bps,
        }
    }

    /// True when the reserve has an insurance fund.
    pub fn has_insurance_fund(&self) -> bool {
        self.insurance_fund != Pubkey::default()
    }

    /// Settles interest up to `now` before a configuration change: accrues it under the
    /// current curve, or, when that overflows (a rate so high that the debt can no longer be
    /// represented), charges none for the period, so the change can always be made. Returns
    /// true when interest was forgiven that way.
    pub fn settle_interest(&mut self, now: i64) -> RiskResult<bool> {
        let forgiven = match self.accrue(now) {
            Ok(()) => false,
            Err(RiskError::MathOverflow) => true,
            Err(e) => return Err(e),
        };
        self.last_update.unix_timestamp = now;
        Ok(forgiven)
    }

    /// An owned copy of the reserve PDA's signer seeds (the reserve owns its vaults and share
    /// mint), usable after the account data is released for a CPI.
    pub fn signer(&self) -> ReserveSigner {
        ReserveSigner {
            market: self.market,
            mint: self.liquidity_mint,
            bump: [self.bump],
        }
    }
}

impl ReserveView {
    /// Collateral limits of a position in this reserve for an obligation in `group` (or none).
    pub fn risk_in(&self, group: Option<&GroupParams>) -> RiskParams {
        self.groups.collateral_params(self.risk, group)
    }

    /// Borrow factor of a debt position in this reserve for an obligation in `group` (or none).
    pub fn borrow_factor_in(&self, group: Option<&GroupParams>) -> u16 {
        self.groups.borrow_factor(self.borrow_factor_bps, group)
    }
}

/// A reserve's risk inputs in the pure core's format.
#[derive(Debug, Clone, Copy)]
pub struct ReserveView {
    /// Balances.
    pub pool: Pool,
    /// Cached prices.
    pub price: PriceView,
    /// Collateral parameters.
    pub risk: RiskParams,
    /// Weight of this reserve's debt, in basis points.
    pub borrow_factor_bps: u16,
    /// What the reserve says about e-mode groups.
    pub groups: ReserveGroups,
    /// Price diverged from its EMA at the last refresh.
    pub ema_diverged: bool,
    /// Until when the cached price may back a borrow, a withdrawal or a liquidation.
    pub price_risk_expiry: i64,
}

/// Owned signer seeds of a reserve PDA.
#[derive(Debug, Clone, Copy)]
pub struct ReserveSigner {
    market: Pubkey,
    mint: Pubkey,
    bump: [u8; 1],
}

impl ReserveSigner {
    /// The seeds `["reserve", market, mint, bump]`.
    pub fn seeds(&self) -> [&[u8]; 4] {
        [
            crate::constants::RESERVE_SEED,
            self.market.as_ref(),
            self.mint.as_ref(),
            &self.bump,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000;

    fn oracle(price: i64) -> OraclePrice {
        let mut o: OraclePrice = bytemuck::Zeroable::zeroed();
        (o.price, o.publish_time, o.max_age_secs, o.max_conf_bps) = (price, NOW, 60, 100);
        o
    }

    /// Only a change of what positions are valued at moves `valuation_seq`: a refresh with the
    /// same price leaves it, a new price or a failed validation bumps it.
    #[test]
    fn refresh_bumps_the_valuation_seq_only_when_the_price_changes() {
        let mut r: Reserve = bytemuck::Zeroable::zeroed();
        r.last_update.unix_timestamp = NOW;
        r.refresh(&oracle(100), 1, NOW).unwrap();
        let priced = r.valuation_seq;
        assert_eq!(priced, 1);
        r.refresh(&oracle(100), 1, NOW).unwrap();
        assert_eq!(r.valuation_seq, priced);
        r.refresh(&oracle(90), 1, NOW).unwrap();
        assert_eq!(r.valuation_seq, priced + 1);
        r.refresh(&oracle(0), 1, NOW).unwrap();
        assert_eq!(r.price_status, PriceStatus::Invalid as u8);
        assert_eq!(r.valuation_seq, priced + 2);
    }
}
