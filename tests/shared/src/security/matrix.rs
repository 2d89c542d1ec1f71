//! The attack matrix of docs/security.md: which class tests attack which instructions. Each
//! class test asserts that the instructions it attacked are exactly its row set here, and
//! [`docs_match_the_suite`] renders the table and compares it with docs/security.md, so the
//! document cannot claim a test the suite does not run.

use super::scene::INSTRUCTIONS;

/// Which instructions a class applies to.
pub enum Rows {
    /// The union of these lists.
    Only(&'static [&'static [&'static str]]),
    /// Every instruction but these.
    Except(&'static [&'static str]),
}

impl Rows {
    /// True when the class applies to `ix`.
    pub fn contains(&self, ix: &str) -> bool {
        match self {
            Rows::Only(lists) => lists.iter().any(|l| l.contains(&ix)),
            Rows::Except(l) => !l.contains(&ix),
        }
    }

    /// The instructions, in the order of [`INSTRUCTIONS`].
    pub fn list(&self) -> Vec<&'static str> {
        INSTRUCTIONS
            .into_iter()
            .filter(|ix| self.contains(ix))
            .collect()
    }
}

/// One column: an attack class, the test that sends it, the instructions it applies to, and
/// why it does not apply to the others.
pub struct Column {
    /// Class name.
    pub class: &'static str,
    /// Test function(s), in `security::classes` / `substitution` / `amounts`.
    pub tests: &'static [&'static str],
    /// Instructions attacked.
    pub rows: Rows,
    /// Why the other instructions are out of scope.
    pub others: &'static str,
}

/// Instructions taking an amount (the first argument after the discriminator).
pub const AMOUNTS: &[&str] = &[
    "deposit_reserve_liquidity",
    "redeem_reserve_collateral",
    "deposit_obligation_collateral",
    "withdraw_obligation_collateral",
    "deposit_and_collateralize",
    "withdraw_and_redeem",
    "borrow_obligation_liquidity",
    "repay_obligation_liquidity",
    "liquidate_obligation",
    "flash_borrow",
    "stake",
    "request_unstake",
];

/// Instructions moving tokens in or out of a user's liquidity account.
const LIQUIDITY_FLOWS: &[&str] = &[
    "claim_protocol_fees",
    "deposit_reserve_liquidity",
    "redeem_reserve_collateral",
    "deposit_and_collateralize",
    "withdraw_and_redeem",
    "borrow_obligation_liquidity",
    "repay_obligation_liquidity",
    "liquidate_obligation",
    "flash_borrow",
    "flash_repay",
];

/// Instructions moving deposit shares only.
const SHARE_FLOWS: &[&str] = &[
    "deposit_obligation_collateral",
    "withdraw_obligation_collateral",
];

/// The insurance-fund instructions that move tokens or fund shares.
pub const FUND_FLOWS: &[&str] = &[
    "stake",
    "request_unstake",
    "withdraw_stake",
    "cancel_unstake",
    "collect_fund_fees",
];

/// The admin instructions.
const ADMIN: &[&str] = &[
    "propose_owner",
    "accept_owner",
    "update_market_config",
    "set_guardian",
    "pause_market",
    "init_oracle_price",
    "set_fixed_price",
    "update_oracle_config",
    "init_reserve",
    "update_reserve_config",
    "init_emode_group",
    "update_emode_group",
    "update_fund_settings",
    "init_insurance_fund",
    "update_insurance_fund",
    "claim_protocol_fees",
    "set_risk_admin",
    "queue_change",
    "cancel_change",
    "set_lookup_table",
];

/// Instructions anyone may send: they take no signer.
const PERMISSIONLESS: &[&str] = &[
    "refresh_oracle_price",
    "refresh_reserve",
    "refresh_obligation",
    "collect_fund_fees",
    "apply_change",
];

const FLASH: &[&str] = &["flash_borrow", "flash_repay"];

