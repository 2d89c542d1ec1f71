/**
 * Insurance funds: each reserve's first-loss fund (size, income still vesting, share price,
 * yield, what it absorbed) with the market's rules, and the wallet's stake and unstake request;
 * stake, unstake, claim and cancel are simulated before the wallet signs.
 */
import { useEffect, useState } from "react";
import type { Program } from "@anchor-lang/core";
import type { Lending } from "../../../idl/lending";
import { MAX, sendSigned } from "../chain/actions";
import { readableError } from "../chain/errors";
import { type FundActionKind, type FundPreview, type FundRules, type FundView, fundRules, loadFunds, previewFund } from "../chain/fund";
import type { Snapshot } from "../chain/state";
import { formatUnits, parseUnits } from "../math/fixed";
import { type Connected, signTransaction } from "../wallet/standard";
import { pct } from "./format";

/** "7d", "2h", "5s". */
function span(secs: number): string {
  if (secs === 0) return "no time";
  if (secs % 86_400 === 0) return `${secs / 86_400}d`;
  if (secs % 3_600 === 0) return `${secs / 3_600}h`;
  if (secs % 60 === 0) return `${secs / 60}m`;
  return `${secs}s`;
}

/** Where a request stands at `now`. */
function requestText(f: FundView, now: number): string {
  const q = f.wallet?.request;
  if (!q) return "—";
  const pays = `${formatUnits(q.paysNow, f.reserve.decimals)} ${f.reserve.symbol}`;
  if (now < q.cooldownEnd) return `${pays}, claimable in ${span(q.cooldownEnd - now)}`;
  if (now < q.windowEnd) return `${pays}, claimable now (${span(q.windowEnd - now)} left)`;
  return `${pays}, window closed: cancel it`;
}

