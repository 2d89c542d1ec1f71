//! #21, e-mode groups and isolation: an obligation in a group values the collateral the group
//! admits at the group's limits and weighs the debt it admits at 1x; an isolated group lends
//! from one reserve only, up to a ceiling counted in debt shares. The attacks come first:
//! dodging a liquidation by entering a group, leaving a group the debt needs, assets a group
//! does not admit, splitting past the ceiling across obligations, and group accounts that are
//! missing or foreign.

use super::env::{assert_err, VmEnv, SPL_TOKEN};
use super::fixture::{config, Market, User, SOL_UNIT, USD_UNIT};
use super::invariants;
use super::ix::{self, GroupUse};
use super::liquidation_tests::params;
use super::rng::Rng;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError;
use lending::risk::emode::group_bit;
use lending::risk::WAD;
use lending_sdk::health::obligation_health;
use lending_sdk::lending_core::state::{EmodeGroup, Obligation};
use lending_sdk::preview;
use lending_sdk::types::{EmodeGroupParams, LiquidateParams};
use solana_signer::Signer;

/// Reserve indices of [`grouped_market`].
const SOL: usize = 0;
const LST: usize = 1;
const USDC: usize = 2;
const NEW: usize = 3;

/// The plain group of SOL and its staked token.
const SOL_GROUP: u8 = 1;
/// The isolated group of the new asset, borrowing USDC.
const NEW_GROUP: u8 = 2;
/// The isolated group's debt ceiling, in USDC.
const CEILING: u64 = 1_000 * USD_UNIT;

/// The example: SOL ($100) and a SOL-pegged staked token (LST, $110) at 75% / 80% on
/// their own and 90% / 93% in group 1, where either may back a loan of the other; USDC ($1,
/// 80% / 85%) in no group; a newly listed asset (NEW, $1) that is collateral only inside the
/// isolated group 2 (50% / 65%), which lends USDC up to 1,000. A lender supplies every
/// borrowable reserve.
async fn grouped_market(env: &mut impl VmEnv) -> (Market, User) {
    let mut m = Market::new(env).await;
    let sol_like = |c: lending_sdk::types::ReserveConfigParams| {
        let mut c = c;
        c.emode_collateral_mask = group_bit(SOL_GROUP);
        c.emode_borrow_mask = group_bit(SOL_GROUP);
        c
    };
    m.add_reserve(
        env,
        9,
        SPL_TOKEN,
        100_000_000,
        -6,
        sol_like(config(7_500, 8_000)),
    )
    .await;
    m.add_reserve(
        env,
        9,
        SPL_TOKEN,
        110_000_000,
        -6,
        sol_like(config(7_500, 8_000)),
    )
    .await;
    m.add_reserve(env, 6, SPL_TOKEN, 1_000_000, -6, config(8_000, 8_500))
        .await;
    let mut new_asset = config(5_000, 6_500);
    new_asset.emode_collateral_mask = group_bit(NEW_GROUP);
    new_asset.isolated_collateral = true;
    m.add_reserve(env, 6, SPL_TOKEN, 1_000_000, -6, new_asset)
        .await;
    m.add_group(env, SOL_GROUP, group(9_000, 9_300, 0), None)
        .await;
    m.add_group(env, NEW_GROUP, group(5_000, 6_500, CEILING), Some(USDC))
        .await;
    let lender = m
        .user(env, &[100 * SOL_UNIT, 100 * SOL_UNIT, 100_000 * USD_UNIT])
        .await;
    for (i, amount) in [
        (SOL, 100 * SOL_UNIT),
        (LST, 100 * SOL_UNIT),
        (USDC, 50_000 * USD_UNIT),
    ] {
        m.supply(env, &lender, i, amount).await.unwrap();
    }
    (m, lender)
}