/// The columns of docs/security.md.
pub const COLUMNS: [Column; 17] = [
    Column {
        class: "missing signer",
        tests: &["missing_signer"],
        rows: Rows::Except(PERMISSIONLESS),
        others: "the refresh instructions, collect_fund_fees and apply_change are \
                 permissionless: they take no signer",
    },
    Column {
        class: "wrong owner program",
        tests: &["wrong_owner_program"],
        rows: Rows::Except(&["init_market"]),
        others: "init_market only creates a new account",
    },
    Column {
        class: "type cosplay",
        tests: &["type_cosplay"],
        rows: Rows::Except(&["init_market"]),
        others: "init_market only creates a new account",
    },
    Column {
        class: "another market's account",
        tests: &["another_markets_account"],
        rows: Rows::Except(&["init_market", "refresh_oracle_price"]),
        others: "init_market creates a market; refresh_oracle_price's only account is the \
                 price account it refreshes, whichever market it belongs to",
    },
    Column {
        class: "duplicate mutable accounts",
        tests: &["duplicate_mutable_accounts"],
        rows: Rows::Only(&[LIQUIDITY_FLOWS, SHARE_FLOWS, FUND_FLOWS]),
        others: "the others take at most one writable token account",
    },
    Column {
        class: "re-initialisation",
        tests: &["re_initialisation"],
        rows: Rows::Only(&[&[
            "init_market",
            "init_oracle_price",
            "init_reserve",
            "init_emode_group",
            "init_insurance_fund",
            "init_obligation",
            "request_unstake",
            "queue_change",
        ]]),
        others: "only the init_* instructions, request_unstake and queue_change create accounts",
    },
    Column {
        class: "wrong token program or mint",
        tests: &["wrong_token_program_or_mint"],
        rows: Rows::Only(&[
            LIQUIDITY_FLOWS,
            SHARE_FLOWS,
            FUND_FLOWS,
            &["init_reserve", "init_insurance_fund"],
        ]),
        others: "the others move no tokens",
    },
    Column {
        class: "vault as the user's account",
        tests: &["vault_as_the_users_account"],
        rows: Rows::Only(&[LIQUIDITY_FLOWS]),
        others: "the others take no user token account of the asset but stake and \
                 withdraw_stake, whose vault is the fund's: passed as the staker's account it is \
                 refused as a duplicate (column 5); a reserve's vault there is no account of \
                 the fund's (stake: the token program refuses a transfer its owner did not sign; \
                 withdraw_stake: the staker's own tokens go to the reserve)",
    },
    Column {
        class: "spoofed instructions sysvar",
        tests: &["spoofed_instructions_sysvar"],
        rows: Rows::Only(&[FLASH]),
        others: "only the flash-loan pair reads the instructions sysvar",
    },
    Column {
        class: "flash loan through CPI",
        tests: &["flash_loan_through_cpi"],
        rows: Rows::Only(&[FLASH]),
        others: "the other instructions are meant to be composable through CPI",
    },
    Column {
        class: "stale reserve or obligation",
        tests: &["stale_reserve_or_obligation"],
        rows: Rows::Only(&[
            &["refresh_obligation", "set_obligation_emode"],
            &[
                "deposit_reserve_liquidity",
                "redeem_reserve_collateral",
                "withdraw_obligation_collateral",
                "deposit_and_collateralize",
                "withdraw_and_redeem",
                "borrow_obligation_liquidity",
                "repay_obligation_liquidity",
                "liquidate_obligation",
            ],
        ]),
        others: "admin and init instructions, the insurance-fund instructions, \
                 refresh_oracle_price and refresh_reserve read no cached state (update_reserve_config settles interest up to now itself, so a \
                 reserve whose refresh fails can still be fixed); \
                 deposit_obligation_collateral only adds collateral (and marks the obligation \
                 stale), claim_protocol_fees and collect_fund_fees pay out what has accrued and \
                 flash loans price nothing, so none can lower health on stale figures",
    },
    Column {
        class: "valuation changed since refresh",
        tests: &["valuation_changed_since_refresh"],
        rows: Rows::Only(&[&[
            "borrow_obligation_liquidity",
            "withdraw_obligation_collateral",
            "withdraw_and_redeem",
            "liquidate_obligation",
        ]]),
        others: "only these act on the obligation's cached health; repay and the collateral \
                 deposits revalue what they change or mark the obligation stale, and \
                 set_obligation_emode refreshes the obligation itself",
    },
    Column {
        class: "remaining accounts",
        tests: &["remaining_accounts"],
        rows: Rows::Only(&[&[
            "refresh_obligation",
            "set_obligation_emode",
            "borrow_obligation_liquidity",
            "withdraw_obligation_collateral",
            "withdraw_and_redeem",
            "liquidate_obligation",
        ]]),
        others: "only these take the obligation's reserves as remaining accounts; the e-mode \
                 group account that follows them (and that repay takes alone, for an isolated \
                 group) is checked in emode_tests::group_accounts_are_checked",
    },
    Column {
        class: "oracle substitution",
        tests: &["oracle_substitution"],
        rows: Rows::Only(&[&["init_reserve", "refresh_reserve"]]),
        others: "only these bind a price account to a reserve; Pyth source substitution in \
                 refresh_oracle_price is in oracle_tests (wrong feed id, wrong owner, wrong \
                 source account)",
    },
    Column {
        class: "admin from a non-owner",
        tests: &["admin_from_a_non_owner"],
        rows: Rows::Only(&[ADMIN]),
        others: "not admin instructions",
    },
    Column {
        class: "leaves the obligation unhealthy",
        tests: &["leaves_the_obligation_unhealthy"],
        rows: Rows::Only(&[&[
            "set_obligation_emode",
            "withdraw_obligation_collateral",
            "withdraw_and_redeem",
            "borrow_obligation_liquidity",
        ]]),
        others: "only borrows, withdrawals and e-mode switches can lower an obligation's health \
                 (a group's own limit changes are the admin's, and apply from the next slot)",
    },
    Column {
        class: "u64::MAX and zero amounts",
        tests: &["zero_amounts", "max_amounts"],
        rows: Rows::Only(&[AMOUNTS]),
        others: "the others take no amount",
    },
];

