//! #23, roles, the timelock and ramps: the attacks first (a risk admin loosening, the owner
//! skipping the queue, a queued change front-run, applied early, after cancellation or after
//! expiry, the delay shortened without the queue), then a lowered threshold that ramps instead
//! of liquidating at once.

use super::env::{assert_err, VmEnv};
use super::fixture::{config, Market, USD_UNIT};
use super::ix;
use super::liquidation_tests::{liquidate_ix, params, setup};
use super::scenario_tests::{SOL, USDC};
use lending::errors::LendingError;
use lending_sdk::lending_core::state::{LendingMarket, ReserveStatus};
use lending_sdk::types::{AdminChange, EmodeGroupParams, FundSettingsParams, TimelockParams};
use solana_signer::Signer;

const DAY: i64 = 86_400;

/// SOL's listing configuration in `three_reserves`, with its LTV and threshold replaced.
fn sol_config(ltv_bps: u16, threshold_bps: u16) -> lending_sdk::types::ReserveConfigParams {
    config(ltv_bps, threshold_bps)
}

/// Roles: the risk admin tightens at once and cannot loosen, queue, or touch what only the
/// owner may; a stranger is no authority; with a delay, the owner cannot skip the queue.
async fn the_risk_admin_only_tightens_and_the_owner_cannot_skip_the_queue<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, _b, _l) = setup(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    let admin = m.name_role(&mut env, false).await;
    let stranger = env.wallet(10).await;
    let sol = m.reserves[SOL];
    // Lowering the LTV is instant for the risk admin.
    env.ok(
        &[ix::update_reserve_config(
            admin.pubkey(),
            &sol,
            sol_config(7_000, 8_000),
        )],
        &[&admin],
    )
    .await;
    assert_eq!(m.reserve(&mut env, SOL).await.config.ltv_bps, 7_000);
    // Raising it back is a loosening: refused to the risk admin, and to the owner directly.
    let loosen = ix::update_reserve_config(admin.pubkey(), &sol, sol_config(7_500, 8_000));
    assert_err(
        env.send(&[loosen], &[&admin]).await,
        LendingError::RiskAdminCannotLoosen,
    );
    let direct = ix::update_reserve_config(m.owner.pubkey(), &sol, sol_config(7_500, 8_000));
    assert_err(
        env.send(&[direct], &[&m.owner]).await,
        LendingError::ChangeNeedsTimelock,
    );
    // A fee change moves money between users: queued, whichever way it goes.
    let mut cheaper = sol_config(7_000, 8_000);
    cheaper.origination_fee_bps = 0;
    assert_err(
        env.send(
            &[ix::update_reserve_config(m.owner.pubkey(), &sol, cheaper)],
            &[&m.owner],
        )
        .await,
        LendingError::ChangeNeedsTimelock,
    );
    // A stranger is neither owner nor risk admin.
    assert_err(
        env.send(
            &[ix::update_reserve_config(
                stranger.pubkey(),
                &sol,
                sol_config(6_000, 8_000),
            )],
            &[&stranger],
        )
        .await,
        LendingError::NotMarketAuthority,
    );
    // The risk admin can neither queue nor make owner-only changes.
    let id = m.next_change_id(&mut env).await;
    let queue = ix::queue_change(
        admin.pubkey(),
        admin.pubkey(),
        m.market,
        sol.reserve,
        id,
        AdminChange::ReserveConfig(sol_config(7_500, 8_000)),
    );
    assert_err(
        env.send(&[queue], &[&admin]).await,
        LendingError::NotMarketOwner,
    );
    assert_err(
        env.send(
            &[lending_sdk::fund::update_fund_settings(
                admin.pubkey(),
                m.market,
                FundSettingsParams {
                    cooldown_secs: 0,
                    unstake_window_secs: 3_600,
                    stream_secs: 0,
                    max_slash_bps: 3_000,
                },
            )],
            &[&admin],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    // Nothing the refused attempts did stuck.
    let r = m.reserve(&mut env, SOL).await;
    assert_eq!(
        (r.config.ltv_bps, r.config.origination_fee_bps),
        (7_000, 10)
    );
}

/// A queued LTV raise: a borrow at the new limit is refused until the change is applied; once
/// applied in the same transaction, a borrow on a refresh made before it is refused (the
/// reserve was reconfigured), and one on a fresh refresh goes through. Applying early, after a
/// cancel, and after the expiry are all refused; anyone may close an expired change.
async fn a_queued_change_is_applied_only_in_its_window_and_never_front_run<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, _l) = setup(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    let sol = m.reserves[SOL];
    let raise = AdminChange::ReserveConfig(sol_config(7_900, 8_000));
    let (id, res) = m.queue(&mut env, sol.reserve, raise.clone()).await;
    res.unwrap();
    let market: LendingMarket = env.zc(&m.market).await;
    assert_eq!((market.changes_queued, market.changes_pending), (id + 1, 1));
    // 10 SOL ($1,000) back 700.70 USDC; at 75% the limit is $750: 60 more USDC do not fit
    // (760.76 with the fee), at 79% ($790) they would.
    assert_err(
        m.borrow(&mut env, &b, USDC, 60 * USD_UNIT).await,
        LendingError::BorrowTooLarge,
    );
    assert_err(
        env.send(&[m.apply_ix(id, sol.reserve)], &[]).await,
        LendingError::ChangeNotYetEffective,
    );
    env.advance(DAY).await;
    // Applied between the obligation's refresh and the borrow: the borrow is refused.
    let ob = env.zc(&b.obligation).await;
    let valued = lending_sdk::market::obligation_reserves(&ob);
    let borrow = ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        b.liquidity[USDC],
        60 * USD_UNIT,
        &valued,
    );
    let mut stale = m.refresh_all_reserves();
    stale.push(m.refresh_obligation_ix(&mut env, &b.obligation).await);
    stale.push(m.apply_ix(id, sol.reserve));
    stale.push(borrow.clone());
    assert_err(
        env.send(&stale, &[&b.kp]).await,
        LendingError::ValuationChanged,
    );
    // Applied first, then refreshed: the new limit holds.
    let mut fresh = vec![m.apply_ix(id, sol.reserve)];
    fresh.extend(m.refresh_all_reserves());
    fresh.push(m.refresh_obligation_ix(&mut env, &b.obligation).await);
    fresh.push(borrow);
    env.ok(&fresh, &[&b.kp]).await;
    assert_eq!(m.reserve(&mut env, SOL).await.config.ltv_bps, 7_900);
    // Applied once: the account is gone, so it cannot be applied again.
    assert!(env
        .get(&ix::pda::pending_change(&m.market, id))
        .await
        .is_none());
    assert!(env.send(&[m.apply_ix(id, sol.reserve)], &[]).await.is_err());

    // Cancelled by the guardian: never applied.
    let guardian = m.name_role(&mut env, true).await;
    let (cancelled, res) = m.queue(&mut env, sol.reserve, raise.clone()).await;
    res.unwrap();
    let stranger = env.wallet(10).await;
    let cancel = |signer| ix::cancel_change(signer, m.market, cancelled, m.owner.pubkey());
    assert_err(
        env.send(&[cancel(stranger.pubkey())], &[&stranger]).await,
        LendingError::NotChangeCanceller,
    );
    env.ok(&[cancel(guardian.pubkey())], &[&guardian]).await;
    env.advance(DAY).await;
    assert!(env
        .send(&[m.apply_ix(cancelled, sol.reserve)], &[])
        .await
        .is_err());

    // Expired: refused, and closed by anyone.
    let (late, res) = m.queue(&mut env, sol.reserve, raise).await;
    res.unwrap();
    env.advance(DAY + 7 * DAY + 1).await;
    assert_err(
        env.send(&[m.apply_ix(late, sol.reserve)], &[]).await,
        LendingError::ChangeExpired,
    );
    env.ok(
        &[ix::cancel_change(
            stranger.pubkey(),
            m.market,
            late,
            m.owner.pubkey(),
        )],
        &[&stranger],
    )
    .await;
    let market: LendingMarket = env.zc(&m.market).await;
    assert_eq!(market.changes_pending, 0);
}

