/**
 * E-mode: the group the position is in, the groups that admit every one of its positions, and
 * a switch previewed like any action (the program's own simulation gives the health in the new
 * group, or its reason for refusing) before the wallet signs.
 */
import { useState } from "react";
import type { Program } from "@anchor-lang/core";
import type { Lending } from "../../../idl/lending";
import { sendSigned } from "../chain/actions";
import { type EmodePreview, admittingGroups, previewEmode } from "../chain/emode";
import { readableError } from "../chain/errors";
import type { GroupView } from "../chain/model";
import type { Snapshot } from "../chain/state";
import { type Connected, signTransaction } from "../wallet/standard";
import { wadToNumber } from "../math/fixed";
import { HealthBar } from "./HealthBar";
import { pct, usd } from "./format";

/** "1 · LTV 90% / 93%" (and "isolated"). */
function label(g: GroupView): string {
  return `${g.id}${g.isolated ? " (isolated)" : ""} · LTV ${pct(g.ltvBps / 1e4)} / liquidation ${pct(g.liquidationThresholdBps / 1e4)}`;
}

export function EmodePanel(props: {
  program: Program<Lending>;
  snap: Snapshot;
  wallet: Connected;
  chain: `solana:${string}`;
  onDone: () => void;
}) {
  const { program, snap, wallet, chain, onDone } = props;
  const [choice, setChoice] = useState("0");
  const [busy, setBusy] = useState(false);
  const [pv, setPv] = useState<EmodePreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ob = snap.obligation;
  // Nothing to move without a position (nor groups to move into).
  if (!ob || (ob.deposits.length === 0 && ob.borrows.length === 0) || snap.groups.length === 0) return null;
  const byKey = new Map(snap.reserves.map((r) => [r.key.toBase58(), r]));
  const current = snap.groups.find((g) => g.id === ob.emodeGroup);
  const options = admittingGroups(snap.groups, ob, byKey).filter((g) => g.id !== ob.emodeGroup);

  const onPreview = async () => {
    setPv(null);
    setMessage(null);
    setBusy(true);
    try {
      setPv(await previewEmode(program, snap, wallet.publicKey, Number(choice)));
    } catch (e) {
      setMessage({ ok: false, text: readableError(e) });
    } finally {
      setBusy(false);
    }
  };

  const onSign = async () => {
    if (!pv) return;
    setBusy(true);
    setMessage(null);
    try {
      const signed = await signTransaction(wallet, pv.tx, chain);
      const sig = await sendSigned(program.provider.connection, pv, signed);
      setMessage({ ok: true, text: `E-mode ${pv.groupId === 0 ? "left" : `group ${pv.groupId}`} confirmed: ${sig}` });
      setPv(null);
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: readableError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="emode" data-group={ob.emodeGroup}>
      <h2>E-mode</h2>
      <p data-testid="emode-current">
        {current ? <>In group <b>{label(current)}</b>: the debt it admits weighs 1x.</> : "Not in an e-mode group: each asset's own limits apply."}
      </p>
      <div className="row">
        <select data-testid="emode-choice" value={choice} onChange={(e) => { setChoice(e.target.value); setPv(null); setMessage(null); }}>
          {ob.emodeGroup !== 0 && <option value="0">Leave the group</option>}
          {ob.emodeGroup === 0 && <option value="0">Choose a group…</option>}
          {options.map((g) => (
            <option key={g.id} value={String(g.id)}>{label(g)}</option>
          ))}
        </select>
        <button data-testid="emode-preview" disabled={busy || (choice === "0" && ob.emodeGroup === 0)} onClick={onPreview}>
          Preview
        </button>
      </div>
      {pv && (
        <div className="preview" data-testid="emode-preview-result" data-cu={pv.unitsConsumed} data-fee={pv.feeLamports.toString()}>
          <p data-testid="emode-projected-values">
            Borrow limit {usd(wadToNumber(pv.before.borrowLimit))} → <b>{usd(wadToNumber(pv.after.borrowLimit))}</b>
            {" · "}liquidation line {usd(wadToNumber(pv.before.liquidationLine))} → <b>{usd(wadToNumber(pv.after.liquidationLine))}</b>
          </p>
          <p>Projected health in {pv.groupId === 0 ? "no group" : `group ${pv.groupId}`}:</p>
          <HealthBar health={pv.after} testId="emode-projected-health" />
          <button data-testid="emode-sign" className="primary" disabled={busy} onClick={onSign}>
            Sign and send
          </button>
        </div>
      )}
      {message && (
        <p data-testid={message.ok ? "emode-success" : "emode-error"} className={message.ok ? "good" : "bad"}>{message.text}</p>
      )}
    </section>
  );
}