/// Asserts that `test` attacked exactly the instructions its column lists.
#[track_caller]
pub fn assert_coverage(test: &str, covered: &[&str]) {
    let col = COLUMNS
        .iter()
        .find(|c| c.tests.contains(&test))
        .unwrap_or_else(|| panic!("{test} is in no column of the matrix"));
    assert_eq!(
        covered,
        col.rows.list(),
        "{test}: attacked instructions differ from docs/security.md's column \"{}\"",
        col.class
    );
}

/// The markdown table: one row per instruction, one column per class.
pub fn render() -> String {
    let mut s = String::from("| instruction |");
    for (i, c) in COLUMNS.iter().enumerate() {
        s.push_str(&format!(" {} {} |", i + 1, c.class));
    }
    s.push_str("\n|---|");
    s.push_str(&"---|".repeat(COLUMNS.len()));
    s.push('\n');
    for ix in INSTRUCTIONS {
        s.push_str(&format!("| `{ix}` |"));
        for c in &COLUMNS {
            if c.rows.contains(ix) {
                let names: Vec<String> = c.tests.iter().map(|t| format!("`{t}`")).collect();
                s.push_str(&format!(" {} |", names.join(", ")));
            } else {
                s.push_str(" n/a |");
            }
        }
        s.push('\n');
    }
    s.push_str("\nWhere a class does not apply:\n\n");
    for (i, c) in COLUMNS.iter().enumerate() {
        s.push_str(&format!("{}. {}: {}.\n", i + 1, c.class, c.others));
    }
    s
}

/// docs/security.md holds [`render`]'s table between its markers; a difference fails (and the
/// file is rewritten, to be reviewed and committed).
#[cfg(test)]
#[test]
fn docs_match_the_suite() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/security.md");
    let text = std::fs::read_to_string(&path).expect("docs/security.md");
    let (begin, end) = ("<!-- matrix:begin -->\n", "<!-- matrix:end -->");
    let a = text.find(begin).expect("matrix:begin marker") + begin.len();
    let b = text.find(end).expect("matrix:end marker");
    let want = render();
    if text[a..b] != want {
        std::fs::write(&path, format!("{}{}{}", &text[..a], want, &text[b..])).unwrap();
        panic!(
            "docs/security.md did not match the suite's matrix: rewritten, review and commit it"
        );
    }
}
