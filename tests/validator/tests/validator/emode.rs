//! #21 on the validator: an e-mode borrow and its liquidation through the CLI, on the market
//! the migration creates (migrations/localnet.toml: group 1 admits USDC and PYUSD at 90% /
//! 93%; on its own PYUSD allows 70% / 75%).

use super::clients::{cli, create_market, key, supply_usdc, user_with, Scratch};
use super::env::{Env, TestEnv};
use lending_sdk::ix::pda;
use lending_sdk::lending_core::state::{EmodeGroup, Obligation};
use solana_signer::Signer;

pub async fn emode_borrow_and_its_liquidation(env: &mut Env) {
    let s = Scratch::new("emode");
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let market = key(&created, &["market"]);
    let group: EmodeGroup = env.zc(&pda::emode_group(&market, 1)).await;
    assert_eq!((group.id, group.limits.ltv_bps), (1, 9_000));
    supply_usdc(&url, &owner, &cfg, "100000");
    let (user, wallet) = user_with(env, &s, &owner, "user", &[("PYUSD", "1000")]).await;
    let run = |args: &[&str]| cli(&url, &wallet, &cfg, args);
    run(&["deposit", "--asset", "PYUSD", "--amount", "1000"]).unwrap();

    // On its own PYUSD backs $700: 850 USDC is refused.
    let e = run(&["borrow", "--asset", "USDC", "--amount", "850"]).unwrap_err();
    assert!(e.contains("BorrowTooLarge"), "{e}");
    // In the stables group it backs $900; the CLI previews the move with the program's math.
    let out = run(&["emode", "--group", "1"]).unwrap();
    assert_eq!(out["borrow_limit_before"].as_f64(), Some(700.0), "{out}");
    assert_eq!(out["borrow_limit_after"].as_f64(), Some(900.0), "{out}");
    run(&["borrow", "--asset", "USDC", "--amount", "850"]).unwrap();
    let shown = run(&["obligation", "show"]).unwrap();
    assert_eq!(shown["emode_group"]["id"], 1, "{shown}");
    assert_eq!(shown["deposits"][0]["ltv"].as_f64(), Some(0.9), "{shown}");
    assert_eq!(shown["borrows"][0]["borrow_factor_bps"], 10_000, "{shown}");
    // The debt needs the group: leaving it is refused, with the program's reason.
    let e = run(&["emode", "--group", "0"]).unwrap_err();
    assert!(e.contains("EmodeSwitchUnhealthy"), "{e}");
    let listed = cli(&url, &owner, &cfg, &["market", "show"]).unwrap();
    assert_eq!(
        listed["emode_groups"][0]["collateral"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // PYUSD slips to $0.90: the line is 93% of $900 = $837, under $850.85 of debt.
    cli(
        &url,
        &owner,
        &cfg,
        &["set-price", "--asset", "PYUSD", "--price", "0.9"],
    )
    .unwrap();
    let shown = run(&["obligation", "show"]).unwrap();
    assert_eq!(shown["liquidatable"], true, "{shown}");
    let ob_key = pda::obligation(&market, &user.pubkey(), 0);
    let before: Obligation = env.zc(&ob_key).await;
    let (_, liquidator) = user_with(env, &s, &owner, "liquidator", &[("USDC", "1000")]).await;
    let out = cli(
        &url,
        &liquidator,
        &cfg,
        &["liquidate", "--obligation", &ob_key.to_string()],
    )
    .unwrap();
    // Within the group's bonus range (1% to 3%), not PYUSD's own (2% to 5%).
    let bonus = out["bonus_bps"].as_u64().unwrap();
    assert!((100..=300).contains(&bonus), "{out}");
    let after: Obligation = env.zc(&ob_key).await;
    assert_eq!(after.emode_group, 1);
    assert!(
        after.borrows[0].debt_shares.get() < before.borrows[0].debt_shares.get(),
        "the liquidation repaid nothing"
    );
}