/// The delay changes only through the queue: a shorter one waits for the current delay, one
/// below the floor is refused when queued, and the pause flags (which `update_market_config`
/// still sets at once) leave it alone.
async fn the_delay_cannot_be_shortened_without_the_queue<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, _b, _l) = setup(&mut env).await;
    m.set_timelock(&mut env, 2 * DAY as u64, DAY as u64).await;
    let shorter = AdminChange::Timelock(TimelockParams {
        delay_secs: 0,
        ramp_secs: 0,
    });
    let (id, res) = m.queue(&mut env, m.market, shorter).await;
    res.unwrap();
    env.advance(DAY).await;
    assert_err(
        env.send(&[m.apply_ix(id, m.market)], &[]).await,
        LendingError::ChangeNotYetEffective,
    );
    let too_long = AdminChange::Timelock(TimelockParams {
        delay_secs: 15 * DAY as u64,
        ramp_secs: 0,
    });
    assert_err(
        m.queue(&mut env, m.market, too_long).await.1,
        LendingError::InvalidTimelockSettings,
    );
    env.advance(DAY).await;
    env.ok(&[m.apply_ix(id, m.market)], &[]).await;
    let market: LendingMarket = env.zc(&m.market).await;
    assert_eq!((market.timelock_delay_secs, market.ramp_secs), (0, 0));
}

