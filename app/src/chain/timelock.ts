/**
 * The timelock as users see it: the market's queued changes (what, on which account, from when
 * anyone may apply them) and the ramps running in it. The classification of changes and the
 * ramp itself are the program's (`crates/lending-core/src/ops/timelock.rs`,
 * `risk/ramp.rs`); here the ramp's value is restated only to show where a threshold stands.
 */
import type { Program } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";

/** A linear move of a value in basis points (`Ramp` in the accounts). */
export interface Ramp {
  fromBps: number;
  toBps: number;
  start: number;
  end: number;
}

/** A queued change. */
export interface PendingChangeView {
  /** The change account. */
  key: PublicKey;
  /** Its id in the market. */
  id: number;
  /** The account it changes (the market itself for market-wide settings). */
  target: PublicKey;
  /** What it changes, in words. */
  what: string;
  /** From when anyone may apply it, and until when (unix seconds). */
  effectiveAt: number;
  expiresAt: number;
}

const num = (v: any): number => (typeof v === "number" ? v : Number(v.toString()));

/** The stored ramp, or null when none is set. */
export function rampOf(r: any): Ramp | null {
  const end = num(r.end);
  if (end === 0) return null;
  return { fromBps: r.fromBps, toBps: r.toBps, start: num(r.start), end };
}

/** The ramp's value at `now` (as `RampSpan::value_at`: linear, a lowering rounded toward its target). */
export function rampValue(r: Ramp, now: number): number {
  if (now >= r.end) return r.toBps;
  if (now <= r.start) return r.fromBps;
  const span = r.end - r.start;
  const elapsed = now - r.start;
  if (r.fromBps >= r.toBps) return r.fromBps - Math.ceil(((r.fromBps - r.toBps) * elapsed) / span);
  return r.fromBps + Math.floor(((r.toBps - r.fromBps) * elapsed) / span);
}

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/** One line naming what a queued change does (Anchor decodes the enum as `{ variant: { 0: params } }`). */
export function describeChange(change: any): string {
  const [variant, inner] = Object.entries(change)[0] as [string, any];
  const p = inner?.[0] ?? inner;
  switch (variant) {
    case "reserveConfig":
      return `reserve settings: LTV ${pct(p.ltvBps)}, liquidation threshold ${pct(p.liquidationThresholdBps)}, borrow factor ${(p.borrowFactorBps / 10_000).toFixed(2)}x`;
    case "emodeGroup":
      return `e-mode group: LTV ${pct(p.ltvBps)}, liquidation threshold ${pct(p.liquidationThresholdBps)}`;
    case "oracleConfig":
      return `price source: ${new PublicKey(p.source).toBase58()}, max age ${num(p.maxAgeSecs)} s`;
    case "liquidationLimits":
      return `liquidation limits: close factor ${pct(p.closeFactorBps)}`;
    case "fundSettings":
      return `insurance-fund rules: cooldown ${num(p.cooldownSecs)} s, max slash ${pct(p.maxSlashBps)}`;
    case "fundCuts":
      return `insurance-fund cuts: ${pct(p.interestCutBps)} of interest, ${pct(p.liquidationCutBps)} of liquidation fees`;
    case "timelock":
      return `timelock: delay ${num(p.delaySecs)} s, ramp ${num(p.rampSecs)} s`;
    default:
      return variant;
  }
}

/** The market's queued changes, by id. */
export async function loadPendingChanges(program: Program<Lending>, market: PublicKey): Promise<PendingChangeView[]> {
  // Layout: discriminator (8), then the market.
  const all = await program.account.pendingChange.all([{ memcmp: { offset: 8, bytes: market.toBase58() } }]);
  return all
    .map((a) => ({
      key: a.publicKey,
      id: num(a.account.id),
      target: a.account.target,
      what: describeChange(a.account.change),
      effectiveAt: num(a.account.effectiveAt),
      expiresAt: num(a.account.expiresAt),
    }))
    .sort((a, b) => a.id - b.id);
}
