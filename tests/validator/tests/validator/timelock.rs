//! #23 on the validator, on the market the migration creates (migrations/localnet.toml: no
//! delay, which only a fixed-price market may have, and a 10-minute ramp): the owner queues
//! changes that anyone applies or the owner cancels through `lending-cli change`, and a lowered
//! liquidation threshold ramps on the validator's own clock, listed by `market show`.

use super::clients::{cli, create_market, key, Scratch};
use super::env::{Env, TestEnv};
use base64::Engine;
use lending_sdk::ix;
use lending_sdk::lending_core::state::{LendingMarket, Reserve};
use lending_sdk::types::AdminChange;
use solana_signer::Signer;

pub async fn the_queue_applies_and_cancels_and_a_threshold_ramps(env: &mut Env) {
    let s = Scratch::new("timelock");
    let (owner_file, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let owner = env.payer();
    let market = key(&created, &["market"]);
    let sol = key(&created, &["reserves", "0", "reserve"]);
    let o = owner.pubkey();
    // localnet.toml lists SOL at 75% / 80%: the owner raises its LTV to 76%.
    let sol_now: Reserve = env.zc(&sol).await;
    let mut raised = lending_sdk::program::reserve_config_params(&sol_now);
    raised.ltv_bps = 7_600;

    // Queued, listed, applied by a stranger's CLI.
    let id = env.zc::<LendingMarket>(&market).await.changes_queued;
    let change = AdminChange::ReserveConfig(raised.clone());
    env.ok(
        &[ix::queue_change(o, o, market, sol, id, change.clone())],
        &[&owner],
    )
    .await;
    let listed = cli(&url, &owner_file, &cfg, &["change", "list"]).unwrap();
    assert_eq!(listed["changes"][0]["id"], id, "{listed}");
    let state = listed["changes"][0]["state"].as_str().unwrap_or_default();
    assert!(state.starts_with("applicable now"), "{listed}");
    let shown = cli(&url, &owner_file, &cfg, &["market", "show"]).unwrap();
    assert_eq!(shown["pending_changes"][0]["id"], id, "{shown}");
    let stranger = s.wallet_file("stranger", &env.wallet(1).await);
    cli(&url, &stranger, &cfg, &["change", "apply", &id.to_string()]).unwrap();
    let r: Reserve = env.zc(&sol).await;
    assert_eq!(r.config.ltv_bps, 7_600);
    let listed = cli(&url, &owner_file, &cfg, &["change", "list"]).unwrap();
    assert_eq!(
        listed["changes"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );

    // Queued and cancelled by the owner: it can no longer be applied.
    let id = env.zc::<LendingMarket>(&market).await.changes_queued;
    let mut again = raised.clone();
    again.ltv_bps = 7_700;
    env.ok(
        &[ix::queue_change(
            o,
            o,
            market,
            sol,
            id,
            AdminChange::ReserveConfig(again),
        )],
        &[&owner],
    )
    .await;
    // For a multisig owner, the CLI prints the cancel unsigned, signed by the given authority.
    let vault = anchor_lang::prelude::Pubkey::new_unique();
    let id_arg = id.to_string();
    let printed = cli(
        &url,
        &stranger,
        &cfg,
        &[
            "--print-unsigned",
            "--authority",
            &vault.to_string(),
            "change",
            "cancel",
            &id_arg,
        ],
    )
    .unwrap();
    let tx = &printed["unsigned"][0];
    assert_eq!(tx["fee_payer"], vault.to_string(), "{printed}");
    assert_eq!(tx["signers"][0], vault.to_string(), "{printed}");
    let raw = bs58::decode(tx["base58"].as_str().unwrap())
        .into_vec()
        .unwrap();
    let raw64 = base64::engine::general_purpose::STANDARD
        .decode(tx["base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(raw, raw64);
    // One signature slot, zeroed (unsigned), then the message (a 3-byte header, the key count):
    // its first key is the vault.
    assert_eq!((raw[0], &raw[1..65]), (1, &[0u8; 64][..]));
    assert_eq!(&raw[69..101], vault.as_ref());
    let refused = cli(&url, &stranger, &cfg, &["change", "cancel", &id_arg]);
    assert!(refused.is_err(), "a stranger cannot cancel: {refused:?}");
    cli(
        &url,
        &owner_file,
        &cfg,
        &["change", "cancel", &id.to_string()],
    )
    .unwrap();
    assert!(env
        .send(&[ix::apply_change(market, id, sol, o)], &[])
        .await
        .is_err());
    let r: Reserve = env.zc(&sol).await;
    assert_eq!(r.config.ltv_bps, 7_600);

    // The threshold lowered to 70% ramps over the market's 10 minutes, on the real clock.
    let mut lowered = raised;
    (lowered.ltv_bps, lowered.liquidation_threshold_bps) = (6_000, 7_000);
    let k = sol_keys(env, &sol).await;
    env.ok(&[ix::update_reserve_config(o, &k, lowered)], &[&owner])
        .await;
    let r: Reserve = env.zc(&sol).await;
    assert_eq!(
        r.config.liquidation_threshold_bps, 8_000,
        "nothing moves at once"
    );
    assert_eq!(r.threshold_ramp.to_bps, 7_000);
    assert_eq!(r.threshold_ramp.end - r.threshold_ramp.start, 600);
    std::thread::sleep(std::time::Duration::from_secs(3));
    env.ok(&[ix::refresh_reserve(&k)], &[]).await;
    let r: Reserve = env.zc(&sol).await;
    let t = r.config.liquidation_threshold_bps;
    assert!((7_000..8_000).contains(&t), "on its way down: {t}");
    let shown = cli(&url, &owner_file, &cfg, &["market", "show"]).unwrap();
    let ramp = &shown["ramps"][0];
    assert_eq!(ramp["to_bps"], 7_000, "{shown}");
    assert!(ramp["now_bps"].as_u64().unwrap() < 8_000, "{shown}");
}

/// The SOL reserve's keys, from the account.
async fn sol_keys(env: &mut Env, sol: &anchor_lang::prelude::Pubkey) -> ix::ReserveKeys {
    let r: Reserve = env.zc(sol).await;
    ix::ReserveKeys::derive(r.market, r.liquidity_mint, r.token_program, r.decimals)
}
