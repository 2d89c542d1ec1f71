//! Insurance funds: listing one for a reserve, staking, unstaking through a cooldown, collecting
//! the fund's cut of the reserve's income, and paying toward a write-off.

use super::guards::{check_no_flash_loan, ensure};
use super::Clock;
use crate::constants::{
    FUND_UNSTAKE_WINDOW_SECS, MAX_FEE_BPS, MAX_FUND_COOLDOWN_SECS, MAX_FUND_SLASH_BPS,
    MAX_FUND_STREAM_SECS, MIN_SEED_DEPOSIT,
};
use crate::risk::fixed::BPS;
use crate::state::{InsuranceFund, LendingMarket, Reserve, UnstakeRequest, ACCOUNT_VERSION};
use crate::{LendingError, Pubkey, Result};

/// A market's rules for its insurance funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundSettings {
    /// Seconds an unstake waits before its tokens may be withdrawn.
    pub cooldown_secs: u64,
    /// Seconds, after the cooldown, during which the withdrawal is open.
    pub unstake_window_secs: u64,
    /// Seconds over which collected income vests to stakers.
    pub stream_secs: u64,
    /// Most of a fund's assets one write-off may take, in basis points.
    pub max_slash_bps: u16,
}

impl FundSettings {
    /// A new market's settings: a 7-day cooldown, a 2-day window after it, income streamed
    /// over 7 days, at most 30% of a fund per write-off.
    pub const DEFAULT: Self = Self {
        cooldown_secs: 7 * 86_400,
        unstake_window_secs: 2 * 86_400,
        stream_secs: 7 * 86_400,
        max_slash_bps: 3_000,
    };

    /// The market's settings.
    pub fn of(m: &LendingMarket) -> Self {
        Self {
            cooldown_secs: m.fund_cooldown_secs,
            unstake_window_secs: m.fund_unstake_window_secs,
            stream_secs: m.fund_stream_secs,
            max_slash_bps: m.fund_max_slash_bps,
        }
    }

    /// Refuses settings out of bounds: a cooldown of at most 90 days, a window of 1 minute to
    /// 30 days, a stream of at most 30 days, a slash of 1% to 90% per write-off.
    pub fn validate(&self) -> Result<()> {
        ensure(
            self.cooldown_secs <= MAX_FUND_COOLDOWN_SECS
                && FUND_UNSTAKE_WINDOW_SECS.contains(&self.unstake_window_secs)
                && self.stream_secs <= MAX_FUND_STREAM_SECS
                && (100..=MAX_FUND_SLASH_BPS).contains(&self.max_slash_bps),
            LendingError::InvalidFundConfig,
        )
    }

    /// Writes the settings into the market.
    pub fn apply(&self, m: &mut LendingMarket) {
        m.fund_cooldown_secs = self.cooldown_secs;
        m.fund_unstake_window_secs = self.unstake_window_secs;
        m.fund_stream_secs = self.stream_secs;
        m.fund_max_slash_bps = self.max_slash_bps;
    }
}

/// Sets the market's insurance-fund rules.
pub fn configure_funds(m: &mut LendingMarket, settings: &FundSettings) -> Result<()> {
    settings.validate()?;
    settings.apply(m);
    Ok(())
}

/// A reserve's cuts of its income for its fund, in basis points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FundCuts {
    /// Share of interest.
    pub interest_cut_bps: u16,
    /// Share of the protocol's liquidation fee.
    pub liquidation_cut_bps: u16,
}

impl FundCuts {
    /// Refuses cuts that, with the protocol's take, would leave depositors no interest, or a
    /// liquidation cut above 100%.
    fn validate(&self, r: &Reserve) -> Result<()> {
        ensure(
            self.interest_cut_bps as u32 + r.config.protocol_take_rate_bps as u32
                <= MAX_FEE_BPS as u32
                && self.liquidation_cut_bps as u128 <= BPS,
            LendingError::InvalidFundConfig,
        )
    }

