/** Number formatting for the UI. */

/** A percentage with two decimals ("4.20%", "0.0060%" when smaller); "—" for null/NaN, "∞" for infinity. */
export function pct(v: number | null): string {
  if (v === null || Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return "∞";
  // Small but non-zero rates keep two significant digits instead of showing 0.00%.
  if (v !== 0 && Math.abs(v) < 0.0001) return `${(v * 100).toPrecision(2)}%`;
  return `${(v * 100).toFixed(2)}%`;
}

/** A quote-currency value ("$1,234.56"). */
export function usd(v: number): string {
  return v.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A token amount with up to 6 significant decimals. */
export function tokens(v: number): string {
  return v.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** An age in seconds as "12s", "3m", "2h". */
export function age(secs: number): string {
  if (secs < 0) return "0s";
  if (secs < 120) return `${Math.round(secs)}s`;
  if (secs < 7200) return `${Math.round(secs / 60)}m`;
  return `${Math.round(secs / 3600)}h`;
}

/** A health factor ("1.42", "∞"). */
export function factor(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : "∞";
}

/** A key shortened for display ("AbCd…WxYz"). */
export function short(key: string): string {
  return key.length > 10 ? `${key.slice(0, 4)}…${key.slice(-4)}` : key;
}
