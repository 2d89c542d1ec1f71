/**
 * Deposit, withdraw, borrow and repay. "Preview" builds the real transaction and simulates
 * it: the projected health, the tokens that would move, the fee and the compute units are
 * shown before the wallet is asked to sign. "Max" sends the program's own maximum (u64::MAX):
 * the whole balance, the most health allows, or the whole debt.
 */
import { useState } from "react";
import type { Program } from "@anchor-lang/core";
import type { Lending } from "../../../idl/lending";
import { type ActionKind, MAX, type Preview, preview, sendSigned } from "../chain/actions";
import { UserError, readableError } from "../chain/errors";
import type { Snapshot } from "../chain/state";
import { type Connected, signTransaction } from "../wallet/standard";
import { formatUnits, parseUnits, unitsToNumber, wadToNumber } from "../math/fixed";
import { HealthBar } from "./HealthBar";
import { tokens, usd } from "./format";

const KINDS: ActionKind[] = ["deposit", "withdraw", "borrow", "repay"];
const VERB: Record<ActionKind, string> = { deposit: "Deposit", withdraw: "Withdraw", borrow: "Borrow", repay: "Repay" };

/** The action form. `onDone` reloads the snapshot after a transaction lands. */
export function ActionPanel(props: {
  program: Program<Lending>;
  snap: Snapshot;
  wallet: Connected;
  chain: `solana:${string}`;
  onDone: () => void;
}) {
  const { program, snap, wallet, chain, onDone } = props;
  const [kind, setKind] = useState<ActionKind>("deposit");
  const [reserveKey, setReserveKey] = useState(snap.reserves[0]?.key.toBase58() ?? "");
  const [amount, setAmount] = useState("");
  const [busy, setBusy] = useState(false);
  const [pv, setPv] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reserve = snap.reserves.find((r) => r.key.toBase58() === reserveKey) ?? snap.reserves[0];
  if (!reserve) return null;

  const reset = () => {
    setPv(null);
    setMessage(null);
  };

  const requested = (): bigint => {
    if (amount.trim().toLowerCase() === "max") return MAX;
    return parseUnits(amount, reserve.decimals);
  };

  const onPreview = async () => {
    reset();
    setBusy(true);
    try {
      const units = requested();
      const bal = snap.wallet?.tokens.get(reserve.mint.toBase58()) ?? 0n;
      if ((kind === "deposit" || kind === "repay") && units !== MAX && units > bal) {
        throw new UserError(`Insufficient funds: your wallet holds ${formatUnits(bal, reserve.decimals)} ${reserve.symbol}.`);
      }
      if (kind === "deposit" && units === MAX && bal === 0n) {
        throw new UserError(`Insufficient funds: your wallet holds no ${reserve.symbol}.`);
      }
      if (snap.wallet && snap.wallet.lamports === 0n) throw new UserError("Your wallet has no SOL to pay the transaction fee.");
      setPv(await preview(program, snap, wallet.publicKey, { kind, reserve, amount: units }));
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
      setMessage({ ok: true, text: `${VERB[pv.kind]} confirmed: ${sig}` });
      setPv(null);
      setAmount("");
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: readableError(e) });
    } finally {
      setBusy(false);
    }
  };

  const moved = pv ? (pv.walletDelta < 0n ? -pv.walletDelta : pv.walletDelta) : 0n;
  return (
    <section className="card" data-testid="actions">
      <h2>Actions</h2>
      <div className="tabs">
        {KINDS.map((k) => (
          <button key={k} className={k === kind ? "active" : ""} data-testid={`tab-${k}`} onClick={() => { setKind(k); reset(); }}>
            {VERB[k]}
          </button>
        ))}
      </div>
      <div className="row">
        <select data-testid="asset" value={reserve.key.toBase58()} onChange={(e) => { setReserveKey(e.target.value); reset(); }}>
          {snap.reserves.map((r) => (
            <option key={r.key.toBase58()} value={r.key.toBase58()}>{r.symbol}</option>
          ))}
        </select>
        <input data-testid="amount" placeholder="amount" value={amount} onChange={(e) => { setAmount(e.target.value); reset(); }} />
        <button data-testid="max" onClick={() => { setAmount("max"); reset(); }} title="The program's own maximum">Max</button>
        <button data-testid="preview" disabled={busy || !amount} onClick={onPreview}>Preview</button>
      </div>
      {pv && (
        <div className="preview" data-testid="preview-result" data-units={moved.toString()} data-cu={pv.unitsConsumed} data-fee={pv.feeLamports.toString()}>
          <p>
            {pv.walletDelta >= 0n ? "You pay" : "You receive"}{" "}
            <b>{tokens(unitsToNumber(moved, reserve.decimals))} {reserve.symbol}</b>
            {" · "}fee <b>{tokens(Number(pv.feeLamports) / 1e9)} SOL</b>
            {" · "}<b>{pv.unitsConsumed.toLocaleString("en-US")}</b> compute units
          </p>
          {pv.kind === "repay" && pv.requested === MAX && (
            <p className="note" data-testid="max-repay-note">
              Repays the whole debt as it stands when the transaction lands: interest accrues every
              second and what is owed is rounded up, so slightly more than shown may leave your wallet.
            </p>
          )}
          <p data-testid="projected-values">
            Debt {usd(wadToNumber(pv.before?.borrowed ?? 0n))} → <b>{usd(wadToNumber(pv.after.borrowed))}</b>
            {" · "}borrow limit {usd(wadToNumber(pv.before?.borrowLimit ?? 0n))} → <b>{usd(wadToNumber(pv.after.borrowLimit))}</b>
          </p>
          <p>Projected health after this transaction:</p>
          <HealthBar health={pv.after} testId="projected-health" />
          <button data-testid="sign" className="primary" disabled={busy} onClick={onSign}>
            Sign and send
          </button>
        </div>
      )}
      {busy && <p data-testid="busy">Working…</p>}
      {message && (
        <p data-testid={message.ok ? "success" : "error"} className={message.ok ? "good" : "bad"}>{message.text}</p>
      )}
    </section>
  );
}
