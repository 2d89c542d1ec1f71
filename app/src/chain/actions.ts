/**
 * The four wallet actions. Each builds the exact transaction the wallet will sign (refreshes
 * included), simulates it to show the projected health, token movement, fee and compute
 * units, and only then asks the wallet for a signature.
 */
import { BN, type Program } from "@anchor-lang/core";
import { createAssociatedTokenAccountIdempotentInstruction, unpackAccount } from "@solana/spl-token";
import { Connection, PublicKey, TransactionInstruction, VersionedTransaction } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";
import { WAD, mulDiv } from "../math/fixed";
import { type Health, totalLiquidity } from "../math/figures";
import { obligationView } from "./decode";
import { UserError } from "./errors";
import type { ReserveView } from "./model";
import { groupMeta, obligationReserves, refreshObligation, refreshReserves } from "./refresh";
import { SimulationFailed, buildTx, simulate, withBudget } from "./simulate";
import type { Snapshot } from "./state";

/** What the user can do. */
export type ActionKind = "deposit" | "withdraw" | "borrow" | "repay";

/** u64::MAX: the program's "as much as the rules allow" (whole balance, max health, repay all). */
export const MAX = 2n ** 64n - 1n;

/** A transaction ready to sign, with what the simulation says it will do. */
export interface Preview {
  /** The action. */
  kind: ActionKind;
  /** The reserve. */
  reserve: ReserveView;
  /** Whole units requested (MAX for "max"). */
  requested: bigint;
  /** Tokens leaving (+) or entering (−) the wallet's token account, per the simulation. */
  walletDelta: bigint;
  /** Health before (cached, current) and after (simulated). */
  before: Health | null;
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

/** What the user asked for: `amount` whole units (MAX: the program's maximum) of `reserve`. */
export interface ActionRequest {
  kind: ActionKind;
  reserve: ReserveView;
  amount: bigint;
}

/** The instructions of an action, refreshes first. */
export async function actionInstructions(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  { kind, reserve, amount }: ActionRequest,
): Promise<TransactionInstruction[]> {
  const ob = snap.obligation;
  const obligation = snap.obligationKey!;
  const userTokens = snap.wallet!.accounts.get(reserve.mint.toBase58())!;
  const byKey = new Map(snap.reserves.map((r) => [r.key.toBase58(), r]));
  const common = {
    market: snap.market.key,
    obligation,
    reserve: reserve.key,
    liquidityMint: reserve.mint,
    supplyVault: reserve.supplyVault,
    tokenProgram: reserve.tokenProgram,
  };
  // What runs before the action: the refreshes it needs, and the accounts it pays into.
  const ixs: TransactionInstruction[] = [];
  if (kind === "deposit") {
    if (!ob) {
      ixs.push(
        await program.methods
          .initObligation(new BN(0))
          .accountsPartial({ owner: user, market: snap.market.key, obligation })
          .instruction(),
      );
    }
    ixs.push(...(await refreshReserves(program, [reserve])));
  } else {
    if (!ob) throw new UserError("You have no position in this market yet: deposit collateral first.");
    if (kind !== "repay") ixs.push(ata(user, userTokens, reserve));
    ixs.push(...(await refreshObligation(program, ob, byKey, kind === "repay" ? [] : [reserve])));
  }
  // Withdrawals are counted in shares: the tokens asked for, rounded up as the program does.
  const units = kind === "withdraw" && amount !== MAX ? sharesForWithdraw(reserve, amount) : amount;
  const arg = new BN(units.toString());
  const owned = { owner: user, userLiquidity: userTokens, ...common };
  const m = program.methods;
  // Withdrawals and borrows list the obligation's other reserves (in its order): the program
  // checks that none was repriced, written down or reconfigured since the refresh.
  const valued = (ob ? obligationReserves(ob) : [])
    .filter((k) => !k.equals(reserve.key))
    .map((pubkey) => ({ pubkey, isSigner: false, isWritable: false }));
  // Borrows and repayments in an isolated e-mode group also take the group (its debt count).
  const group = ob ? groupMeta(ob, "debt") : [];
  const action = {
    deposit: () => m.depositAndCollateralize(arg).accountsPartial(owned),
    withdraw: () => m.withdrawAndRedeem(arg).accountsPartial(owned).remainingAccounts(valued),
    borrow: () =>
      m
        .borrowObligationLiquidity(arg)
        .accountsPartial({ ...owned, feeVault: reserve.feeVault })
        .remainingAccounts([...valued, ...group]),
    repay: () =>
      m
        .repayObligationLiquidity(arg)
        .accountsPartial({ payer: user, payerLiquidity: userTokens, ...common })
        .remainingAccounts(group),
  }[kind];
  ixs.push(await action().instruction());
  return ixs;
}

/** Shares to give up for `amount` tokens, rounded up as the program's `shares_for_liquidity`. */
function sharesForWithdraw(r: ReserveView, amount: bigint): bigint {
  const tl = totalLiquidity(r.pool);
  if (tl === 0n) throw new UserError("The reserve has no liquidity.");
  return mulDiv(amount * WAD, r.pool.shareSupply, tl, true);
}

/** Creates the wallet's token account for `r` if it does not exist (payouts land there). */
function ata(user: PublicKey, account: PublicKey, r: ReserveView): TransactionInstruction {
  return createAssociatedTokenAccountIdempotentInstruction(user, account, user, r.mint, r.tokenProgram);
}

/** Builds and simulates an action; throws `SimulationFailed` when the program would refuse. */
export async function preview(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  req: ActionRequest,
): Promise<Preview> {
  const { kind, reserve, amount } = req;
  const connection: Connection = program.provider.connection;
  const ixs = await actionInstructions(program, snap, user, req);
  const tokenAccount = snap.wallet!.accounts.get(reserve.mint.toBase58())!;
  const sim = await simulate(connection, user, ixs, [snap.obligationKey!, tokenAccount], snap.tables);
  if (sim.err) throw new SimulationFailed(sim.err, sim.logs);
  const [obData, tokenData] = sim.accounts;
  if (!obData) throw new Error("simulation returned no obligation");
  const after = obligationView(snap.obligationKey!, program.coder.accounts.decode("obligation", Buffer.from(obData))).health;
  const beforeUnits = snap.wallet!.tokens.get(reserve.mint.toBase58()) ?? 0n;
  const afterUnits = tokenData
    ? unpackAccount(tokenAccount, { data: Buffer.from(tokenData), owner: reserve.tokenProgram, lamports: 0, executable: false }, reserve.tokenProgram).amount
    : 0n;

  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash("confirmed");
  const tx = buildTx(user, withBudget(sim.unitsConsumed, ixs), blockhash, snap.tables);
  const fee = await connection.getFeeForMessage(tx.message, "confirmed");
  return {
    kind,
    reserve,
    requested: amount,
    walletDelta: beforeUnits - afterUnits,
    before: snap.obligation?.health ?? null,
    after,
    unitsConsumed: sim.unitsConsumed,
    feeLamports: BigInt(fee.value ?? 5000),
    tx,
    lastValidBlockHeight,
  };
}

/** Sends a wallet-signed preview and waits until it is confirmed; throws readable failures. */
export async function sendSigned(
  connection: Connection,
  p: Pick<Preview, "tx" | "lastValidBlockHeight">,
  signed: VersionedTransaction,
): Promise<string> {
  const sig = await connection.sendRawTransaction(signed.serialize(), { skipPreflight: false, preflightCommitment: "confirmed" });
  const res = await connection.confirmTransaction(
    { signature: sig, blockhash: p.tx.message.recentBlockhash, lastValidBlockHeight: p.lastValidBlockHeight },
    "confirmed",
  );
  if (res.value.err) {
    const status = await connection.getTransaction(sig, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    throw new SimulationFailed(res.value.err, status?.meta?.logMessages ?? []);
  }
  return sig;
}
