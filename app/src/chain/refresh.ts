/**
 * The refresh instructions an action needs, in the order the program checks them (the same
 * sequence the Rust SDK's `MarketState::refresh_obligation` builds): each reserve's price,
 * then the reserve, once each; then the obligation with its reserves as remaining accounts,
 * collateral first, then debt.
 */
import type { Program } from "@anchor-lang/core";
import type { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";
import type { ObligationView, ReserveView } from "./model";
import { groupAddress } from "./program";

/** `refresh_oracle_price` + `refresh_reserve` for each of `reserves` once. */
export async function refreshReserves(
  program: Program<Lending>,
  reserves: ReserveView[],
): Promise<TransactionInstruction[]> {
  const out: TransactionInstruction[] = [];
  const seen = new Set<string>();
  for (const r of reserves) {
    if (seen.has(r.key.toBase58())) continue;
    seen.add(r.key.toBase58());
    // A pull source that takes any posted update is refreshed by whoever posts one.
    if (r.oracleSource !== undefined) {
      out.push(
        await program.methods
          .refreshOraclePrice()
          .accountsPartial({ oracle: r.oracle, source: r.oracleSource })
          .instruction(),
      );
    }
    out.push(await program.methods.refreshReserve().accountsPartial({ reserve: r.key, oracle: r.oracle }).instruction());
  }
  return out;
}

/** The reserves `refresh_obligation` expects, in order: collateral, then debt. */
export function obligationReserves(ob: ObligationView): PublicKey[] {
  return [...ob.deposits.map((d) => d.reserve), ...ob.borrows.map((b) => b.reserve)];
}

/**
 * The obligation's e-mode group account where an instruction takes it, after its other
 * remaining accounts: read-only for `refresh_obligation` (any group), writable for borrow,
 * repay and liquidate (isolated groups only, whose debt count changes). None otherwise.
 */
export function groupMeta(ob: ObligationView, use: "refresh" | "debt"): AccountMeta[] {
  const needed = use === "refresh" ? ob.emodeGroup !== 0 : ob.emodeIsolated;
  if (!needed) return [];
  return [{ pubkey: groupAddress(ob.market, ob.emodeGroup), isSigner: false, isWritable: use === "debt" }];
}

/** Every refresh an action on `ob` needs: its reserves plus `extra`, then the obligation. */
export async function refreshObligation(
  program: Program<Lending>,
  ob: ObligationView,
  byKey: Map<string, ReserveView>,
  extra: ReserveView[],
): Promise<TransactionInstruction[]> {
  const order = obligationReserves(ob);
  const reserves = [...order.map((k) => byKey.get(k.toBase58())).filter((r): r is ReserveView => !!r), ...extra];
  const out = await refreshReserves(program, reserves);
  out.push(
    await program.methods
      .refreshObligation()
      .accountsPartial({ obligation: ob.key })
      .remainingAccounts([
        ...order.map((pubkey) => ({ pubkey, isSigner: false, isWritable: false })),
        ...groupMeta(ob, "refresh"),
      ])
      .instruction(),
  );
  return out;
}