/// Group limits with a 1% to 3% bonus.
fn group(ltv_bps: u16, liquidation_threshold_bps: u16, debt_ceiling: u64) -> EmodeGroupParams {
    EmodeGroupParams {
        ltv_bps,
        liquidation_threshold_bps,
        min_liquidation_bonus_bps: 100,
        max_liquidation_bonus_bps: 300,
        debt_ceiling,
    }
}

/// Refreshes every reserve, then moves `u`'s obligation into group `id` (0: out).
async fn set_group(env: &mut impl VmEnv, m: &Market, u: &User, id: u8) -> super::env::TxResult {
    let ob = Market::obligation(env, &u.obligation).await;
    m.act_reserves(
        env,
        &[ix::set_obligation_emode(u.obligation, &ob, id)],
        &[&u.kp],
    )
    .await
}

/// The group account of `id`.
async fn group_account(env: &mut impl VmEnv, m: &Market, id: u8) -> EmodeGroup {
    env.zc(&ix::pda::emode_group(&m.market, id)).await
}

/// A wallet with `usdc` USDC that deposited 2,000 NEW ($2,000) as collateral, outside any
/// group.
async fn new_asset_holder(env: &mut impl VmEnv, m: &Market, usdc: u64) -> User {
    let u = m.user(env, &[0, 0, usdc, 2_000 * USD_UNIT]).await;
    m.deposit_collateral(env, &u, NEW, 2_000 * USD_UNIT)
        .await
        .unwrap();
    u
}

/// `l` repays `b`'s debt in reserve `debt` for its collateral in `coll` (as shares).
async fn liquidate_ix(
    env: &mut impl VmEnv,
    m: &Market,
    b: &User,
    l: &User,
    (debt, coll): (usize, usize),
    p: LiquidateParams,
) -> Instruction {
    let ob = Market::obligation(env, &b.obligation).await;
    let valued = lending_sdk::market::obligation_reserves(&ob);
    let liquidate = ix::liquidate(
        l.kp.pubkey(),
        b.obligation,
        &m.reserves[debt],
        l.liquidity[debt],
        &m.reserves[coll],
        l.shares[coll],
        p,
        &valued,
    );
    ix::with_group(liquidate, &m.market, &ob, GroupUse::DebtChange)
}

/// Debt shares `u` owes reserve `i`.
async fn debt_shares(env: &mut impl VmEnv, m: &Market, u: &User, i: usize) -> u128 {
    let ob: Obligation = Market::obligation(env, &u.obligation).await;
    ob.find_borrow(&m.reserves[i].reserve)
        .map(|j| ob.borrows[j].debt_shares.get())
        .unwrap_or(0)
}

/// 10 LST ($1,100) back 8.25 SOL at 75% on their own; in the group, 90% backs 9.9. Borrowing
/// 9.5 SOL is refused outside and allowed inside, where the debt weighs 1x and the limits are
/// the group's, exactly.
async fn the_group_lifts_the_limits_of_the_assets_it_admits<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = m.user(&mut env, &[0, 10 * SOL_UNIT, 0, 0]).await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    assert_err(
        m.borrow(&mut env, &b, SOL, 95 * SOL_UNIT / 10).await,
        LendingError::BorrowTooLarge,
    );
    set_group(&mut env, &m, &b, SOL_GROUP).await.unwrap();
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!((ob.emode_group, ob.emode_isolated), (SOL_GROUP, 0));
    let h = ob.health();
    assert_eq!(h.deposited, 1_100 * WAD);
    assert_eq!(h.borrow_limit, 990 * WAD);
    assert_eq!(h.liquidation_line, 1_023 * WAD);

    m.borrow(&mut env, &b, SOL, 95 * SOL_UNIT / 10)
        .await
        .unwrap();
    let h = Market::obligation(&mut env, &b.obligation).await.health();
    assert_eq!(h.borrowed_weighted, h.borrowed);
    assert!(h.within_borrow_limit() && h.borrowed > 950 * WAD, "{h:?}");
}

