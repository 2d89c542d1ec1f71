//! The program's error codes: one specific code and message for every rejected input.

use crate::risk::RiskError;
use anchor_lang::prelude::*;

/// Every way an instruction of this program can refuse.
#[error_code]
pub enum LendingError {
    #[msg("Math overflow")]
    MathOverflow,
    #[msg("Division by zero")]
    DivisionByZero,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Signer is not the market owner")]
    NotMarketOwner,
    #[msg("Signer is not the pending market owner")]
    NotPendingOwner,
    #[msg("Signer is not the obligation owner")]
    NotObligationOwner,
    #[msg("Account belongs to a different lending market")]
    WrongMarket,
    #[msg("Account does not match the reserve's configuration")]
    WrongReserveAccount,
    #[msg("Oracle-price account does not match the reserve")]
    WrongOracle,
    #[msg("Token account mint does not match")]
    WrongMint,
    #[msg("Token program does not match the reserve")]
    WrongTokenProgram,
    #[msg("A reserve vault cannot be used as the user's token account")]
    VaultAsUserAccount,
    #[msg("Market is paused")]
    MarketPaused,
    #[msg("Borrowing is paused in this market")]
    BorrowsPaused,
    #[msg("Reserve is frozen")]
    ReserveFrozen,
    #[msg("Reserve is reduce-only: no new deposits or borrows")]
    ReserveReduceOnly,
    #[msg("Reserve must be refreshed in this slot first")]
    ReserveStale,
    #[msg("Obligation must be refreshed in this slot first")]
    ObligationStale,
    #[msg("Oracle price is too old")]
    PriceTooOld,
    #[msg("Oracle price is zero or negative")]
    InvalidPrice,
    #[msg("Oracle exponent out of range")]
    InvalidExponent,
    #[msg("Oracle confidence interval is too wide")]
    ConfidenceTooWide,
    #[msg("Oracle price update is not fully verified")]
    OracleNotFullyVerified,
    #[msg("Oracle feed id does not match")]
    WrongFeedId,
    #[msg("Oracle source account does not match or has the wrong owner")]
    WrongOracleSource,
    #[msg("Oracle account data could not be parsed")]
    InvalidOracleData,
    #[msg("Legacy oracle aggregate is not in Trading status")]
    OracleNotTrading,
    #[msg("Fixed-price oracles are not allowed in this market")]
    FixedPriceNotAllowed,
    #[msg("Oracle price diverges from its EMA: borrows and withdrawals are paused")]
    PriceDivergesFromEma,
    #[msg("Invalid oracle configuration")]
    InvalidOracleConfig,
    #[msg("Invalid reserve configuration")]
    InvalidReserveConfig,
    #[msg("Invalid market configuration")]
    InvalidMarketConfig,
    #[msg("Seed deposit below the minimum")]
    SeedDepositTooSmall,
    #[msg("Deposit cap reached")]
    DepositCapReached,
    #[msg("Borrow cap reached")]
    BorrowCapReached,
    #[msg("Utilisation cap reached")]
    UtilizationCapReached,
    #[msg("Outflow limit for this window reached")]
    OutflowLimitExceeded,
    #[msg("Not enough liquidity available in the reserve")]
    InsufficientLiquidity,
    #[msg("Reserve has no liquidity backing its shares")]
    ReserveInsolvent,
    #[msg("Amount too small: it converts to zero")]
    AmountTooSmall,
    #[msg("Obligation has no collateral in this reserve")]
    NoCollateralInReserve,
    #[msg("Obligation has no debt in this reserve")]
    NoDebtInReserve,
    #[msg("Obligation already holds the maximum number of collateral positions")]
    TooManyDeposits,
    #[msg("Obligation already holds the maximum number of debt positions")]
    TooManyBorrows,
    #[msg("Borrow would exceed the obligation's borrowing power")]
    BorrowTooLarge,
    #[msg("Withdrawal would exceed the obligation's borrowing power")]
    WithdrawTooLarge,
    #[msg("Obligation is healthy and cannot be liquidated")]
    ObligationHealthy,
    #[msg("Liquidation yields less collateral than the liquidator's minimum")]
    LiquidationBelowMinimum,
    #[msg("Liquidation would not improve the obligation's health")]
    LiquidationDidNotImprove,
    #[msg("Nothing to liquidate")]
    NothingToLiquidate,
    #[msg("Remaining accounts do not match the obligation's reserves")]
    WrongRemainingAccounts,
    #[msg("Vault balance did not move by the accounted amount")]
    VaultBalanceMismatch,
    #[msg("A flash loan is open on this reserve")]
    FlashLoanActive,
    #[msg("Flash loans are disabled on this reserve")]
    FlashLoansDisabled,
    #[msg("Flash borrow has no matching flash repay later in the transaction")]
    NoFlashRepayFound,
    #[msg("Only one flash borrow is allowed per transaction")]
    MultipleFlashBorrows,
    #[msg("Flash loans cannot be called through CPI")]
    FlashLoanCpi,
    #[msg("Flash repay does not match a flash borrow in this transaction")]
    InvalidFlashRepay,
    #[msg("Instructions sysvar account is invalid")]
    InvalidInstructionsSysvar,
    #[msg("The same reserve cannot be both the repay and the collateral reserve")]
    SameReserve,
    #[msg("No protocol fees to claim")]
    NoFeesToClaim,
    #[msg("Amount exceeds the obligation's collateral in this reserve")]
    AmountExceedsCollateral,
    #[msg("An obligation cannot hold collateral and debt in the same reserve")]
    CollateralAndDebtSameReserve,
    #[msg("A price is too old for a borrow, withdrawal or liquidation: refresh the oracle")]
    PriceTooOldForRisk,
    #[msg("Signer is neither the market's guardian nor its owner")]
    NotGuardian,
    #[msg("The mint account cannot be read as a token mint")]
    InvalidMint,
    #[msg("Mint has a permanent delegate, who could move tokens out of the vaults (list it only as a trusted issuer)")]
    MintPermanentDelegate,
    #[msg("Mint charges a transfer fee, or has a fee authority that could switch one on (trusted issuers only)")]
    MintTransferFee,
    #[msg("Mint has a transfer hook program, or a hook authority that could add one (trusted issuers only)")]
    MintTransferHook,
    #[msg("Mint is paused, or has a pause authority that could stop repayments and liquidations (trusted issuers only)")]
    MintPausable,
    #[msg("Mint's new accounts start frozen, or its freeze authority could make them (trusted issuers only)")]
    MintDefaultAccountState,
    #[msg("Mint has an interest-rate authority (trusted issuers only)")]
    MintInterestBearing,
    #[msg("Mint has a UI-amount multiplier authority (trusted issuers only)")]
    MintScaledUiAmount,
    #[msg("Mint is non-transferable")]
    MintNonTransferable,
    #[msg("Mint has a Token-2022 extension this program does not know (trusted issuers only)")]
    MintUnknownExtension,
    #[msg("A reserve of this obligation was repriced, written down or reconfigured since the obligation's refresh: refresh it again")]
    ValuationChanged,
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

impl From<RiskError> for anchor_lang::error::Error {
    fn from(e: RiskError) -> Self {
        LendingError::from(e).into()
    }
}
