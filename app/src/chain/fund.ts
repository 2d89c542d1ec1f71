/**
 * Insurance funds: each reserve's first-loss fund as the app shows it (size, income still
 * vesting, share price, yield, what it absorbed, the wallet's stake and unstake request), and
 * the staker's four actions, simulated before the wallet signs.
 */
import type { Program } from "@anchor-lang/core";
import { BN } from "@anchor-lang/core";
import { createAssociatedTokenAccountIdempotentInstruction, getAssociatedTokenAddressSync, unpackAccount } from "@solana/spl-token";
import { Connection, PublicKey, TransactionInstruction, VersionedTransaction } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";
import { BPS, mulDiv, wadToNumber } from "../math/fixed";
import { totalDebt } from "../math/figures";
import { MAX } from "./actions";
import { UserError } from "./errors";
import type { ReserveView } from "./model";
import { PROGRAM_ID } from "./program";
import { SimulationFailed, buildTx, simulate, withBudget } from "./simulate";
import type { Snapshot } from "./state";

/** The market's rules for its funds. */
export interface FundRules {
  cooldownSecs: number;
  unstakeWindowSecs: number;
  streamSecs: number;
  maxSlashBps: number;
}

/** The wallet's open unstake request. */
export interface RequestView {
  shares: bigint;
  valueAtRequest: bigint;
  cooldownEnd: number;
  windowEnd: number;
  /** What a withdrawal would pay now: the lower of its value at the request and now. */
  paysNow: bigint;
}

/** One reserve's fund. */
export interface FundView {
  key: PublicKey;
  reserve: ReserveView;
  vault: PublicKey;
  shareMint: PublicKey;
  /** Tokens the fund owns (whole units of the asset). */
  assets: bigint;
  /** Income still vesting to stakers. */
  vesting: bigint;
  shareSupply: bigint;
  cooldownShares: bigint;
  streamEnd: number;
  absorbed: bigint;
  covers: number;
  collected: bigint;
  interestCutBps: number;
  liquidationCutBps: number;
  /** Tokens per share now. */
  sharePrice: number;
  /** Yearly income from its cut of interest at the current rate and debt, over vested tokens. */
  interestYield: number;
  /** The wallet's shares, their value, its share account and its request. */
  wallet: { shares: bigint; value: bigint; shareAccount: PublicKey; request: RequestView | null } | null;
}

const num = (v: { toString(): string }): number => Number(v.toString());
const big = (v: { toString(): string }): bigint => BigInt(v.toString());

/** The request PDA of `owner` in `fund` (seeds as in `request_unstake`). */
export function requestAddress(fund: PublicKey, owner: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync([new TextEncoder().encode("unstake"), fund.toBytes(), owner.toBytes()], PROGRAM_ID)[0];
}

/** Income still vesting at `now` (rounded up), as `FundPool::unvested` computes it. */
function unvested(f: any, now: number): bigint {
  const [amount, start, end] = [big(f.streamAmount), num(f.streamStart), num(f.streamEnd)];
  if (now >= end || amount === 0n) return 0n;
  const span = BigInt(Math.max(end - start, 1));
  const left = BigInt(end - Math.max(now, start));
  const u = mulDiv(amount, left, span, true);
  const assets = big(f.assets);
  return u < amount ? (u < assets ? u : assets) : amount < assets ? amount : assets;
}

/** Tokens `shares` are worth at `now` (rounded down), as `FundPool::value_of`. */
function valueOf(f: any, shares: bigint, now: number): bigint {
  const supply = big(f.shareSupply);
  return supply === 0n ? 0n : mulDiv(shares, big(f.assets) - unvested(f, now), supply, false);
}

/** The market's fund rules. */
export async function fundRules(program: Program<Lending>, market: PublicKey): Promise<FundRules> {
  const m: any = await program.account.lendingMarket.fetch(market);
  return {
    cooldownSecs: num(m.fundCooldownSecs),
    unstakeWindowSecs: num(m.fundUnstakeWindowSecs),
    streamSecs: num(m.fundStreamSecs),
    maxSlashBps: m.fundMaxSlashBps,
  };
}