    /// Interest up to `now` accrues under the old cuts first.
    fn apply(&self, r: &mut Reserve, now: i64) -> Result<()> {
        self.validate(r)?;
        r.settle_interest(now)?;
        r.fund_interest_cut_bps = self.interest_cut_bps;
        r.fund_liquidation_cut_bps = self.liquidation_cut_bps;
        Ok(())
    }
}

/// The accounts a new fund names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundAddresses {
    /// The fund's own address.
    pub fund: Pubkey,
    /// The reserve it insures.
    pub reserve: Pubkey,
    /// Its vault.
    pub vault: Pubkey,
    /// Its share mint.
    pub share_mint: Pubkey,
}

/// Sets up the fund of `reserve`, whose seed stake of `seed_amount` tokens is already in its
/// vault: its shares are locked forever, so the share price can never be inflated from an
/// empty fund. The reserve takes the fund's cuts of its income from now on.
pub fn init_fund(
    fund: &mut InsuranceFund,
    reserve: &mut Reserve,
    addresses: &FundAddresses,
    cuts: &FundCuts,
    seed_amount: u64,
    bump: u8,
    now: i64,
) -> Result<()> {
    ensure(
        !reserve.has_insurance_fund(),
        LendingError::InsuranceFundExists,
    )?;
    ensure(
        seed_amount >= MIN_SEED_DEPOSIT,
        LendingError::SeedDepositTooSmall,
    )?;
    cuts.apply(reserve, now)?;
    reserve.insurance_fund = addresses.fund;
    fund.version = ACCOUNT_VERSION;
    fund.market = reserve.market;
    fund.reserve = addresses.reserve;
    fund.vault = addresses.vault;
    fund.share_mint = addresses.share_mint;
    fund.liquidity_mint = reserve.liquidity_mint;
    fund.token_program = reserve.token_program;
    fund.decimals = reserve.decimals;
    fund.assets = seed_amount;
    fund.share_supply = seed_amount;
    fund.seed_shares = seed_amount;
    fund.bump = bump;
    Ok(())
}

/// Changes the reserve's cuts for its fund.
pub fn update_fund_cuts(reserve: &mut Reserve, cuts: &FundCuts, now: i64) -> Result<()> {
    ensure(
        reserve.has_insurance_fund(),
        LendingError::WrongInsuranceFund,
    )?;
    cuts.apply(reserve, now)
}

/// Stakes `amount` tokens and returns the shares to mint (rounded down). Refused while the
/// market is paused.
pub fn stake(
    market: &LendingMarket,
    fund: &mut InsuranceFund,
    amount: u64,
    clock: &Clock,
) -> Result<u64> {
    ensure(
        !market.paused(clock.unix_timestamp),
        LendingError::MarketPaused,
    )?;
    ensure(amount > 0, LendingError::ZeroAmount)?;
    let mut pool = fund.pool();
    let shares = pool
        .shares_for_stake(amount, clock.unix_timestamp)
        .map_err(fund_error)?;
    ensure(shares > 0, LendingError::AmountTooSmall)?;
    pool.record_stake(amount, shares)?;
    fund.set_pool(&pool);
    Ok(shares)
}

/// Opens `request` (new, at `fund_key` for `owner`) for `shares` already burned from the
/// staker's wallet: they stay in the fund and slashable, their withdrawal opens after the
/// market's cooldown for the market's window, and it pays at most what they are worth now. A
/// staker has one request at a time.
pub fn request_unstake(
    market: &LendingMarket,
    fund: &mut InsuranceFund,
    request: &mut UnstakeRequest,
    (fund_key, owner, bump): (&Pubkey, &Pubkey, u8),
    shares: u64,
    clock: &Clock,
) -> Result<()> {
    ensure(shares > 0, LendingError::ZeroAmount)?;
    ensure(request.is_empty(), LendingError::UnstakeRequestOpen)?;
    let settings = FundSettings::of(market);
    request.version = ACCOUNT_VERSION;
    request.fund = *fund_key;
    request.owner = *owner;
    request.bump = bump;
    request.shares = shares;
    request.value_at_request = fund.pool().value_of(shares, clock.unix_timestamp)?;
    request.cooldown_end = clock
        .unix_timestamp
        .saturating_add(settings.cooldown_secs as i64);
    request.window_end = request
        .cooldown_end
        .saturating_add(settings.unstake_window_secs as i64);
    fund.cooldown_shares = fund
        .cooldown_shares
        .checked_add(shares)
        .ok_or(LendingError::MathOverflow)?;
    Ok(())
}

