//! The market both bot cases liquidate: SOL and USDC reserves, USDC supplied, a number of
//! borrowers at $110 of debt on 1 SOL ($150: borrow limit $112.50, liquidation line $120) and
//! one healthy borrower (10 SOL, $100), all opened concurrently, one transaction each.

use super::clients::{create_market, key, market_state, send_all, supply_usdc, Scratch};
use super::env::Env;
use super::env::TestEnv;
use lending_sdk::ix::{self, pda, ReserveKeys};
use lending_sdk::lending_core::state::Obligation;
use lending_sdk::market::MarketState;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use std::path::PathBuf;
use std::time::Instant;

const SOL: u64 = 1_000_000_000;
const USD: u64 = 1_000_000;

/// A market with unhealthy-to-be borrowers and one healthy one.
pub(crate) struct BotMarket {
    /// The scratch directory (kept alive for the CLI's config).
    pub s: Scratch,
    /// The market owner's wallet file.
    pub owner: PathBuf,
    /// The CLI's market config.
    pub cfg: PathBuf,
    /// The validator's RPC URL.
    pub url: String,
    /// The market.
    pub market: Pubkey,
    /// The SOL reserve.
    pub sol: ReserveKeys,
    /// The USDC reserve.
    pub usdc: ReserveKeys,
    /// The borrowers' obligations ($110 on 1 SOL each).
    pub keys: Vec<Pubkey>,
    /// The healthy obligation, and its bytes once opened.
    pub healthy: (Pubkey, Vec<u8>),
    /// The first borrower's obligation once opened.
    pub debt_before: Obligation,
}

impl BotMarket {
    /// Creates the market (tag `tag`), supplies `usdc_supply` USDC and opens `borrowers`
    /// borrowers and the healthy one.
    pub(crate) async fn open(
        env: &mut Env,
        tag: &str,
        borrowers: usize,
        usdc_supply: &str,
    ) -> Self {
        let s = Scratch::new(tag);
        let (owner, created) = create_market(env, &s).await;
        let url = env.rpc.url();
        let cfg = s.config();
        let market = key(&created, &["market"]);
        let sol_mint = key(&created, &["reserves", "0", "mint"]);
        let usdc_mint = key(&created, &["reserves", "1", "mint"]);
        supply_usdc(&url, &owner, &cfg, usdc_supply);
        let ms = market_state(&url, market);
        let sol = ms.reserve_for_mint(&sol_mint).unwrap();
        let usdc = ms.reserve_for_mint(&usdc_mint).unwrap();
        let payer = env.payer();

        let open = |kp: &Keypair, sol_amount: u64, usd_debt: u64| {
            open_borrower(&ms, (&sol, &usdc), &payer, kp, sol_amount, usd_debt)
        };
        let kps: Vec<Keypair> = (0..borrowers).map(|_| Keypair::new()).collect();
        let healthy_kp = Keypair::new();
        let mut plans: Vec<_> = kps.iter().map(|kp| open(kp, SOL, 110 * USD)).collect();
        plans.push(open(&healthy_kp, 10 * SOL, 100 * USD));
        let signers: Vec<&Keypair> = kps.iter().chain([&healthy_kp]).collect();
        let t0 = Instant::now();
        let funds = plans
            .iter()
            .map(|(_, f, _)| (f.clone(), vec![payer.insecure_clone()]))
            .collect();
        send_all(&url, &payer, funds);
        let acts = plans
            .iter()
            .zip(&signers)
            .map(|((_, _, a), kp)| (a.clone(), vec![kp.insecure_clone()]))
            .collect();
        send_all(&url, &payer, acts);
        println!(
            "    opened {} obligations in {:.1}s",
            plans.len(),
            t0.elapsed().as_secs_f64()
        );
        let keys: Vec<_> = plans[..borrowers].iter().map(|(k, _, _)| *k).collect();
        let healthy = plans[borrowers].0;
        let healthy_before = env.get(&healthy).await.unwrap().data;
        let debt_before: Obligation = env.zc(&keys[0]).await;
        Self {
            s,
            owner,
            cfg,
            url,
            market,
            sol,
            usdc,
            keys,
            healthy: (healthy, healthy_before),
            debt_before,
        }
    }

    /// The bot's run `s` landed a liquidation of every borrower (each now owes fewer debt
    /// shares than before), counted every send, and left the healthy obligation byte-for-byte
    /// as it was.
    pub(crate) async fn assert_outcome(&self, env: &mut Env, s: &liquidator::Snapshot) {
        assert!(
            s.landed >= self.keys.len() as u64,
            "only {} of {} liquidations landed",
            s.landed,
            self.keys.len()
        );
        assert_eq!(s.sent, s.landed + s.failed);
        let before = self.debt_before.borrows()[0].debt_shares.get();
        for k in &self.keys {
            let ob: Obligation = env.zc(k).await;
            assert!(
                ob.borrows()[0].debt_shares.get() < before,
                "{k} was not liquidated"
            );
        }
        assert_eq!(
            env.get(&self.healthy.0).await.unwrap().data,
            self.healthy.1,
            "the healthy obligation was touched"
        );
    }
}

/// Instructions that fund `kp` (SOL for fees, token accounts, `sol_amount` SOL minted by
/// `payer`) and then, signed by `kp`, open its obligation with that SOL as collateral and
/// borrow `usd_debt` USDC units. Returns the obligation and both instruction lists.
fn open_borrower(
    ms: &MarketState,
    (sol, usdc): (&ReserveKeys, &ReserveKeys),
    payer: &Keypair,
    kp: &Keypair,
    sol_amount: u64,
    usd_debt: u64,
) -> (Pubkey, Vec<Instruction>, Vec<Instruction>) {
    let market = ms.key;
    let owner = kp.pubkey();
    let ob = pda::obligation(&market, &owner, 0);
    let sol_ata = ix::token::ata(&owner, &sol.mint, &sol.token_program);
    let usdc_ata = ix::token::ata(&owner, &usdc.mint, &usdc.token_program);
    let fund = vec![
        anchor_lang::solana_program::system_instruction::transfer(
            &payer.pubkey(),
            &owner,
            SOL / 20,
        ),
        ix::token::create_ata(&payer.pubkey(), &owner, &sol.mint, &sol.token_program),
        ix::token::create_ata(&payer.pubkey(), &owner, &usdc.mint, &usdc.token_program),
        ix::token::mint_to(
            payer.pubkey(),
            sol.mint,
            sol_ata,
            sol_amount,
            sol.token_program,
        ),
    ];
    let mut act = vec![ix::init_obligation(owner, market, 0)];
    act.extend(ms.refresh_reserves(&[sol.reserve, usdc.reserve]));
    act.push(ix::deposit_and_collateralize(
        owner, ob, sol, sol_ata, sol_amount,
    ));
    act.push(ix::refresh_obligation(ob, &[sol.reserve]));
    act.push(ix::borrow(
        owner,
        ob,
        usdc,
        usdc_ata,
        usd_debt,
        &[sol.reserve],
    ));
    (ob, fund, act)
}
