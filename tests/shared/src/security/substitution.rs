//! The classes that substitute or drop one specific account: duplicates, re-initialisation,
//! token programs and mints, vaults posing as the user's account, the instructions sysvar,
//! CPI, staleness, remaining accounts, oracles, unhealthy results and zero amounts.

use super::super::env::{VmEnv, SPL_TOKEN, TOKEN_2022};
use super::super::fixture::{config, fixed_oracle};
use super::super::fixture::{SOL_UNIT, USD_UNIT};
use super::super::ix;
use super::super::scenario_tests::{PYUSD, SOL, USDC};
use super::attack::Expect;
use super::classes::{each_case, swap, Attack};
use super::matrix::assert_coverage;
use super::scene::Scene;
use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::Discriminator;
use lending::errors::LendingError as L;
use lending::instruction::{RefreshObligation, RefreshOraclePrice, RefreshReserve};
use solana_signer::Signer;

/// Every token account of the scene's users (the accounts a vault could pose as).
fn user_token_accounts(s: &Scene) -> Vec<Pubkey> {
    let mut v = vec![s.fee_destination];
    v.extend(s.fund_shares);
    for u in [&s.lender, &s.b, &s.victim, &s.liquidator] {
        v.extend(u.liquidity.iter().chain(&u.shares));
    }
    v
}

/// The same account passed for two writable token-account (or mint) slots of one instruction.
async fn duplicate_mutable_accounts<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let users = user_token_accounts(&scene);
    let mut vaults: Vec<Pubkey> = scene
        .m
        .reserves
        .iter()
        .flat_map(|k| [k.supply_vault, k.fee_vault, k.share_mint])
        .collect();
    vaults.extend([scene.fund.vault, scene.fund.share_mint]);
    let covered = each_case(&mut env, &scene, |_, case| {
        let slots: Vec<usize> = (0..case.target.accounts.len())
            .filter(|&i| {
                let a = &case.target.accounts[i];
                a.is_writable && (users.contains(&a.pubkey) || vaults.contains(&a.pubkey))
            })
            .collect();
        let mut out = vec![];
        for &i in &slots {
            for &j in slots.iter().filter(|&&j| j > i) {
                let dup = swap(&case.target, j, case.target.accounts[i].pubkey);
                let expect = duplicate_error(case.name);
                out.push(Attack::new(
                    format!("account {j} = account {i}"),
                    case.with(dup),
                    expect,
                ));
            }
        }
        out
    })
    .await;
    assert_coverage("duplicate_mutable_accounts", &covered);
}

/// What passing account `i` again at `j` meets: the program refuses duplicated writable
/// token accounts and mints before any other check (`all_distinct`, beside Anchor's own
/// check), whether a token account lands in a mint's slot or another token account's.
fn duplicate_error(name: &str) -> Expect {
    if name == "flash_repay" {
        // The borrow before it matches the repay's accounts first.
        Expect::Lending(L::InvalidFlashRepay)
    } else {
        Expect::Anchor(Anchor::ConstraintDuplicateMutableAccount)
    }
}

