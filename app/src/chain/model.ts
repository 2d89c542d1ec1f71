/**
 * Plain views of the program's accounts, decoded by @anchor-lang/core's coder from the IDL and
 * converted to bigint/number fields.
 */
import type { PublicKey } from "@solana/web3.js";
import type { CurvePoint, Health, Pool } from "../math/figures";

/** A reserve, as the app shows and uses it. */
export interface ReserveView {
  /** The reserve account. */
  key: PublicKey;
  /** Token mint it lends. */
  mint: PublicKey;
  /** Short name (from `tokens.json`, else the mint's first characters). */
  symbol: string;
  /** Mint decimals. */
  decimals: number;
  /** SPL Token or Token-2022. */
  tokenProgram: PublicKey;
  /** The reserve's price account. */
  oracle: PublicKey;
  /**
   * What `refresh_oracle_price` needs: `null` for a fixed price, the source account for a
   * Pyth source, `undefined` when any posted update may be used (the app cannot refresh it).
   */
  oracleSource: PublicKey | null | undefined;
  /** Vault holding deposits. */
  supplyVault: PublicKey;
  /** Vault receiving origination fees. */
  feeVault: PublicKey;
  /** Mint of deposit shares. */
  shareMint: PublicKey;
  /** Balances. */
  pool: Pool;
  /** Cached spot price (WAD quote per token). */
  price: bigint;
  /** APR the curve gave at the last refresh that accrued interest (WAD); display uses the
   * curve at the current utilisation instead (`apys`). */
  borrowApr: bigint;
  /** Time of the last refresh (unix seconds). */
  lastUpdateTs: number;
  /** Price account's publish time (unix seconds). */
  pricePublishTime: number;
  /** Price account's age limit (seconds). */
  priceMaxAgeSecs: number;
  /** Why the cached price is not usable (0 = fine). */
  priceStatus: number;
  /** Risk and cap settings. */
  config: {
    ltvBps: number;
    liquidationThresholdBps: number;
    originationFeeBps: number;
    protocolTakeRateBps: number;
    /** The insurance fund's share of interest (bps; stored beside the config on chain). */
    fundInterestCutBps: number;
    /** The insurance fund's share of the protocol's liquidation fee (bps). */
    fundLiquidationCutBps: number;
    utilizationCapBps: number;
    /** Weight of this asset's debt against the borrow limit and the liquidation line (bps). */
    borrowFactorBps: number;
    /** E-mode groups that admit this asset as collateral (bit `id − 1`). */
    emodeCollateralMask: number;
    /** E-mode groups that admit this asset as debt (bit `id − 1`). */
    emodeBorrowMask: number;
    /** Collateral that counts only inside an isolated e-mode group. */
    isolatedCollateral: boolean;
    depositCap: bigint;
    borrowCap: bigint;
    status: number;
    /** Borrow-rate curve points (utilisation → APR, basis points). */
    curve: CurvePoint[];
  };
  /** A lowered liquidation threshold on its way down (`config` holds where it stood at the last refresh). */
  thresholdRamp: import("./timelock").Ramp | null;
  /** E-mode groups the asset is leaving as collateral, and its weight's way to nothing. */
  emodeExit: { mask: number; ramp: import("./timelock").Ramp } | null;
}

/** One collateral position. */
export interface DepositView {
  /** Reserve. */
  reserve: PublicKey;
  /** Deposit shares held. */
  shares: bigint;
  /** Value at spot (WAD quote). */
  marketValue: bigint;
  /** Borrow limit it gives (WAD quote). */
  borrowLimitValue: bigint;
  /** Its share of the liquidation line (WAD quote). */
  liquidationLineValue: bigint;
}

/** One debt position. */
export interface BorrowView {
  /** Reserve. */
  reserve: PublicKey;
  /** WAD-scaled debt shares. */
  debtShares: bigint;
  /** Value at price + conf (WAD quote). */
  marketValue: bigint;
}

/** An obligation, as the program last cached it. */
export interface ObligationView {
  /** The obligation account. */
  key: PublicKey;
  /** Its market. */
  market: PublicKey;
  /** The e-mode group it is in (0: none). */
  emodeGroup: number;
  /** Whether that group is isolated. */
  emodeIsolated: boolean;
  /** Cached health values. */
  health: Health;
  /** Collateral positions. */
  deposits: DepositView[];
  /** Debt positions. */
  borrows: BorrowView[];
}

/** The market settings the app shows. */
export interface MarketView {
  /** The market account. */
  key: PublicKey;
  /** Owner (a funded wallet: pays for read-only simulations when no wallet is connected). */
  owner: PublicKey;
  /** Quote currency, e.g. "USD". */
  quote: string;
  /** Most of the debt one liquidation may repay (bps). */
  closeFactorBps: number;
  /** Non-zero when some actions are paused. */
  pauseFlags: number;
  /** Seconds between queuing a change that loosens risk and applying it. */
  timelockDelaySecs: number;
  /** Seconds a lowered liquidation threshold takes to reach its new value. */
  rampSecs: number;
  /** The market's address lookup table (transactions are v0 through it), if it records one. */
  lookupTable: PublicKey | null;
}

/** An e-mode group of the market, with the limits in force. */
export interface GroupView {
  /** The group account. */
  key: PublicKey;
  /** Its id, 1 to 32. */
  id: number;
  /** Isolated: one debt reserve, a debt ceiling. */
  isolated: boolean;
  /** The isolated group's debt reserve. */
  debtReserve: PublicKey;
  /** LTV of the collateral it admits (bps). */
  ltvBps: number;
  /** Liquidation threshold of the collateral it admits (bps), where its ramp stands now. */
  liquidationThresholdBps: number;
  /** A lowered threshold on its way down, if any. */
  thresholdRamp: import("./timelock").Ramp | null;
  /** Liquidation bonus range (bps). */
  minBonusBps: number;
  maxBonusBps: number;
}
