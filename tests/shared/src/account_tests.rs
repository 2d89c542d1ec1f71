//! Wrong accounts and edge amounts: each rejected with its own error, nothing changed.

use super::env::{assert_anchor_err, assert_err, VmEnv, SPL_TOKEN, TOKEN_2022};
use super::fixture::{config, fixed_oracle, Market, User};
use super::fixture::{SOL_UNIT, USD_UNIT};
use super::ix::{self, ReserveKeys};
use super::scenario_tests::{three_reserves, PYUSD, SOL, USDC};
use anchor_lang::prelude::{AccountMeta, Pubkey};
use lending::errors::LendingError;
use lending_sdk::types::LiquidateParams;
use solana_signer::Signer;

async fn funded(env: &mut impl VmEnv) -> (Market, User, User) {
    let m = three_reserves(env).await;
    let lender = m
        .user(
            env,
            &[100 * SOL_UNIT, 100_000 * USD_UNIT, 100_000 * USD_UNIT],
        )
        .await;
    let b = m.user(env, &[10 * SOL_UNIT, 0, 1_000 * USD_UNIT]).await;
    m.supply(env, &lender, USDC, 50_000 * USD_UNIT)
        .await
        .unwrap();
    m.deposit_collateral(env, &b, SOL, 10 * SOL_UNIT)
        .await
        .unwrap();
    (m, lender, b)
}

async fn accounts_from_another_market_are_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, _lender, b) = funded(&mut env).await;
    let other = three_reserves(&mut env).await;
    let stranger = other.user(&mut env, &[0, 0, 0]).await;
    // A reserve of another market against this market's obligation.
    let k = ReserveKeys {
        market: m.market,
        ..other.reserves[USDC]
    };
    let res = m
        .act(
            &mut env,
            &b.obligation,
            &[ix::borrow(
                b.kp.pubkey(),
                b.obligation,
                &k,
                b.liquidity[USDC],
                USD_UNIT,
                &[m.reserves[SOL].reserve],
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::WrongMarket);
    // An obligation of another market.
    let res = m
        .act_reserves(
            &mut env,
            &[ix::repay(
                b.kp.pubkey(),
                stranger.obligation,
                &m.reserves[USDC],
                b.liquidity[USDC],
                1,
            )],
            &[&b.kp],
        )
        .await;
    assert_err(res, LendingError::WrongMarket);
}

async fn substituted_vaults_mints_and_token_programs_are_refused<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, _b) = funded(&mut env).await;
    let k = m.reserves[USDC];
    let other = m.reserves[PYUSD];
    let dep = |k: &ReserveKeys| {
        ix::deposit_reserve_liquidity(
            lender.kp.pubkey(),
            k,
            lender.liquidity[USDC],
            lender.shares[USDC],
            USD_UNIT,
        )
    };
    let cases = [
        (
            ReserveKeys {
                supply_vault: other.supply_vault,
                ..k
            },
            LendingError::WrongReserveAccount,
        ),
        (
            ReserveKeys {
                share_mint: other.share_mint,
                ..k
            },
            LendingError::WrongReserveAccount,
        ),
        (
            ReserveKeys {
                mint: other.mint,
                ..k
            },
            LendingError::WrongReserveAccount,
        ),
        (
            ReserveKeys {
                token_program: TOKEN_2022,
                ..k
            },
            LendingError::WrongTokenProgram,
        ),
    ];
    for (bad, err) in cases {
        let res = m.act_reserves(&mut env, &[dep(&bad)], &[&lender.kp]).await;
        assert_err(res, err);
    }
    // The user's token account of another mint.
    let res = m
        .act_reserves(
            &mut env,
            &[ix::deposit_reserve_liquidity(
                lender.kp.pubkey(),
                &k,
                lender.liquidity[SOL],
                lender.shares[USDC],
                USD_UNIT,
            )],
            &[&lender.kp],
        )
        .await;
    assert_err(res, LendingError::WrongMint);
    // A reserve refreshed against another asset's price account.
    let res = env
        .send(
            &[ix::refresh_reserve(&ReserveKeys {
                oracle: other.oracle,
                ..k
            })],
            &[],
        )
        .await;
    assert_err(res, LendingError::WrongOracle);
    // A fake instructions sysvar.
    let mut fl = ix::flash_borrow(lender.kp.pubkey(), &k, lender.liquidity[USDC], 1);
    fl.accounts[6] = AccountMeta::new_readonly(Pubkey::new_unique(), false);
    assert_err(
        env.send(&[fl], &[&lender.kp]).await,
        LendingError::InvalidInstructionsSysvar,
    );
}