/// Withdraws the request's shares once the cooldown is over and within the window: pays the
/// lower of what they were worth at the request and what they are worth now (losses in the
/// cooldown hit them, income does not reach them). Refused while the market is paused. Returns
/// the tokens to pay; the request is emptied (the program closes it).
pub fn withdraw_stake(
    market: &LendingMarket,
    fund: &mut InsuranceFund,
    request: &mut UnstakeRequest,
    clock: &Clock,
) -> Result<u64> {
    let now = clock.unix_timestamp;
    ensure(!market.paused(now), LendingError::MarketPaused)?;
    ensure(!request.is_empty(), LendingError::NoUnstakeRequest)?;
    ensure(now >= request.cooldown_end, LendingError::CooldownNotOver)?;
    ensure(now < request.window_end, LendingError::UnstakeWindowPassed)?;
    let mut pool = fund.pool();
    let pay = pool
        .value_of(request.shares, now)?
        .min(request.value_at_request);
    pool.record_exit(request.shares, pay, now)?;
    fund.set_pool(&pool);
    leave_cooldown(fund, request)?;
    Ok(pay)
}

/// Cancels the request: its shares come back as if withdrawn and staked again at once (the
/// lower of their value at the request and now, at the share price after they leave), so
/// income that landed in the cooldown stays with the other stakers. Returns the shares to
/// mint; the request is emptied (the program closes it).
pub fn cancel_unstake(
    fund: &mut InsuranceFund,
    request: &mut UnstakeRequest,
    clock: &Clock,
) -> Result<u64> {
    ensure(!request.is_empty(), LendingError::NoUnstakeRequest)?;
    let now = clock.unix_timestamp;
    let mut pool = fund.pool();
    let value = pool
        .value_of(request.shares, now)?
        .min(request.value_at_request);
    pool.record_exit(request.shares, value, now)?;
    let back = pool.shares_for_stake(value, now).map_err(fund_error)?;
    pool.record_stake(value, back)?;
    fund.set_pool(&pool);
    leave_cooldown(fund, request)?;
    Ok(back)
}

/// Takes the request's shares out of the fund's cooldown count and empties the request.
fn leave_cooldown(fund: &mut InsuranceFund, request: &mut UnstakeRequest) -> Result<()> {
    fund.cooldown_shares = fund
        .cooldown_shares
        .checked_sub(request.shares)
        .ok_or(LendingError::MathOverflow)?;
    request.shares = 0;
    request.value_at_request = 0;
    Ok(())
}

/// Collects the fund's cut accrued in the reserve, as far as the reserve's cash allows, and
/// streams it to the stakers over the market's stream period. Refused with a flash loan open.
/// Returns the tokens to move from the supply vault to the fund's vault.
pub fn collect_fund_fees(
    market: &LendingMarket,
    reserve: &mut Reserve,
    fund: &mut InsuranceFund,
    clock: &Clock,
) -> Result<u64> {
    check_no_flash_loan(reserve)?;
    let mut pool = reserve.pool();
    let take = pool.collect_fund_fees()?;
    ensure(take > 0, LendingError::NoFundFeesToCollect)?;
    reserve.set_pool(&pool);
    let mut fp = fund.pool();
    fp.add_income(take, clock.unix_timestamp, market.fund_stream_secs)?;
    fund.set_pool(&fp);
    fund.collected = fund.collected.saturating_add(take);
    Ok(take)
}

