/**
 * Loads what the app shows: the market, its reserves and price accounts, the wallet's
 * obligation and token balances. Reserves and the obligation are then brought up to date by
 * simulating the permissionless refresh instructions, so rates, interest and health are the
 * program's own figures at the current slot, not stale cached ones.
 */
import type { Program } from "@anchor-lang/core";
import { getAssociatedTokenAddressSync, unpackAccount } from "@solana/spl-token";
import { AddressLookupTableAccount, Connection, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import type { Lending } from "../../../idl/lending";
import { groupView, marketView, obligationView, reserveView } from "./decode";
import type { GroupView, MarketView, ObligationView, ReserveView } from "./model";
import { obligationAddress } from "./program";
import { refreshObligation, refreshReserves } from "./refresh";
import { marketTables, simulate } from "./simulate";
import { loadPendingChanges, type PendingChangeView } from "./timelock";

/** A wallet's balances. */
export interface WalletBalances {
  /** SOL, in lamports. */
  lamports: bigint;
  /** Token balance of each reserve's mint (by mint), in whole units; 0 without an account. */
  tokens: Map<string, bigint>;
  /** The wallet's token account for each mint (associated token address). */
  accounts: Map<string, PublicKey>;
}

/** Everything one render of the app needs. */
export interface Snapshot {
  /** The market. */
  market: MarketView;
  /** Its reserves, sorted by address, as a refresh now would leave them. */
  reserves: ReserveView[];
  /** Its e-mode groups, by id, with the limits in force now. */
  groups: GroupView[];
  /** The wallet's obligation (id 0) as a refresh now would leave it, if it exists. */
  obligation: ObligationView | null;
  /** The obligation's address (whether or not it exists yet). */
  obligationKey: PublicKey | null;
  /** The wallet's balances, when a wallet is connected. */
  wallet: WalletBalances | null;
  /** The cluster's clock (unix seconds). */
  now: number;
  /** The market's queued changes. */
  pending: PendingChangeView[];
  /** Why the refresh simulation failed (figures are then the stored ones), if it did. */
  refreshError: string | null;
  /** The market's lookup table, which every transaction compiles through. */
  tables: AddressLookupTableAccount[];
}

/** Markets the program owns on this cluster (for the market picker). */
export async function listMarkets(program: Program<Lending>): Promise<PublicKey[]> {
  const all = await program.account.lendingMarket.all();
  return all.map((a) => a.publicKey).sort((a, b) => a.toBase58().localeCompare(b.toBase58()));
}

/** Loads a snapshot of `marketKey` for `user` (null: browsing without a wallet). */
export async function loadSnapshot(
  program: Program<Lending>,
  marketKey: PublicKey,
  user: PublicKey | null,
  symbols: Record<string, string>,
): Promise<Snapshot> {
  const connection: Connection = program.provider.connection;
  const market = marketView(marketKey, await program.account.lendingMarket.fetch(marketKey));
  const tables = await marketTables(connection, market.lookupTable);
  // Reserve layout: discriminator (8), version (8), then the market.
  const raw = await program.account.reserve.all([{ memcmp: { offset: 16, bytes: marketKey.toBase58() } }]);
  raw.sort((a, b) => a.publicKey.toBase58().localeCompare(b.publicKey.toBase58()));
  const oracles = await program.account.oraclePrice.fetchMultiple(raw.map((r) => r.account.oracle));
  const symbolOf = (mint: PublicKey) => symbols[mint.toBase58()] ?? mint.toBase58().slice(0, 4);
  let reserves = raw.map((r, i) => reserveView(r.publicKey, r.account, oracles[i], symbolOf(r.account.liquidityMint)));

  const obligationKey = user ? obligationAddress(marketKey, user) : null;
  const obRaw = obligationKey ? await program.account.obligation.fetchNullable(obligationKey) : null;
  let obligation = obRaw && obligationKey ? obligationView(obligationKey, obRaw) : null;

  // Bring everything to the current slot with the program's own refresh.
  let refreshError: string | null = null;
  if (reserves.length > 0) {
    const byKey = new Map(reserves.map((r) => [r.key.toBase58(), r]));
    const ixs = obligation
      ? await refreshObligation(program, obligation, byKey, reserves)
      : await refreshReserves(program, reserves);
    // Reserves, their price accounts (a refresh renews a fixed price's time), the obligation.
    const n = reserves.length;
    const addresses = [...reserves.map((r) => r.key), ...reserves.map((r) => r.oracle), ...(obligation ? [obligation.key] : [])];
    const sim = await simulate(connection, user ?? market.owner, ixs, addresses, tables);
    if (sim.err) {
      refreshError = JSON.stringify(sim.err);
    } else {
      const coder = program.coder.accounts;
      reserves = reserves.map((r, i) => {
        const data = sim.accounts[i];
        const oracleData = sim.accounts[n + i];
        if (!data || !oracleData) return r;
        const oracle = coder.decode("oraclePrice", Buffer.from(oracleData));
        return reserveView(r.key, coder.decode("reserve", Buffer.from(data)), oracle, r.symbol);
      });
      const obData = obligation ? sim.accounts[2 * n] : null;
      if (obligation && obData) obligation = obligationView(obligation.key, coder.decode("obligation", Buffer.from(obData)));
    }
  }

  const wallet = user ? await loadBalances(connection, user, reserves) : null;
  const clock = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
  // Clock layout: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
  const clockData = clock ? Buffer.from(clock.data) : null;
  const now = clockData ? Number(clockData.readBigInt64LE(32)) : Math.floor(Date.now() / 1000);
  const slot = clockData ? Number(clockData.readBigUInt64LE(0)) : 0;
  // Group layout: discriminator (8), version (8), then the market.
  const rawGroups = await program.account.emodeGroup.all([{ memcmp: { offset: 16, bytes: marketKey.toBase58() } }]);
  const groups = rawGroups.map((g) => groupView(g.publicKey, g.account, slot, now)).sort((a, b) => a.id - b.id);
  const pending = await loadPendingChanges(program, marketKey);
  return { market, reserves, groups, obligation, obligationKey, wallet, now, pending, refreshError, tables };
}

/** SOL and each reserve token's balance of `user`. */
export async function loadBalances(
  connection: Connection,
  user: PublicKey,
  reserves: ReserveView[],
): Promise<WalletBalances> {
  const accounts = new Map<string, PublicKey>();
  for (const r of reserves) {
    accounts.set(r.mint.toBase58(), getAssociatedTokenAddressSync(r.mint, user, true, r.tokenProgram));
  }
  const keys = reserves.map((r) => accounts.get(r.mint.toBase58())!);
  const [infos, lamports] = await Promise.all([connection.getMultipleAccountsInfo(keys), connection.getBalance(user)]);
  const tokens = new Map<string, bigint>();
  reserves.forEach((r, i) => {
    const info = infos[i];
    tokens.set(r.mint.toBase58(), info ? unpackAccount(keys[i], info, r.tokenProgram).amount : 0n);
  });
  return { lamports: BigInt(lamports), tokens, accounts };
}
