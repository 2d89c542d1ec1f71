/** The position page: deposits, borrows, health, borrow limit, liquidation prices, net APY. */
import type { Snapshot } from "../chain/state";
import { unitsToNumber, wadToNumber } from "../math/fixed";
import { apys, debtToUnits, liquidationPrice, netApy, sharesToUnits } from "../math/figures";
import { HealthBar } from "./HealthBar";
import { pct, tokens, usd } from "./format";

/** One line of the deposits or borrows table. */
interface Row {
  testId: string;
  symbol: string;
  /** Whole token units (deposits: what the shares redeem for; debts: what repays them). */
  units: bigint;
  decimals: number;
  /** Value (quote) as the program cached it. */
  value: number;
  apy: number;
  /** Deposits only: the price at which this asset alone brings the position to liquidation. */
  liquidationPrice?: number | null;
}

/** The connected wallet's obligation. */
export function PositionPanel({ snap }: { snap: Snapshot }) {
  const ob = snap.obligation;
  if (!snap.wallet) {
    return (
      <section className="card">
        <h2>Position</h2>
        <p>Connect a wallet to see your position.</p>
      </section>
    );
  }
  if (!ob || (ob.deposits.length === 0 && ob.borrows.length === 0)) {
    return (
      <section className="card" data-testid="position">
        <h2>Position</h2>
        <p data-testid="no-position">No deposits or borrows yet.</p>
      </section>
    );
  }
  const byKey = new Map(snap.reserves.map((r) => [r.key.toBase58(), r]));
  const h = ob.health;
  const deposits: Row[] = ob.deposits.flatMap((d) => {
    const r = byKey.get(d.reserve.toBase58());
    if (!r) return [];
    return [{
      testId: `deposit-${r.symbol}`,
      symbol: r.symbol,
      units: sharesToUnits(r.pool, d.shares),
      decimals: r.decimals,
      value: wadToNumber(d.marketValue),
      apy: apys(r.config.curve, r.pool, r.config.protocolTakeRateBps + r.config.fundInterestCutBps).supplyApy,
      liquidationPrice: liquidationPrice(h, d.liquidationLineValue, wadToNumber(r.price)),
    }];
  });
  const borrows: Row[] = ob.borrows.flatMap((b) => {
    const r = byKey.get(b.reserve.toBase58());
    if (!r) return [];
    return [{
      testId: `borrow-${r.symbol}`,
      symbol: r.symbol,
      units: debtToUnits(r.pool, b.debtShares),
      decimals: r.decimals,
      value: wadToNumber(b.marketValue),
      apy: apys(r.config.curve, r.pool, r.config.protocolTakeRateBps + r.config.fundInterestCutBps).borrowApy,
    }];
  });
  const group = snap.groups.find((g) => g.id === ob.emodeGroup);
  return (
    <section className="card" data-testid="position">
      <h2>Position</h2>
      {group && (
        <p data-testid="position-group" data-group={group.id}>
          E-mode group {group.id}{group.isolated ? " (isolated)" : ""}: collateral it admits counts at{" "}
          {pct(group.ltvBps / 1e4)} / {pct(group.liquidationThresholdBps / 1e4)}, debt it admits at 1x.
        </p>
      )}
      <HealthBar health={h} testId="health" />
      <div className="figures">
        <Figure label="Collateral value" raw={h.deposited} testId="deposited-value" />
        <Figure label="Debt value" raw={h.borrowed} testId="borrowed-value" />
        <Figure label="Weighted debt" raw={h.borrowedWeighted} testId="borrowed-weighted-value" />
        <Figure label="Borrow limit" raw={h.borrowLimit} testId="borrow-limit" />
        <Figure label="Liquidation line" raw={h.liquidationLine} testId="liquidation-line" />
      </div>
      <h3>Deposits</h3>
      <Positions rows={deposits} amount="Amount" apy="Supply APY" last="Liquidation price" empty="No collateral." />
      <h3>Borrows</h3>
      <Positions rows={borrows} amount="Owed" apy="Borrow APY" empty="No debt." />
      <p>
        Net APY: <b data-testid="net-apy">{pct(netApy(deposits, borrows))}</b>
      </p>
    </section>
  );
}

function Positions(p: { rows: Row[]; amount: string; apy: string; last?: string; empty: string }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Asset</th>
          <th>{p.amount}</th>
          <th>Value</th>
          <th>{p.apy}</th>
          <th>{p.last ?? ""}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr key={r.testId} data-testid={r.testId} data-units={r.units.toString()} data-liquidation-price={r.liquidationPrice ?? ""}>
            <td>{r.symbol}</td>
            <td>{tokens(unitsToNumber(r.units, r.decimals))}</td>
            <td>{usd(r.value)}</td>
            <td>{pct(r.apy)}</td>
            <td>{r.liquidationPrice === undefined ? "" : r.liquidationPrice === null ? "—" : usd(r.liquidationPrice)}</td>
          </tr>
        ))}
        {p.rows.length === 0 && (
          <tr>
            <td colSpan={5}>{p.empty}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function Figure({ label, raw, testId }: { label: string; raw: bigint; testId: string }) {
  return (
    <div className="figure" data-testid={testId} data-wad={raw.toString()}>
      <small>{label}</small>
      <b>{usd(wadToNumber(raw))}</b>
    </div>
  );
}
