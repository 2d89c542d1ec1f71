//! Insurance funds: the loss order, the cooldown, streamed income, and the attacks on them
//! (staking ahead of income, leaving ahead of a loss, donations, repeated write-offs, wrong
//! accounts, a hostile owner within bounds).

use super::env::{assert_anchor_err, assert_err, VmEnv};
use super::fixture::{Market, User, SOL_UNIT, USD_UNIT};
use super::fund_fixture::{cuts, Staker};
use super::invariants;
use super::ix;
use super::liquidation_tests::{liquidate_ix, liquidate_until_closed, params, setup, share_rate};
use super::scenario_tests::{PYUSD, SOL, USDC};
use anchor_lang::prelude::{AccountMeta, Pubkey};
use lending::errors::LendingError;
use lending::risk::fixed::amount_to_wad;
use lending::risk::WAD;
use lending_sdk::fund::{self, with_fund};
use lending_sdk::types::{FundCutsParams, FundSettingsParams};
use solana_signer::Signer;

/// Staked by the fixture's staker: 5,000 USDC, well over the loss of the crash below.
const STAKE: u64 = 5_000 * USD_UNIT;
const DAY: i64 = 86_400;
/// The default cooldown (7 days) and window (2 days).
const COOLDOWN: i64 = 7 * DAY;
const WINDOW: i64 = 2 * DAY;

/// The liquidation setup (10 SOL of collateral against 700 USDC of debt) with a fund on USDC
/// (10% of interest, half the liquidation fee) in which a staker holds `stake`.
async fn setup_fund(env: &mut impl VmEnv, stake: u64) -> (Market, User, User, User, Staker) {
    let (m, lender, b, l) = setup(env).await;
    m.add_fund(env, USDC, cuts()).await;
    let s = m.staker(env, USDC, stake).await;
    if stake > 0 {
        m.stake(env, &s, USDC, stake).await.unwrap();
    }
    (m, lender, b, l, s)
}

/// What `s`'s shares in reserve `i`'s fund are worth now.
async fn stake_value(env: &mut impl VmEnv, m: &Market, s: &Staker, i: usize) -> u64 {
    let shares = env.balance(&s.shares).await;
    let now = env.clock().await.unix_timestamp;
    m.fund(env, i).await.pool().value_of(shares, now).unwrap()
}

/// The loss order: the fund's uncollected cut, then the fund's vault, then protocol fees
/// (only the fraction of a token the fund cannot pay), and depositors lose nothing.
async fn a_write_off_takes_the_fund_first<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l, s) = setup_fund(&mut env, STAKE).await;
    env.advance(DAY).await;
    m.act_reserves(&mut env, &[], &[]).await.unwrap();
    let before = m.reserve(&mut env, USDC).await;
    let fund_before = m.fund(&mut env, USDC).await;
    assert!(
        before.fund_fees.get() > 0,
        "a day of interest gave the fund nothing"
    );
    // SOL falls to $40: collateral $400 against $700.7 of debt.
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    let wrote_off = liquidate_until_closed(&mut env, &m, &b, &l).await;
    assert!(
        wrote_off > amount_to_wad(100 * USD_UNIT),
        "wrote off {wrote_off}"
    );

    let after = m.reserve(&mut env, USDC).await;
    let fund_after = m.fund(&mut env, USDC).await;
    let paid = fund_before.assets - fund_after.assets;
    assert_eq!((fund_after.absorbed, fund_after.covers), (paid, 1));
    assert_eq!(
        after.fund_fees.get(),
        0,
        "the fund's uncollected cut went first"
    );
    // The fund paid the rest in whole tokens; the fraction left came out of protocol fees.
    let open = wrote_off - before.fund_fees.get();
    assert!(amount_to_wad(paid) <= open && open - amount_to_wad(paid) < WAD);
    let fees_taken = before.protocol_fees.get() - after.protocol_fees.get();
    assert_eq!(fees_taken, open - amount_to_wad(paid));
    assert!(share_rate(&after) >= share_rate(&before), "depositors lost");
    assert!(stake_value(&mut env, &m, &s, USDC).await < STAKE);
    m.redeem(&mut env, &lender, USDC, u64::MAX).await.unwrap();
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

