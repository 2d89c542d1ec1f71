/**
 * Runs transactions through the cluster's simulator: the program itself computes what an
 * action would do (interest, prices, health, amounts for "max"), and the app reads back the
 * accounts it would leave behind.
 */
import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  Connection,
  PublicKey,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from "@solana/web3.js";

/** What a simulation returned. */
export interface SimResult {
  /** The transaction error (JSON from the RPC), or null when it would succeed. */
  err: unknown;
  /** Program logs. */
  logs: string[];
  /** Compute units the transaction consumed. */
  unitsConsumed: number;
  /** The requested accounts' data after the transaction (null: closed or missing). */
  accounts: (Uint8Array | null)[];
}

/** A transaction that failed simulation, with its logs. */
export class SimulationFailed extends Error {
  constructor(
    readonly err: unknown,
    readonly logs: string[],
  ) {
    super(`simulation failed: ${JSON.stringify(err)}`);
  }
}

/**
 * Builds an unsigned v0 transaction whose accounts found in `tables` (the market's lookup table)
 * are named by index: a full obligation's refreshes fit one transaction only so.
 */
export function buildTx(
  payer: PublicKey,
  ixs: TransactionInstruction[],
  blockhash: string,
  tables: AddressLookupTableAccount[] = [],
): VersionedTransaction {
  const msg = new TransactionMessage({ payerKey: payer, recentBlockhash: blockhash, instructions: ixs }).compileToV0Message(tables);
  return new VersionedTransaction(msg);
}

/** The market's lookup table as the cluster holds it (none when the market records none). */
export async function marketTables(connection: Connection, table: PublicKey | null): Promise<AddressLookupTableAccount[]> {
  if (!table) return [];
  const res = await connection.getAddressLookupTable(table, { commitment: "confirmed" });
  return res.value && res.value.isActive() ? [res.value] : [];
}

/**
 * Simulates `ixs` paid by `payer` (no signature needed) and returns the given accounts as the
 * transaction would leave them.
 */
export async function simulate(
  connection: Connection,
  payer: PublicKey,
  ixs: TransactionInstruction[],
  addresses: PublicKey[],
  tables: AddressLookupTableAccount[] = [],
): Promise<SimResult> {
  const { blockhash } = await connection.getLatestBlockhash("confirmed");
  const tx = buildTx(payer, ixs, blockhash, tables);
  const res = await connection.simulateTransaction(tx, {
    sigVerify: false,
    replaceRecentBlockhash: true,
    commitment: "confirmed",
    accounts: { encoding: "base64", addresses: addresses.map((a) => a.toBase58()) },
  });
  const v = res.value;
  return {
    err: v.err,
    logs: v.logs ?? [],
    unitsConsumed: v.unitsConsumed ?? 0,
    accounts: (v.accounts ?? []).map((a) => (a ? Uint8Array.from(atob(a.data[0]), (c) => c.charCodeAt(0)) : null)),
  };
}

/**
 * Compute-unit limit for a transaction that used `units` in simulation: 20% + 10k headroom
 * (interest and prices move a little between simulation and landing), as the Rust SDK sizes
 * its budgets.
 */
export function cuLimit(units: number): number {
  return Math.min(1_400_000, Math.ceil(units * 1.2) + 10_000);
}

/** `ixs` preceded by a compute-unit limit sized from a simulation. */
export function withBudget(units: number, ixs: TransactionInstruction[]): TransactionInstruction[] {
  return [ComputeBudgetProgram.setComputeUnitLimit({ units: cuLimit(units) }), ...ixs];
}
