/** Converts @anchor-lang/core's decoded accounts (BN, PodU128 limbs) into the app's views. */
import { rampOf, rampValue } from "./timelock";
import { PublicKey } from "@solana/web3.js";
import { fromLimbs } from "../math/fixed";
import type { GroupView, MarketView, ObligationView, ReserveView } from "./model";

// The coder's output mirrors the IDL; these are the parts the app reads.
type BNLike = { toString(): string };
type Pod = { limbs: BNLike[] };

const big = (v: BNLike): bigint => BigInt(v.toString());
const num = (v: BNLike | number): number => Number(v.toString());

/** The market account. */
export function marketView(key: PublicKey, m: any): MarketView {
  const quote = new TextDecoder().decode(Uint8Array.from(m.quoteCurrency as number[])).replace(/\0+$/, "");
  return {
    key,
    owner: m.owner,
    quote,
    closeFactorBps: m.closeFactorBps,
    pauseFlags: m.pauseFlags,
    timelockDelaySecs: num(m.timelockDelaySecs),
    rampSecs: num(m.rampSecs),
    lookupTable: m.lookupTable.equals(PublicKey.default) ? null : m.lookupTable,
  };
}

/** Fixed price (source kind 2): no source; else the stored source, if one is pinned. */
function oracleSource(o: any | null): PublicKey | null | undefined {
  if (!o) return undefined;
  if (o.sourceKind === 2) return null;
  return o.source.equals(PublicKey.default) ? undefined : o.source;
}

/** A reserve account plus its price account. */
export function reserveView(key: PublicKey, r: any, oracle: any | null, symbol: string): ReserveView {
  const c = r.config;
  return {
    key,
    mint: r.liquidityMint,
    symbol,
    decimals: r.decimals,
    tokenProgram: r.tokenProgram,
    oracle: r.oracle,
    oracleSource: oracleSource(oracle),
    supplyVault: r.supplyVault,
    feeVault: r.feeVault,
    shareMint: r.shareMint,
    pool: {
      available: big(r.available),
      flashOutstanding: big(r.flashOutstanding),
      debtShares: fromLimbs((r.debtShares as Pod).limbs),
      borrowIndex: fromLimbs((r.borrowIndex as Pod).limbs),
      protocolFees: fromLimbs((r.protocolFees as Pod).limbs),
      fundFees: fromLimbs((r.fundFees as Pod).limbs),
      shareSupply: big(r.shareSupply),
    },
    price: fromLimbs((r.price as Pod).limbs),
    borrowApr: fromLimbs((r.borrowApr as Pod).limbs),
    lastUpdateTs: num(r.lastUpdate.unixTimestamp),
    pricePublishTime: oracle ? num(oracle.publishTime) : 0,
    priceMaxAgeSecs: oracle ? num(oracle.maxAgeSecs) : 0,
    priceStatus: r.priceStatus,
    config: {
      ltvBps: c.ltvBps,
      liquidationThresholdBps: c.liquidationThresholdBps,
      originationFeeBps: c.originationFeeBps,
      protocolTakeRateBps: c.protocolTakeRateBps,
      fundInterestCutBps: r.fundInterestCutBps,
      fundLiquidationCutBps: r.fundLiquidationCutBps,
      utilizationCapBps: c.utilizationCapBps,
      borrowFactorBps: c.borrowFactorBps,
      emodeCollateralMask: c.emodeCollateralMask,
      emodeBorrowMask: c.emodeBorrowMask,
      isolatedCollateral: c.isolatedCollateral !== 0,
      depositCap: big(c.depositCap),
      borrowCap: big(c.borrowCap),
      status: c.status,
      curve: (c.curve.points as { utilizationBps: number; rateBps: number }[]).map((p) => ({
        utilizationBps: p.utilizationBps,
        rateBps: p.rateBps,
      })),
    },
    thresholdRamp: rampOf(r.thresholdRamp),
    emodeExit: (() => {
      const ramp = rampOf(r.emodeExitRamp);
      return ramp ? { mask: r.emodeExitMask, ramp } : null;
    })(),
  };
}

/** An obligation account. */
export function obligationView(key: PublicKey, o: any): ObligationView {
  const pod = (p: Pod) => fromLimbs(p.limbs);
  return {
    key,
    market: o.market,
    emodeGroup: o.emodeGroup,
    emodeIsolated: o.emodeIsolated !== 0,
    health: {
      deposited: pod(o.depositedValue),
      borrowed: pod(o.borrowedValue),
      borrowedWeighted: pod(o.borrowedWeightedValue),
      borrowLimit: pod(o.borrowLimitValue),
      liquidationLine: pod(o.liquidationLineValue),
    },
    deposits: (o.deposits as any[]).slice(0, o.depositsLen).map((d) => ({
      reserve: d.reserve,
      shares: big(d.shares),
      marketValue: pod(d.marketValue),
      borrowLimitValue: pod(d.borrowLimitValue),
      liquidationLineValue: pod(d.liquidationLineValue),
    })),
    borrows: (o.borrows as any[]).slice(0, o.borrowsLen).map((b) => ({
      reserve: b.reserve,
      debtShares: pod(b.debtShares),
      marketValue: pod(b.marketValue),
    })),
  };
}

/**
 * An e-mode group account, with the limits in force at `slot` (an update takes effect from
 * the slot after it, as `EmodeGroup::limits_at` reads it).
 */
export function groupView(key: PublicKey, g: any, slot: number, now: number): GroupView {
  const pending = num(g.pendingFromSlot);
  const l = pending !== 0 && slot >= pending ? g.pendingLimits : g.limits;
  const ramp = rampOf(g.thresholdRamp);
  return {
    key,
    id: g.id,
    isolated: g.isolated !== 0,
    debtReserve: g.debtReserve,
    ltvBps: l.ltvBps,
    liquidationThresholdBps: ramp ? rampValue(ramp, now) : l.liquidationThresholdBps,
    thresholdRamp: ramp && now < ramp.end ? ramp : null,
    minBonusBps: l.minLiquidationBonusBps,
    maxBonusBps: l.maxLiquidationBonusBps,
  };
}