/// A fund smaller than the loss pays at most the market's cap (30% of its assets) for one
/// write-off; protocol fees and then depositors take the rest.
async fn a_small_fund_pays_its_cap_and_depositors_the_rest<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l, _s) = setup_fund(&mut env, 100 * USD_UNIT).await;
    let before = m.reserve(&mut env, USDC).await;
    let fund_before = m.fund(&mut env, USDC).await;
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    liquidate_until_closed(&mut env, &m, &b, &l).await;
    let after = m.reserve(&mut env, USDC).await;
    let fund_after = m.fund(&mut env, USDC).await;
    assert_eq!(
        fund_before.assets - fund_after.assets,
        fund_before.assets * 3_000 / 10_000
    );
    assert_eq!(after.protocol_fees.get(), 0);
    assert!(
        share_rate(&after) < share_rate(&before),
        "depositors took no loss"
    );
    invariants::check(&mut env, &m, &[lender.obligation, b.obligation]).await;
}

/// Attack: a staker who sees an insolvent obligation asks to leave before anyone writes it
/// off. The cooldown holds the shares in the fund, the write-off reaches them, and the
/// withdrawal pays what is left.
async fn unstaking_ahead_of_a_visible_loss_is_too_late<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l, s) = setup_fund(&mut env, STAKE).await;
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    let shares = env.balance(&s.shares).await;
    m.request_unstake(&mut env, &s, USDC, shares).await.unwrap();
    assert_eq!(env.balance(&s.shares).await, 0);
    assert_err(
        m.withdraw_stake(&mut env, &s, USDC).await,
        LendingError::CooldownNotOver,
    );
    let assets_before = m.fund(&mut env, USDC).await.assets;
    liquidate_until_closed(&mut env, &m, &b, &l).await;
    let paid = assets_before - m.fund(&mut env, USDC).await.assets;
    assert!(paid > 0);
    env.advance(COOLDOWN).await;
    m.withdraw_stake(&mut env, &s, USDC).await.unwrap();
    let got = env.balance(&s.liquidity).await;
    // The staker holds 5,000 of the fund's 5,001 USDC: it bears that share of the payment.
    let share_of_loss = paid as u128 * STAKE as u128 / assets_before as u128;
    assert!(
        got as u128 <= STAKE as u128 - share_of_loss + 1,
        "got {got}"
    );
    assert!(got < STAKE);
    let request = fund::request_address(&m.fund_keys(USDC).fund, &s.kp.pubkey());
    assert!(
        env.get(&request).await.is_none(),
        "the request was not closed"
    );
    invariants::check(&mut env, &m, &[b.obligation]).await;
}