/// Each `init_*` aimed at an account that already exists.
async fn re_initialisation<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let o = scene.m.owner.pubkey();
    let market = scene.m.market;
    let sol = scene.m.reserves[SOL];
    let covered = each_case(&mut env, &scene, |s, case| {
        let again = match case.name {
            // The same new market created twice in one transaction.
            "init_market" => {
                let mut tx = case.with(case.target.clone());
                tx.push(case.target.clone());
                return vec![Attack::new("created twice", tx, Expect::AccountExists)];
            }
            "init_oracle_price" => ix::init_oracle_price(o, market, sol.mint, fixed_oracle(1, 0)),
            "init_reserve" => {
                let seed = s.b.liquidity[SOL];
                let tx = vec![ix::init_reserve(
                    o,
                    &sol,
                    seed,
                    config(7_500, 8_000),
                    1_000_000,
                )];
                return vec![Attack::new("existing reserve", tx, Expect::AccountExists)];
            }
            "init_obligation" => ix::init_obligation(s.b.kp.pubkey(), market, 0),
            "init_insurance_fund" => {
                let seed = s.new_fund_seed;
                let tx = vec![lending_sdk::fund::init_insurance_fund(
                    o,
                    &s.fund,
                    seed,
                    super::super::fund_fixture::cuts(),
                    1_000_000,
                )];
                return vec![Attack::new("existing fund", tx, Expect::AccountExists)];
            }
            "request_unstake" => {
                // The lender's request is open.
                let l = &s.lender;
                let tx = vec![lending_sdk::fund::request_unstake(
                    l.kp.pubkey(),
                    &s.fund,
                    s.fund_shares[0],
                    1,
                )];
                let mut a = Attack::new("existing request", tx, Expect::AccountExists);
                a.extra_signers = vec![l.kp.insecure_clone()];
                return vec![a];
            }
            // The scene's queued change, queued again at its id.
            "queue_change" => ix::queue_change(
                o,
                o,
                market,
                market,
                super::scene::SCENE_CHANGE,
                lending_sdk::types::AdminChange::FundSettings(super::scene::scene_fund_settings()),
            ),
            "init_emode_group" => ix::init_emode_group(
                o,
                market,
                super::scene::LOOSE_GROUP,
                super::scene::group_params(9_000, 9_300),
                None,
            ),
            _ => return vec![],
        };
        vec![Attack::new(
            "existing account",
            case.with(again),
            Expect::AccountExists,
        )]
    })
    .await;
    assert_coverage("re_initialisation", &covered);
}

/// The other token program, another reserve's mint, or a token account of another mint.
async fn wrong_token_program_or_mint<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let mints: Vec<Pubkey> = scene.m.reserves.iter().map(|k| k.mint).collect();
    let pyusd = scene.m.reserves[PYUSD];
    let foreign = scene.lender.liquidity[PYUSD];
    let users = user_token_accounts(&scene);
    let covered = each_case(&mut env, &scene, |_, case| {
        let mut out = vec![];
        for (i, a) in case.target.accounts.iter().enumerate() {
            let (label, key, expect) = if a.pubkey == SPL_TOKEN || a.pubkey == TOKEN_2022 {
                let other = if a.pubkey == SPL_TOKEN {
                    TOKEN_2022
                } else {
                    SPL_TOKEN
                };
                ("the other token program", other, L::WrongTokenProgram)
            } else if mints.contains(&a.pubkey) && a.pubkey != pyusd.mint {
                ("another reserve's mint", pyusd.mint, L::WrongReserveAccount)
            } else if users.contains(&a.pubkey) && a.is_writable && a.pubkey != foreign {
                ("a token account of another mint", foreign, L::WrongMint)
            } else {
                continue;
            };
            let expect = match case.name {
                // The borrow before it matches the repay's accounts first.
                "flash_repay" => Expect::Lending(L::InvalidFlashRepay),
                // The fund names its mint.
                "stake" | "withdraw_stake" if matches!(expect, L::WrongReserveAccount) => {
                    Expect::Lending(L::WrongInsuranceFund)
                }
                // A new reserve's token program is whichever owns the mint: the token
                // program refuses a mint it does not own.
                "init_reserve" | "init_insurance_fund" if label == "the other token program" => {
                    Expect::IncorrectProgramId
                }
                _ => Expect::Lending(expect),
            };
            let tx = case.with(swap(&case.target, i, key));
            out.push(Attack::new(format!("account {i}: {label}"), tx, expect));
        }
        out
    })
    .await;
    assert_coverage("wrong_token_program_or_mint", &covered);
}

