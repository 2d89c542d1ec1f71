//! The insurance-fund instructions, and a liquidation that writes debt off and takes the loss
//! from the debt reserve's fund (the write-off path: one more transfer, from the fund's vault).

use super::{refresh, Bench, COLL, DEBT, ONE_USD, T};
use lending_sdk::fund::{self, FundKeys};
use lending_sdk::ix;
use lending_sdk::types::{FundCutsParams, FundSettingsParams, LiquidateParams};
use lending_test_suite::env::{TestEnv, VmEnv, SPL_TOKEN};
use lending_test_suite::fixture::{Market, User};
use solana_signer::Signer;

/// Measures every fund instruction on the fund of the last debt reserve, then the write-off.
pub async fn measure(b: &mut Bench, lender: &User) {
    let owner = b.m.owner.insecure_clone();
    let d = DEBT[2];
    let kd = b.m.reserves[d];
    let k = FundKeys::derive(&kd);
    // No cooldown, so the withdrawal can be measured in the same run.
    let settings = FundSettingsParams {
        cooldown_secs: 0,
        unstake_window_secs: 86_400,
        stream_secs: 86_400,
        max_slash_bps: 3_000,
    };
    let set = fund::update_fund_settings(owner.pubkey(), b.m.market, settings);
    b.measure("update_fund_settings", (0, 0), &[], set, &[&owner])
        .await;
    let seed = b
        .env
        .token_account(&kd.mint, &owner.pubkey(), SPL_TOKEN)
        .await;
    b.env.mint_to(&kd.mint, &seed, T, SPL_TOKEN).await;
    let cuts = FundCutsParams {
        interest_cut_bps: 1_000,
        liquidation_cut_bps: 5_000,
    };
    let init = fund::init_insurance_fund(owner.pubkey(), &k, seed, cuts, T);
    b.measure("init_insurance_fund", (0, 0), &[], init, &[&owner])
        .await;
    let update = fund::update_insurance_fund(owner.pubkey(), &k, cuts);
    b.measure("update_insurance_fund", (0, 0), &[], update, &[&owner])
        .await;

    let l = lender.kp.pubkey();
    let shares = b.env.token_account(&k.share_mint, &l, SPL_TOKEN).await;
    let stake = fund::stake(l, &k, lender.liquidity[d], shares, 1_000 * T);
    b.measure("stake", (0, 0), &[], stake, &[&lender.kp]).await;
    let request = fund::request_unstake(l, &k, shares, 100 * T);
    b.measure(
        "request_unstake",
        (0, 0),
        &[],
        request.clone(),
        &[&lender.kp],
    )
    .await;
    let withdraw = fund::withdraw_stake(l, &k, lender.liquidity[d]);
    b.measure("withdraw_stake", (0, 0), &[], withdraw, &[&lender.kp])
        .await;
    b.env.ok(&[request], &[&lender.kp]).await;
    let cancel = fund::cancel_unstake(l, &k, shares);
    b.measure("cancel_unstake", (0, 0), &[], cancel, &[&lender.kp])
        .await;

    // A month of interest on the positions' debt gives the fund its cut.
    b.env.advance(30 * 86_400).await;
    let collect = fund::collect_fund_fees(&kd, &k);
    b.measure("collect_fund_fees", (0, 0), &refresh(&b.m, d), collect, &[])
        .await;

    // A borrower of the fund's reserve whose collateral then loses 90%: one liquidation seizes
    // it all and writes the rest of the debt off, paid in part by the fund.
    let c = COLL[0];
    b.m.set_price(&mut b.env, c, ONE_USD, -8).await;
    let u = b.borrower(&[c], &[d]).await;
    b.m.set_price(&mut b.env, c, ONE_USD / 10, -8).await;
    let pre = b.refresh_all_for(&u).await;
    let valued = Market::obligation_reserves(&mut b.env, &u.obligation).await;
    let liquidate = ix::liquidate(
        l,
        u.obligation,
        &kd,
        lender.liquidity[d],
        &b.m.reserves[c],
        lender.shares[c],
        LiquidateParams {
            max_repay: u64::MAX,
            min_receive: 0,
            receive_liquidity: false,
        },
        &valued,
    );
    let reserve = b.m.reserve(&mut b.env, d).await;
    let liquidate = fund::with_fund(liquidate, &kd.reserve, &reserve);
    let absorbed = b.m.fund(&mut b.env, d).await.absorbed;
    b.measure(
        "liquidate_obligation (write-off, insurance fund)",
        (1, 1),
        &pre,
        liquidate,
        &[&lender.kp],
    )
    .await;
    let ob = Market::obligation(&mut b.env, &u.obligation).await;
    assert_eq!(
        ob.borrows_len, 0,
        "the liquidation did not write the debt off"
    );
    assert!(
        b.m.fund(&mut b.env, d).await.absorbed > absorbed,
        "the fund paid nothing"
    );
}