/// A market where a second borrower owes 40,000 USDC (80% utilisation), so the fund's 10% cut
/// of interest adds up; with every obligation holding a position.
async fn busy_market(env: &mut impl VmEnv) -> (Market, Vec<Pubkey>, Staker) {
    let (m, _lender, b, _l, s) = setup_fund(env, STAKE).await;
    let big = m.user(env, &[1_000 * SOL_UNIT, 0, 0]).await;
    m.deposit_collateral(env, &big, SOL, 1_000 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(env, &big, USDC, 40_000 * USD_UNIT).await.unwrap();
    (m, vec![b.obligation, big.obligation], s)
}

/// Attack: stake just before the fund's income is collected, then leave. The income vests over
/// the stream and shares in cooldown earn nothing: the attacker gets back at most its stake,
/// by withdrawal or by cancellation, while the staker who stayed earns it.
async fn a_stake_just_before_income_lands_earns_none_of_it<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, obligations, s) = busy_market(&mut env).await;
    env.advance(30 * DAY).await;
    m.act_reserves(&mut env, &[], &[]).await.unwrap();
    let uncollected = m.reserve(&mut env, USDC).await.fund_fees.get();
    assert!(
        uncollected > amount_to_wad(10 * USD_UNIT),
        "cut {uncollected}"
    );

    let a = m.staker(&mut env, USDC, STAKE).await;
    let c = m.staker(&mut env, USDC, STAKE).await;
    m.stake(&mut env, &a, USDC, STAKE).await.unwrap();
    m.stake(&mut env, &c, USDC, STAKE).await.unwrap();
    m.collect_fund_fees(&mut env, USDC).await.unwrap();
    let (a_shares, c_shares) = (env.balance(&a.shares).await, env.balance(&c.shares).await);
    m.request_unstake(&mut env, &a, USDC, a_shares)
        .await
        .unwrap();
    m.request_unstake(&mut env, &c, USDC, c_shares)
        .await
        .unwrap();
    // Right after the collection the income has not vested: nothing to take.
    assert!(stake_value(&mut env, &m, &s, USDC).await <= STAKE);

    env.advance(COOLDOWN).await;
    m.withdraw_stake(&mut env, &a, USDC).await.unwrap();
    assert!(env.balance(&a.liquidity).await <= STAKE);
    m.cancel_unstake(&mut env, &c, USDC).await.unwrap();
    let back = env.balance(&c.shares).await;
    assert!(
        back < c_shares,
        "cancel returned {back} of {c_shares} shares"
    );
    assert!(stake_value(&mut env, &m, &c, USDC).await <= STAKE);
    // The staker who stayed through the stream earned the income.
    assert!(stake_value(&mut env, &m, &s, USDC).await > STAKE);
    invariants::check(&mut env, &m, &obligations).await;
}

/// Attack: tokens sent straight to the fund's vault. The fund counts only what it was paid:
/// the share price, and so what a later staker gets, do not move.
async fn a_donation_to_the_fund_vault_counts_for_nothing<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l, _s) = setup_fund(&mut env, STAKE).await;
    let k = m.fund_keys(USDC);
    let f0 = m.fund(&mut env, USDC).await;
    let donor = m.staker(&mut env, USDC, 1_000 * USD_UNIT).await;
    let gift = ix::token::transfer_checked(
        donor.kp.pubkey(),
        donor.liquidity,
        k.mint,
        k.vault,
        1_000 * USD_UNIT,
        k.decimals,
        k.token_program,
    );
    env.ok(&[gift], &[&donor.kp]).await;
    let f1 = m.fund(&mut env, USDC).await;
    assert_eq!((f1.assets, f1.share_supply), (f0.assets, f0.share_supply));
    let n = m.staker(&mut env, USDC, 1_000 * USD_UNIT).await;
    m.stake(&mut env, &n, USDC, 1_000 * USD_UNIT).await.unwrap();
    let now = env.clock().await.unix_timestamp;
    let expected = f1.pool().shares_for_stake(1_000 * USD_UNIT, now).unwrap();
    assert_eq!(env.balance(&n.shares).await, expected);
    assert_eq!(expected, 1_000 * USD_UNIT, "the share price moved");
    invariants::check(&mut env, &m, &[b.obligation]).await;
}

/// Attack: drain the fund through a run of write-offs. Each takes at most what was lost (whole
/// tokens, rounded down) and at most the cap of what the fund then holds.
async fn repeated_write_offs_take_only_what_is_lost<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b, l, _s) = setup_fund(&mut env, STAKE).await;
    let mut borrowers = vec![b];
    for _ in 0..2 {
        let u = m.user(&mut env, &[10 * SOL_UNIT, 0, 0]).await;
        m.deposit_collateral(&mut env, &u, SOL, 10 * SOL_UNIT)
            .await
            .unwrap();
        m.borrow(&mut env, &u, USDC, 700 * USD_UNIT).await.unwrap();
        borrowers.push(u);
    }
    m.set_price(&mut env, SOL, 40_000_000, -6).await;
    let mut absorbed = 0;
    for u in &borrowers {
        let f = m.fund(&mut env, USDC).await;
        let fees = m.reserve(&mut env, USDC).await.fund_fees.get();
        let lost = liquidate_until_closed(&mut env, &m, u, &l).await;
        let paid = f.assets - m.fund(&mut env, USDC).await.assets;
        assert!(amount_to_wad(paid) <= lost.saturating_sub(fees));
        assert!(paid as u128 * 10_000 <= f.assets as u128 * 3_000);
        absorbed += paid;
    }
    let f = m.fund(&mut env, USDC).await;
    assert_eq!((f.absorbed, f.covers), (absorbed, 3));
    let mut obs: Vec<_> = borrowers.iter().map(|u| u.obligation).collect();
    obs.push(lender.obligation);
    invariants::check(&mut env, &m, &obs).await;
}

