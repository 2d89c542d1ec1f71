//! refresh_oracle_price from each Pyth source kind, reading the real snapshots in
//! `tests/fixtures/` (each in a VM of its own, since the clock must sit at the snapshot's time).

use super::memory::{traced_svm, MemUse};
use super::report::Entry;
use lending_sbf_tests::env::Env;
use lending_sdk::ix;
use lending_sdk::types::OracleParams;
use lending_test_suite::env::{TestEnv, VmEnv, SPL_TOKEN};
use lending_test_suite::fixture::Market;
use lending_test_suite::pyth::{
    account, fixture, legacy_trading, pull_params, LEGACY_OWNER, LEGACY_PUBLISH_TIME,
    PULL_PUBLISH_TIME,
};
use solana_signer::Signer;

/// Measures refresh_oracle_price on the pull and the legacy snapshot.
pub async fn measure() -> Vec<Entry> {
    let (pull_key, pull) = fixture("pyth-pull-sol-usd.json");
    let (legacy_key, legacy) = fixture("pyth-legacy-sol-usd.json");
    // The legacy snapshot's aggregate is not Trading (so the program refuses it); mark it
    // Trading to measure a successful read.
    let legacy = legacy_trading(&legacy);

    let pull_params = pull_params(pull_key);
    let legacy_params = OracleParams {
        source_kind: 1,
        source: legacy_key,
        feed_id: [0; 32],
        max_conf_bps: 1_000,
        ..pull_params
    };
    let cases = [
        (
            "refresh_oracle_price (Pyth pull)",
            pull_key,
            pull,
            pyth_solana_receiver_sdk::ID,
            pull_params,
            PULL_PUBLISH_TIME,
        ),
        (
            "refresh_oracle_price (Pyth legacy)",
            legacy_key,
            legacy,
            LEGACY_OWNER,
            legacy_params,
            LEGACY_PUBLISH_TIME,
        ),
    ];
    let mut out = vec![];
    for (name, key, data, owner, params, time) in cases {
        let (svm, mem) = traced_svm();
        let mut env = Env::start_on(svm, super::memory::with_section_headers).await;
        env.set_account(&key, account(owner, data));
        env.set_time(time + 5).await;
        let m = Market::with_params(&mut env, false).await;
        let mint = env.create_mint(9, SPL_TOKEN).await;
        env.ok(
            &[ix::init_oracle_price(
                m.owner.pubkey(),
                m.market,
                mint,
                params,
            )],
            &[&m.owner],
        )
        .await;
        let oracle = ix::pda::oracle(&m.market, &mint);
        env.ok(&[ix::refresh_oracle_price(oracle, Some(key))], &[])
            .await;
        let e = Entry {
            name: name.to_string(),
            deposits: 0,
            borrows: 0,
            cu: env.last_cu[0],
            mem: MemUse::max_of(&mem.lock().unwrap()),
        };
        println!("{}", e.line());
        out.push(e);
    }
    out
}