/// With 9.5 SOL borrowed against the group's 90%, leaving the group (75%: $825 for $950 of
/// debt) is refused, and so is moving to a group that does not admit the positions.
async fn leaving_a_group_the_debt_needs_is_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = m.user(&mut env, &[0, 10 * SOL_UNIT, 0, 0]).await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    set_group(&mut env, &m, &b, SOL_GROUP).await.unwrap();
    m.borrow(&mut env, &b, SOL, 95 * SOL_UNIT / 10)
        .await
        .unwrap();
    assert_err(
        set_group(&mut env, &m, &b, 0).await,
        LendingError::EmodeSwitchUnhealthy,
    );
    assert_err(
        set_group(&mut env, &m, &b, NEW_GROUP).await,
        LendingError::AssetNotInEmodeGroup,
    );
    assert_err(
        set_group(&mut env, &m, &b, SOL_GROUP).await,
        LendingError::EmodeUnchanged,
    );
    // Once most of the debt is repaid, the obligation may leave.
    env.mint_to(
        &m.reserves[SOL].mint,
        &b.liquidity[SOL],
        SOL_UNIT,
        SPL_TOKEN,
    )
    .await;
    m.repay(&mut env, &b, SOL, 5 * SOL_UNIT).await.unwrap();
    set_group(&mut env, &m, &b, 0).await.unwrap();
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(ob.emode_group, 0);
    assert_eq!(ob.health().borrow_limit, 825 * WAD);
}

/// Outside any group, 10 LST back 8 SOL; LST falls to $99 and the obligation is liquidatable
/// (line $792 for $800.80 of debt). The group would value it at 93% and call it healthy, but a
/// liquidatable obligation cannot switch: the liquidator's claim stands.
async fn entering_a_group_does_not_rescue_a_liquidatable_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = m.user(&mut env, &[0, 10 * SOL_UNIT, 0, 0]).await;
    let l = m.user(&mut env, &[10 * SOL_UNIT, 0, 0, 0]).await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    m.borrow(&mut env, &b, SOL, 8 * SOL_UNIT).await.unwrap();
    m.set_price(&mut env, LST, 99_000_000, -6).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    assert!(Market::obligation(&mut env, &b.obligation)
        .await
        .health()
        .is_liquidatable());
    assert_err(
        set_group(&mut env, &m, &b, SOL_GROUP).await,
        LendingError::EmodeSwitchUnhealthy,
    );
    let liquidate =
        liquidate_ix(&mut env, &m, &b, &l, (SOL, LST), params(SOL_UNIT, 1, false)).await;
    m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp])
        .await
        .unwrap();
}

/// A group admits only the assets its masks name: USDC cannot be deposited or borrowed in the
/// SOL group, and an obligation holding USDC cannot enter it.
async fn a_group_refuses_assets_it_does_not_admit<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = m
        .user(&mut env, &[0, 10 * SOL_UNIT, 1_000 * USD_UNIT, 0])
        .await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    set_group(&mut env, &m, &b, SOL_GROUP).await.unwrap();
    assert_err(
        m.deposit_collateral(&mut env, &b, USDC, 100 * USD_UNIT)
            .await,
        LendingError::AssetNotInEmodeGroup,
    );
    assert_err(
        m.borrow(&mut env, &b, USDC, 100 * USD_UNIT).await,
        LendingError::AssetNotInEmodeGroup,
    );
    set_group(&mut env, &m, &b, 0).await.unwrap();
    m.deposit_collateral(&mut env, &b, USDC, 100 * USD_UNIT)
        .await
        .unwrap();
    assert_err(
        set_group(&mut env, &m, &b, SOL_GROUP).await,
        LendingError::AssetNotInEmodeGroup,
    );
}

