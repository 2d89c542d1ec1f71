/** The market page: each reserve's supply, debt, rates, caps and oracle price. */
import type { Snapshot } from "../chain/state";
import { unitsToNumber, wadToNumber } from "../math/fixed";
import { apys, totalDebt, totalLiquidity } from "../math/figures";
import { age, pct, tokens, usd } from "./format";

const STATUS = ["active", "reduce-only", "frozen"];

/** One row per reserve. */
export function MarketTable({ snap }: { snap: Snapshot }) {
  return (
    <section className="card">
      <h2>Market</h2>
      <table data-testid="market-table">
        <thead>
          <tr>
            <th>Asset</th>
            <th>Price</th>
            <th>Supplied</th>
            <th>Borrowed</th>
            <th>Utilisation</th>
            <th>Supply APY</th>
            <th>Borrow APY</th>
            <th>LTV / liq.</th>
            <th>Borrow factor</th>
            <th>Caps (deposit / borrow)</th>
            <th>Wallet</th>
          </tr>
        </thead>
        <tbody>
          {snap.reserves.map((r) => {
            const scale = (wad: bigint) => wadToNumber(wad) / 10 ** r.decimals;
            const supplied = scale(totalLiquidity(r.pool));
            const borrowed = scale(totalDebt(r.pool, true));
            const rates = apys(r.config.curve, r.pool, r.config.protocolTakeRateBps + r.config.fundInterestCutBps);
            const priceAge = snap.now - r.pricePublishTime;
            const stale = r.priceStatus !== 0 || (r.priceMaxAgeSecs > 0 && priceAge > r.priceMaxAgeSecs);
            const cap = (c: bigint) => (c === 0n ? "none" : tokens(unitsToNumber(c, r.decimals)));
            const bal = snap.wallet?.tokens.get(r.mint.toBase58());
            return (
              <tr key={r.key.toBase58()} data-testid={`reserve-${r.symbol}`} data-supply-apy={rates.supplyApy} data-borrow-apy={rates.borrowApy} data-utilization={rates.utilization}>
                <td>
                  <b>{r.symbol}</b>
                  {r.config.status !== 0 && <span className="tag">{STATUS[r.config.status] ?? "?"}</span>}
                </td>
                <td className={stale ? "bad" : ""} title={stale ? "price is stale" : "oracle price"}>
                  {usd(wadToNumber(r.price))} <small>({age(priceAge)} ago)</small>
                </td>
                <td>{tokens(supplied)}</td>
                <td>{tokens(borrowed)}</td>
                <td>{pct(rates.utilization)}</td>
                <td>{pct(rates.supplyApy)}</td>
                <td>{pct(rates.borrowApy)}</td>
                <td>
                  {pct(r.config.ltvBps / 10_000)} / {pct(r.config.liquidationThresholdBps / 10_000)}
                </td>
                <td title="debt in this asset counts this many times against the borrow limit">
                  {(r.config.borrowFactorBps / 10_000).toFixed(2)}x
                </td>
                <td>
                  {cap(r.config.depositCap)} / {cap(r.config.borrowCap)}
                </td>
                <td data-testid={`wallet-${r.symbol}`} data-units={bal?.toString() ?? ""}>
                  {bal === undefined ? "—" : tokens(unitsToNumber(bal, r.decimals))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {snap.refreshError && <p className="bad">Could not refresh the market (figures are from the last on-chain refresh): {snap.refreshError}</p>}
    </section>
  );
}
