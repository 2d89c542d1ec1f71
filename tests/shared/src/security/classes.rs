//! One test per attack class, sent at every instruction it applies to. Each cell of
//! docs/security.md names the test here (and `matrix.rs` checks that the table matches
//! [`CELLS`]). Before its attacks, every instruction's valid form is simulated and must
//! succeed, so each refusal is the attack's doing.

use super::super::env::{VmEnv, SPL_TOKEN};
use super::super::scenario_tests::{SOL, USDC};
use super::attack::{attack, Expect};
use super::matrix::assert_coverage;
use super::scene::{Case, Scene, INSTRUCTIONS};
use crate::env::Account;
use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use lending::errors::LendingError as L;
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// Runs `f` on every instruction's valid case after checking that the case succeeds.
pub(super) async fn each_case<F>(env: &mut impl VmEnv, scene: &Scene, mut f: F) -> Vec<&'static str>
where
    F: for<'a> FnMut(&'a Scene, Case<'a>) -> Vec<Attack>,
{
    let mut failures = Vec::new();
    let mut attacks = 0;
    let mut covered = Vec::new();
    for name in INSTRUCTIONS {
        let market_kp = Keypair::new();
        let case = scene.case(name, &market_kp);
        // The valid transaction works (simulated, so the scene does not change), laid out as
        // Env::send lays it out: a compute-budget instruction first.
        let mut valid = vec![ComputeBudgetInstruction::set_compute_unit_limit(1_400_000)];
        valid.extend(case.with(case.target.clone()));
        env.simulate_events(&valid, &case.signers).await;
        let signers: Vec<Keypair> = case.signers.iter().map(|k| k.insecure_clone()).collect();
        let list = f(scene, case);
        if !list.is_empty() {
            covered.push(name);
        }
        for a in list {
            let mut all: Vec<&Keypair> = signers.iter().collect();
            all.extend(a.extra_signers.iter());
            let label = format!("{name} × {}", a.label);
            if let Err(e) = attack(env, &label, &a.tx, &all, a.expect).await {
                failures.push(e);
            }
            attacks += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {attacks} attacks did not meet their expected refusal:\n{}",
        failures.len(),
        failures.join("\n")
    );
    covered
}

/// One attack on one case.
pub struct Attack {
    /// What was changed.
    pub label: String,
    /// The whole transaction.
    pub tx: Vec<Instruction>,
    /// Signers to add.
    pub extra_signers: Vec<Keypair>,
    /// The refusal it must meet.
    pub expect: Expect,
}

impl Attack {
    pub(super) fn new(label: impl Into<String>, tx: Vec<Instruction>, expect: Expect) -> Self {
        Self {
            label: label.into(),
            tx,
            extra_signers: vec![],
            expect,
        }
    }
}

/// `ix` with account `i` replaced by `key` (same signer/writable flags).
pub(super) fn swap(ix: &Instruction, i: usize, key: Pubkey) -> Instruction {
    let mut ix = ix.clone();
    ix.accounts[i].pubkey = key;
    ix
}

/// Indices of `ix`'s named accounts that hold lending-program state in the scene.
fn lending_accounts(ix: &Instruction, owned: &[Pubkey]) -> Vec<usize> {
    (0..ix.accounts.len())
        .filter(|&i| owned.contains(&ix.accounts[i].pubkey))
        .collect()
}

/// Every lending-owned account of the scene's market (market, reserves, price accounts,
/// obligations, an e-mode group), for telling program state from other accounts.
fn scene_state(s: &Scene) -> Vec<Pubkey> {
    let mut v = vec![s.m.market];
    for k in &s.m.reserves {
        v.push(k.reserve);
        v.push(k.oracle);
    }
    v.extend([
        s.b.obligation,
        s.victim.obligation,
        s.lender.obligation,
        s.group,
        s.fund.fund,
        lending_sdk::fund::request_address(&s.fund.fund, &s.lender.kp.pubkey()),
    ]);
    v
}

/// The signer is not signing: the account stays in the instruction but without a signature.
async fn missing_signer<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let payer = env.payer().pubkey();
    let covered = each_case(&mut env, &scene, |_, case| {
        let signing: Vec<Pubkey> = case
            .target
            .accounts
            .iter()
            .filter(|a| a.is_signer && a.pubkey != payer)
            .map(|a| a.pubkey)
            .collect();
        signing
            .into_iter()
            .map(|key| {
                // Unsign the key in every instruction of the transaction (a signature given
                // for one instruction counts for all of them).
                let strip = |ix: &Instruction| {
                    let mut ix = ix.clone();
                    for a in ix.accounts.iter_mut().filter(|a| a.pubkey == key) {
                        a.is_signer = false;
                    }
                    ix
                };
                let tx: Vec<Instruction> =
                    case.with(case.target.clone()).iter().map(strip).collect();
                let expect = match (case.name, key) {
                    // A new account must sign its own creation: the system program refuses.
                    ("init_market", k) if k != scene_stranger(&case) => Expect::MissingSignature,
                    _ => Expect::Anchor(Anchor::AccountNotSigner),
                };
                Attack::new(format!("{key} unsigned"), tx, expect)
            })
            .collect()
    })
    .await;
    assert_coverage("missing_signer", &covered);
}

