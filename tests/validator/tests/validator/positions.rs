//! #24 on the validator: the migration (`lending-cli market create`) makes the market's address
//! lookup table through the lookup table program and records it in the market, a re-run adds
//! nothing, and an obligation at the most positions (8 collateral + 5 debt) is liquidated by the
//! CLI in one v0 transaction through that table, every refresh included.

use super::clients::{blocking, cli, create_market, key, market_state, user_with, Scratch};
use super::env::{Env, TestEnv};
use lending_sdk::ix::pda;
use lending_sdk::lending_core::state::{LendingMarket, Obligation, MAX_BORROWS, MAX_DEPOSITS};
use lending_sdk::rpc;
use solana_rpc_client::api::config::RpcTransactionConfig;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction_status_client_types::{TransactionBinaryEncoding, UiTransactionEncoding};
use std::fmt::Write;

/// A market of `n` reserves T0..T(n-1): 6 decimals, $1 each, LTV 70%, threshold 80%.
fn config(n: usize) -> String {
    let mut s = String::from(
        "[market]\nkeypair = \"keys/market.json\"\nclose_factor_bps = 5000\n\
         dust_threshold = 1\nallow_fixed_price = true\ntimelock_delay_secs = 0\nramp_secs = 600\n",
    );
    for i in 0..n {
        write!(
            s,
            "\n[[reserve]]\nsymbol = \"T{i}\"\nmint_keypair = \"keys/t{i}.json\"\ndecimals = 6\n\
             token_program = \"spl-token\"\nseed_deposit = 1\n\
             oracle = {{ kind = \"fixed\", price = 1 }}\n[reserve.config]\nltv_bps = 7000\n\
             liquidation_threshold_bps = 8000\nmin_liquidation_bonus_bps = 200\n\
             max_liquidation_bonus_bps = 1000\nprotocol_liquidation_fee_bps = 1000\n\
             flash_loan_fee_bps = 9\nprotocol_take_rate_bps = 1000\nutilization_cap_bps = 9500\n\
             curve = [[0, 0], [8000, 800], [10000, 10000]]\n"
        )
        .unwrap();
    }
    s
}