/// The new asset counts for nothing outside its isolated group. Inside, two obligations share
/// the 1,000 USDC ceiling: the second cannot take what the first holds, however it splits its
/// borrows; what is repaid frees room; the group's count is the two positions' debt shares
/// exactly, and the group lends nothing but USDC.
async fn an_isolated_ceiling_holds_across_obligations<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender) = grouped_market(&mut env).await;
    let a = new_asset_holder(&mut env, &m, 100 * USD_UNIT).await;
    let b = new_asset_holder(&mut env, &m, 0).await;
    assert_err(
        m.borrow(&mut env, &a, USDC, USD_UNIT).await,
        LendingError::BorrowTooLarge,
    );
    // A plain group that names the asset in its mask still does not admit it.
    assert_err(
        set_group(&mut env, &m, &a, SOL_GROUP).await,
        LendingError::AssetNotInEmodeGroup,
    );
    for u in [&a, &b] {
        set_group(&mut env, &m, u, NEW_GROUP).await.unwrap();
    }
    assert_eq!(
        Market::obligation(&mut env, &a.obligation)
            .await
            .emode_isolated,
        1
    );
    m.borrow(&mut env, &a, USDC, 600 * USD_UNIT).await.unwrap();
    assert_err(
        m.borrow(&mut env, &b, USDC, 400 * USD_UNIT).await,
        LendingError::EmodeDebtCeilingReached,
    );
    for _ in 0..2 {
        m.borrow(&mut env, &b, USDC, 190 * USD_UNIT).await.unwrap();
    }
    assert_err(
        m.borrow(&mut env, &b, USDC, 20 * USD_UNIT).await,
        LendingError::EmodeDebtCeilingReached,
    );
    assert_err(
        m.borrow(&mut env, &b, SOL, SOL_UNIT / 100).await,
        LendingError::AssetNotInEmodeGroup,
    );
    let count = |g: EmodeGroup| g.debt_shares.get();
    let sum = debt_shares(&mut env, &m, &a, USDC).await + debt_shares(&mut env, &m, &b, USDC).await;
    assert_eq!(count(group_account(&mut env, &m, NEW_GROUP).await), sum);

    m.repay(&mut env, &a, USDC, u64::MAX).await.unwrap();
    assert_eq!(
        count(group_account(&mut env, &m, NEW_GROUP).await),
        debt_shares(&mut env, &m, &b, USDC).await
    );
    m.borrow(&mut env, &b, USDC, 400 * USD_UNIT).await.unwrap();
    // Leaving takes the obligation's debt out of the count (A owes nothing now).
    set_group(&mut env, &m, &a, 0).await.unwrap();
    invariants::check(
        &mut env,
        &m,
        &[a.obligation, b.obligation, lender.obligation],
    )
    .await;
}

/// A liquidation in an isolated group uses the group's bonus range and takes the repaid debt
/// out of the group's count; the count stays equal to what the obligations owe.
async fn an_isolated_liquidation_keeps_the_count_exact<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender) = grouped_market(&mut env).await;
    let b = new_asset_holder(&mut env, &m, 0).await;
    let l = m.user(&mut env, &[0, 0, 10_000 * USD_UNIT, 0]).await;
    set_group(&mut env, &m, &b, NEW_GROUP).await.unwrap();
    m.borrow(&mut env, &b, USDC, 900 * USD_UNIT).await.unwrap();
    // NEW falls to $0.60: the line is 65% of $1,200 = $780 for $900.90 of debt.
    m.set_price(&mut env, NEW, 600_000, -6).await;
    let liquidate = liquidate_ix(
        &mut env,
        &m,
        &b,
        &l,
        (USDC, NEW),
        params(100 * USD_UNIT, 1, false),
    )
    .await;
    m.act(&mut env, &b.obligation, &[liquidate], &[&l.kp])
        .await
        .unwrap();
    let left = debt_shares(&mut env, &m, &b, USDC).await;
    assert!(left > 0);
    assert_eq!(
        group_account(&mut env, &m, NEW_GROUP)
            .await
            .debt_shares
            .get(),
        left
    );
    invariants::check(
        &mut env,
        &m,
        &[b.obligation, l.obligation, lender.obligation],
    )
    .await;
    // The bonus is the group's (at most 3%): 100 USDC buys at most 103 / 0.6 NEW.
    let seized = env.balance(&l.shares[NEW]).await;
    assert!(
        seized > 0 && seized <= 103 * USD_UNIT * 10 / 6 + 1,
        "{seized}"
    );
}