/// The stranger is init_market's owner in the scene's case (its first account).
fn scene_stranger(case: &Case) -> Pubkey {
    case.target.accounts[0].pubkey
}

/// A copy of a program account owned by another program, in its place.
async fn wrong_owner_program<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let state = scene_state(&scene);
    // Clones of every state account, owned by the token program instead.
    let mut clones = std::collections::HashMap::new();
    for k in &state {
        let a = env.get(k).await.expect("state account");
        let fake = Pubkey::new_unique();
        env.set_account(
            &fake,
            Account {
                owner: SPL_TOKEN,
                ..a
            },
        );
        clones.insert(*k, fake);
    }
    let covered = each_case(&mut env, &scene, |_, case| {
        lending_accounts(&case.target, &state)
            .into_iter()
            .map(|i| {
                let key = case.target.accounts[i].pubkey;
                let tx = case.with(swap(&case.target, i, clones[&key]));
                Attack::new(
                    format!("account {i} owned by SPL Token"),
                    tx,
                    owner_error(case.name, i),
                )
            })
            .collect()
    })
    .await;
    assert_coverage("wrong_owner_program", &covered);
}

/// What a foreign-owned account at position `i` of `name` meets.
fn owner_error(name: &str, i: usize) -> Expect {
    structural(name, i).unwrap_or(Expect::Anchor(Anchor::AccountOwnedByWrongProgram))
}

/// Refusals that come before any per-account check, whatever the substituted account is: the
/// obligation's reserves are remaining accounts of `refresh_obligation`, borrow, the
/// withdrawals, liquidate and `set_obligation_emode` (after their 1, 9, 7, 8, 14 and 2 named
/// accounts; the last one's group follows them), matched against the obligation's positions by
/// key first; `flash_repay` first matches itself against the
/// flash borrow earlier in the transaction, account by account; and accounts named by address.
pub(super) fn structural(name: &str, i: usize) -> Option<Expect> {
    structural_accounts(name, i).or_else(|| bound_by_address(name, i))
}

/// Accounts an instruction names by address before reading them: a queued change names its
/// target, so any other account there is refused as the wrong target first.
fn bound_by_address(name: &str, i: usize) -> Option<Expect> {
    (name, i)
        .eq(&("apply_change", 2))
        .then_some(Expect::Lending(L::WrongChangeTarget))
}