export function FundPanel(props: {
  program: Program<Lending>;
  snap: Snapshot;
  wallet: Connected | null;
  chain: `solana:${string}`;
  onDone: () => void;
}) {
  const { program, snap, wallet, chain, onDone } = props;
  const [funds, setFunds] = useState<FundView[] | null>(null);
  const [rules, setRules] = useState<FundRules | null>(null);
  const [choice, setChoice] = useState<string>("");
  const [amount, setAmount] = useState("");
  const [busy, setBusy] = useState(false);
  const [pv, setPv] = useState<FundPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([loadFunds(program, snap, wallet?.publicKey ?? null), fundRules(program, snap.market.key)])
      .then(([fs, r]) => {
        if (!live) return;
        setFunds(fs);
        setRules(r);
        setChoice((c) => c || fs[0]?.key.toBase58() || "");
      })
      .catch((e) => live && setMessage({ ok: false, text: readableError(e) }));
    return () => {
      live = false;
    };
  }, [program, snap, wallet]);

  if (!funds || funds.length === 0 || !rules) return null;
  const f = funds.find((x) => x.key.toBase58() === choice) ?? funds[0];
  const d = f.reserve.decimals;

  const onPreview = async (kind: FundActionKind) => {
    if (!wallet) return;
    setPv(null);
    setMessage(null);
    setBusy(true);
    try {
      const units = kind === "claim" || kind === "cancel" ? 0n : amount.trim().toLowerCase() === "max" ? MAX : parseUnits(amount, d);
      setPv(await previewFund(program, snap, wallet.publicKey, f, kind, units));
    } catch (e) {
      setMessage({ ok: false, text: readableError(e) });
    } finally {
      setBusy(false);
    }
  };

  const onSign = async () => {
    if (!pv || !wallet) return;
    setBusy(true);
    setMessage(null);
    try {
      const signed = await signTransaction(wallet, pv.tx, chain);
      const sig = await sendSigned(program.provider.connection, pv, signed);
      setMessage({ ok: true, text: `${pv.kind[0].toUpperCase()}${pv.kind.slice(1)} confirmed: ${sig}` });
      setPv(null);
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: readableError(e) });
    } finally {
      setBusy(false);
    }
  };

  const units = (v: bigint) => formatUnits(v, d);
  return (
    <section className="card" data-testid="funds">
      <h2>Insurance funds</h2>
      <p data-testid="fund-rules">
        A reserve's fund pays its bad debt before anyone else: up to {pct(rules.maxSlashBps / 1e4)} of the fund per
        write-off, then protocol fees, then depositors. Stakers earn its cut of interest and liquidation fees, vesting
        over {span(rules.streamSecs)}. Unstaking waits {span(rules.cooldownSecs)} (shares keep taking losses meanwhile),
        then stays claimable for {span(rules.unstakeWindowSecs)}.
      </p>
      <table>
        <thead>
          <tr>
            <th>Asset</th>
            <th>Size</th>
            <th>Vesting</th>
            <th>Share price</th>
            <th>Cut (interest / liq.)</th>
            <th>Yield</th>
            <th>Absorbed</th>
            {wallet && <th>Your stake</th>}
            {wallet && <th>Your unstake</th>}
          </tr>
        </thead>
        <tbody>
          {funds.map((x) => (
            <tr key={x.key.toBase58()} data-testid={`fund-${x.reserve.symbol}`} data-assets={x.assets.toString()} data-absorbed={x.absorbed.toString()} data-stake={x.wallet?.value.toString() ?? ""}>
              <td>{x.reserve.symbol}</td>
              <td>{formatUnits(x.assets, x.reserve.decimals)}</td>
              <td>{formatUnits(x.vesting, x.reserve.decimals)}</td>
              <td>{x.sharePrice.toFixed(6)}</td>
              <td>
                {pct(x.interestCutBps / 1e4)} / {pct(x.liquidationCutBps / 1e4)}
              </td>
              <td>{pct(x.interestYield)}</td>
              <td>
                {formatUnits(x.absorbed, x.reserve.decimals)} ({x.covers} write-off{x.covers === 1 ? "" : "s"})
              </td>
              {wallet && <td>{x.wallet ? formatUnits(x.wallet.value, x.reserve.decimals) : "—"}</td>}
              {wallet && <td>{requestText(x, snap.now)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {wallet && (
        <div className="row">
          <select data-testid="fund-choice" value={f.key.toBase58()} onChange={(e) => { setChoice(e.target.value); setPv(null); setMessage(null); }}>
            {funds.map((x) => (
              <option key={x.key.toBase58()} value={x.key.toBase58()}>{x.reserve.symbol}</option>
            ))}
          </select>
          <input data-testid="fund-amount" placeholder={`${f.reserve.symbol} or "max"`} value={amount} onChange={(e) => { setAmount(e.target.value); setPv(null); }} />
          <button data-testid="fund-stake" disabled={busy} onClick={() => onPreview("stake")}>Stake</button>
          <button data-testid="fund-unstake" disabled={busy} onClick={() => onPreview("unstake")}>Unstake</button>
          <button data-testid="fund-claim" disabled={busy || !f.wallet?.request} onClick={() => onPreview("claim")}>Claim</button>
          <button data-testid="fund-cancel" disabled={busy || !f.wallet?.request} onClick={() => onPreview("cancel")}>Cancel</button>
        </div>
      )}
      {pv && (
        <div className="preview" data-testid="fund-preview" data-cu={pv.unitsConsumed} data-tokens={pv.tokensDelta.toString()} data-shares={pv.sharesDelta.toString()}>
          <p>
            {pv.tokensDelta >= 0n ? `You pay ${units(pv.tokensDelta)}` : `You receive ${units(-pv.tokensDelta)}`} {f.reserve.symbol};
            {" "}your fund shares {pv.sharesDelta >= 0n ? `+${units(pv.sharesDelta)}` : `−${units(-pv.sharesDelta)}`}
            {" "}({pv.unitsConsumed} CU, fee {pv.feeLamports.toString()} lamports).
          </p>
          <button data-testid="fund-sign" className="primary" disabled={busy} onClick={onSign}>Sign and send</button>
        </div>
      )}
      {message && (
        <p data-testid={message.ok ? "fund-success" : "fund-error"} className={message.ok ? "good" : "bad"}>{message.text}</p>
      )}
    </section>
  );
}