/// A new group limit takes effect from the next slot: an obligation refreshed before the owner
/// lowered the LTV may still borrow on the old limit in that slot; refreshed in the next, it is
/// valued on the new one.
async fn a_group_update_takes_effect_from_the_next_slot<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = m.user(&mut env, &[0, 10 * SOL_UNIT, 0, 0]).await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    set_group(&mut env, &m, &b, SOL_GROUP).await.unwrap();
    let update = ix::update_emode_group(
        m.owner.pubkey(),
        m.market,
        SOL_GROUP,
        group(8_000, 9_300, 0),
    );
    let ob = Market::obligation(&mut env, &b.obligation).await;
    let borrow = ix::borrow(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[SOL],
        b.liquidity[SOL],
        9 * SOL_UNIT,
        &lending_sdk::market::obligation_reserves(&ob),
    );
    m.act(
        &mut env,
        &b.obligation,
        &[update, borrow],
        &[&m.owner, &b.kp],
    )
    .await
    .unwrap();
    env.advance(1).await;
    m.act(&mut env, &b.obligation, &[], &[]).await.unwrap();
    let ob = Market::obligation(&mut env, &b.obligation).await;
    assert_eq!(ob.emode_limits.ltv_bps, 8_000);
    assert_eq!(ob.health().borrow_limit, 880 * WAD);
    assert_err(
        m.borrow(&mut env, &b, SOL, SOL_UNIT / 100).await,
        LendingError::BorrowTooLarge,
    );
}

/// Group accounts are checked: a refresh of an obligation in a group without its group, or
/// with another group, is refused; so is a repayment in an isolated group without it, or a
/// group account for an obligation outside any group; and only the owner creates or changes
/// groups, within bounds.
async fn group_accounts_are_checked<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let b = new_asset_holder(&mut env, &m, 100 * USD_UNIT).await;
    let bare_refresh = |reserves: &[Pubkey]| ix::refresh_obligation(b.obligation, reserves);
    let new = [m.reserves[NEW].reserve];
    let mut foreign = bare_refresh(&new);
    foreign
        .accounts
        .push(anchor_lang::prelude::AccountMeta::new_readonly(
            ix::pda::emode_group(&m.market, SOL_GROUP),
            false,
        ));
    assert_err(
        m.act_reserves(&mut env, &[foreign.clone()], &[]).await,
        LendingError::WrongRemainingAccounts,
    );
    set_group(&mut env, &m, &b, NEW_GROUP).await.unwrap();
    assert!(m
        .act_reserves(&mut env, &[bare_refresh(&new)], &[])
        .await
        .is_err());
    assert_err(
        m.act_reserves(&mut env, &[foreign], &[]).await,
        LendingError::WrongEmodeGroup,
    );
    m.borrow(&mut env, &b, USDC, 100 * USD_UNIT).await.unwrap();
    let bare_repay = ix::repay(
        b.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        b.liquidity[USDC],
        10 * USD_UNIT,
    );
    assert_err(
        m.act_reserves(&mut env, &[bare_repay], &[&b.kp]).await,
        LendingError::WrongEmodeGroup,
    );

    let stranger = env.wallet(10).await;
    let other = stranger.pubkey();
    assert_err(
        env.send(
            &[ix::update_emode_group(
                other,
                m.market,
                SOL_GROUP,
                group(9_000, 9_300, 0),
            )],
            &[&stranger],
        )
        .await,
        LendingError::NotMarketAuthority,
    );
    let owner = m.owner.pubkey();
    for bad in [
        group(9_300, 9_300, 0),
        group(9_000, 9_800, 0),
        group(9_000, 9_300, 5),
    ] {
        assert_err(
            env.send(
                &[ix::update_emode_group(owner, m.market, SOL_GROUP, bad)],
                &[&m.owner],
            )
            .await,
            LendingError::InvalidEmodeGroup,
        );
    }
    assert_err(
        env.send(
            &[ix::init_emode_group(
                owner,
                m.market,
                33,
                group(9_000, 9_300, 0),
                None,
            )],
            &[&m.owner],
        )
        .await,
        LendingError::InvalidEmodeGroup,
    );
}

