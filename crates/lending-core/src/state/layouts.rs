//! The account layouts, written once for two crates.
//!
//! [`account_layouts!`] declares every account and every type stored in one. The core expands it
//! with plain `#[repr(C)]` Pod derives ([`crate::state`]) and holds all their methods; the program
//! expands it under Anchor's `#[account(zero_copy)]` and `#[zero_copy]` (which give the
//! discriminators, owner checks and IDL) and derefs each of its types to the core's
//! ([`deref_to_core!`]): the two are the same bytes, checked at compile time.

/// Declares the layouts: `account` are the attributes of account types, `value` those of the
/// types stored inside them. Expects `Pubkey`, `CURVE_POINTS`, `MAX_DEPOSITS` and `MAX_BORROWS`
/// in scope.
#[macro_export]
macro_rules! account_layouts {
    (account: [$(#[$account:meta])*], value: [$(#[$value:meta])*]) => {
        /// One point of the curve: at this utilisation, borrowers pay this APR.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct CurvePoint {
            /// Utilisation in basis points (0..=10,000).
            pub utilization_bps: u32,
            /// Annual borrow rate in basis points.
            pub rate_bps: u32,
        }

        /// A monotone piecewise-linear curve from 0% to 100% utilisation.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct BorrowRateCurve {
            /// The points, sorted by utilisation; the last used point is at 100%.
            pub points: [CurvePoint; CURVE_POINTS],
        }

        /// `u128` stored as little-endian `[u64; 2]` limbs (8-byte aligned everywhere).
        $(#[$value])*
        #[derive(Default, Debug, PartialEq, Eq)]
        pub struct PodU128 {
            /// Low limb first.
            pub limbs: [u64; 2],
        }

        /// Slot and time of the last refresh, plus a flag that forces a refresh.
        $(#[$value])*
        #[derive(Default, Debug, PartialEq, Eq)]
        pub struct LastUpdate {
            /// Slot of the last refresh.
            pub slot: u64,
            /// Unix time of the last refresh.
            pub unix_timestamp: i64,
            /// Non-zero when the cached values must be recomputed before use.
            pub stale: u8,
            /// Reserved.
            pub _pad: [u8; 7],
        }

        /// A linear move of a value in basis points from `from_bps` at `start` to `to_bps` at
        /// `end` (unix times); `end == 0` when none is running (`risk::ramp::RampSpan`).
        $(#[$value])*
        #[derive(Default, Debug, PartialEq, Eq)]
        pub struct Ramp {
            /// Value at `start`, in basis points.
            pub from_bps: u16,
            /// Value from `end` on, in basis points.
            pub to_bps: u16,
            /// Reserved.
            pub _pad: [u8; 4],
            /// Unix time the ramp starts.
            pub start: i64,
            /// Unix time the ramp ends; 0 when none is running.
            pub end: i64,
        }

        /// A market groups reserves that may be used as collateral for each other.
        $(#[$account])*
        #[derive(Debug)]
        pub struct LendingMarket {
            /// Layout version.
            pub version: u64,
            /// Owner: may change configuration and claim fees.
            pub owner: Pubkey,
            /// Proposed next owner; must accept before the change takes effect.
            pub pending_owner: Pubkey,
            /// Quote currency of all values (ASCII, zero-padded), e.g. "USD".
            pub quote_currency: [u8; 32],
            /// Debt value (WAD quote) at or below which an obligation may be liquidated in full.
            pub dust_threshold: PodU128,
            /// Largest debt value (WAD quote) one liquidation may repay; 0 means no cap.
            pub max_liquidation_value: PodU128,
            /// Share of an obligation's debt one liquidation may repay, in basis points.
            pub close_factor_bps: u16,
            /// Pause flags (`PAUSE_ALL`, `PAUSE_BORROWS`).
            pub pause_flags: u8,
            /// Non-zero when fixed-price oracles may be created (set at creation, immutable).
            pub allow_fixed_price: u8,
            /// Reserved.
            pub _pad: [u8; 4],
            /// Number of reserves created in this market.
            pub reserve_count: u64,
            /// Guardian: may pause (`pause_market`), never unpause or change settings; the default
            /// key means none. The first role of the market.
            pub guardian: Pubkey,
            /// Unix time at which the pause flags lapse; 0 means they hold until the owner lifts them.
            pub pause_expires_at: i64,
            /// Insurance funds: seconds an unstake waits before its tokens may be withdrawn.
            pub fund_cooldown_secs: u64,
            /// Insurance funds: seconds, after the cooldown, during which the withdrawal is open.
            pub fund_unstake_window_secs: u64,
            /// Insurance funds: seconds over which income collected into a fund vests to its
            /// stakers.
            pub fund_stream_secs: u64,
            /// Insurance funds: most of a fund's assets one write-off may take, in basis points.
            pub fund_max_slash_bps: u16,
            /// Reserved.
            pub _pad2: [u8; 6],
            /// Risk admin: may make the changes that only tighten risk, at once; the default key
            /// means none.
            pub risk_admin: Pubkey,
            /// Seconds between queuing a change that loosens risk and when anyone may apply it
            /// (changes only through the queue).
            pub timelock_delay_secs: u64,
            /// Seconds over which a lowered liquidation threshold, or collateral leaving an
            /// e-mode group, ramps to its new value (changes only through the queue).
            pub ramp_secs: u64,
            /// Changes queued so far: the next change's id (part of its address).
            pub changes_queued: u64,
            /// Changes queued and not yet applied, cancelled or closed.
            pub changes_pending: u64,
            /// The market's address lookup table (its reserves' accounts, price sources, programs
            /// and sysvars), where clients find it to build v0 transactions; the default key
            /// means none. Advisory: a table only maps indexes to addresses, so a wrong one
            /// makes transactions fail or grow, never reach other accounts.
            pub lookup_table: Pubkey,
            /// Reserved for upgrades.
            pub padding: [u64; 11],
        }

        /// Risk and fee settings of a reserve, set by the market owner within validated bounds.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct ReserveConfig {
            /// Borrow limit per unit of collateral value, in basis points.
            pub ltv_bps: u16,
            /// Debt-to-collateral line above which liquidation is allowed, in basis points.
            pub liquidation_threshold_bps: u16,
            /// Liquidation bonus just past the line, in basis points.
            pub min_liquidation_bonus_bps: u16,
            /// Liquidation bonus at full insolvency, in basis points.
            pub max_liquidation_bonus_bps: u16,
            /// Share of the liquidation bonus kept by the protocol, in basis points.
            pub protocol_liquidation_fee_bps: u16,
            /// Fee added to every borrow, in basis points.
            pub origination_fee_bps: u16,
            /// Fee on flash loans, in basis points (paid to depositors).
            pub flash_loan_fee_bps: u16,
            /// Share of interest kept by the protocol, in basis points.
            pub protocol_take_rate_bps: u16,
            /// Borrows that would push utilisation above this are refused, in basis points.
            pub utilization_cap_bps: u16,
            /// `ReserveStatus` as a byte.
            pub status: u8,
            /// Non-zero when flash loans are enabled.
            pub flash_loans_enabled: u8,
            /// Non-zero when the owner vouched for the mint's issuer at listing, accepting live
            /// Token-2022 authorities (permanent delegate, fee, hook, pause...) that are otherwise
            /// refused (`instructions/shared/mint_screen.rs`). Fixed at listing.
            pub trusted_issuer: u8,
            /// Reserved.
            pub _pad: [u8; 3],
            /// Largest total supply (cash + debt, tokens); 0 means no cap.
            pub deposit_cap: u64,
            /// Largest total debt (tokens); 0 means no cap.
            pub borrow_cap: u64,
            /// Most tokens out through borrows and withdrawals at once, refilled over two windows
            /// (at most 1.5 × this in any window); 0 means no limit.
            pub outflow_limit: u64,
            /// The outflow window, in seconds (1 s to 7 days).
            pub outflow_window_secs: u64,
            /// The borrow-rate curve.
            pub curve: BorrowRateCurve,
            /// Weight of this asset's debt against the borrow limit and the liquidation line, in
            /// basis points (10,000 = 1x and up): volatile debt needs more collateral.
            pub borrow_factor_bps: u16,
            /// Non-zero when this asset's collateral counts only inside an isolated e-mode group
            /// that admits it (a newly listed asset).
            pub isolated_collateral: u8,
            /// Reserved.
            pub _pad2: [u8; 5],
            /// The e-mode groups whose obligations may hold this asset as collateral (bit
            /// `id − 1`).
            pub emode_collateral_mask: u32,
            /// The e-mode groups whose obligations may borrow this asset (bit `id − 1`); an
            /// isolated group names its one debt reserve instead.
            pub emode_borrow_mask: u32,
            /// Reserved for upgrades.
            pub padding: [u64; 6],
        }

        /// One asset's pool in a market.
        $(#[$account])*
        #[derive(Debug)]
        pub struct Reserve {
            /// Layout version.
            pub version: u64,
            /// Market this reserve belongs to.
            pub market: Pubkey,
            /// Mint of the lent asset.
            pub liquidity_mint: Pubkey,
            /// Token program of the lent asset (SPL Token or Token-2022); the share mint uses it too.
            pub token_program: Pubkey,
            /// PDA token account holding available liquidity.
            pub supply_vault: Pubkey,
            /// PDA token account holding protocol fees.
            pub fee_vault: Pubkey,
            /// PDA mint of deposit shares ("collateral tokens").
            pub share_mint: Pubkey,
            /// The `OraclePrice` account this reserve is priced by.
            pub oracle: Pubkey,
            /// Last refresh.
            pub last_update: LastUpdate,
            /// Tokens in the supply vault available to lend.
            pub available: u64,
            /// Tokens out on the currently open flash loan (0 when none).
            pub flash_outstanding: u64,
            /// Sum of all debt shares (WAD-scaled).
            pub debt_shares: PodU128,
            /// Cumulative borrow index (WAD).
            pub borrow_index: PodU128,
            /// Unclaimed protocol fees from interest (WAD-scaled tokens).
            pub protocol_fees: PodU128,
            /// Cached spot price (WAD per whole token) from the last refresh.
            pub price: PodU128,
            /// Cached confidence (WAD) from the last refresh.
            pub price_conf: PodU128,
            /// Borrow APR (WAD) at the last refresh that accrued interest (a later second), for
            /// display.
            pub borrow_apr: PodU128,
            /// Total debt written off as bad debt (WAD-scaled tokens).
            pub bad_debt_written_off: PodU128,
            /// All deposit shares: minted, held as obligation collateral, and the locked seed.
            pub share_supply: u64,
            /// Shares from the seed deposit, locked forever.
            pub seed_shares: u64,
            /// Unix time of the last outflow the limiter recorded.
            pub outflow_updated_at: i64,
            /// Tokens in the outflow limiter's bucket at `outflow_updated_at` (see
            /// `OutflowBucket`).
            pub outflow_level: u64,
            /// Decimals of the liquidity mint (and the share mint).
            pub decimals: u8,
            /// Reserve PDA bump.
            pub bump: u8,
            /// Non-zero when the last refresh saw spot and EMA diverge.
            pub ema_diverged: u8,
            /// Outcome of the last refresh's price check: 0 = valid, else a `PriceStatus` code.
            pub price_status: u8,
            /// Reserved.
            pub _pad: [u8; 4],
            /// Risk and fee configuration.
            pub config: ReserveConfig,
            /// Until when (unix time) the cached price may back a borrow, a withdrawal or a
            /// liquidation (its publish time plus the oracle's max age for risk); 0 when unpriced.
            pub price_risk_expiry: i64,
            /// Counts the changes that can lower what positions in this reserve are worth within a
            /// slot (a new cached price or price status, a bad-debt write-off, a configuration change).
            /// Each obligation position records it when valued; borrow, withdraw and liquidate refuse a
            /// position whose reserve has moved on since (`check_valuations_current`).
            pub valuation_seq: u64,
            /// The reserve's insurance fund (`["insurance_fund", reserve]`); the default key when
            /// it has none.
            pub insurance_fund: Pubkey,
            /// The insurance fund's cut of interest and liquidation fees, not yet collected into
            /// its vault (WAD-scaled tokens).
            pub fund_fees: PodU128,
            /// Share of interest that goes to the insurance fund, in basis points.
            pub fund_interest_cut_bps: u16,
            /// Share of the protocol's liquidation fee that goes to the insurance fund, in basis
            /// points.
            pub fund_liquidation_cut_bps: u16,
            /// Reserved.
            pub _pad2: [u8; 4],
            /// A lowered liquidation threshold on its way down: `config.liquidation_threshold_bps`
            /// holds the value at the last refresh or change, this ramp the target.
            pub threshold_ramp: Ramp,
            /// The e-mode groups this asset is leaving as collateral: positions in them count at
            /// the group's threshold times `emode_exit_factor_bps`, with no borrowing power.
            pub emode_exit_mask: u32,
            /// Weight (10,000 = whole) of collateral in the groups it is leaving, at the last
            /// refresh or change.
            pub emode_exit_factor_bps: u16,
            /// Reserved.
            pub _pad3: [u8; 2],
            /// The exit's weight going from 10,000 to 0.
            pub emode_exit_ramp: Ramp,
            /// Reserved for upgrades.
            pub padding: [u64; 16],
        }

        /// Collateral held in one reserve.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct ObligationDeposit {
            /// The reserve.
            pub reserve: Pubkey,
            /// Deposit shares held as collateral.
            pub shares: u64,
            /// The reserve's `valuation_seq` when the values below were computed.
            pub reserve_seq: u64,
            /// Value at spot (WAD quote) at the last refresh.
            pub market_value: PodU128,
            /// Borrow limit contributed at the last refresh.
            pub borrow_limit_value: PodU128,
            /// Liquidation line contributed at the last refresh.
            pub liquidation_line_value: PodU128,
        }

        /// Debt owed to one reserve.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct ObligationBorrow {
            /// The reserve.
            pub reserve: Pubkey,
            /// Debt shares (WAD-scaled); debt = shares × reserve borrow index.
            pub debt_shares: PodU128,
            /// Value at price + conf (WAD quote) at the last refresh.
            pub market_value: PodU128,
            /// Value at the spot price (WAD quote) at the last refresh.
            pub spot_value: PodU128,
        }

        /// A borrower's positions and their cached health.
        $(#[$account])*
        #[derive(Debug)]
        pub struct Obligation {
            /// Layout version.
            pub version: u64,
            /// Market the positions are in.
            pub market: Pubkey,
            /// Wallet that owns the positions.
            pub owner: Pubkey,
            /// Lets one wallet hold several obligations (part of the PDA seeds).
            pub id: u64,
            /// Last refresh.
            pub last_update: LastUpdate,
            /// Collateral at spot prices (WAD quote).
            pub deposited_value: PodU128,
            /// Debt at price + conf (WAD quote).
            pub borrowed_value: PodU128,
            /// Borrow limit: collateral at price − conf × LTV (WAD quote).
            pub borrow_limit_value: PodU128,
            /// Liquidation line: collateral at price − conf × liquidation threshold (WAD quote).
            pub liquidation_line_value: PodU128,
            /// Collateral positions; the first `deposits_len` are used, in order.
            pub deposits: [ObligationDeposit; MAX_DEPOSITS],
            /// Debt positions; the first `borrows_len` are used, in order.
            pub borrows: [ObligationBorrow; MAX_BORROWS],
            /// Used collateral positions.
            pub deposits_len: u8,
            /// Used debt positions.
            pub borrows_len: u8,
            /// PDA bump.
            pub bump: u8,
            /// Non-zero when a reserve's price diverged from its EMA at the last refresh.
            pub ema_diverged: u8,
            /// The e-mode group the obligation is in (1..=32), 0 for none.
            pub emode_group: u8,
            /// Non-zero when that group is isolated (fixed when the group is created).
            pub emode_isolated: u8,
            /// Reserved.
            pub _pad: [u8; 2],
            /// Debt at spot prices (WAD quote): with `deposited_value`, the equity that bounds the
            /// liquidation bonus.
            pub borrowed_spot_value: PodU128,
            /// Until when (unix time) every price behind the cached health may back a borrow, a
            /// withdrawal or a liquidation: the earliest of its reserves' price risk expiries.
            pub price_risk_expiry: i64,
            /// For each debt position, the reserve's `valuation_seq` when its values were computed
            /// (beside the positions, which have no spare room).
            pub borrow_reserve_seqs: [u64; MAX_BORROWS],
            /// Weighted debt: each debt position at price + conf times its reserve's borrow
            /// factor (WAD quote). The borrow limit and the liquidation line are compared with it.
            pub borrowed_weighted_value: PodU128,
            /// The group's limits in force at the last refresh (zero outside any group).
            pub emode_limits: EmodeLimits,
            /// Reserved for upgrades.
            pub padding: [u64; 1],
        }

        /// An e-mode group's collateral limits and liquidation bonus range, in basis points.
        $(#[$value])*
        #[derive(Debug, Default, PartialEq, Eq)]
        pub struct EmodeLimits {
            /// LTV of every collateral position the group admits.
            pub ltv_bps: u16,
            /// Liquidation threshold of every collateral position the group admits.
            pub liquidation_threshold_bps: u16,
            /// Liquidation bonus just past the line.
            pub min_liquidation_bonus_bps: u16,
            /// Liquidation bonus at full insolvency.
            pub max_liquidation_bonus_bps: u16,
        }

        /// An e-mode group of a market: assets that move together, borrowed against each other
        /// under their own limits; an isolated group also caps what its obligations owe.
        $(#[$account])*
        #[derive(Debug)]
        pub struct EmodeGroup {
            /// Layout version.
            pub version: u64,
            /// Market the group belongs to.
            pub market: Pubkey,
            /// Isolated groups: the one reserve their obligations may borrow from (fixed at
            /// creation); the default key otherwise.
            pub debt_reserve: Pubkey,
            /// Isolated groups: debt shares of `debt_reserve` owed by the group's obligations
            /// (WAD-scaled), counted exactly as they borrow, repay, are liquidated, enter and leave.
            pub debt_shares: PodU128,
            /// Isolated groups: most tokens of `debt_reserve` the group's obligations may owe
            /// (interest included) for a new borrow to be allowed; 0 allows none.
            pub debt_ceiling: u64,
            /// The slot from which `pending_limits` replace `limits` (0 when nothing is pending).
            pub pending_from_slot: u64,
            /// The limits in force.
            pub limits: EmodeLimits,
            /// Limits set by the last update, in force from `pending_from_slot`: an obligation
            /// refreshed earlier in the slot of an update keeps the limits it was valued with.
            pub pending_limits: EmodeLimits,
            /// The group's id, 1..=32.
            pub id: u8,
            /// Non-zero when the group is isolated (fixed at creation).
            pub isolated: u8,
            /// PDA bump.
            pub bump: u8,
            /// Reserved.
            pub _pad: [u8; 5],
            /// A lowered liquidation threshold on its way down to the limits' value.
            pub threshold_ramp: Ramp,
            /// Unix time from which obligations may enter the group: a group created in a
            /// market with a delay waits for it, as a loosening would (reserves may name it in
            /// their masks before it exists).
            pub usable_from: i64,
            /// Reserved for upgrades.
            pub padding: [u64; 12],
        }

        /// A reserve's first-loss insurance fund: tokens staked by third parties and the fund's
        /// cut of the reserve's income, paid into the reserve before its depositors lose anything
        /// when debt is written off.
        $(#[$account])*
        #[derive(Debug)]
        pub struct InsuranceFund {
            /// Layout version.
            pub version: u64,
            /// Market the reserve belongs to.
            pub market: Pubkey,
            /// The reserve it insures.
            pub reserve: Pubkey,
            /// PDA token account of the reserve's asset holding the fund (`["fund_vault", reserve]`).
            pub vault: Pubkey,
            /// PDA mint of the fund's shares (`["fund_shares", reserve]`).
            pub share_mint: Pubkey,
            /// The reserve's asset (copied at creation, with its token program and decimals).
            pub liquidity_mint: Pubkey,
            /// The asset's token program; the share mint uses it too.
            pub token_program: Pubkey,
            /// Tokens the fund owns; tokens sent to the vault otherwise count for nothing.
            pub assets: u64,
            /// All shares: held in wallets, in cooldown and the locked seed.
            pub share_supply: u64,
            /// Shares from the seed stake, locked forever.
            pub seed_shares: u64,
            /// Shares in cooldown: burned from their wallets, still counted and still slashable.
            pub cooldown_shares: u64,
            /// Income not yet vested at `stream_start`; it vests linearly until `stream_end`.
            pub stream_amount: u64,
            /// Start of the current income stream (unix time).
            pub stream_start: i64,
            /// End of the current income stream (unix time).
            pub stream_end: i64,
            /// Tokens paid into the reserve to cover written-off debt, all time.
            pub absorbed: u64,
            /// Tokens collected from the reserve's cut, all time.
            pub collected: u64,
            /// Write-offs the fund paid toward.
            pub covers: u64,
            /// PDA bump.
            pub bump: u8,
            /// Decimals of the asset (and of the share mint).
            pub decimals: u8,
            /// Reserved.
            pub _pad: [u8; 6],
            /// Reserved for upgrades.
            pub padding: [u64; 8],
        }

        /// One staker's unstake in cooldown (`["unstake", fund, owner]`).
        $(#[$account])*
        #[derive(Debug)]
        pub struct UnstakeRequest {
            /// Layout version.
            pub version: u64,
            /// The insurance fund.
            pub fund: Pubkey,
            /// The staker.
            pub owner: Pubkey,
            /// Shares in cooldown.
            pub shares: u64,
            /// What they were worth when requested (tokens): the most the withdrawal pays.
            pub value_at_request: u64,
            /// When the withdrawal opens (unix time).
            pub cooldown_end: i64,
            /// When it closes (unix time); the request must then be cancelled or made again.
            pub window_end: i64,
            /// PDA bump.
            pub bump: u8,
            /// Reserved.
            pub _pad: [u8; 7],
            /// Reserved for upgrades.
            pub padding: [u64; 4],
        }

        /// The last validated price of one asset, with the limits it was checked against.
        $(#[$account])*
        #[derive(Debug)]
        pub struct OraclePrice {
            /// Layout version.
            pub version: u64,
            /// Market this price belongs to.
            pub market: Pubkey,
            /// The priced asset's mint.
            pub mint: Pubkey,
            /// The source account; all zeros accepts any account of the source's owner with the right
            /// feed id (pull oracles post updates to fresh accounts).
            pub source: Pubkey,
            /// Pyth feed id the source must carry (pull oracles).
            pub feed_id: [u8; 32],
            /// Price mantissa.
            pub price: i64,
            /// Confidence interval (same exponent).
            pub conf: u64,
            /// EMA price mantissa (0 when unknown).
            pub ema_price: i64,
            /// Unix time the price was published.
            pub publish_time: i64,
            /// Slot of the last successful refresh.
            pub slot: u64,
            /// Oldest acceptable price, in seconds; 0 only for fixed prices, which never age.
            pub max_age_secs: u64,
            /// Exponent of price, conf and EMA.
            pub expo: i32,
            /// Widest acceptable confidence, in basis points of the price.
            pub max_conf_bps: u16,
            /// EMA divergence that flags the price, in basis points.
            pub max_ema_deviation_bps: u16,
            /// `OracleSource` as a byte.
            pub source_kind: u8,
            /// Non-zero when the last refresh found spot and EMA diverged past the limit.
            pub ema_diverged: u8,
            /// PDA bump.
            pub bump: u8,
            /// Reserved.
            pub _pad: [u8; 5],
            /// Oldest price, in seconds, that borrows, withdrawals and liquidations accept (0 for
            /// fixed prices, which never age).
            pub max_age_for_risk_secs: u64,
            /// Reserved for upgrades.
            pub padding: [u64; 15],
        }
    };
}

/// Implements `Deref` and `DerefMut` from each of the program's twins (same name) to the core's
/// layout, and `From` the core's value: compile-time-checked casts between two Pod types of the
/// same size and alignment.
#[macro_export]
macro_rules! deref_to_core {
    ($($name:ident),* $(,)?) => {
        $(
            impl ::core::ops::Deref for $name {
                type Target = $crate::state::$name;
                fn deref(&self) -> &Self::Target {
                    $crate::__private::bytemuck::must_cast_ref(self)
                }
            }

            impl ::core::ops::DerefMut for $name {
                fn deref_mut(&mut self) -> &mut Self::Target {
                    $crate::__private::bytemuck::must_cast_mut(self)
                }
            }

            impl ::core::convert::From<$crate::state::$name> for $name {
                fn from(value: $crate::state::$name) -> Self {
                    $crate::__private::bytemuck::must_cast(value)
                }
            }
        )*
    };
}