/// The remaining accounts an instruction checks itself (see `remaining_accounts`), and the
/// flash-loan pair.
pub(super) fn structural_accounts(name: &str, i: usize) -> Option<Expect> {
    match (name, i) {
        ("refresh_obligation", 1..)
        | ("borrow_obligation_liquidity", 9..)
        | ("withdraw_obligation_collateral", 7..)
        | ("withdraw_and_redeem", 8..)
        | ("liquidate_obligation", 14..)
        | ("set_obligation_emode", 2..=3) => Some(Expect::Lending(L::WrongRemainingAccounts)),
        ("flash_repay", _) => Some(Expect::Lending(L::InvalidFlashRepay)),
        _ => None,
    }
}

/// An account of another type (same program) in place of each program account.
async fn type_cosplay<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let state = scene_state(&scene);
    let m = &scene.m;
    // For each kind of account, one of a different kind.
    let impostor = |k: &Pubkey| -> Pubkey {
        if *k == m.market {
            m.reserves[SOL].reserve
        } else if m.reserves.iter().any(|r| r.reserve == *k) {
            scene.b.obligation
        } else if m.reserves.iter().any(|r| r.oracle == *k) {
            m.reserves[SOL].reserve
        } else {
            m.reserves[USDC].reserve
        }
    };
    let covered = each_case(&mut env, &scene, |_, case| {
        lending_accounts(&case.target, &state)
            .into_iter()
            .map(|i| {
                let key = case.target.accounts[i].pubkey;
                let tx = case.with(swap(&case.target, i, impostor(&key)));
                let expect = structural(case.name, i)
                    .unwrap_or(Expect::Anchor(Anchor::AccountDiscriminatorMismatch));
                Attack::new(format!("account {i} replaced by another type"), tx, expect)
            })
            .collect()
    })
    .await;
    assert_coverage("type_cosplay", &covered);
}

/// The same kind of account, from the other market.
async fn another_markets_account<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let state = scene_state(&scene);
    let (m, o) = (&scene.m, &scene.other);
    let counterpart = |k: &Pubkey| -> Pubkey {
        if *k == m.market {
            return o.market;
        }
        if *k == scene.group {
            return super::super::ix::pda::emode_group(&o.market, super::scene::LOOSE_GROUP);
        }
        if *k == scene.fund.fund {
            return scene.other_fund.fund;
        }
        if *k == lending_sdk::fund::request_address(&scene.fund.fund, &scene.lender.kp.pubkey()) {
            let outsider = scene.outsider.kp.pubkey();
            return lending_sdk::fund::request_address(&scene.other_fund.fund, &outsider);
        }
        for (a, b) in m.reserves.iter().zip(&o.reserves) {
            if a.reserve == *k {
                return b.reserve;
            }
            if a.oracle == *k {
                return b.oracle;
            }
        }
        scene.outsider.obligation
    };
    let owner = scene.m.owner.pubkey();
    let covered = each_case(&mut env, &scene, |_, case| {
        // Refreshing another market's price account is just that: a valid refresh.
        if case.name == "refresh_oracle_price" {
            return vec![];
        }
        let admin = case
            .target
            .accounts
            .iter()
            .any(|a| a.pubkey == owner && a.is_signer);
        lending_accounts(&case.target, &state)
            .into_iter()
            .map(|i| {
                let key = case.target.accounts[i].pubkey;
                let tx = case.with(swap(&case.target, i, counterpart(&key)));
                let market = key == scene.m.market;
                let (fund, reserve) = (key == scene.fund.fund, key == scene.fund.reserve);
                let expect = match case.name {
                    _ if structural(case.name, i).is_some() => structural(case.name, i).unwrap(),
                    // A request names its fund; the fund names its market, reserve and mints.
                    "withdraw_stake" | "cancel_unstake" if !market && !fund => {
                        Expect::Lending(L::NoUnstakeRequest)
                    }
                    "cancel_unstake" if fund => Expect::Lending(L::WrongInsuranceFund),
                    "collect_fund_fees" if reserve => Expect::Lending(L::WrongInsuranceFund),
                    "init_insurance_fund" if market => Expect::Lending(L::NotMarketOwner),
                    // The new fund's address derives from its reserve, a request's from its
                    // fund.
                    "init_insurance_fund" => Expect::Anchor(Anchor::ConstraintSeeds),
                    "request_unstake" if fund => Expect::Anchor(Anchor::ConstraintSeeds),
                    // The other market has another owner.
                    "accept_owner" => Expect::Lending(L::NotPendingOwner),
                    // Nor is this signer its guardian.
                    "pause_market" if market => Expect::Lending(L::NotGuardian),
                    // A change's address derives from its market; its target must be of it; a
                    // queued change names its market.
                    "queue_change" if market => Expect::Anchor(Anchor::ConstraintSeeds),
                    "queue_change" => Expect::Lending(L::WrongChangeTarget),
                    "cancel_change" | "apply_change" => Expect::Lending(L::WrongMarket),
                    // The reserve or group names its market.
                    "update_reserve_config" | "update_emode_group" => {
                        Expect::Lending(L::WrongMarket)
                    }
                    _ if market && admin && !case.name.starts_with("init_") => {
                        Expect::Lending(L::NotMarketOwner)
                    }
                    // New accounts' addresses derive from the market.
                    "init_oracle_price" | "init_reserve" | "init_obligation"
                    | "init_emode_group" => Expect::Anchor(Anchor::ConstraintSeeds),
                    // The other market's obligation belongs to someone else; its group is not
                    // this obligation's market's.
                    "set_obligation_emode" if i == 1 => Expect::Lending(L::NotObligationOwner),
                    "set_obligation_emode" => Expect::Lending(L::WrongEmodeGroup),
                    // The reserve names its price account.
                    "refresh_reserve" => Expect::Lending(L::WrongOracle),
                    // The other market's obligation has other positions.
                    "refresh_obligation" => Expect::Lending(L::WrongRemainingAccounts),
                    _ => Expect::Lending(L::WrongMarket),
                };
                Attack::new(format!("account {i} from another market"), tx, expect)
            })
            .collect()
    })
    .await;
    assert_coverage("another_markets_account", &covered);
}