/** Every fund of the snapshot's market, with the wallet's part in each. */
export async function loadFunds(program: Program<Lending>, snap: Snapshot, user: PublicKey | null): Promise<FundView[]> {
  // InsuranceFund layout: discriminator (8), version (8), then the market.
  const raw = await program.account.insuranceFund.all([{ memcmp: { offset: 16, bytes: snap.market.key.toBase58() } }]);
  const connection: Connection = program.provider.connection;
  const out: FundView[] = [];
  for (const { publicKey, account } of raw) {
    const f: any = account;
    const reserve = snap.reserves.find((r) => r.key.equals(f.reserve));
    if (!reserve) continue;
    const now = snap.now;
    const assets = big(f.assets);
    const vesting = unvested(f, now);
    const vested = assets - vesting;
    const supply = big(f.shareSupply);
    const scale = 10 ** reserve.decimals;
    const debt = wadToNumber(totalDebt(reserve.pool, false)) / scale;
    const apr = wadToNumber(reserve.borrowApr);
    const cut = reserve.config.fundInterestCutBps;
    let wallet: FundView["wallet"] = null;
    if (user) {
      const shareAccount = getAssociatedTokenAddressSync(f.shareMint, user, true, reserve.tokenProgram);
      const info = await connection.getAccountInfo(shareAccount);
      const shares = info ? unpackAccount(shareAccount, info, reserve.tokenProgram).amount : 0n;
      const r: any = await program.account.unstakeRequest.fetchNullable(requestAddress(publicKey, user));
      const request = r
        ? {
            shares: big(r.shares),
            valueAtRequest: big(r.valueAtRequest),
            cooldownEnd: num(r.cooldownEnd),
            windowEnd: num(r.windowEnd),
            paysNow: (() => {
              const v = valueOf(f, big(r.shares), now);
              return v < big(r.valueAtRequest) ? v : big(r.valueAtRequest);
            })(),
          }
        : null;
      wallet = { shares, value: valueOf(f, shares, now), shareAccount, request };
    }
    out.push({
      key: publicKey,
      reserve,
      vault: f.vault,
      shareMint: f.shareMint,
      assets,
      vesting,
      shareSupply: supply,
      cooldownShares: big(f.cooldownShares),
      streamEnd: num(f.streamEnd),
      absorbed: big(f.absorbed),
      covers: num(f.covers),
      collected: big(f.collected),
      interestCutBps: reserve.config.fundInterestCutBps,
      liquidationCutBps: reserve.config.fundLiquidationCutBps,
      sharePrice: supply === 0n ? 0 : Number(vested) / Number(supply),
      interestYield: vested === 0n ? 0 : (debt * apr * (cut / Number(BPS))) / (Number(vested) / scale),
      wallet,
    });
  }
  return out.sort((a, b) => a.reserve.symbol.localeCompare(b.reserve.symbol));
}

/** What a staker can do. */
export type FundActionKind = "stake" | "unstake" | "claim" | "cancel";

/** A fund action ready to sign, with what the simulation says it moves. */
export interface FundPreview {
  kind: FundActionKind;
  fund: FundView;
  /** Tokens of the asset leaving (+) or entering (−) the wallet. */
  tokensDelta: bigint;
  /** Fund shares entering (+) or leaving (−) the wallet. */
  sharesDelta: bigint;
  unitsConsumed: number;
  feeLamports: bigint;
  tx: VersionedTransaction;
  lastValidBlockHeight: number;
}

/** The shares worth at least `units` tokens now, at most the wallet's (MAX: all of them). */
function sharesFor(f: FundView, units: bigint): bigint {
  const w = f.wallet!;
  if (units === MAX) return MAX;
  if (w.value === 0n || units > w.value) throw new UserError(`Your shares are worth ${w.value} units: ask for less.`);
  const s = mulDiv(units, w.shares, w.value, true);
  return s < w.shares ? s : w.shares;
}

