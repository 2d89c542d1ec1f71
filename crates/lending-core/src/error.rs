//! The program's error codes: one specific code and message for every rejected input.
//!
//! [`lending_errors!`] holds the list once. The core expands it into a plain enum; the program
//! expands it into Anchor's `#[error_code]` enum (codes 6000 + position, in this order), so
//! both carry the same variants, codes and messages.

use crate::risk::RiskError;

/// Declares `LendingError` from the one list of variants and messages: `lending_errors!(core)`
/// gives a plain enum with [`LendingError::message`]; `lending_errors!(anchor)`, expanded in the
/// program with `anchor_lang::prelude::*` in scope, gives Anchor's `#[error_code]` enum and a
/// conversion from the core's.
#[macro_export]
macro_rules! lending_errors {
    ($mode:ident) => {
        $crate::lending_errors! { @expand $mode
            MathOverflow = "Math overflow",
            DivisionByZero = "Division by zero",
            ZeroAmount = "Amount must be greater than zero",
            NotMarketOwner = "Signer is not the market owner",
            NotPendingOwner = "Signer is not the pending market owner",
            NotObligationOwner = "Signer is not the obligation owner",
            WrongMarket = "Account belongs to a different lending market",
            WrongReserveAccount = "Account does not match the reserve's configuration",
            WrongOracle = "Oracle-price account does not match the reserve",
            WrongMint = "Token account mint does not match",
            WrongTokenProgram = "Token program does not match the reserve",
            VaultAsUserAccount = "A reserve vault cannot be used as the user's token account",
            MarketPaused = "Market is paused",
            BorrowsPaused = "Borrowing is paused in this market",
            ReserveFrozen = "Reserve is frozen",
            ReserveReduceOnly = "Reserve is reduce-only: no new deposits or borrows",
            ReserveStale = "Reserve must be refreshed in this slot first",
            ObligationStale = "Obligation must be refreshed in this slot first",
            PriceTooOld = "Oracle price is too old",
            InvalidPrice = "Oracle price is zero or negative",
            InvalidExponent = "Oracle exponent out of range",
            ConfidenceTooWide = "Oracle confidence interval is too wide",
            OracleNotFullyVerified = "Oracle price update is not fully verified",
            WrongFeedId = "Oracle feed id does not match",
            WrongOracleSource = "Oracle source account does not match or has the wrong owner",
            InvalidOracleData = "Oracle account data could not be parsed",
            OracleNotTrading = "Legacy oracle aggregate is not in Trading status",
            FixedPriceNotAllowed = "Fixed-price oracles are not allowed in this market",
            PriceDivergesFromEma = "Oracle price diverges from its EMA: borrows and withdrawals are paused",
            InvalidOracleConfig = "Invalid oracle configuration",
            InvalidReserveConfig = "Invalid reserve configuration",
            InvalidMarketConfig = "Invalid market configuration",
            SeedDepositTooSmall = "Seed deposit below the minimum",
            DepositCapReached = "Deposit cap reached",
            BorrowCapReached = "Borrow cap reached",
            UtilizationCapReached = "Utilisation cap reached",
            OutflowLimitExceeded = "Outflow limit for this window reached",
            InsufficientLiquidity = "Not enough liquidity available in the reserve",
            ReserveInsolvent = "Reserve has no liquidity backing its shares",
            AmountTooSmall = "Amount too small: it converts to zero",
            NoCollateralInReserve = "Obligation has no collateral in this reserve",
            NoDebtInReserve = "Obligation has no debt in this reserve",
            TooManyDeposits = "Obligation already holds the maximum number of collateral positions",
            TooManyBorrows = "Obligation already holds the maximum number of debt positions",
            BorrowTooLarge = "Borrow would exceed the obligation's borrow limit",
            WithdrawTooLarge = "Withdrawal would exceed the obligation's borrow limit",
            ObligationHealthy = "Obligation is healthy and cannot be liquidated",
            LiquidationBelowMinimum = "Liquidation yields less collateral than the liquidator's minimum",
            LiquidationDidNotImprove = "Liquidation would not improve the obligation's health",
            NothingToLiquidate = "Nothing to liquidate",
            WrongRemainingAccounts = "Remaining accounts do not match the obligation's reserves",
            VaultBalanceMismatch = "Vault balance did not move by the accounted amount",
            FlashLoanActive = "A flash loan is open on this reserve",
            FlashLoansDisabled = "Flash loans are disabled on this reserve",
            NoFlashRepayFound = "Flash borrow has no matching flash repay later in the transaction",
            MultipleFlashBorrows = "Only one flash borrow is allowed per transaction",
            FlashLoanCpi = "Flash loans cannot be called through CPI",
            InvalidFlashRepay = "Flash repay does not match a flash borrow in this transaction",
            InvalidInstructionsSysvar = "Instructions sysvar account is invalid",
            SameReserve = "The same reserve cannot be both the repay and the collateral reserve",
            NoFeesToClaim = "No protocol fees to claim",
            AmountExceedsCollateral = "Amount exceeds the obligation's collateral in this reserve",
            CollateralAndDebtSameReserve = "An obligation cannot hold collateral and debt in the same reserve",
            PriceTooOldForRisk = "A price is too old for a borrow, withdrawal or liquidation: refresh the oracle",
            NotGuardian = "Signer is neither the market's guardian nor its owner",
            InvalidMint = "The mint account cannot be read as a token mint",
            MintPermanentDelegate = "Mint has a permanent delegate, who could move tokens out of the vaults (list it only as a trusted issuer)",
            MintTransferFee = "Mint charges a transfer fee, or has a fee authority that could switch one on (trusted issuers only)",
            MintTransferHook = "Mint has a transfer hook program, or a hook authority that could add one (trusted issuers only)",
            MintPausable = "Mint is paused, or has a pause authority that could stop repayments and liquidations (trusted issuers only)",
            MintDefaultAccountState = "Mint's new accounts start frozen, or its freeze authority could make them (trusted issuers only)",
            MintInterestBearing = "Mint has an interest-rate authority (trusted issuers only)",
            MintScaledUiAmount = "Mint has a UI-amount multiplier authority (trusted issuers only)",
            MintNonTransferable = "Mint is non-transferable",
            MintUnknownExtension = "Mint has a Token-2022 extension this program does not know (trusted issuers only)",
            ValuationChanged = "A reserve of this obligation was repriced, written down or reconfigured since the obligation's refresh: refresh it again",
            InvalidEmodeGroup = "Invalid e-mode group configuration",
            WrongEmodeGroup = "E-mode group account is missing or is not the obligation's group",
            AssetNotInEmodeGroup = "The obligation's e-mode group does not admit this asset",
            EmodeDebtCeilingReached = "The isolated group's debt ceiling is reached",
            EmodeUnchanged = "The obligation is already in this e-mode group",
            EmodeSwitchUnhealthy = "The obligation would be over its borrow limit after the switch, or is liquidatable now",
            InvalidFundConfig = "Invalid insurance fund configuration",
            InsuranceFundExists = "The reserve already has an insurance fund",
            WrongInsuranceFund = "Insurance fund accounts are missing or are not the reserve's fund and its vault",
            FundDepleted = "The insurance fund has no vested tokens behind its shares",
            CooldownNotOver = "The unstake cooldown has not ended",
            UnstakeWindowPassed = "The unstake window has passed: cancel the request or request again",
            NoUnstakeRequest = "No unstake request is open",
            UnstakeRequestOpen = "An unstake request is already open: withdraw or cancel it first",
            NoFundFeesToCollect = "No insurance fund income to collect",
            ChangeNeedsTimelock = "This change loosens risk or moves fees: queue it (queue_change) and apply it after the market's delay",
            RiskAdminCannotLoosen = "The risk admin may only tighten risk; the owner must queue this change",
            NotMarketAuthority = "Signer is neither the market's owner nor its risk admin",
            NotChangeCanceller = "Only the market's owner or guardian may cancel a pending change before it expires",
            ChangeNotYetEffective = "The change's delay has not passed",
            ChangeExpired = "The change expired before it was applied: queue it again",
            WrongChangeTarget = "The account is not the one the change was queued for",
            InvalidTimelockSettings = "Invalid timelock settings: delay or ramp outside its bounds",
            EmodeExitInProgress = "The asset is already leaving an e-mode group: wait until that ramp ends",
            EmodeGroupNotYetUsable = "This e-mode group was created recently: it opens once the market's timelock delay has passed",
            NotALookupTable = "The account is not an address lookup table",
        }
    };
    (@expand core $($name:ident = $msg:literal,)*) => {
        /// Every way an instruction of this program can refuse.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u32)]
        pub enum LendingError {
            $(
                #[doc = $msg]
                $name,
            )*
        }

        impl LendingError {
            /// Every error, in code order.
            pub const ALL: &'static [LendingError] = &[$(Self::$name,)*];

            /// The message the program logs with this error.
            pub fn message(&self) -> &'static str {
                match self {
                    $(Self::$name => $msg,)*
                }
            }

            /// The error's name, as in the IDL.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Self::$name => stringify!($name),)*
                }
            }
        }
    };
    (@expand anchor $($name:ident = $msg:literal,)*) => {
        /// Every way an instruction of this program can refuse.
        #[error_code]
        pub enum LendingError {
            $(
                #[msg($msg)]
                $name,
            )*
        }

        impl From<$crate::LendingError> for LendingError {
            fn from(e: $crate::LendingError) -> Self {
                match e {
                    $($crate::LendingError::$name => Self::$name,)*
                }
            }
        }
    };
}