/// In a market with a delay a new reserve is listed frozen and activated through the queue.
async fn a_listing_starts_frozen_where_there_is_a_delay<E: VmEnv>() {
    let mut env = E::start().await;
    let mut m = Market::new(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    let mint = env.create_mint(6, super::env::SPL_TOKEN).await;
    let k = ix::ReserveKeys::derive(m.market, mint, super::env::SPL_TOKEN, 6);
    let o = m.owner.pubkey();
    env.ok(
        &[ix::init_oracle_price(
            o,
            m.market,
            mint,
            super::fixture::fixed_oracle(1_000_000, -6),
        )],
        &[&m.owner],
    )
    .await;
    let src = env.token_account(&mint, &o, super::env::SPL_TOKEN).await;
    env.mint_to(&mint, &src, super::fixture::SEED, super::env::SPL_TOKEN)
        .await;
    let active = config(8_000, 8_500);
    assert_err(
        env.send(
            &[ix::init_reserve(
                o,
                &k,
                src,
                active.clone(),
                super::fixture::SEED,
            )],
            &[&m.owner],
        )
        .await,
        LendingError::ChangeNeedsTimelock,
    );
    let mut frozen = active.clone();
    frozen.status = ReserveStatus::Frozen as u8;
    env.ok(
        &[ix::init_reserve(o, &k, src, frozen, super::fixture::SEED)],
        &[&m.owner],
    )
    .await;
    let (id, res) = m
        .queue(&mut env, k.reserve, AdminChange::ReserveConfig(active))
        .await;
    res.unwrap();
    env.advance(DAY).await;
    env.ok(&[m.apply_ix(id, k.reserve)], &[]).await;
    m.reserves.push(k);
    let r = m.reserve(&mut env, m.reserves.len() - 1).await;
    assert_eq!(r.config.status, ReserveStatus::Active as u8);
}

/// A lowered liquidation threshold ramps: 10 SOL ($1,000) back 700.70 USDC; SOL's threshold
/// goes from 80% to 60% over a day. At once nothing is liquidatable (line $800); a quarter of
/// the way (75%, $750) still not; half way (70%, $700) the obligation is past its line and a
/// liquidation goes through.
async fn a_lowered_threshold_ramps_instead_of_liquidating_at_once<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b, l) = setup(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    let sol = m.reserves[SOL];
    let t0 = env.clock().await.unix_timestamp;
    env.ok(
        &[ix::update_reserve_config(
            m.owner.pubkey(),
            &sol,
            sol_config(5_000, 6_000),
        )],
        &[&m.owner],
    )
    .await;
    let r = m.reserve(&mut env, SOL).await;
    assert_eq!(r.config.liquidation_threshold_bps, 8_000);
    assert_eq!(
        (r.threshold_ramp.to_bps, r.threshold_ramp.end),
        (6_000, t0 + DAY)
    );
    let liquidate = liquidate_ix(&m, &b, &l, params(u64::MAX, 1, false));
    let mut threshold_at = vec![];
    for _ in 0..2 {
        assert_err(
            m.act(
                &mut env,
                &b.obligation,
                std::slice::from_ref(&liquidate),
                &[&l.kp],
            )
            .await,
            LendingError::ObligationHealthy,
        );
        env.advance(DAY / 4).await;
        env.ok(&m.refresh_all_reserves(), &[]).await;
        threshold_at.push(
            m.reserve(&mut env, SOL)
                .await
                .config
                .liquidation_threshold_bps,
        );
    }
    assert_eq!(threshold_at, [7_500, 7_000]);
    m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp])
        .await
        .unwrap();
    assert!(env.balance(&l.shares[SOL]).await > 0);
}