/// Attack: liquidate a reserve's debt without its fund, with another reserve's fund, or with
/// the fund but another vault. Each is refused before anything moves.
async fn liquidations_must_pass_the_reserves_own_fund<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l, _s) = setup_fund(&mut env, STAKE).await;
    let other = m.add_fund(&mut env, PYUSD, cuts()).await;
    let own = m.fund_keys(USDC);
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    let bare = liquidate_ix(&m, &b, &l, params(u64::MAX, 1, false));
    let with = |fund: Pubkey, vault: Pubkey| {
        let mut ix = bare.clone();
        ix.accounts.push(AccountMeta::new(fund, false));
        ix.accounts.push(AccountMeta::new(vault, false));
        ix
    };
    for (ixx, what) in [
        (bare.clone(), "no fund"),
        (with(other.fund, other.vault), "another reserve's fund"),
        (with(own.fund, other.vault), "another fund's vault"),
        (with(own.vault, own.fund), "the two swapped"),
    ] {
        let res = m.act(&mut env, &b.obligation, &[ixx], &[&l.kp]).await;
        assert_eq!(
            super::env::custom_code(&res),
            Some(LendingError::WrongInsuranceFund as u32 + 6000),
            "{what}: {res:?}"
        );
    }
    assert_eq!(env.balance(&l.shares[SOL]).await, 0);
    m.act(
        &mut env,
        &b.obligation,
        &[with(own.fund, own.vault)],
        &[&l.kp],
    )
    .await
    .unwrap();
    assert!(env.balance(&l.shares[SOL]).await > 0);
}

