/**
 * Scheduled changes: the market's timelock, its queued changes (with when each may be applied
 * and what it changes) and the ramps running in it (a lowered liquidation threshold, collateral
 * leaving an e-mode group), so that nobody is surprised by a change to their position.
 */
import type { Snapshot } from "../chain/state";
import { type Ramp, rampValue } from "../chain/timelock";

/** "2d 3h", "5m 10s", "now". */
function until(secs: number): string {
  if (secs <= 0) return "now";
  const d = Math.floor(secs / 86_400);
  const h = Math.floor((secs % 86_400) / 3_600);
  const m = Math.floor((secs % 3_600) / 60);
  const s = secs % 60;
  const parts = d > 0 ? [`${d}d`, `${h}h`] : h > 0 ? [`${h}h`, `${m}m`] : [`${m}m`, `${s}s`];
  return `in ${parts.join(" ")}`;
}

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

interface RampRow {
  what: string;
  ramp: Ramp;
  /** Shown as a percentage of the threshold, or of the collateral's weight. */
  unit: string;
}

/** Every ramp running at `now`. */
function ramps(snap: Snapshot): RampRow[] {
  const rows: RampRow[] = [];
  for (const r of snap.reserves) {
    if (r.thresholdRamp && snap.now < r.thresholdRamp.end) {
      rows.push({ what: `${r.symbol} liquidation threshold`, ramp: r.thresholdRamp, unit: "" });
    }
    if (r.emodeExit && snap.now < r.emodeExit.ramp.end) {
      const ids = [...Array(32).keys()].filter((i) => (r.emodeExit!.mask >> i) & 1).map((i) => i + 1);
      rows.push({ what: `${r.symbol} as collateral in e-mode group ${ids.join(", ")}`, ramp: r.emodeExit.ramp, unit: " of its weight" });
    }
  }
  for (const g of snap.groups) {
    if (g.thresholdRamp) rows.push({ what: `e-mode group ${g.id} liquidation threshold`, ramp: g.thresholdRamp, unit: "" });
  }
  return rows.sort((a, b) => a.ramp.end - b.ramp.end);
}

export function SchedulePanel(props: { snap: Snapshot }) {
  const { snap } = props;
  const m = snap.market;
  const running = ramps(snap);
  const targetName = (key: string) =>
    key === m.key.toBase58()
      ? "the market"
      : (snap.reserves.find((r) => r.key.toBase58() === key)?.symbol ??
        (snap.groups.find((g) => g.key.toBase58() === key) ? `e-mode group ${snap.groups.find((g) => g.key.toBase58() === key)!.id}` : key));
  return (
    <section className="card" data-testid="schedule">
      <h2>Scheduled changes</h2>
      <p>
        Changes that loosen risk or move fees wait {m.timelockDelaySecs === 0 ? "no time (a test market)" : until(m.timelockDelaySecs).replace("in ", "")} in
        a public queue before anyone may apply them; a lowered liquidation threshold moves over{" "}
        {m.rampSecs === 0 ? "no time (a test market)" : until(m.rampSecs).replace("in ", "")}.
      </p>
      {snap.pending.length === 0 && running.length === 0 && <p data-testid="schedule-none">Nothing is scheduled.</p>}
      {snap.pending.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>change</th>
              <th>on</th>
              <th>takes effect</th>
            </tr>
          </thead>
          <tbody>
            {snap.pending.map((c) => (
              <tr key={c.id} data-testid={`pending-${c.id}`}>
                <td>{c.id}</td>
                <td>{c.what}</td>
                <td>{targetName(c.target.toBase58())}</td>
                <td>
                  {snap.now > c.expiresAt
                    ? "expired"
                    : snap.now >= c.effectiveAt
                      ? "may be applied now"
                      : `may be applied ${until(c.effectiveAt - snap.now)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {running.length > 0 && (
        <ul>
          {running.map((r) => (
            <li key={r.what} data-testid="ramp">
              {r.what}: {pct(rampValue(r.ramp, snap.now))}
              {r.unit} now, going from {pct(r.ramp.fromBps)} to {pct(r.ramp.toBps)}, reached {until(r.ramp.end - snap.now)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