/// Pays up to `loss` tokens from the fund toward a write-off, within the market's cap per
/// event, and records it.
pub fn cover(
    market: &LendingMarket,
    fund: &mut InsuranceFund,
    loss: u64,
    now: i64,
) -> crate::risk::RiskResult<u64> {
    let mut pool = fund.pool();
    let paid = pool.cover(loss, now, market.fund_max_slash_bps)?;
    fund.set_pool(&pool);
    if paid > 0 {
        fund.absorbed = fund.absorbed.saturating_add(paid);
        fund.covers = fund.covers.saturating_add(1);
    }
    Ok(paid)
}

/// Refuses a fund that is not the reserve's: the reserve at `reserve_key` with a fund must be
/// given its fund, one without must be given none.
pub fn check_fund(
    reserve: &Reserve,
    reserve_key: &Pubkey,
    fund: Option<&InsuranceFund>,
) -> Result<()> {
    let ok = match fund {
        Some(f) => reserve.has_insurance_fund() && f.reserve == *reserve_key,
        None => !reserve.has_insurance_fund(),
    };
    ensure(ok, LendingError::WrongInsuranceFund)
}

/// Maps an empty fund's refusal to its own error.
fn fund_error(e: crate::risk::RiskError) -> LendingError {
    match e {
        crate::risk::RiskError::ReserveInsolvent => LendingError::FundDepleted,
        e => e.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytemuck::Zeroable;

    const DAY: i64 = 86_400;

    fn market() -> LendingMarket {
        let mut m = LendingMarket::zeroed();
        FundSettings::DEFAULT.apply(&mut m);
        m
    }

    fn at(unix_timestamp: i64) -> Clock {
        Clock {
            slot: 1,
            unix_timestamp,
        }
    }

    /// A fund of 1,000,000 seed tokens for a reserve taking 10% of interest, 50% of the
    /// protocol's liquidation fees.
    fn fund() -> (InsuranceFund, Reserve) {
        let (mut f, mut r) = (InsuranceFund::zeroed(), Reserve::zeroed());
        let addresses = FundAddresses {
            fund: Pubkey::new_from_array([1; 32]),
            reserve: Pubkey::new_from_array([2; 32]),
            vault: Pubkey::new_from_array([3; 32]),
            share_mint: Pubkey::new_from_array([4; 32]),
        };
        let cuts = FundCuts {
            interest_cut_bps: 1_000,
            liquidation_cut_bps: 5_000,
        };
        init_fund(&mut f, &mut r, &addresses, &cuts, 1_000_000, 255, 0).unwrap();
        (f, r)
    }

    #[test]
    fn a_reserve_gets_one_fund_with_a_real_seed() {
        let (mut f, mut r) = fund();
        assert_eq!(r.fund_interest_cut_bps, 1_000);
        let addresses = FundAddresses {
            fund: Pubkey::new_from_array([9; 32]),
            reserve: Pubkey::new_from_array([2; 32]),
            vault: Pubkey::new_from_array([3; 32]),
            share_mint: Pubkey::new_from_array([4; 32]),
        };
        let cuts = FundCuts::default();
        assert_eq!(
            init_fund(&mut f, &mut r, &addresses, &cuts, 1_000_000, 1, 0),
            Err(LendingError::InsuranceFundExists)
        );
        let mut bare = Reserve::zeroed();
        assert_eq!(
            init_fund(&mut f, &mut bare, &addresses, &cuts, 999, 1, 0),
            Err(LendingError::SeedDepositTooSmall)
        );
        bare.config.protocol_take_rate_bps = 9_000;
        let greedy = FundCuts {
            interest_cut_bps: 1_000,
            liquidation_cut_bps: 0,
        };
        assert_eq!(
            init_fund(&mut f, &mut bare, &addresses, &greedy, 1_000, 1, 0),
            Err(LendingError::InvalidFundConfig)
        );
    }

    /// The cooldown holds, the window closes, and a loss inside the cooldown reaches the
    /// shares waiting in it.
    #[test]
    fn unstaking_waits_out_the_cooldown_and_stays_slashable() {
        let (mut f, _) = fund();
        let m = market();
        let shares = stake(&m, &mut f, 1_000_000, &at(0)).unwrap();
        assert_eq!(shares, 1_000_000);
        let mut req = UnstakeRequest::zeroed();
        let key = (
            &Pubkey::new_from_array([1; 32]),
            &Pubkey::new_from_array([5; 32]),
            7,
        );
        request_unstake(&m, &mut f, &mut req, key, shares, &at(0)).unwrap();
        assert_eq!(
            (req.value_at_request, f.cooldown_shares),
            (1_000_000, shares)
        );
        assert_eq!(
            withdraw_stake(&m, &mut f, &mut req, &at(7 * DAY - 1)),
            Err(LendingError::CooldownNotOver)
        );
        // A write-off in the cooldown takes 30% of the fund, the staker's half included.
        assert_eq!(cover(&m, &mut f, 10_000_000, DAY).unwrap(), 600_000);
        let paid = withdraw_stake(&m, &mut f, &mut req, &at(7 * DAY)).unwrap();
        assert_eq!(paid, 700_000);
        assert_eq!(
            (f.assets, f.share_supply, f.cooldown_shares),
            (700_000, 1_000_000, 0)
        );
        assert_eq!(
            withdraw_stake(&m, &mut f, &mut req, &at(7 * DAY)),
            Err(LendingError::NoUnstakeRequest)
        );
        // A request left past its window must be cancelled or made again.
        let mut late = UnstakeRequest::zeroed();
        request_unstake(&m, &mut f, &mut late, key, 1_000, &at(8 * DAY)).unwrap();
        assert_eq!(
            withdraw_stake(&m, &mut f, &mut late, &at(17 * DAY)),
            Err(LendingError::UnstakeWindowPassed)
        );
        assert_eq!(
            cancel_unstake(&mut f, &mut late, &at(17 * DAY)).unwrap(),
            1_000
        );
    }

    /// Shares in cooldown earn nothing: income that lands meanwhile stays with the stakers
    /// who did not ask to leave, on withdrawal and on cancellation alike.
    #[test]
    fn shares_in_cooldown_do_not_earn() {
        let (mut f, mut r) = fund();
        let m = market();
        let shares = stake(&m, &mut f, 1_000_000, &at(0)).unwrap();
        let mut req = UnstakeRequest::zeroed();
        let key = (
            &Pubkey::new_from_array([1; 32]),
            &Pubkey::new_from_array([5; 32]),
            7,
        );
        request_unstake(&m, &mut f, &mut req, key, shares / 2, &at(0)).unwrap();
        r.fund_fees.set(crate::risk::fixed::amount_to_wad(400_000));
        r.available = 1_000_000;
        assert_eq!(
            collect_fund_fees(&m, &mut r, &mut f, &at(0)).unwrap(),
            400_000
        );
        let paid = withdraw_stake(&m, &mut f, &mut req, &at(7 * DAY)).unwrap();
        assert_eq!(paid, 500_000);
        let mut again = UnstakeRequest::zeroed();
        request_unstake(&m, &mut f, &mut again, key, shares / 2, &at(7 * DAY)).unwrap();
        // Still half of the seed's 1,000,000 shares and the other 500,000: a third each.
        r.fund_fees.set(crate::risk::fixed::amount_to_wad(150_000));
        collect_fund_fees(&m, &mut r, &mut f, &at(7 * DAY)).unwrap();
        let back = cancel_unstake(&mut f, &mut again, &at(14 * DAY)).unwrap();
        assert!(back < shares / 2, "{back} shares back for {}", shares / 2);
        assert_eq!(f.cooldown_shares, 0);
    }
}
