//! Changes to a market's settings, made directly (`update_*`) or through the queue
//! (`queue_change`, `apply_change`): which account each changes, whether it may land at once
//! ([`lending_core::ops::timelock`]), and applying it through the core with its event.

use super::zero_copy_account::{read_as, read_as_mut};
use crate::errors::LendingError;
use crate::events::{
    EmodeGroupSet, FundSettingsUpdated, InsuranceFundSet, MarketConfigUpdated, OracleConfigUpdated,
    ReserveConfigUpdated, TimelockUpdated,
};
use crate::state::{AdminChange, EmodeGroup, LendingMarket, OraclePrice, OracleSource, Reserve};

use anchor_lang::prelude::*;
use lending_core::ops::emode::update_group;
use lending_core::ops::fund::{configure_funds, update_fund_cuts};
use lending_core::ops::market::set_liquidation_limits;
use lending_core::ops::oracle::configure_oracle;
use lending_core::ops::reserve::{update_reserve_config, validate_reserve_config};
use lending_core::ops::timelock::{self, ChangePath, Role};
use lending_core::ops::Clock;
use lending_core::state as core;

/// The kind of account a change is made to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// The market itself.
    Market,
    /// A reserve of the market.
    Reserve,
    /// An e-mode group of the market.
    EmodeGroup,
    /// A price account of the market.
    Oracle,
}

/// Refuses `target` unless it is an account of `kind` in `market` (the market itself for
/// market-wide changes).
pub fn check_target(kind: TargetKind, market: &Pubkey, target: &AccountInfo) -> Result<()> {
    let of_market = match kind {
        TargetKind::Market => target.key == market,
        TargetKind::Reserve => read_as::<Reserve, core::Reserve>(target)?.market == *market,
        TargetKind::EmodeGroup => {
            read_as::<EmodeGroup, core::EmodeGroup>(target)?.market == *market
        }
        TargetKind::Oracle => read_as::<OraclePrice, core::OraclePrice>(target)?.market == *market,
    };
    require!(of_market, LendingError::WrongChangeTarget);
    Ok(())
}

impl AdminChange {
    /// The kind of account the change is made to.
    pub fn target_kind(&self) -> TargetKind {
        match self {
            Self::ReserveConfig(_) | Self::FundCuts(_) => TargetKind::Reserve,
            Self::EmodeGroup(_) => TargetKind::EmodeGroup,
            Self::OracleConfig(_) => TargetKind::Oracle,
            Self::LiquidationLimits(_) | Self::FundSettings(_) | Self::Timelock(_) => {
                TargetKind::Market
            }
        }
    }

    /// Refuses a change outside its bounds when it is queued (what depends on the target's
    /// state is checked again when it is applied).
    pub fn check_bounds(&self, m: &core::LendingMarket) -> Result<()> {
        let allow_fixed_price = m.allow_fixed_price != 0;
        match self {
            Self::ReserveConfig(p) => validate_reserve_config(&p.to_config()?),
            Self::EmodeGroup(p) => {
                let valid = p.limits().params(1, true).is_valid();
                require!(valid, LendingError::InvalidEmodeGroup);
                Ok(())
            }
            Self::OracleConfig(p) => p.settings()?.validate(allow_fixed_price),
            Self::LiquidationLimits(p) => p.limits().validate(),
            Self::FundSettings(p) => p.settings().validate(),
            Self::FundCuts(_) => Ok(()),
            Self::Timelock(p) => p.settings().validate(allow_fixed_price),
        }
        .map_err(|e| LendingError::from(e).into())
    }

    /// Whether the change may land at once on `target` at `now` (the timelock's own settings
    /// never do).
    pub fn path(
        &self,
        m: &core::LendingMarket,
        target: &AccountInfo,
        now: i64,
    ) -> Result<ChangePath> {
        Ok(match self {
            Self::ReserveConfig(p) => {
                let config = p.to_config()?;
                timelock::reserve_change_path(&*read_as::<Reserve, core::Reserve>(target)?, &config)
            }
            Self::FundCuts(p) => {
                timelock::fund_cuts_path(&*read_as::<Reserve, core::Reserve>(target)?, &p.cuts())
            }
            Self::EmodeGroup(p) => timelock::group_change_path(
                &*read_as::<EmodeGroup, core::EmodeGroup>(target)?,
                &p.limits(),
                p.debt_ceiling,
            ),
            Self::OracleConfig(p) => timelock::oracle_change_path(
                &*read_as::<OraclePrice, core::OraclePrice>(target)?,
                &p.settings()?,
                now,
            ),
            Self::LiquidationLimits(p) => timelock::market_limits_path(m, &p.limits()),
            Self::FundSettings(p) => timelock::fund_settings_path(m, &p.settings()),
            Self::Timelock(_) => ChangePath::Queued,
        })
    }

