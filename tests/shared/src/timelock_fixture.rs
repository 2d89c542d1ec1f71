//! Fixture helpers for the timelock: queuing, applying and setting the delay of a test market.

use crate::env::{TestEnv, TxResult};
use crate::fixture::Market;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending_sdk::ix;
use lending_sdk::lending_core::state::LendingMarket;
use lending_sdk::types::{AdminChange, TimelockParams};
use solana_keypair::Keypair;
use solana_signer::Signer;

impl Market {
    /// The id the next queued change of the market gets.
    pub async fn next_change_id(&self, env: &mut impl TestEnv) -> u64 {
        env.zc::<LendingMarket>(&self.market).await.changes_queued
    }

    /// The owner's instruction queuing `change` to `target` as change `id` (the owner pays).
    pub fn queue_ix(&self, id: u64, target: Pubkey, change: AdminChange) -> Instruction {
        let o = self.owner.pubkey();
        ix::queue_change(o, o, self.market, target, id, change)
    }

    /// Queues `change` to `target`; returns its id and the outcome.
    pub async fn queue(
        &self,
        env: &mut impl TestEnv,
        target: Pubkey,
        change: AdminChange,
    ) -> (u64, TxResult) {
        let id = self.next_change_id(env).await;
        let res = env
            .send(&[self.queue_ix(id, target, change)], &[&self.owner])
            .await;
        (id, res)
    }

    /// The instruction applying change `id` to `target` (rent back to the owner, who paid).
    pub fn apply_ix(&self, id: u64, target: Pubkey) -> Instruction {
        ix::apply_change(self.market, id, target, self.owner.pubkey())
    }

    /// A new funded wallet named the market's risk admin (`guardian: false`) or guardian.
    pub async fn name_role(&self, env: &mut impl TestEnv, guardian: bool) -> Keypair {
        let who = env.wallet(10).await;
        let (o, k) = (self.owner.pubkey(), who.pubkey());
        let ix = if guardian {
            ix::set_guardian(o, self.market, k)
        } else {
            ix::set_risk_admin(o, self.market, k)
        };
        env.ok(&[ix], &[&self.owner]).await;
        who
    }

    /// Sets the market's timelock through the queue (queue and apply in one transaction, which
    /// only a market with no delay yet allows).
    pub async fn set_timelock(&self, env: &mut impl TestEnv, delay_secs: u64, ramp_secs: u64) {
        let id = self.next_change_id(env).await;
        let change = AdminChange::Timelock(TimelockParams {
            delay_secs,
            ramp_secs,
        });
        env.ok(
            &[
                self.queue_ix(id, self.market, change),
                self.apply_ix(id, self.market),
            ],
            &[&self.owner],
        )
        .await;
    }
}