pub async fn full_obligation_is_liquidated_through_the_migrations_table(env: &mut Env) {
    let n = MAX_DEPOSITS + MAX_BORROWS;
    let s = Scratch::new("positions");
    std::fs::write(s.config(), config(n)).unwrap();
    let (owner, created) = create_market(env, &s).await;
    let url = env.rpc.url();
    let cfg = s.config();
    let market = key(&created, &["market"]);

    // The table holds every shared address of the market, and the market records it.
    let table = key(&created, &["lookup_table", "address"]);
    assert_eq!(created["lookup_table"]["status"], "created", "{created}");
    let m: LendingMarket = env.zc(&market).await;
    assert_eq!(m.lookup_table, table);
    let wanted = lending_sdk::lookup::market_addresses(&market_state(&url, market));
    let held = {
        let url = url.clone();
        blocking(move || {
            let rpc = RpcClient::new_with_commitment(url, rpc::CommitmentConfig::confirmed());
            rpc::lookup_table(&rpc, &table)
                .expect("the table")
                .addresses
        })
    };
    assert_eq!(
        held, wanted,
        "the table holds the market's shared addresses"
    );
    // A re-run finds it whole.
    let again = cli(&url, &owner, &cfg, &["market", "create"]).unwrap();
    assert_eq!(again["lookup_table"]["status"], "exists", "{again}");
    assert_eq!(again["lookup_table"]["added"], 0, "{again}");
    let shown = cli(&url, &owner, &cfg, &["market", "show"]).unwrap();
    assert_eq!(shown["lookup_table"]["missing"], 0, "{shown}");

    // Lenders for the five debt assets; a borrower at the most positions: 8 × 100 tokens of
    // collateral ($800, limit $560) and 5 × 105 of debt.
    for i in MAX_DEPOSITS..n {
        let asset = format!("T{i}");
        cli(
            &url,
            &owner,
            &cfg,
            &["mint-to", "--asset", &asset, "--amount", "20000"],
        )
        .unwrap();
        cli(
            &url,
            &owner,
            &cfg,
            &["deposit", "--asset", &asset, "--amount", "10000"],
        )
        .unwrap();
    }
    let names: Vec<String> = (0..n).map(|i| format!("T{i}")).collect();
    let coll: Vec<(&str, &str)> = names[..MAX_DEPOSITS]
        .iter()
        .map(|a| (a.as_str(), "100"))
        .collect();
    let (borrower, wallet) = user_with(env, &s, &owner, "borrower", &coll).await;
    for a in &names[..MAX_DEPOSITS] {
        cli(
            &url,
            &wallet,
            &cfg,
            &["deposit", "--asset", a, "--amount", "100"],
        )
        .unwrap();
    }
    for a in &names[MAX_DEPOSITS..] {
        cli(
            &url,
            &wallet,
            &cfg,
            &["borrow", "--asset", a, "--amount", "105"],
        )
        .unwrap();
    }
    let ob_key = pda::obligation(&market, &borrower.pubkey(), 0);
    let ob: Obligation = env.zc(&ob_key).await;
    assert_eq!(
        (ob.deposits().len(), ob.borrows().len()),
        (MAX_DEPOSITS, MAX_BORROWS)
    );
    // T0 and T1 fall to $0.01: the line ($480) is under the debt ($525 and fees).
    for a in ["T0", "T1"] {
        cli(
            &url,
            &owner,
            &cfg,
            &["set-price", "--asset", a, "--price", "0.01"],
        )
        .unwrap();
    }
    let debt = &names[MAX_DEPOSITS];
    let (_, liquidator) =
        user_with(env, &s, &owner, "liquidator", &[(debt.as_str(), "1000")]).await;
    let out = cli(
        &url,
        &liquidator,
        &cfg,
        &[
            "liquidate",
            "--obligation",
            &ob_key.to_string(),
            "--repay-asset",
            debt,
        ],
    )
    .unwrap();
    assert!(out["repay_amount"].as_u64().unwrap() > 0, "{out}");
    let after: Obligation = env.zc(&ob_key).await;
    assert!(
        after.borrows()[0].debt_shares.get() < ob.borrows()[0].debt_shares.get(),
        "the debt was not repaid"
    );

    // It was one v0 transaction through the table, with all 13 reserves' refreshes in it.
    let sig: solana_signature::Signature = out["signature"].as_str().unwrap().parse().unwrap();
    let tx = blocking(move || {
        let rpc = RpcClient::new_with_commitment(url, rpc::CommitmentConfig::confirmed());
        let config = RpcTransactionConfig {
            encoding: Some(UiTransactionEncoding::Base64),
            commitment: Some(rpc::CommitmentConfig::confirmed()),
            max_supported_transaction_version: Some(0),
        };
        rpc.get_transaction_with_config(&sig, config)
            .expect("the liquidation transaction")
    });
    let encoded = match &tx.transaction.transaction {
        solana_transaction_status_client_types::EncodedTransaction::Binary(
            b,
            TransactionBinaryEncoding::Base64,
        ) => b.clone(),
        other => panic!("unexpected encoding {other:?}"),
    };
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, encoded).unwrap();
    let vtx: solana_transaction::versioned::VersionedTransaction =
        bincode::deserialize(&bytes).unwrap();
    let lookups = vtx.message.address_table_lookups().expect("a v0 message");
    assert_eq!(lookups.len(), 1);
    assert_eq!(lookups[0].account_key, table);
    let program_index = vtx
        .message
        .static_account_keys()
        .iter()
        .position(|k| *k == lending_sdk::ID)
        .expect("the lending program is invoked") as u8;
    let lending_ixs = vtx
        .message
        .instructions()
        .iter()
        .filter(|i| i.program_id_index == program_index)
        .count();
    // 13 price refreshes, 13 reserve refreshes, the obligation's, the liquidation.
    assert_eq!(lending_ixs, 2 * n + 2);
    println!(
        "  liquidation of {MAX_DEPOSITS} + {MAX_BORROWS} positions: {} bytes, one v0 transaction through {table}",
        bytes.len()
    );
    assert!(bytes.len() <= rpc::MAX_TX_BYTES);
}