/// #23, multisig: a market whose owner is a program's PDA (the CPI forwarder's authority, as a
/// Squads vault is) is administered through CPI: ownership moves to it in two steps, the old
/// key can do nothing, and the program tightens directly, queues a loosening (a wallet paying
/// the rent), cancels it, queues it again, and anyone applies it after the delay.
async fn a_market_owned_by_a_program_is_administered_through_cpi<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, _b, _l) = setup(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    let pda = cpi_forwarder::AUTHORITY;
    let wrap = cpi_forwarder::wrap;
    env.ok(
        &[ix::propose_owner(m.owner.pubkey(), m.market, pda)],
        &[&m.owner],
    )
    .await;
    env.ok(&[wrap(&ix::accept_owner(pda, m.market))], &[]).await;
    let market: LendingMarket = env.zc(&m.market).await;
    assert_eq!(market.owner, pda);
    let sol = m.reserves[SOL];
    assert_err(
        env.send(
            &[ix::update_reserve_config(
                m.owner.pubkey(),
                &sol,
                sol_config(7_000, 8_000),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::NotMarketAuthority,
    );
    env.ok(
        &[wrap(&ix::update_reserve_config(
            pda,
            &sol,
            sol_config(7_000, 8_000),
        ))],
        &[],
    )
    .await;
    assert_eq!(m.reserve(&mut env, SOL).await.config.ltv_bps, 7_000);
    let payer = env.wallet(10).await;
    let raise = AdminChange::ReserveConfig(sol_config(7_600, 8_000));
    let queue = |id| {
        wrap(&ix::queue_change(
            pda,
            payer.pubkey(),
            m.market,
            sol.reserve,
            id,
            raise.clone(),
        ))
    };
    let first = m.next_change_id(&mut env).await;
    env.ok(&[queue(first)], &[&payer]).await;
    env.ok(
        &[wrap(&ix::cancel_change(
            pda,
            m.market,
            first,
            payer.pubkey(),
        ))],
        &[],
    )
    .await;
    env.ok(&[queue(first + 1)], &[&payer]).await;
    env.advance(DAY).await;
    env.ok(
        &[ix::apply_change(
            m.market,
            first + 1,
            sol.reserve,
            payer.pubkey(),
        )],
        &[],
    )
    .await;
    assert_eq!(m.reserve(&mut env, SOL).await.config.ltv_bps, 7_600);
    let market: LendingMarket = env.zc(&m.market).await;
    assert_eq!(
        (market.changes_queued, market.changes_pending),
        (first + 2, 0)
    );
}

/// A group created in a market with a delay waits for it: reserves may name a group in their
/// masks before it exists (here through the queue), so its creation must not open higher
/// limits at once. Entering it is refused (`EmodeGroupNotYetUsable`) until the delay passes.
async fn a_new_group_opens_only_after_the_delay<E: VmEnv>() {
    let mut env = E::start().await;
    let (mut m, _lender, b, _l) = setup(&mut env).await;
    m.set_timelock(&mut env, DAY as u64, DAY as u64).await;
    const GROUP: u8 = 3;
    let bit = lending::risk::emode::group_bit(GROUP);
    let mut sol = sol_config(7_500, 8_000);
    sol.emode_collateral_mask = bit;
    let mut usdc = config(8_000, 8_500);
    usdc.emode_borrow_mask = bit;
    let mut ids = vec![];
    for (i, c) in [(SOL, sol), (USDC, usdc)] {
        let (id, res) = m
            .queue(
                &mut env,
                m.reserves[i].reserve,
                AdminChange::ReserveConfig(c),
            )
            .await;
        res.unwrap();
        ids.push((id, m.reserves[i].reserve));
    }
    env.advance(DAY).await;
    let applies: Vec<_> = ids.iter().map(|&(id, r)| m.apply_ix(id, r)).collect();
    env.ok(&applies, &[]).await;
    m.add_group(
        &mut env,
        GROUP,
        EmodeGroupParams {
            ltv_bps: 9_000,
            liquidation_threshold_bps: 9_300,
            min_liquidation_bonus_bps: 100,
            max_liquidation_bonus_bps: 500,
            debt_ceiling: 0,
        },
        None,
    )
    .await;
    let enter = |ob: &lending_sdk::lending_core::state::Obligation| {
        ix::set_obligation_emode(b.obligation, ob, GROUP)
    };
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_err(
        m.act_reserves(&mut env, &[enter(&ob)], &[&b.kp]).await,
        LendingError::EmodeGroupNotYetUsable,
    );
    env.advance(DAY).await;
    m.act_reserves(&mut env, &[enter(&ob)], &[&b.kp])
        .await
        .unwrap();
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(ob.emode_group, GROUP);
}

crate::scenarios!(
    timelock_tests:
    the_risk_admin_only_tightens_and_the_owner_cannot_skip_the_queue,
    a_queued_change_is_applied_only_in_its_window_and_never_front_run,
    the_delay_cannot_be_shortened_without_the_queue,
    a_listing_starts_frozen_where_there_is_a_delay,
    a_lowered_threshold_ramps_instead_of_liquidating_at_once,
    a_market_owned_by_a_program_is_administered_through_cpi,
    a_new_group_opens_only_after_the_delay,
);