/// In every mode (no group, the plain group, the isolated group) and for positions of drawn
/// sizes, the SDK's previews of the switch, a borrow and a repayment are what the program then
/// does, and its off-chain health after a refresh is the program's, to the last unit.
async fn the_sdk_previews_and_values_every_mode_as_the_program_does<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    let mut rng = Rng(0x0005_eed2);
    for (round, (mode, coll, debt)) in [
        (0, LST, USDC),
        (SOL_GROUP, LST, SOL),
        (NEW_GROUP, NEW, USDC),
    ]
    .into_iter()
    .cycle()
    .take(6)
    .enumerate()
    {
        let units = if coll == NEW { USD_UNIT } else { SOL_UNIT };
        let deposit = (1 + rng.below(20)) * units;
        let mut wallet = [0; 4];
        wallet[coll] = deposit;
        wallet[USDC] = 1_000 * USD_UNIT;
        let u = m.user(&mut env, &wallet).await;
        m.deposit_collateral(&mut env, &u, coll, deposit)
            .await
            .unwrap();
        if mode != 0 {
            let ms = m.state(&mut env).await;
            let ob = Market::obligation(&mut env, &u.obligation).await;
            let p = preview::set_emode(&ms, &ob, mode).expect("the group admits the collateral");
            set_group(&mut env, &m, &u, mode).await.unwrap();
            let after = Market::obligation(&mut env, &u.obligation).await;
            assert_eq!(after.health(), p.outcome, "round {round}: switch");
        }
        // Borrow a drawn share (up to 95%) of the most the obligation may borrow.
        let ms = m.state(&mut env).await;
        let ob = Market::obligation(&mut env, &u.obligation).await;
        let most = preview::borrow(&ms, &ob, &m.reserves[debt].reserve, u64::MAX)
            .expect("a borrow within the limit")
            .outcome
            .amount;
        let amount = (most / 100 * (1 + rng.below(95))).max(1);
        let p = preview::borrow(&ms, &ob, &m.reserves[debt].reserve, amount).unwrap();
        m.borrow(&mut env, &u, debt, amount).await.unwrap();
        let after = Market::obligation(&mut env, &u.obligation).await;
        assert_eq!(after.health(), p.outcome.health, "round {round}: borrow");
        if debt == USDC {
            let ms = m.state(&mut env).await;
            let p = preview::repay(&ms, &after, &m.reserves[USDC].reserve, amount / 3 + 1).unwrap();
            m.repay(&mut env, &u, USDC, amount / 3 + 1).await.unwrap();
            let repaid = Market::obligation(&mut env, &u.obligation).await;
            assert_eq!(repaid.health(), p.outcome.health, "round {round}: repay");
        }
        // A refresh on chain, then the SDK's health from the same state.
        m.act(&mut env, &u.obligation, &[], &[]).await.unwrap();
        let ob = Market::obligation(&mut env, &u.obligation).await;
        let ms = m.state(&mut env).await;
        let clock = lending_sdk::lending_core::ops::Clock {
            slot: ob.last_update.slot,
            unix_timestamp: ob.last_update.unix_timestamp,
        };
        let h = obligation_health(&ob, &ms.reserves, &ms.groups, &clock).unwrap();
        assert_eq!(h.health, ob.health(), "round {round}: mode {mode}");
        assert_eq!(h.group.map(|g| g.id).unwrap_or(0), mode);
    }
}