async fn amounts_at_the_edges<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, b) = funded(&mut env).await;
    assert_err(
        m.borrow(&mut env, &b, USDC, 0).await,
        LendingError::ZeroAmount,
    );
    assert_err(
        m.repay(&mut env, &b, USDC, 0).await,
        LendingError::ZeroAmount,
    );
    // More than the reserve holds, with collateral to spare.
    let whale = m.user(&mut env, &[0, 0, 100_000 * USD_UNIT]).await;
    m.deposit_collateral(&mut env, &whale, PYUSD, 100_000 * USD_UNIT)
        .await
        .unwrap();
    assert_err(
        m.borrow(&mut env, &whale, SOL, 1_000 * SOL_UNIT).await,
        LendingError::InsufficientLiquidity,
    );
    // Withdrawing from a reserve holding no collateral of this obligation.
    assert_err(
        m.withdraw(&mut env, &b, USDC, 1).await,
        LendingError::NoCollateralInReserve,
    );
    // Once the share price is above 1, a 1-unit deposit mints no shares.
    let k = m.reserves[USDC];
    env.ok(
        &[
            ix::flash_borrow(
                lender.kp.pubkey(),
                &k,
                lender.liquidity[USDC],
                10_000 * USD_UNIT,
            ),
            ix::flash_repay(
                lender.kp.pubkey(),
                &k,
                lender.liquidity[USDC],
                10_000 * USD_UNIT,
                1,
            ),
        ],
        &[&lender.kp],
    )
    .await;
    assert_err(
        m.supply(&mut env, &lender, USDC, 1).await,
        LendingError::AmountTooSmall,
    );
    // A liquidation offering to repay nothing has nothing to do.
    m.borrow(&mut env, &b, USDC, 700 * USD_UNIT).await.unwrap();
    m.set_price(&mut env, SOL, 80_000_000, -6).await;
    let liq = m.user(&mut env, &[0, 1_000 * USD_UNIT, 0]).await;
    let p = LiquidateParams {
        max_repay: 0,
        min_receive: 0,
        receive_liquidity: false,
    };
    let ixx = ix::liquidate(
        liq.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        liq.liquidity[USDC],
        &m.reserves[SOL],
        liq.shares[SOL],
        p,
        &[m.reserves[SOL].reserve, m.reserves[USDC].reserve],
    );
    assert_err(
        m.act(&mut env, &b.obligation, &[ixx], &[&liq.kp]).await,
        LendingError::NothingToLiquidate,
    );
    // The same reserve as both sides of a liquidation is caught as a duplicate account.
    let p = LiquidateParams {
        max_repay: 1,
        min_receive: 0,
        receive_liquidity: false,
    };
    let ixx = ix::liquidate(
        liq.kp.pubkey(),
        b.obligation,
        &m.reserves[USDC],
        liq.liquidity[USDC],
        &m.reserves[USDC],
        liq.shares[USDC],
        p,
        &[m.reserves[SOL].reserve, m.reserves[USDC].reserve],
    );
    let res = m.act(&mut env, &b.obligation, &[ixx], &[&liq.kp]).await;
    assert_anchor_err(
        res,
        anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount,
    );
}

async fn flash_loans_can_be_switched_off<E: VmEnv>() {
    let mut env = E::start().await;
    let (m, lender, _b) = funded(&mut env).await;
    let mut c = config(8_000, 8_500);
    c.flash_loans_enabled = false;
    let k = m.reserves[USDC];
    m.act_reserves(
        &mut env,
        &[ix::update_reserve_config(m.owner.pubkey(), &k, c)],
        &[&m.owner],
    )
    .await
    .unwrap();
    let res = env
        .send_raw(
            &[
                ix::flash_borrow(lender.kp.pubkey(), &k, lender.liquidity[USDC], USD_UNIT),
                ix::flash_repay(lender.kp.pubkey(), &k, lender.liquidity[USDC], USD_UNIT, 0),
            ],
            &[&lender.kp],
        )
        .await;
    assert_err(res, LendingError::FlashLoansDisabled);
}

