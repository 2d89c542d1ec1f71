/**
 * Display figures for reserves and obligations, computed from the accounts as the program
 * last cached them (after a simulated refresh, so they are current). The formulas mirror the
 * Rust SDK's (`lending-cli market show` / `obligation show`); the end-to-end test compares
 * the two.
 */
import { BPS, WAD, mulDiv, wadToNumber } from "./fixed";

/** The pool fields of a reserve. */
export interface Pool {
  /** Tokens in the vault that may be lent. */
  available: bigint;
  /** Tokens out on an open flash loan. */
  flashOutstanding: bigint;
  /** WAD-scaled debt shares. */
  debtShares: bigint;
  /** Borrow index (WAD). */
  borrowIndex: bigint;
  /** Unclaimed protocol fees (WAD-scaled tokens). */
  protocolFees: bigint;
  /** The insurance fund's cut not yet collected (WAD-scaled tokens). */
  fundFees: bigint;
  /** All deposit shares. */
  shareSupply: bigint;
}

/** Total debt (WAD-scaled tokens). */
export function totalDebt(p: Pool, up: boolean): bigint {
  return mulDiv(p.debtShares, p.borrowIndex, WAD, up);
}

/** Cash + debt − protocol fees − the insurance fund's cut (WAD-scaled tokens), floored at zero. */
export function totalLiquidity(p: Pool): bigint {
  const gross = (p.available + p.flashOutstanding) * WAD + totalDebt(p, false);
  const fees = p.protocolFees + p.fundFees;
  return gross > fees ? gross - fees : 0n;
}

/** Borrowed share of cash + debt (WAD). */
export function utilization(p: Pool): bigint {
  const debt = totalDebt(p, false);
  const total = (p.available + p.flashOutstanding) * WAD + debt;
  return total === 0n ? 0n : mulDiv(debt, WAD, total, false);
}

/** Tokens (whole units) that `shares` redeem for, rounded down as the program pays. */
export function sharesToUnits(p: Pool, shares: bigint): bigint {
  if (p.shareSupply === 0n) return 0n;
  return mulDiv(shares, totalLiquidity(p), p.shareSupply, false) / WAD;
}

/** Tokens (whole units) owed for `debtShares`, rounded up as the program charges. */
export function debtToUnits(p: Pool, debtShares: bigint): bigint {
  const wad = mulDiv(debtShares, p.borrowIndex, WAD, true);
  return (wad + WAD - 1n) / WAD;
}

/** One point of a reserve's borrow-rate curve. */
export interface CurvePoint {
  /** Utilisation, in basis points. */
  utilizationBps: number;
  /** Annual borrow rate there, in basis points. */
  rateBps: number;
}

/**
 * The curve's APR (WAD) at a utilisation (WAD), as the program's `BorrowRateCurve::apr_wad`
 * computes it: linear between points, rounded up.
 */
export function curveApr(points: CurvePoint[], utilizationWad: bigint): bigint {
  const u = (utilizationWad < WAD ? utilizationWad : WAD) * BPS;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const [ua, ub] = [BigInt(a.utilizationBps) * WAD, BigInt(b.utilizationBps) * WAD];
    if (u <= ub && ub > ua) {
      const span = BigInt(b.rateBps - a.rateBps) * WAD;
      const rate = BigInt(a.rateBps) * WAD + mulDiv(span, u - ua, ub - ua, true);
      return (rate + BPS - 1n) / BPS;
    }
  }
  return (BigInt(points[points.length - 1].rateBps) * WAD) / BPS;
}

/**
 * Borrow and supply APY at the pool's current utilisation, from the reserve's curve (the
 * cached `borrowApr` is only updated by a refresh that accrues interest, so it lags a borrow
 * or repay made in the same second).
 */
export function apys(
  curve: CurvePoint[],
  p: Pool,
  interestCutBps: number,
): { borrowApy: number; supplyApy: number; utilization: number } {
  const utilWad = utilization(p);
  const apr = wadToNumber(curveApr(curve, utilWad));
  const util = wadToNumber(utilWad);
  // What depositors do not get: the protocol's take and the insurance fund's cut.
  const take = interestCutBps / Number(BPS);
  return {
    borrowApy: Math.expm1(apr),
    supplyApy: Math.expm1(apr * util * (1 - take)),
    utilization: util,
  };
}

/** The cached health values of an obligation (WAD quote). */
export interface Health {
  /** Collateral at spot. */
  deposited: bigint;
  /** Debt at price + conf. */
  borrowed: bigint;
  /**
   * Debt at price + conf weighted by each reserve's borrow factor: what the borrow limit and
   * the liquidation line are compared with.
   */
  borrowedWeighted: bigint;
  /** Borrow limit. */
  borrowLimit: bigint;
  /** Liquidation line. */
  liquidationLine: bigint;
}

/**
 * Health factor: liquidation line / weighted debt (∞ without debt). Below 1.0 the obligation
 * can be liquidated.
 */
export function healthFactor(h: Health): number {
  if (h.borrowedWeighted === 0n) return Infinity;
  return wadToNumber(h.liquidationLine) / wadToNumber(h.borrowedWeighted);
}

/** Share of the borrow limit in use by the weighted debt (0..1+), for the health bar. */
export function borrowLimitUsed(h: Health): number {
  if (h.borrowLimit === 0n) return h.borrowedWeighted === 0n ? 0 : Infinity;
  return wadToNumber(h.borrowedWeighted) / wadToNumber(h.borrowLimit);
}

/**
 * The price of one collateral asset at which the obligation reaches its liquidation line,
 * all other prices held: the asset's liquidation contribution must fall by
 * (liquidation line − weighted debt). `null` without debt, or when no price of this asset
 * alone can make it liquidatable.
 */
export function liquidationPrice(h: Health, assetUnhealthy: bigint, price: number): number | null {
  if (h.borrowedWeighted === 0n || assetUnhealthy === 0n) return null;
  const slack = wadToNumber(h.liquidationLine) - wadToNumber(h.borrowedWeighted);
  const share = wadToNumber(assetUnhealthy);
  if (slack >= share) return null;
  return Math.max(0, price * (1 - slack / share));
}

/**
 * Net APY on the position's equity: (Σ supply value × supply APY − Σ debt value × borrow APY)
 * / (deposits − debts). `null` when equity is not positive.
 */
export function netApy(
  supplies: { value: number; apy: number }[],
  debts: { value: number; apy: number }[],
): number | null {
  const earn = supplies.reduce((s, x) => s + x.value * x.apy, 0);
  const pay = debts.reduce((s, x) => s + x.value * x.apy, 0);
  const equity = supplies.reduce((s, x) => s + x.value, 0) - debts.reduce((s, x) => s + x.value, 0);
  return equity > 0 ? (earn - pay) / equity : null;
}