lending_errors!(core);

/// Offset of the first code: Anchor numbers custom errors from 6000.
pub const ERROR_CODE_OFFSET: u32 = 6000;

impl LendingError {
    /// The on-chain error code (6000 + position in the list).
    pub fn code(self) -> u32 {
        ERROR_CODE_OFFSET + self as u32
    }
}

impl From<RiskError> for LendingError {
    fn from(e: RiskError) -> Self {
        match e {
            RiskError::MathOverflow => Self::MathOverflow,
            RiskError::DivisionByZero => Self::DivisionByZero,
            RiskError::InvalidPrice => Self::InvalidPrice,
            RiskError::InvalidExponent => Self::InvalidExponent,
            RiskError::PriceTooOld => Self::PriceTooOld,
            RiskError::ConfidenceTooWide => Self::ConfidenceTooWide,
            RiskError::ObligationHealthy => Self::ObligationHealthy,
            RiskError::ReserveInsolvent => Self::ReserveInsolvent,
            RiskError::OutflowLimitExceeded => Self::OutflowLimitExceeded,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes follow the list: the program's IDL numbers them the same way.
    #[test]
    fn codes_follow_the_list() {
        assert_eq!(LendingError::MathOverflow.code(), 6000);
        assert_eq!(LendingError::ZeroAmount.code(), 6002);
        assert_eq!(LendingError::MathOverflow.message(), "Math overflow");
    }
}
