//! The liquidator bot in flash-loan mode on the validator: a wallet holding no USDC liquidates
//! by flash-borrowing the repayment from the USDC reserve and selling the seized SOL to a
//! maker wallet (the local swap venue) in the same transaction.

use super::bot_market::BotMarket;
use super::clients::{blocking, cli, mint_to};
use super::env::Env;
use super::env::TestEnv;
use lending_sdk::ix;
use lending_sdk::lending_core::state::Reserve;
use solana_signer::Signer;
use std::sync::Arc;
use std::time::{Duration, Instant};

const SOL: u64 = 1_000_000_000;
const USD: u64 = 1_000_000;

pub async fn bot_funds_liquidations_with_flash_loans(env: &mut Env) {
    const BORROWERS: usize = 3;
    let bm = BotMarket::open(env, "flash-bot", BORROWERS, "100000").await;
    let (url, owner, cfg, market) = (bm.url.clone(), &bm.owner, &bm.cfg, bm.market);
    let (sol, usdc) = (bm.sol, bm.usdc);

    // The bot's wallet has SOL for fees and no USDC at all; the maker holds USDC.
    let liq = env.wallet(2).await;
    let maker = env.wallet(1).await;
    mint_to(
        &url,
        owner,
        cfg,
        "USDC",
        "5000",
        &maker.pubkey().to_string(),
    );
    let liq_usdc = ix::token::ata(&liq.pubkey(), &usdc.mint, &usdc.token_program);
    let liq_sol = ix::token::ata(&liq.pubkey(), &sol.mint, &sol.token_program);
    let maker_usdc = ix::token::ata(&maker.pubkey(), &usdc.mint, &usdc.token_program);
    let maker_sol = ix::token::ata(&maker.pubkey(), &sol.mint, &sol.token_program);
    let maker_usdc_before = env.balance(&maker_usdc).await;
    assert!(
        env.get(&liq_usdc).await.is_none(),
        "the bot's wallet must start without USDC"
    );

    cli(
        &url,
        owner,
        cfg,
        &["set-price", "--asset", "SOL", "--price", "135"],
    )
    .unwrap();

    // Flash-loan mode: rescan, then passes until all three landed (or a minute passed).
    let stats = Arc::new(liquidator::Stats::default());
    let started = Instant::now();
    let snapshot = {
        let (url, liq, maker, stats) = (
            url.clone(),
            liq.insecure_clone(),
            maker.insecure_clone(),
            stats.clone(),
        );
        blocking(move || {
            let mut cfg = liquidator::BotConfig::new(&url, market);
            cfg.flash_loan = true;
            let mut bot = liquidator::Bot::new(cfg, liq, stats).expect("bot starts");
            bot.set_swap_venue(Box::new(liquidator::OracleMaker::new(maker, 30)))
                .expect("swap venue set up");
            let t0 = Instant::now();
            while bot.stats().landed < BORROWERS as u64 && t0.elapsed() < Duration::from_secs(60) {
                bot.rescan().expect("rescan");
                bot.pass().expect("pass");
                std::thread::sleep(Duration::from_millis(500));
            }
            bot.stats()
        })
    };
    println!(
        "    flash-funded bot: landed {}, failed {} in {:.1}s",
        snapshot.landed,
        snapshot.failed,
        started.elapsed().as_secs_f64()
    );
    bm.assert_outcome(env, &snapshot).await;
    // The loans are closed; the maker paid USDC and got SOL; the wallet kept SOL as profit
    // and is left with no less than zero USDC (anything repaid below the loan stays with it).
    let r: Reserve = env.zc(&usdc.reserve).await;
    assert_eq!(r.flash_outstanding, 0, "a flash loan was left open");
    let paid = maker_usdc_before - env.balance(&maker_usdc).await;
    let maker_sol_got = env.balance(&maker_sol).await;
    let kept_sol = env.balance(&liq_sol).await;
    let kept_usdc = env.balance(&liq_usdc).await;
    assert!(paid > 0 && maker_sol_got > 0, "the swap did not trade");
    assert!(kept_sol > 0, "the wallet kept no collateral");
    // At $135 the maker's SOL is worth at least the USDC it paid (it quotes the oracle price
    // plus its spread, rounded in its favour).
    assert!(
        maker_sol_got as u128 * 135 * USD as u128 / SOL as u128 >= paid as u128,
        "maker paid {paid} USDC units for {maker_sol_got} SOL units"
    );
    println!(
        "    maker paid {:.2} USDC for {:.4} SOL; the wallet kept {:.4} SOL and {:.2} USDC",
        paid as f64 / USD as f64,
        maker_sol_got as f64 / SOL as f64,
        kept_sol as f64 / SOL as f64,
        kept_usdc as f64 / USD as f64
    );
}