/// A hostile owner within bounds: the fund rules and cuts refuse anything past their limits,
/// only the owner sets them, and a reserve gets one fund with a real seed.
async fn fund_settings_and_cuts_stay_within_bounds<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, _b, _l) = setup(&mut env).await;
    let ok = FundSettingsParams {
        cooldown_secs: 0,
        unstake_window_secs: 60,
        stream_secs: 0,
        max_slash_bps: 9_000,
    };
    for bad in [
        FundSettingsParams {
            max_slash_bps: 9_001,
            ..ok
        },
        FundSettingsParams {
            max_slash_bps: 99,
            ..ok
        },
        FundSettingsParams {
            unstake_window_secs: 59,
            ..ok
        },
        FundSettingsParams {
            cooldown_secs: 90 * DAY as u64 + 1,
            ..ok
        },
        FundSettingsParams {
            stream_secs: 30 * DAY as u64 + 1,
            ..ok
        },
    ] {
        assert_err(
            m.set_fund_settings(&mut env, bad).await,
            LendingError::InvalidFundConfig,
        );
    }
    m.set_fund_settings(&mut env, ok).await.unwrap();
    let stranger = env.wallet(1).await;
    let ixx = fund::update_fund_settings(stranger.pubkey(), m.market, ok);
    assert_err(
        env.send(&[ixx], &[&stranger]).await,
        LendingError::NotMarketOwner,
    );

    let k = m.fund_keys(USDC);
    let o = m.owner.pubkey();
    let src = env.token_account(&k.mint, &o, k.token_program).await;
    env.mint_to(&k.mint, &src, 10_000_000, k.token_program)
        .await;
    let init = |cuts: FundCutsParams, seed: u64| fund::init_insurance_fund(o, &k, src, cuts, seed);
    // The protocol takes 10% of interest: a 90% cut would leave depositors nothing.
    let greedy = FundCutsParams {
        interest_cut_bps: 9_000,
        liquidation_cut_bps: 0,
    };
    assert_err(
        env.send(&[init(greedy, 1_000_000)], &[&m.owner]).await,
        LendingError::InvalidFundConfig,
    );
    assert_err(
        env.send(&[init(cuts(), 999)], &[&m.owner]).await,
        LendingError::SeedDepositTooSmall,
    );
    let update = fund::update_insurance_fund(o, &k, cuts());
    assert_err(
        env.send(std::slice::from_ref(&update), &[&m.owner]).await,
        LendingError::WrongInsuranceFund,
    );
    env.ok(&[init(cuts(), 1_000_000)], &[&m.owner]).await;
    assert!(env
        .send(&[init(cuts(), 1_000_000)], &[&m.owner])
        .await
        .is_err());
    env.ok(&[update], &[&m.owner]).await;
    let r = m.reserve(&mut env, USDC).await;
    assert_eq!(r.fund_interest_cut_bps, 1_000);
    assert_eq!(r.insurance_fund, k.fund);
    // With the fund taking 10% of interest, the protocol may not take 90% or more: depositors
    // would get nothing (or less than nothing).
    let mut c = super::fixture::config(8_000, 8_500);
    c.protocol_take_rate_bps = 9_000;
    let greedy = ix::update_reserve_config(o, &m.reserves[USDC], c.clone());
    assert_err(
        env.send(&[greedy], &[&m.owner]).await,
        LendingError::InvalidReserveConfig,
    );
    c.protocol_take_rate_bps = 8_999;
    env.ok(
        &[ix::update_reserve_config(o, &m.reserves[USDC], c)],
        &[&m.owner],
    )
    .await;
}

/// The window closes on a request left too long (it can be cancelled, shares back in full), a
/// staker has one request at a time, and a paused market holds stakes and withdrawals (not
/// requests).
async fn the_window_closes_and_a_pause_holds_withdrawals<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l, s) = setup_fund(&mut env, STAKE).await;
    let shares = env.balance(&s.shares).await;
    m.request_unstake(&mut env, &s, USDC, shares / 2)
        .await
        .unwrap();
    assert!(m.request_unstake(&mut env, &s, USDC, 1).await.is_err());
    let r = m.unstake_request(&mut env, &s, USDC).await;
    assert_eq!(r.window_end - r.cooldown_end, WINDOW);
    env.advance(COOLDOWN + WINDOW).await;
    assert_err(
        m.withdraw_stake(&mut env, &s, USDC).await,
        LendingError::UnstakeWindowPassed,
    );
    m.cancel_unstake(&mut env, &s, USDC).await.unwrap();
    assert_eq!(env.balance(&s.shares).await, shares);

    m.request_unstake(&mut env, &s, USDC, shares).await.unwrap();
    env.advance(COOLDOWN).await;
    let pause = ix::pause_market(m.owner.pubkey(), m.market, lending::state::PAUSE_ALL, 60);
    env.ok(&[pause], &[&m.owner]).await;
    assert_err(
        m.withdraw_stake(&mut env, &s, USDC).await,
        LendingError::MarketPaused,
    );
    let late = m.staker(&mut env, USDC, USD_UNIT).await;
    assert_err(
        m.stake(&mut env, &late, USDC, USD_UNIT).await,
        LendingError::MarketPaused,
    );
    env.advance(61).await;
    m.withdraw_stake(&mut env, &s, USDC).await.unwrap();
    assert!(env.balance(&s.liquidity).await >= STAKE - 1);
    invariants::check(&mut env, &m, &[b.obligation]).await;
}

