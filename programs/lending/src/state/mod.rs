//! The account layouts under Anchor: the core's layouts ([`lending_core::state`]) expanded with
//! `#[account(zero_copy)]` and `#[zero_copy]`, for the discriminators, owner checks and IDL. Each
//! type derefs to the core's, which holds every method, so a loaded account is used as the
//! core's type.

use anchor_lang::prelude::*;

pub mod pending_change;
pub use lending_core::state::{CURVE_POINTS, MAX_BORROWS, MAX_DEPOSITS};
pub use pending_change::{AdminChange, PendingChange, PENDING_CHANGE_SPACE};

pub use lending_core::state::{
    emode_group, insurance_fund, market, obligation, oracle_price, reserve, FundSigner,
    OracleSource, PriceStatus, ReserveSigner, ReserveStatus, ReserveView, ACCOUNT_VERSION,
    EMODE_GROUP_SIZE, INSURANCE_FUND_SIZE, LENDING_MARKET_SIZE, OBLIGATION_SIZE, ORACLE_PRICE_SIZE,
    PAUSE_ALL, PAUSE_BORROWS, RESERVE_SIZE, UNSTAKE_REQUEST_SIZE,
};

lending_core::account_layouts!(account: [#[account(zero_copy)]], value: [#[zero_copy]]);

lending_core::deref_to_core!(
    CurvePoint,
    BorrowRateCurve,
    PodU128,
    LastUpdate,
    Ramp,
    LendingMarket,
    ReserveConfig,
    Reserve,
    ObligationDeposit,
    ObligationBorrow,
    Obligation,
    OraclePrice,
    EmodeLimits,
    EmodeGroup,
    InsuranceFund,
    UnstakeRequest,
);