/// The reserve's own vaults passed where the user's token account goes.
async fn vault_as_the_users_account<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let owners = [&scene.lender, &scene.b, &scene.victim, &scene.liquidator];
    // The vaults of the reserve whose mint a user's liquidity account holds.
    let vaults_of = |u: &Pubkey| -> Option<[Pubkey; 2]> {
        scene.m.reserves.iter().enumerate().find_map(|(i, k)| {
            let held = owners.iter().any(|w| w.liquidity[i] == *u)
                || (*u == scene.fee_destination && i == USDC);
            held.then_some([k.supply_vault, k.fee_vault])
        })
    };
    let covered = each_case(&mut env, &scene, |_, case| {
        let mut out = vec![];
        // The fund's instructions are not the reserve's: see the column's note.
        if super::matrix::FUND_FLOWS.contains(&case.name) {
            return out;
        }
        for (i, a) in case.target.accounts.iter().enumerate() {
            let Some(vaults) = vaults_of(&a.pubkey) else {
                continue;
            };
            for (what, vault) in ["supply vault", "fee vault"].into_iter().zip(vaults) {
                // A vault the instruction already names is refused as a duplicate first.
                let named = case.target.accounts.iter().any(|x| x.pubkey == vault);
                let expect = if case.name == "flash_repay" {
                    Expect::Lending(L::InvalidFlashRepay)
                } else if named {
                    Expect::Anchor(Anchor::ConstraintDuplicateMutableAccount)
                } else {
                    Expect::Lending(L::VaultAsUserAccount)
                };
                let mut tx = case.with(swap(&case.target, i, vault));
                if case.name == "flash_borrow" {
                    // The pair must match: the repay names the same account.
                    let repay = tx.last_mut().unwrap();
                    repay.accounts[i].pubkey = vault;
                }
                out.push(Attack::new(format!("account {i}: the {what}"), tx, expect));
            }
        }
        out
    })
    .await;
    assert_coverage("vault_as_the_users_account", &covered);
}

/// A fake account where the instructions sysvar goes (flash loans read it).
async fn spoofed_instructions_sysvar<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    // The sysvar's address is whatever the SDK's flash builders put there.
    let sysvar = {
        let u = &scene.lender;
        ix::flash_borrow(u.kp.pubkey(), &scene.m.reserves[USDC], u.liquidity[USDC], 1).accounts[6]
            .pubkey
    };
    let covered = each_case(&mut env, &scene, |_, case| {
        let Some(i) = case.target.accounts.iter().position(|a| a.pubkey == sysvar) else {
            return vec![];
        };
        let tx = case.with(swap(&case.target, i, Pubkey::new_unique()));
        // The borrow matches its repay account by account before the repay runs.
        let expect = if case.name == "flash_repay" {
            L::InvalidFlashRepay
        } else {
            L::InvalidInstructionsSysvar
        };
        vec![Attack::new("a fake sysvar", tx, Expect::Lending(expect))]
    })
    .await;
    assert_coverage("spoofed_instructions_sysvar", &covered);
}

/// Flash-loan instructions invoked through another program (the CPI forwarder).
async fn flash_loan_through_cpi<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let covered = each_case(&mut env, &scene, |_, case| {
        if !case.name.starts_with("flash_") {
            return vec![];
        }
        let tx = case.with(cpi_forwarder::wrap(&case.target));
        // A wrapped repay is not a top-level instruction: the borrow before it finds no repay.
        let expect = if case.name == "flash_repay" {
            L::NoFlashRepayFound
        } else {
            L::FlashLoanCpi
        };
        vec![Attack::new(
            "called by another program",
            tx,
            Expect::Lending(expect),
        )]
    })
    .await;
    assert_coverage("flash_loan_through_cpi", &covered);
}

/// The refreshes an instruction relies on, left out (a slot later, so the cached ones are old).
async fn stale_reserve_or_obligation<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    env.advance(1).await;
    let covered = each_case(&mut env, &scene, |_, case| {
        let is = |ix: &Instruction, d: &[u8]| ix.data.starts_with(d);
        let mut out = vec![];
        // Instructions that only add collateral or claim what has accrued need no refresh:
        // they cannot lower health (a deposit marks the obligation stale for the next action).
        // update_reserve_config settles interest itself, so a reserve whose refresh fails can
        // still be fixed (#18, low 8).
        if matches!(
            case.name,
            "deposit_obligation_collateral" | "claim_protocol_fees" | "update_reserve_config"
        ) {
            return out;
        }
        let has_ob = case
            .before
            .iter()
            .any(|ix| is(ix, RefreshObligation::DISCRIMINATOR))
            && !matches!(
                case.name,
                "deposit_and_collateralize" | "repay_obligation_liquidity"
            );
        if has_ob {
            let tx: Vec<Instruction> = case
                .with(case.target.clone())
                .into_iter()
                .filter(|ix| !is(ix, RefreshObligation::DISCRIMINATOR))
                .collect();
            out.push(Attack::new(
                "obligation not refreshed",
                tx,
                Expect::Lending(L::ObligationStale),
            ));
        }
        if case
            .before
            .iter()
            .any(|ix| is(ix, RefreshReserve::DISCRIMINATOR))
        {
            // Without the reserves' refresh (the obligation's is kept when there is one, and
            // refuses stale reserves itself).
            let tx: Vec<Instruction> = case
                .with(case.target.clone())
                .into_iter()
                .filter(|ix| {
                    !is(ix, RefreshReserve::DISCRIMINATOR)
                        && !is(ix, RefreshOraclePrice::DISCRIMINATOR)
                })
                .collect();
            out.push(Attack::new(
                "reserves not refreshed",
                tx,
                Expect::Lending(L::ReserveStale),
            ));
        }
        out
    })
    .await;
    assert_coverage("stale_reserve_or_obligation", &covered);
}