/// The fund of the collateral reserve takes its cut of the protocol's liquidation fee; its
/// collected income vests linearly over the stream; there is nothing to collect twice.
async fn liquidation_fees_feed_the_collateral_fund_and_vest<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l, _s) = setup_fund(&mut env, STAKE).await;
    m.add_fund(&mut env, SOL, cuts()).await;
    let before = m.reserve(&mut env, SOL).await;
    m.set_price(&mut env, SOL, 85_000_000, -6).await;
    let ixx = with_fund(
        liquidate_ix(&m, &b, &l, params(u64::MAX, 1, false)),
        &m.reserves[USDC].reserve,
        &m.reserve(&mut env, USDC).await,
    );
    m.act(&mut env, &b.obligation, &[ixx], &[&l.kp])
        .await
        .unwrap();
    let after = m.reserve(&mut env, SOL).await;
    let to_fund = after.fund_fees.get() - before.fund_fees.get();
    let to_protocol = after.protocol_fees.get() - before.protocol_fees.get();
    assert!(to_fund > amount_to_wad(1_000), "fund cut {to_fund}");
    // Half of the fee, rounded down for the fund.
    assert!(to_protocol >= to_fund && to_protocol - to_fund <= 1);

    let f0 = m.fund(&mut env, SOL).await;
    m.collect_fund_fees(&mut env, SOL).await.unwrap();
    let f1 = m.fund(&mut env, SOL).await;
    let income = f1.assets - f0.assets;
    assert_eq!(income as u128, to_fund / WAD);
    let now = env.clock().await.unix_timestamp;
    assert_eq!(f1.stream_end - now, 7 * DAY);
    assert_eq!(f1.pool().vested(now), f0.pool().vested(now));
    assert_err(
        m.collect_fund_fees(&mut env, SOL).await,
        LendingError::NoFundFeesToCollect,
    );
    let start = now;
    env.advance(7 * DAY / 2).await;
    let mid = f1.pool().vested(start + 7 * DAY / 2) - f0.assets;
    assert!(
        mid.abs_diff(income / 2) <= 1,
        "half-way vested {mid} of {income}"
    );
    assert_eq!(f1.pool().vested(start + 7 * DAY), f1.assets);
}

/// Wrong signer for a staker's request: a stranger cannot withdraw or cancel another
/// staker's request (the request is found by its owner).
async fn only_the_staker_moves_its_request<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, _b, _l, s) = setup_fund(&mut env, STAKE).await;
    let shares = env.balance(&s.shares).await;
    m.request_unstake(&mut env, &s, USDC, shares).await.unwrap();
    env.advance(COOLDOWN).await;
    let thief = m.staker(&mut env, USDC, 0).await;
    let k = m.fund_keys(USDC);
    let mut steal = fund::withdraw_stake(thief.kp.pubkey(), &k, thief.liquidity);
    // Point at the victim's request: its seeds name the victim.
    steal.accounts[6].pubkey = fund::request_address(&k.fund, &s.kp.pubkey());
    assert_err(
        env.send(&[steal], &[&thief.kp]).await,
        LendingError::NoUnstakeRequest,
    );
    // Its own request does not exist.
    assert_anchor_err(
        m.withdraw_stake(&mut env, &thief, USDC).await,
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
    );
    m.withdraw_stake(&mut env, &s, USDC).await.unwrap();
}

crate::scenarios!(
    fund_tests:
    a_write_off_takes_the_fund_first,
    a_small_fund_pays_its_cap_and_depositors_the_rest,
    unstaking_ahead_of_a_visible_loss_is_too_late,
    a_stake_just_before_income_lands_earns_none_of_it,
    a_donation_to_the_fund_vault_counts_for_nothing,
    repeated_write_offs_take_only_what_is_lost,
    liquidations_must_pass_the_reserves_own_fund,
    fund_settings_and_cuts_stay_within_bounds,
    the_window_closes_and_a_pause_holds_withdrawals,
    liquidation_fees_feed_the_collateral_fund_and_vest,
    only_the_staker_moves_its_request,
);