    /// Applies the change to `target` (an account of `market_key`'s market of the right kind,
    /// or the market itself, already loaded as `m`) and emits its event.
    pub fn apply(
        &self,
        m: &mut core::LendingMarket,
        market_key: Pubkey,
        target: &AccountInfo,
        clock: &Clock,
    ) -> Result<()> {
        check_target(self.target_kind(), &market_key, target)?;
        let now = clock.unix_timestamp;
        match self {
            Self::ReserveConfig(p) => {
                let config = p.to_config()?;
                let mut r = read_as_mut::<Reserve, core::Reserve>(target)?;
                let interest_forgiven = update_reserve_config(&mut r, &config, now, m.ramp_secs)
                    .map_err(LendingError::from)?;
                emit!(ReserveConfigUpdated {
                    reserve: target.key(),
                    ltv_bps: config.ltv_bps,
                    liquidation_threshold_bps: config.liquidation_threshold_bps,
                    status: config.status,
                    interest_forgiven,
                    threshold_ramp_end: r.threshold_ramp.end,
                    emode_exit_mask: r.emode_exit_mask,
                    emode_exit_end: r.emode_exit_ramp.end,
                });
            }
            Self::FundCuts(p) => {
                let mut r = read_as_mut::<Reserve, core::Reserve>(target)?;
                update_fund_cuts(&mut r, &p.cuts(), now).map_err(LendingError::from)?;
                emit!(InsuranceFundSet {
                    reserve: target.key(),
                    fund: r.insurance_fund,
                    seed_amount: 0,
                    interest_cut_bps: p.interest_cut_bps,
                    liquidation_cut_bps: p.liquidation_cut_bps,
                });
            }
            Self::EmodeGroup(p) => {
                let mut g = read_as_mut::<EmodeGroup, core::EmodeGroup>(target)?;
                update_group(&mut g, &p.limits(), p.debt_ceiling, clock, m.ramp_secs)
                    .map_err(LendingError::from)?;
                emit!(EmodeGroupSet {
                    market: market_key,
                    group: target.key(),
                    id: g.id,
                    isolated: g.isolated != 0,
                    debt_reserve: g.debt_reserve,
                    params: *p,
                    effective_slot: clock.slot + 1,
                    threshold_ramp_end: g.threshold_ramp.end,
                });
            }
            Self::OracleConfig(p) => {
                let settings = p.settings()?;
                let allow_fixed_price =
                    settings.kind == OracleSource::Fixed && m.allow_fixed_price != 0;
                let mut o = read_as_mut::<OraclePrice, core::OraclePrice>(target)?;
                let price_cleared = configure_oracle(&mut o, &settings, allow_fixed_price)
                    .map_err(LendingError::from)?;
                emit!(OracleConfigUpdated {
                    oracle: target.key(),
                    source_kind: p.source_kind,
                    source: o.source,
                    feed_id: p.feed_id,
                    max_age_secs: p.max_age_secs,
                    max_age_for_risk_secs: p.max_age_for_risk_secs,
                    max_conf_bps: p.max_conf_bps,
                    max_ema_deviation_bps: p.max_ema_deviation_bps,
                    price_cleared,
                });
            }
            Self::LiquidationLimits(p) => {
                set_liquidation_limits(m, &p.limits()).map_err(LendingError::from)?;
                emit!(MarketConfigUpdated {
                    market: market_key,
                    close_factor_bps: p.close_factor_bps,
                    dust_threshold: p.dust_threshold,
                    max_liquidation_value: p.max_liquidation_value,
                    pause_flags: m.pause_flags,
                });
            }
            Self::FundSettings(p) => {
                configure_funds(m, &p.settings()).map_err(LendingError::from)?;
                emit!(FundSettingsUpdated {
                    market: market_key,
                    cooldown_secs: p.cooldown_secs,
                    unstake_window_secs: p.unstake_window_secs,
                    stream_secs: p.stream_secs,
                    max_slash_bps: p.max_slash_bps,
                });
            }
            Self::Timelock(p) => {
                p.settings().apply(m).map_err(LendingError::from)?;
                emit!(TimelockUpdated {
                    market: market_key,
                    delay_secs: p.delay_secs,
                    ramp_secs: p.ramp_secs,
                });
            }
        }
        Ok(())
    }
}

/// Makes `change` directly, signed by `signer`: the owner, or the risk admin for a reserve's
/// configuration or an e-mode group; a change that must be queued is refused
/// ([`timelock::authorize_direct`]). The market is written only by market-wide changes (it is
/// passed writable for those alone).
pub fn make_directly(
    signer: &Pubkey,
    market: &AccountLoader<LendingMarket>,
    target: &AccountInfo,
    change: &AdminChange,
) -> Result<()> {
    if change.target_kind() == TargetKind::Market {
        let mut m = market.load_mut()?;
        make_with(signer, &mut m, market.key(), target, change)
    } else {
        let mut m: core::LendingMarket = **market.load()?;
        make_with(signer, &mut m, market.key(), target, change)
    }
}

fn make_with(
    signer: &Pubkey,
    m: &mut core::LendingMarket,
    market_key: Pubkey,
    target: &AccountInfo,
    change: &AdminChange,
) -> Result<()> {
    let clock = super::accounts::clock()?;
    let role = timelock::role_of(m, signer).map_err(LendingError::from)?;
    let risk_admin_may = matches!(
        change,
        AdminChange::ReserveConfig(_) | AdminChange::EmodeGroup(_)
    );
    require!(
        role == Role::Owner || risk_admin_may,
        LendingError::NotMarketOwner
    );
    check_target(change.target_kind(), &market_key, target)?;
    // Out-of-bounds input is refused as such, before the question of the path.
    change.check_bounds(m)?;
    let path = change.path(m, target, clock.unix_timestamp)?;
    timelock::authorize_direct(m, role, path).map_err(LendingError::from)?;
    change.apply(m, market_key, target, &clock)
}