/// The obligation's reserves (remaining accounts of `refresh_obligation`, borrow, the
/// withdrawals, liquidate and `set_obligation_emode`) missing, reordered, substituted or extra.
async fn remaining_accounts<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let pyusd = scene.m.reserves[PYUSD].reserve;
    // The scene's obligations: SOL collateral, USDC debt.
    let (sol, usdc) = (
        scene.m.reserves[SOL].reserve,
        scene.m.reserves[USDC].reserve,
    );
    let covered = each_case(&mut env, &scene, |_, case| {
        let t = &case.target;
        // The obligation's reserves follow the named accounts (the scene's obligations hold
        // two positions; borrow, the withdrawals and liquidate leave out the reserves they
        // name).
        let Some(n) = (0..=t.accounts.len())
            .find(|&i| super::classes::structural_accounts(case.name, i).is_some())
        else {
            return vec![];
        };
        if case.name == "flash_repay" {
            return vec![];
        }
        // set_obligation_emode's group follows the reserves: the attacks stay before it.
        let end = t.accounts.len() - (case.name == "set_obligation_emode") as usize;
        let listed = end - n;
        let mut attacks = vec![];
        if listed >= 1 {
            let mut missing = t.clone();
            missing.accounts.remove(end - 1);
            attacks.push(("missing", missing));
            attacks.push(("substituted", swap(t, end - 1, pyusd)));
        }
        if listed >= 2 {
            let mut reordered = t.clone();
            reordered.accounts.swap(n, n + 1);
            attacks.push(("reordered", reordered));
        }
        let mut extra = t.clone();
        extra
            .accounts
            .insert(end, AccountMeta::new_readonly(pyusd, false));
        attacks.push(("extra", extra));
        // Every reserve of the obligation, the ones the instruction names (and holds borrowed)
        // included.
        if matches!(
            case.name,
            "borrow_obligation_liquidity" | "withdraw_and_redeem" | "liquidate_obligation"
        ) {
            let mut all = t.clone();
            all.accounts.truncate(n);
            for k in [sol, usdc] {
                all.accounts.push(AccountMeta::new_readonly(k, false));
            }
            attacks.push(("named reserves listed too", all));
        }
        attacks
            .into_iter()
            .map(|(l, ix)| {
                Attack::new(l, case.with(ix), Expect::Lending(L::WrongRemainingAccounts))
            })
            .collect()
    })
    .await;
    assert_coverage("remaining_accounts", &covered);
}

/// A reserve of the obligation repriced after the obligation's refresh, in the same transaction
/// (#18, low 5): the cached health no longer matches the reserve, so every instruction that
/// relies on it refuses until the obligation is refreshed again.
async fn valuation_changed_since_refresh<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let m = &scene.m;
    let sol = m.reserves[SOL];
    let reprice = [
        ix::set_fixed_price(m.owner.pubkey(), m.market, sol.oracle, 91_234_567, -6, 0),
        ix::refresh_oracle_price(sol.oracle, None),
        ix::refresh_reserve(&sol),
    ];
    let covered = each_case(&mut env, &scene, |_, case| {
        if !matches!(
            case.name,
            "borrow_obligation_liquidity"
                | "withdraw_obligation_collateral"
                | "withdraw_and_redeem"
                | "liquidate_obligation"
        ) {
            return vec![];
        }
        let mut tx = case.before.clone();
        tx.extend(reprice.iter().cloned());
        tx.push(case.target.clone());
        tx.extend(case.after.iter().cloned());
        let mut a = Attack::new(
            "SOL repriced after the obligation's refresh",
            tx,
            Expect::Lending(L::ValuationChanged),
        );
        a.extra_signers.push(m.owner.insecure_clone());
        vec![a]
    })
    .await;
    assert_coverage("valuation_changed_since_refresh", &covered);
}

