//! Compute-budget sizing from measured figures: the "Every instruction" table of
//! `docs/compute-units.md`, which `scripts/bench-cu` regenerates from `target/cu-report.json`
//! on the SBF build (and `./scripts/test` fails when the two differ), so the budget follows
//! the program.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_compute_budget_interface::ComputeBudgetInstruction;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The measured table.
const REPORT: &str = include_str!("../../../docs/compute-units.md");
/// Budget for an SPL Token or Token-2022 instruction (a transfer or mint).
pub const TOKEN_CU: u32 = 8_000;
/// Budget for creating an associated token account (measured about 19,500).
pub const ATA_CU: u32 = 30_000;
/// Budget for a system-program or compute-budget instruction.
pub const SYSTEM_CU: u32 = 1_000;
/// Budget for an instruction of any other program.
pub const OTHER_PROGRAM_CU: u32 = 50_000;
/// Budget for a lending instruction missing from the table.
pub const UNMEASURED_CU: u32 = 60_000;
/// The most a transaction may request.
pub const MAX_CU: u32 = 1_400_000;
/// Allowance for the bump search of an instruction that creates a PDA (`init_*` and
/// `request_unstake`): the program derives the new account's address with
/// `find_program_address`, 1,500 CU per bump tried, and the measured figure holds the
/// benchmark's fixed keys only. 32 more tries fail one derivation in 4 billion.
pub const PDA_SEARCH_CU: u32 = 32 * 1_500;

/// Largest measured CU of each instruction (by snake-case name, over every row of the
/// table, e.g. refresh_obligation at every position count).
pub fn measured() -> &'static HashMap<String, u32> {
    static TABLE: OnceLock<HashMap<String, u32>> = OnceLock::new();
    TABLE.get_or_init(|| parse(REPORT))
}

fn parse(md: &str) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    let Some(start) = md.find("## Every instruction") else {
        return out;
    };
    for line in md[start..].lines().skip(1) {
        if line.starts_with("## ") {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // "| name (detail) | deposits | borrows | CU | stack | heap |": the CU is the fourth
        // column (other tables under the heading have no number there).
        if cells.len() < 6 {
            continue;
        }
        let name = cells[1].split([' ', '(', '+']).next().unwrap_or("");
        let Ok(cu) = cells[4].replace(',', "").parse::<u32>() else {
            continue;
        };
        let e = out.entry(name.to_string()).or_default();
        *e = (*e).max(cu);
    }
    out
}

/// A compute-unit limit for a transaction of `ixs`: the measured figure of each lending
/// instruction, a flat allowance for the others, plus 20% and 10,000 CU of margin.
pub fn limit_for(ixs: &[Instruction]) -> u32 {
    let table = measured();
    let base: u64 = ixs
        .iter()
        .map(|ix| instruction_cu(ix, &crate::program::ID, table) as u64)
        .sum();
    (base * 6 / 5 + 10_000).min(MAX_CU as u64) as u32
}

fn instruction_cu(ix: &Instruction, program: &Pubkey, table: &HashMap<String, u32>) -> u32 {
    if ix.program_id != *program {
        return match ix.program_id {
            p if p == anchor_spl::token::ID || p == anchor_spl::token_2022::ID => TOKEN_CU,
            p if p == anchor_spl::associated_token::ID => ATA_CU,
            p if p == anchor_lang::solana_program::system_program::ID
                || p == solana_compute_budget_interface::ID =>
            {
                SYSTEM_CU
            }
            _ => OTHER_PROGRAM_CU,
        };
    }
    let name = crate::idl::instruction_name(&ix.data);
    let measured = name
        .and_then(|n| table.get(n).copied())
        .unwrap_or(UNMEASURED_CU);
    if name.is_some_and(|n| n.starts_with("init_") || n == "request_unstake") {
        measured + PDA_SEARCH_CU
    } else {
        measured
    }
}

/// How many instructions [`with_budget`] puts before the caller's (flash-loan instructions
/// name each other by absolute index).
pub const BUDGET_IXS: usize = 1;

