//! Errors raised by the pure core.

/// A reason a pure-core computation refused to produce a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskError {
    /// An intermediate or final value did not fit its integer type.
    MathOverflow,
    /// A division by zero was requested.
    DivisionByZero,
    /// An oracle price was zero or negative.
    InvalidPrice,
    /// An oracle exponent outside the supported range.
    InvalidExponent,
    /// The price is older than the configured maximum age.
    PriceTooOld,
    /// The confidence interval is wider than the configured cap.
    ConfidenceTooWide,
    /// The obligation is healthy and cannot be liquidated.
    ObligationHealthy,
    /// The reserve has no liquidity backing its shares.
    ReserveInsolvent,
    /// The requested outflow exceeds the reserve's per-window limit.
    OutflowLimitExceeded,
}
