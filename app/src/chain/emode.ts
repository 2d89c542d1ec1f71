/**
 * Moving the wallet's obligation into an e-mode group (or out of any): the transaction the
 * wallet signs (the obligation's reserves refreshed, then `set_obligation_emode`), simulated
 * first so the page shows the health the obligation would have in the group, or the program's
 * reason for refusing.
 */
import type { Program } from "@anchor-lang/core";
import type { Connection, PublicKey, TransactionInstruction, VersionedTransaction } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";
import type { Health } from "../math/figures";
import { obligationView } from "./decode";
import { UserError } from "./errors";
import type { GroupView, ObligationView, ReserveView } from "./model";
import { groupAddress } from "./program";
import { obligationReserves, refreshReserves } from "./refresh";
import { SimulationFailed, buildTx, simulate, withBudget } from "./simulate";
import type { Snapshot } from "./state";

/** A group switch ready to sign, with the health the simulation gives it. */
export interface EmodePreview {
  /** The group moved into (0: none). */
  groupId: number;
  /** Health now (the refreshed obligation) and in the new group (simulated). */
  before: Health;
  after: Health;
  /** Compute units consumed in simulation. */
  unitsConsumed: number;
  /** Network fee, in lamports. */
  feeLamports: bigint;
  /** The transaction to sign (compute budget included). */
  tx: VersionedTransaction;
  /** Its blockhash's last valid height (for confirmation). */
  lastValidBlockHeight: number;
}

/** The groups that admit every position of `ob` (what the program requires to move in). */
export function admittingGroups(groups: GroupView[], ob: ObligationView, byKey: Map<string, ReserveView>): GroupView[] {
  return groups.filter((g) => {
    const bit = 2 ** (g.id - 1);
    const collateralOk = ob.deposits.every((d) => {
      const r = byKey.get(d.reserve.toBase58());
      return !!r && (r.config.emodeCollateralMask & bit) !== 0 && (g.isolated || !r.config.isolatedCollateral);
    });
    const debtOk = ob.borrows.every((b) => {
      const r = byKey.get(b.reserve.toBase58());
      return !!r && (g.isolated ? b.reserve.equals(g.debtReserve) : (r.config.emodeBorrowMask & bit) !== 0);
    });
    return collateralOk && debtOk;
  });
}

/** The instructions: every reserve of the obligation refreshed, then the switch. */
async function emodeInstructions(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  groupId: number,
): Promise<TransactionInstruction[]> {
  const ob = snap.obligation;
  if (!ob) throw new UserError("You have no position in this market yet: deposit collateral first.");
  const byKey = new Map(snap.reserves.map((r) => [r.key.toBase58(), r]));
  const order = obligationReserves(ob);
  const ixs = await refreshReserves(
    program,
    order.map((k) => byKey.get(k.toBase58())).filter((r): r is ReserveView => !!r),
  );
  const groups = [ob.emodeGroup, groupId === ob.emodeGroup ? 0 : groupId].filter((id) => id !== 0);
  ixs.push(
    await program.methods
      .setObligationEmode(groupId)
      .accountsPartial({ owner: user, obligation: ob.key })
      .remainingAccounts([
        ...order.map((pubkey) => ({ pubkey, isSigner: false, isWritable: false })),
        ...groups.map((id) => ({ pubkey: groupAddress(snap.market.key, id), isSigner: false, isWritable: true })),
      ])
      .instruction(),
  );
  return ixs;
}

/** Builds and simulates a move into `groupId`; throws `SimulationFailed` when refused. */
export async function previewEmode(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  groupId: number,
): Promise<EmodePreview> {
  const connection: Connection = program.provider.connection;
  const ixs = await emodeInstructions(program, snap, user, groupId);
  const sim = await simulate(connection, user, ixs, [snap.obligationKey!], snap.tables);
  if (sim.err) throw new SimulationFailed(sim.err, sim.logs);
  const [obData] = sim.accounts;
  if (!obData) throw new Error("simulation returned no obligation");
  const after = obligationView(snap.obligationKey!, program.coder.accounts.decode("obligation", Buffer.from(obData))).health;
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash("confirmed");
  const tx = buildTx(user, withBudget(sim.unitsConsumed, ixs), blockhash, snap.tables);
  const fee = await connection.getFeeForMessage(tx.message, "confirmed");
  return {
    groupId,
    before: snap.obligation!.health,
    after,
    unitsConsumed: sim.unitsConsumed,
    feeLamports: BigInt(fee.value ?? 5000),
    tx,
    lastValidBlockHeight,
  };
}