/// `ixs` preceded by a `SetComputeUnitLimit` sized by [`limit_for`].
pub fn with_budget(ixs: &[Instruction]) -> Vec<Instruction> {
    let mut out = Vec::with_capacity(ixs.len() + 1);
    out.push(set_compute_unit_limit(limit_for(ixs)));
    out.extend_from_slice(ixs);
    out
}

/// The compute-budget program's `SetComputeUnitLimit` instruction.
pub fn set_compute_unit_limit(units: u32) -> Instruction {
    ComputeBudgetInstruction::set_compute_unit_limit(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_table_is_read() {
        let t = measured();
        for name in [
            "deposit_reserve_liquidity",
            "borrow_obligation_liquidity",
            "refresh_obligation",
            "liquidate_obligation",
            "flash_borrow",
            "refresh_oracle_price",
        ] {
            assert!(t.get(name).copied().unwrap_or(0) > 1_000, "{name} missing");
        }
        // The largest row of a multi-row instruction wins, its variants included (e-mode
        // group, Pyth prices at the most positions): the committed table's own rows.
        let rows: Vec<u32> = REPORT
            .lines()
            .filter(|l| l.starts_with("| refresh_obligation "))
            .filter_map(|l| l.split('|').nth(4)?.trim().replace(',', "").parse().ok())
            .collect();
        assert!(rows.len() >= 3, "refresh_obligation rows: {rows:?}");
        assert_eq!(t["refresh_obligation"], *rows.iter().max().unwrap());
    }

    #[test]
    fn the_largest_row_wins() {
        let t = parse(
            "## Every instruction\n\
             | instruction | deposits | borrows | CU | stack frames | heap bytes |\n\
             |---|---:|---:|---:|---:|---:|\n\
             | refresh_obligation | 1 | 0 | 4,000 | 6 | 240 |\n\
             | refresh_obligation | 4 | 3 | 18,000 | 6 | 960 |\n\
             | refresh_obligation | 2 | 2 | 10,000 | 6 | 600 |\n",
        );
        assert_eq!(t["refresh_obligation"], 18_000);
    }

    fn measured_cu(name: &str) -> u32 {
        measured()[name]
    }

    #[test]
    fn limits_add_up_and_are_capped() {
        let dep = crate::ix::init_obligation(Pubkey::new_unique(), Pubkey::new_unique(), 0);
        let one = limit_for(std::slice::from_ref(&dep));
        let two = limit_for(&[dep.clone(), dep.clone()]);
        // An init_* instruction also gets the allowance for its PDA's bump search.
        let measured = measured()["init_obligation"] + PDA_SEARCH_CU;
        assert_eq!(one, measured * 6 / 5 + 10_000);
        let repay = crate::ix::repay(
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            &crate::ix::ReserveKeys::derive(
                Pubkey::new_unique(),
                Pubkey::new_unique(),
                anchor_spl::token::ID,
                6,
            ),
            Pubkey::new_unique(),
            1,
        );
        let repay_cu = measured_cu("repay_obligation_liquidity");
        assert_eq!(limit_for(&[repay]), repay_cu * 6 / 5 + 10_000);
        // request_unstake creates the request's PDA: it gets the allowance too.
        let keys = crate::fund::FundKeys::derive(&crate::ix::ReserveKeys::derive(
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            anchor_spl::token::ID,
            6,
        ));
        let request =
            crate::fund::request_unstake(Pubkey::new_unique(), &keys, Pubkey::new_unique(), 1);
        let request_cu = measured_cu("request_unstake") + PDA_SEARCH_CU;
        assert_eq!(limit_for(&[request]), request_cu * 6 / 5 + 10_000);
        assert!(two > one);
        assert_eq!(limit_for(&vec![dep; 200]), MAX_CU);
        let with = with_budget(&[]);
        assert_eq!(with[0].program_id, solana_compute_budget_interface::ID);
        assert_eq!(with[0].data, [2, 0x10, 0x27, 0, 0]);
    }
}
