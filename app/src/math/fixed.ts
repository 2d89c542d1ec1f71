/**
 * Fixed-point helpers over bigint, matching the program's conventions: values are WAD-scaled
 * (1e18 = 1.0), `[u64; 2]` limbs hold u128s, and rounding is explicit. Only used to *display*
 * what the program computed and cached; every figure that moves money comes from the program
 * itself (its cached values, or a simulation of the real transaction).
 */

/** 1.0 in WAD. */
export const WAD = 10n ** 18n;
/** 100% in basis points. */
export const BPS = 10_000n;

/** A u128 stored as `[lo, hi]` u64 limbs (what `PodU128` decodes to). */
export function fromLimbs(limbs: readonly { toString(): string }[]): bigint {
  const lo = BigInt(limbs[0].toString());
  const hi = BigInt(limbs[1].toString());
  return lo + (hi << 64n);
}

/** `a * b / d`, rounded down or up. */
export function mulDiv(a: bigint, b: bigint, d: bigint, up: boolean): bigint {
  if (d === 0n) throw new Error("division by zero");
  const p = a * b;
  const q = p / d;
  return up && q * d !== p ? q + 1n : q;
}

/** A WAD value as a float (for display only). */
export function wadToNumber(v: bigint): number {
  const whole = v / WAD;
  const frac = v % WAD;
  return Number(whole) + Number(frac) / 1e18;
}

/** Whole token units as a float of tokens (for display only). */
export function unitsToNumber(units: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(units / scale) + Number(units % scale) / Number(scale);
}

/**
 * Parses a decimal token amount ("1.5") into whole units, exactly; throws a readable error
 * for anything that is not a positive amount with at most `decimals` decimal places.
 */
export function parseUnits(text: string, decimals: number): bigint {
  const s = text.trim();
  if (!/^\d*\.?\d*$/.test(s) || s === "" || s === ".") {
    throw new Error(`"${text}" is not an amount`);
  }
  const [whole, frac = ""] = s.split(".");
  if (frac.length > decimals) {
    throw new Error(`at most ${decimals} decimal places`);
  }
  const units = BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, "0") || "0");
  if (units === 0n) throw new Error("the amount must be greater than zero");
  if (units > 2n ** 64n - 2n) throw new Error("amount too large");
  return units;
}

/** Whole units as an exact decimal string ("1.5"), trailing zeros trimmed. */
export function formatUnits(units: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = units / scale;
  const frac = (units % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : whole.toString();
}
