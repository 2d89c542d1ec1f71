//! #22 on the validator, through the CLI on the market the migration creates
//! (migrations/localnet.toml: USDC is insured by a fund seeded with 100 USDC; a 5-second
//! cooldown; at most 30% of a fund per write-off): a staker's fund absorbs a write-off before
//! depositors, and the staker who asked to leave when the loss showed cannot leave before it.

use super::clients::{cli, create_market, key, supply_usdc, user_with, Scratch};
use super::env::{Env, TestEnv};
use lending_sdk::fund;
use lending_sdk::ix::pda;
use lending_sdk::lending_core::state::{InsuranceFund, Obligation, Reserve};
use solana_signer::Signer;

pub async fn the_fund_absorbs_a_write_off(env: &mut Env) {
    let s = Scratch::new("fund");
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let market = key(&created, &["market"]);
    assert_eq!(
        created["insurance_funds"][0]["status"], "created",
        "{created}"
    );
    let usdc_reserve = key(&created, &["reserves", "1", "reserve"]);
    let fund_key = fund::fund_address(&usdc_reserve);
    supply_usdc(&url, &owner, &cfg, "100000");

    // A staker puts 2,000 USDC in the fund: 2,100 USDC with the seed.
    let (staker_kp, staker) = user_with(env, &s, &owner, "staker", &[("USDC", "2000")]).await;
    let stake = |args: &[&str]| cli(&url, &staker, &cfg, args);
    stake(&["fund", "stake", "--asset", "USDC", "--amount", "2000"]).unwrap();
    let shown = stake(&["fund", "show", "--asset", "USDC"]).unwrap();
    assert_eq!(shown["funds"][0]["assets"], 2_100_000_000u64, "{shown}");
    assert_eq!(
        shown["funds"][0]["wallet_value"], 2_000_000_000u64,
        "{shown}"
    );

    // A borrower owes 1,000 USDC on 10 SOL ($1,500); SOL falls to $20: about $820 will be
    // lost, more than the fund's cap.
    let (user, wallet) = user_with(env, &s, &owner, "borrower", &[("SOL", "10")]).await;
    let run = |args: &[&str]| cli(&url, &wallet, &cfg, args);
    run(&["deposit", "--asset", "SOL", "--amount", "10"]).unwrap();
    run(&["borrow", "--asset", "USDC", "--amount", "1000"]).unwrap();
    let set = ["set-price", "--asset", "SOL", "--price", "20"];
    cli(&url, &owner, &cfg, &set).unwrap();
    // The loss shows: the staker asks to leave at once, and cannot before the cooldown.
    stake(&["fund", "unstake", "--asset", "USDC", "--amount", "max"]).unwrap();
    let e = stake(&["fund", "claim", "--asset", "USDC"]).unwrap_err();
    assert!(e.contains("cooldown"), "{e}");

    let before: Reserve = env.zc(&usdc_reserve).await;
    let f0: InsuranceFund = env.zc(&fund_key).await;
    let ob_key = pda::obligation(&market, &user.pubkey(), 0);
    let (_, liquidator) = user_with(env, &s, &owner, "liquidator", &[("USDC", "2000")]).await;
    let mut calls = 0;
    while env.zc::<Obligation>(&ob_key).await.borrows_len > 0 {
        let liquidate = ["liquidate", "--obligation", &ob_key.to_string()];
        cli(&url, &liquidator, &cfg, &liquidate).unwrap();
        calls += 1;
        assert!(calls < 5, "the debt was not written off");
    }
    let after: Reserve = env.zc(&usdc_reserve).await;
    let f1: InsuranceFund = env.zc(&fund_key).await;
    let lost = after.bad_debt_written_off.get() - before.bad_debt_written_off.get();
    assert!(lost > 0, "nothing was written off");
    // The fund paid its cap (30% of 2,100 USDC: the loss is larger), the staker's shares in
    // cooldown included; its cut of the interest went first.
    assert_eq!(f0.assets - f1.assets, 630_000_000, "{f0:?} -> {f1:?}");
    assert_eq!((f1.absorbed, f1.covers), (630_000_000, 1));
    assert_eq!(after.fund_fees.get(), 0);
    let shown = stake(&["fund", "show", "--asset", "USDC"]).unwrap();
    assert_eq!(shown["funds"][0]["absorbed"], 630_000_000u64, "{shown}");
    let pays = shown["funds"][0]["request"]["pays_now"].as_u64().unwrap();
    assert!(pays < 2_000_000_000 * 71 / 100, "{shown}");

    // After the cooldown the staker takes out what is left of its stake, no more.
    std::thread::sleep(std::time::Duration::from_secs(6));
    let out = stake(&["fund", "claim", "--asset", "USDC"]).unwrap();
    let got = out["amount"].as_u64().unwrap();
    assert!(got <= pays && got > 1_390_000_000, "{out}");
    let ata = lending_sdk::ix::token::ata(
        &staker_kp.pubkey(),
        &before.liquidity_mint,
        &before.token_program,
    );
    assert_eq!(env.balance(&ata).await, got);
}