async fn oracle_admin_inputs_are_validated<E: VmEnv>() {
    let mut env = E::start().await;
    let m = Market::new(&mut env).await;
    let mint = env.create_mint(6, SPL_TOKEN).await;
    let o = m.owner.pubkey();
    // A fixed price never ages: a max age is refused...
    let mut p = fixed_oracle(1_000_000, -6);
    p.max_age_secs = 60;
    assert_err(
        env.send(&[ix::init_oracle_price(o, m.market, mint, p)], &[&m.owner])
            .await,
        LendingError::InvalidOracleConfig,
    );
    // ...and a Pyth price must age: 0 and anything above ten minutes are refused.
    for age in [0, 601] {
        let mut p = super::pyth::pull_params(Pubkey::new_unique());
        p.max_age_secs = age;
        assert_err(
            env.send(&[ix::init_oracle_price(o, m.market, mint, p)], &[&m.owner])
                .await,
            LendingError::InvalidOracleConfig,
        );
    }
    let mut p = fixed_oracle(1_000_000, -6);
    p.max_age_secs = 0;
    p.max_conf_bps = 0;
    assert_err(
        env.send(&[ix::init_oracle_price(o, m.market, mint, p)], &[&m.owner])
            .await,
        LendingError::InvalidOracleConfig,
    );
    let mut p = fixed_oracle(1_000_000, -6);
    p.source_kind = 9;
    assert_err(
        env.send(&[ix::init_oracle_price(o, m.market, mint, p)], &[&m.owner])
            .await,
        LendingError::InvalidOracleConfig,
    );
    assert_err(
        env.send(
            &[ix::init_oracle_price(
                o,
                m.market,
                mint,
                fixed_oracle(0, -6),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::InvalidPrice,
    );
    assert_err(
        env.send(
            &[ix::init_oracle_price(
                o,
                m.market,
                mint,
                fixed_oracle(1, -19),
            )],
            &[&m.owner],
        )
        .await,
        LendingError::InvalidExponent,
    );
    env.ok(
        &[ix::init_oracle_price(
            o,
            m.market,
            mint,
            fixed_oracle(1_000_000, -6),
        )],
        &[&m.owner],
    )
    .await;
    let oracle = ix::pda::oracle(&m.market, &mint);
    let stranger = env.wallet(1).await;
    assert_err(
        env.send(
            &[ix::set_fixed_price(
                stranger.pubkey(),
                m.market,
                oracle,
                2_000_000,
                -6,
                0,
            )],
            &[&stranger],
        )
        .await,
        LendingError::NotMarketOwner,
    );
    assert_err(
        env.send(
            &[ix::set_fixed_price(o, m.market, oracle, -1, -6, 0)],
            &[&m.owner],
        )
        .await,
        LendingError::InvalidPrice,
    );
    assert_err(
        env.send(
            &[ix::set_fixed_price(
                o, m.market, oracle, 1_000_000, -6, 30_000,
            )],
            &[&m.owner],
        )
        .await,
        LendingError::ConfidenceTooWide,
    );
    env.ok(
        &[ix::set_fixed_price(
            o, m.market, oracle, 2_000_000, -6, 1_000,
        )],
        &[&m.owner],
    )
    .await;
    let stored = env
        .zc::<lending_sdk::lending_core::state::OraclePrice>(&oracle)
        .await;
    assert_eq!((stored.price, stored.conf), (2_000_000, 1_000));
    // Re-initialising the same price account fails and changes nothing.
    let before = env.get(&oracle).await.unwrap().data;
    assert!(env
        .send(
            &[ix::init_oracle_price(
                o,
                m.market,
                mint,
                fixed_oracle(5, -6)
            )],
            &[&m.owner]
        )
        .await
        .is_err());
    assert_eq!(env.get(&oracle).await.unwrap().data, before);
}

crate::scenarios!(
    account_tests:
    accounts_from_another_market_are_refused,
    substituted_vaults_mints_and_token_programs_are_refused,
    amounts_at_the_edges,
    flash_loans_can_be_switched_off,
    oracle_admin_inputs_are_validated,
);