/** The instructions of a fund action. */
async function fundInstructions(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  f: FundView,
  kind: FundActionKind,
  amount: bigint,
): Promise<TransactionInstruction[]> {
  const r = f.reserve;
  const liquidity = snap.wallet!.accounts.get(r.mint.toBase58())!;
  const shareAccount = f.wallet!.shareAccount;
  const createShares = createAssociatedTokenAccountIdempotentInstruction(user, shareAccount, user, f.shareMint, r.tokenProgram);
  const createLiquidity = createAssociatedTokenAccountIdempotentInstruction(user, liquidity, user, r.mint, r.tokenProgram);
  const common = { fund: f.key, tokenProgram: r.tokenProgram };
  switch (kind) {
    case "stake":
      return [
        createShares,
        await program.methods
          .stake(new BN(amount.toString()))
          .accountsPartial({ ...common, staker: user, market: snap.market.key, liquidityMint: r.mint, vault: f.vault, shareMint: f.shareMint, stakerLiquidity: liquidity, stakerShares: shareAccount })
          .instruction(),
      ];
    case "unstake":
      if (f.wallet!.request) throw new UserError("You already have an unstake request: claim or cancel it first.");
      return [
        await program.methods
          .requestUnstake(new BN(sharesFor(f, amount).toString()))
          .accountsPartial({ ...common, staker: user, market: snap.market.key, shareMint: f.shareMint, stakerShares: shareAccount, request: requestAddress(f.key, user) })
          .instruction(),
      ];
    case "claim":
      return [
        createLiquidity,
        await program.methods
          .withdrawStake()
          .accountsPartial({ ...common, staker: user, market: snap.market.key, liquidityMint: r.mint, vault: f.vault, stakerLiquidity: liquidity, request: requestAddress(f.key, user) })
          .instruction(),
      ];
    case "cancel":
      return [
        createShares,
        await program.methods
          .cancelUnstake()
          .accountsPartial({ ...common, staker: user, shareMint: f.shareMint, stakerShares: shareAccount, request: requestAddress(f.key, user) })
          .instruction(),
      ];
  }
}

/** Builds and simulates a fund action; throws `SimulationFailed` with the program's reason. */
export async function previewFund(
  program: Program<Lending>,
  snap: Snapshot,
  user: PublicKey,
  f: FundView,
  kind: FundActionKind,
  amount: bigint,
): Promise<FundPreview> {
  if (!f.wallet) throw new UserError("Connect a wallet first.");
  const connection: Connection = program.provider.connection;
  const ixs = await fundInstructions(program, snap, user, f, kind, amount);
  const liquidity = snap.wallet!.accounts.get(f.reserve.mint.toBase58())!;
  const sim = await simulate(connection, user, ixs, [liquidity, f.wallet.shareAccount], snap.tables);
  if (sim.err) throw new SimulationFailed(sim.err, sim.logs);
  const tp = f.reserve.tokenProgram;
  const amountOf = (key: PublicKey, data: Uint8Array | null) =>
    data ? unpackAccount(key, { data: Buffer.from(data), owner: tp, lamports: 0, executable: false }, tp).amount : 0n;
  const tokensBefore = snap.wallet!.tokens.get(f.reserve.mint.toBase58()) ?? 0n;
  const tokensAfter = amountOf(liquidity, sim.accounts[0]);
  const sharesAfter = amountOf(f.wallet.shareAccount, sim.accounts[1]);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash("confirmed");
  const tx = buildTx(user, withBudget(sim.unitsConsumed, ixs), blockhash, snap.tables);
  const fee = await connection.getFeeForMessage(tx.message, "confirmed");
  return {
    kind,
    fund: f,
    tokensDelta: tokensBefore - tokensAfter,
    sharesDelta: sharesAfter - f.wallet.shares,
    unitsConsumed: sim.unitsConsumed,
    feeLamports: BigInt(fee.value ?? 5000),
    tx,
    lastValidBlockHeight,
  };
}