/// Refreshes `b`'s obligation on chain and checks that the SDK, from the state as fetched,
/// values it the same way at the refresh's clock.
async fn refreshed(env: &mut impl VmEnv, m: &Market, b: &User) -> Obligation {
    m.act(env, &b.obligation, &[], &[]).await.unwrap();
    let ob = Market::obligation(env, &b.obligation).await;
    let ms = m.state(env).await;
    let clock = lending_sdk::lending_core::ops::Clock {
        slot: ob.last_update.slot,
        unix_timestamp: ob.last_update.unix_timestamp,
    };
    let h = obligation_health(&ob, &ms.reserves, &ms.groups, &clock).unwrap();
    assert_eq!(h.health, ob.health(), "the SDK projects the ramp");
    ob
}

/// #23, ramps in groups: 10 LST ($1,100) in group 1 (90% / 93%) back 9 SOL. The group's
/// threshold is lowered to 86% over the market's one-day ramp: half a day later the obligation
/// is valued at 89.5%, not 86%. LST is then taken out of the group's collateral: from then on
/// it gives no borrowing power and counts at the group's threshold times a weight falling to
/// nothing over a day (three quarters of it a quarter of a day later); the SDK's projection of
/// the obligation agrees with the program's refresh at each step.
async fn a_group_threshold_and_a_leaving_asset_ramp<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _) = grouped_market(&mut env).await;
    m.set_timelock(&mut env, 0, 86_400).await;
    let b = m.user(&mut env, &[0, 10 * SOL_UNIT, 0, 0]).await;
    m.deposit_collateral(&mut env, &b, LST, 10 * SOL_UNIT)
        .await
        .unwrap();
    set_group(&mut env, &m, &b, SOL_GROUP).await.unwrap();
    m.borrow(&mut env, &b, SOL, 9 * SOL_UNIT).await.unwrap();
    let lowered = ix::update_emode_group(
        m.owner.pubkey(),
        m.market,
        SOL_GROUP,
        group(8_500, 8_600, 0),
    );
    env.ok(&[lowered], &[&m.owner]).await;
    env.advance(1).await;
    let ob = refreshed(&mut env, &m, &b).await;
    // After one second the drop (700 bps over a day) is a fraction, rounded up.
    assert_eq!(ob.emode_limits.liquidation_threshold_bps, 9_299);
    env.advance(43_199).await;
    let ob = refreshed(&mut env, &m, &b).await;
    assert_eq!(ob.emode_limits.liquidation_threshold_bps, 8_950);
    assert_eq!(ob.health().liquidation_line, 1_100 * WAD * 8_950 / 10_000);

    let mut leaving = config(7_500, 8_000);
    leaving.emode_borrow_mask = group_bit(SOL_GROUP);
    env.ok(
        &[ix::update_reserve_config(
            m.owner.pubkey(),
            &m.reserves[LST],
            leaving,
        )],
        &[&m.owner],
    )
    .await;
    env.advance(21_600).await;
    let ob = refreshed(&mut env, &m, &b).await;
    let group_threshold = 9_300 - 700 * 64_800 / 86_400;
    assert_eq!(
        ob.emode_limits.liquidation_threshold_bps,
        group_threshold as u16
    );
    let weighted = group_threshold * 7_500 / 10_000;
    assert_eq!(
        ob.health().liquidation_line,
        1_100 * WAD * weighted as u128 / 10_000
    );
    assert_eq!(
        ob.health().borrow_limit,
        0,
        "leaving collateral backs no new borrow"
    );
}

crate::scenarios!(
    emode_tests:
    the_group_lifts_the_limits_of_the_assets_it_admits,
    leaving_a_group_the_debt_needs_is_refused,
    entering_a_group_does_not_rescue_a_liquidatable_obligation,
    a_group_refuses_assets_it_does_not_admit,
    an_isolated_ceiling_holds_across_obligations,
    an_isolated_liquidation_keeps_the_count_exact,
    a_group_update_takes_effect_from_the_next_slot,
    group_accounts_are_checked,
    the_sdk_previews_and_values_every_mode_as_the_program_does,
    a_group_threshold_and_a_leaving_asset_ramp,
);
