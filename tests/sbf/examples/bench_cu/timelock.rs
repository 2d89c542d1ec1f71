//! The timelock's instructions (#23): naming a risk admin, and queuing, applying and cancelling
//! the largest change (a reserve configuration with its curve). The bench market has no delay,
//! so a change may be applied as soon as it is queued.

use super::{refresh, Bench, DEBT};
use lending_sdk::ix;
use lending_sdk::lending_core::state::{LendingMarket, Reserve};
use lending_sdk::types::AdminChange;
use lending_test_suite::env::TestEnv;
use solana_signer::Signer;

/// Measures each timelock instruction on the first debt reserve.
pub async fn measure(b: &mut Bench) {
    let owner = b.m.owner.insecure_clone();
    let o = owner.pubkey();
    let market = b.m.market;
    let admin = ix::set_risk_admin(o, market, anchor_lang::prelude::Pubkey::new_unique());
    b.measure("set_risk_admin", (0, 0), &[], admin, &[&owner])
        .await;
    let k = b.m.reserves[DEBT[0]];
    let r: Reserve = b.env.zc(&k.reserve).await;
    let mut config = lending_sdk::program::reserve_config_params(&r);
    config.origination_fee_bps += 1;
    let change = AdminChange::ReserveConfig(config);
    let next = |m: &LendingMarket| m.changes_queued;
    let id = next(&b.env.zc(&market).await);
    let queue = ix::queue_change(o, o, market, k.reserve, id, change.clone());
    b.measure("queue_change", (0, 0), &[], queue, &[&owner])
        .await;
    let apply = ix::apply_change(market, id, k.reserve, o);
    b.measure("apply_change", (0, 0), &refresh(&b.m, DEBT[0]), apply, &[])
        .await;
    b.env
        .ok(
            &[ix::queue_change(o, o, market, k.reserve, id + 1, change)],
            &[&owner],
        )
        .await;
    let cancel = ix::cancel_change(o, market, id + 1, o);
    b.measure("cancel_change", (0, 0), &[], cancel, &[&owner])
        .await;
}
