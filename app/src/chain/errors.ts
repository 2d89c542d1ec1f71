/**
 * Turns every failure the app can meet into a sentence for the user: the program's own error
 * name and message (from the IDL), token-program and runtime failures, and wallet refusals.
 * Never a raw hex code.
 */
import { LangErrorMessage } from "@anchor-lang/core";
import { IDL_ERRORS } from "./program";
import { SimulationFailed } from "./simulate";

const TOKEN_ERRORS: Record<number, string> = {
  1: "Insufficient funds: the token account holds less than this amount.",
  4: "The token account is not owned by this wallet.",
  17: "The token account is frozen.",
};

// Program errors where the user needs more than the program's one-liner.
const HINTS: Record<string, string> = {
  PriceTooOld: "The oracle price is stale; the market's keeper must refresh it before this can go through.",
  ConfidenceTooWide: "The oracle price is too uncertain right now; try again later.",
  PriceDivergesFromEma: "The oracle price is moving too fast; borrows and withdrawals are paused until it settles.",
  DepositCapReached: "This reserve's deposit cap is reached: try a smaller amount.",
  BorrowCapReached: "This reserve's borrow cap is reached: try a smaller amount.",
  UtilizationCapReached: "Borrowing this much would push the reserve past its utilisation cap.",
  BorrowTooLarge: "This borrow would leave your position unhealthy: it exceeds your borrow limit.",
  WithdrawTooLarge: "This withdrawal would leave your position unhealthy: repay some debt first.",
  InsufficientLiquidity: "The reserve does not have that much liquidity available right now.",
  PriceTooOldForRisk:
    "The oracle price is more than a few seconds old: borrows, withdrawals and liquidations need a fresh one. Try again in a moment.",
  MarketPaused:
    "The market is paused: you can still repay, add collateral and liquidate, but not borrow, supply or withdraw.",
  BorrowsPaused: "Borrowing is paused in this market; repayments and collateral top-ups still work.",
  ValuationChanged:
    "A price or reserve behind your position changed while the transaction was being built. Try again: it will use the new figures.",
  EmodeSwitchUnhealthy:
    "Your position would be over its borrow limit in that group, or it can be liquidated now: repay some debt or add collateral first.",
  AssetNotInEmodeGroup: "Your e-mode group does not admit this asset: leave the group first, or choose another asset.",
  EmodeDebtCeilingReached: "This isolated group's debt ceiling is reached: try a smaller amount later.",
  EmodeGroupNotYetUsable: "This e-mode group is new: it opens to positions once the market's timelock delay has passed.",
  NotALookupTable: "That account is not an address lookup table.",
};

/** The program error for a custom code, as "Message (Name)". */
export function programError(code: number): string | null {
  const e = IDL_ERRORS.find((x) => x.code === code);
  if (e) return `${HINTS[e.name] ?? e.msg + "."} (${e.name})`;
  const lang = LangErrorMessage.get(code);
  return lang ? `${lang} (Anchor error ${code})` : null;
}

/** Which program failed, from the logs: the last "Program X failed" line. */
function failingProgram(logs: string[]): string | null {
  for (let i = logs.length - 1; i >= 0; i--) {
    const m = /^Program (\w+) failed/.exec(logs[i]);
    if (m) return m[1];
  }
  return null;
}

const TOKEN_PROGRAMS = new Set([
  "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
  "TokenzQdBNbLqP5VEhdkAS6EPFLC1PZw1hhrtjFNMYP2b",
]);

/** Explains a transaction error as returned by the RPC (`err` of a simulation or status). */
export function explainTxError(err: unknown, logs: string[] = []): string {
  if (err === "InsufficientFundsForFee" || err === "AccountNotFound") {
    return "Your wallet has no SOL to pay the transaction fee.";
  }
  if (err === "BlockhashNotFound") return "The transaction expired before it landed: try again.";
  if (typeof err === "object" && err && "InstructionError" in err) {
    const [, inner] = (err as { InstructionError: [number, unknown] }).InstructionError;
    if (typeof inner === "object" && inner && "Custom" in inner) {
      const code = (inner as { Custom: number }).Custom;
      const prog = failingProgram(logs);
      if (prog && TOKEN_PROGRAMS.has(prog)) {
        return TOKEN_ERRORS[code] ?? `The token program refused the transfer (error ${code}).`;
      }
      return programError(code) ?? `The program refused the transaction (error ${code}).`;
    }
    if (inner === "InsufficientFunds") return "Insufficient funds for this transaction.";
    return `The transaction failed: ${String(inner)}.`;
  }
  return `The transaction failed: ${JSON.stringify(err)}.`;
}

/** An error whose message is already written for the user (shown as is). */
export class UserError extends Error {}

/** A user-facing sentence for anything thrown while previewing, signing or sending. */
export function readableError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof SimulationFailed) return explainTxError(e.err, e.logs);
  const any = e as { code?: number; message?: string; logs?: string[] };
  const msg = String(any?.message ?? e);
  if (any?.code === 4001 || /reject|denied|declined|cancel/i.test(msg)) {
    return "You rejected the request in your wallet.";
  }
  const custom = /custom program error: 0x([0-9a-f]+)/i.exec(msg);
  if (custom) return explainTxError({ InstructionError: [0, { Custom: parseInt(custom[1], 16) }] }, any.logs ?? []);
  if (/insufficient funds|insufficient lamports/i.test(msg)) return "Insufficient funds for this transaction.";
  if (/failed to fetch|networkerror|ECONNREFUSED/i.test(msg)) {
    return "Cannot reach the cluster: check the cluster URL (is the local validator running?).";
  }
  return msg;
}