/// Another reserve's price account where a reserve's own is expected.
async fn oracle_substitution<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let mut oracles: Vec<Pubkey> = scene.m.reserves.iter().map(|k| k.oracle).collect();
    let usdc_oracle = oracles[USDC];
    // The price account init_reserve names for the new mint.
    oracles.push(ix::pda::oracle(&scene.m.market, &scene.new_mint));
    let covered = each_case(&mut env, &scene, |_, case| {
        // set_fixed_price, update_oracle_config and refresh_oracle_price act on whichever
        // price account they are given; init_oracle_price derives it from the mint.
        if matches!(
            case.name,
            "set_fixed_price"
                | "update_oracle_config"
                | "refresh_oracle_price"
                | "init_oracle_price"
        ) {
            return vec![];
        }
        let Some(i) = case
            .target
            .accounts
            .iter()
            .position(|a| oracles.contains(&a.pubkey))
        else {
            return vec![];
        };
        let other = if case.target.accounts[i].pubkey == usdc_oracle {
            oracles[SOL]
        } else {
            usdc_oracle
        };
        let tx = case.with(swap(&case.target, i, other));
        let expect = Expect::Lending(L::WrongOracle);
        vec![Attack::new("another reserve's price account", tx, expect)]
    })
    .await;
    assert_coverage("oracle_substitution", &covered);
}

/// Borrows and withdrawals larger than the obligation's health allows, and a move into an
/// e-mode group whose limits are below its debt.
async fn leaves_the_obligation_unhealthy<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let b = &scene.b;
    let (sol, usdc) = (scene.m.reserves[SOL], scene.m.reserves[USDC]);
    let (owner, ob) = (b.kp.pubkey(), b.obligation);
    // b holds SOL collateral and USDC debt.
    let valued = [sol.reserve, usdc.reserve];
    let covered = each_case(&mut env, &scene, |_, case| {
        let (target, expect) = match case.name {
            "borrow_obligation_liquidity" => (
                ix::borrow(
                    owner,
                    ob,
                    &usdc,
                    b.liquidity[USDC],
                    10_000 * USD_UNIT,
                    &valued,
                ),
                L::BorrowTooLarge,
            ),
            "withdraw_obligation_collateral" => (
                ix::withdraw_obligation_collateral(
                    owner,
                    ob,
                    &sol,
                    b.shares[SOL],
                    10 * SOL_UNIT - 1,
                    &valued,
                ),
                L::WithdrawTooLarge,
            ),
            "withdraw_and_redeem" => (
                ix::withdraw_and_redeem(
                    owner,
                    ob,
                    &sol,
                    b.liquidity[SOL],
                    10 * SOL_UNIT - 1,
                    &valued,
                ),
                L::WithdrawTooLarge,
            ),
            // Into a group whose 20% LTV is below what b owes against its SOL.
            "set_obligation_emode" => (
                ix::set_obligation_emode_from(
                    owner,
                    ob,
                    &scene.m.market,
                    &valued,
                    0,
                    super::scene::TIGHT_GROUP,
                ),
                L::EmodeSwitchUnhealthy,
            ),
            _ => return vec![],
        };
        vec![Attack::new(
            "beyond the borrow limit",
            case.with(target),
            Expect::Lending(expect),
        )]
    })
    .await;
    assert_coverage("leaves_the_obligation_unhealthy", &covered);
}

crate::scenarios!(
    security_substitution:
    duplicate_mutable_accounts,
    re_initialisation,
    wrong_token_program_or_mint,
    vault_as_the_users_account,
    spoofed_instructions_sysvar,
    flash_loan_through_cpi,
    stale_reserve_or_obligation,
    remaining_accounts,
    valuation_changed_since_refresh,
    oracle_substitution,
    leaves_the_obligation_unhealthy,
);