/// Admin instructions signed by a wallet that does not own the market.
async fn admin_from_a_non_owner<E: VmEnv>() {
    let mut env = E::start().await;
    let scene = Scene::new(&mut env).await;
    let owner = scene.m.owner.pubkey();
    let covered = each_case(&mut env, &scene, |s, case| {
        // accept_owner: a wallet other than the proposed one.
        if case.name == "accept_owner" {
            let tx = case.with(swap(&case.target, 0, s.b.kp.pubkey()));
            let mut a = Attack::new(
                "not the pending owner",
                tx,
                Expect::Lending(L::NotPendingOwner),
            );
            a.extra_signers = vec![s.b.kp.insecure_clone()];
            return vec![a];
        }
        let Some(i) = case
            .target
            .accounts
            .iter()
            .position(|a| a.pubkey == owner && a.is_signer)
        else {
            return vec![];
        };
        let tx = case.with(swap(&case.target, i, s.stranger.pubkey()));
        let refusal = match case.name {
            "pause_market" => L::NotGuardian,
            // The owner or the risk admin may sign these; a stranger is neither.
            "update_reserve_config" | "update_emode_group" => L::NotMarketAuthority,
            "cancel_change" => L::NotChangeCanceller,
            _ => L::NotMarketOwner,
        };
        let mut a = Attack::new("signed by a stranger", tx, Expect::Lending(refusal));
        a.extra_signers = vec![s.stranger.insecure_clone()];
        vec![a]
    })
    .await;
    assert_coverage("admin_from_a_non_owner", &covered);
}

crate::scenarios!(
    security_classes:
    missing_signer,
    wrong_owner_program,
    type_cosplay,
    another_markets_account,
    admin_from_a_non_owner,
);
