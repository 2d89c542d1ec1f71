/** A bar of how much borrow limit is in use, with the liquidation line marked. */
import { wadToNumber } from "../math/fixed";
import { type Health, borrowLimitUsed, healthFactor } from "../math/figures";
import { factor, pct } from "./format";

/** Green below 80% of the limit, amber to 100%, red beyond (liquidation line marked). */
export function HealthBar({ health, testId }: { health: Health; testId: string }) {
  const used = borrowLimitUsed(health);
  const line = health.borrowLimit === 0n ? 1 : wadToNumber(health.liquidationLine) / wadToNumber(health.borrowLimit);
  const hf = healthFactor(health);
  const width = Math.min(100, (Number.isFinite(used) ? used : 1) * 100 / Math.max(line, 1));
  const colour = used < 0.8 ? "good" : used <= 1 ? "warn" : "bad";
  return (
    <div className="health" data-testid={testId} data-used={used} data-factor={hf}>
      <div className="bar">
        <div className={`fill ${colour}`} style={{ width: `${width}%` }} />
        <div className="line" style={{ left: `${Math.min(100, 100 / Math.max(line, 1))}%` }} title="borrow limit" />
      </div>
      <div className="legend">
        <span>
          Borrow limit used: <b>{pct(used)}</b>
        </span>
        <span>
          Health factor: <b className={hf < 1 ? "bad" : hf < 1.1 ? "warn" : ""}>{factor(hf)}</b>
        </span>
      </div>
    </div>
  );
}
