/**
 * Wallet connection through the Wallet Standard: any wallet that registers itself (Phantom,
 * Solflare, Backpack, …) and offers `standard:connect` and `solana:signTransaction` is listed.
 */
import { SolanaSignTransaction, type SolanaSignTransactionFeature } from "@solana/wallet-standard-features";
import { getWallets } from "@wallet-standard/app";
import type { Wallet, WalletAccount } from "@wallet-standard/base";
import {
  StandardConnect,
  StandardDisconnect,
  type StandardConnectFeature,
  type StandardDisconnectFeature,
} from "@wallet-standard/features";
import { PublicKey, VersionedTransaction } from "@solana/web3.js";

/** A wallet the user connected, with the account it shared. */
export interface Connected {
  /** The wallet. */
  wallet: Wallet;
  /** The account used to sign. */
  account: WalletAccount;
  /** That account's key. */
  publicKey: PublicKey;
}

/** True when `w` can connect and sign Solana transactions. */
function usable(w: Wallet): boolean {
  return StandardConnect in w.features && SolanaSignTransaction in w.features;
}

/** The usable wallets registered so far. */
export function availableWallets(): Wallet[] {
  return getWallets().get().filter(usable);
}

/** Calls `cb` whenever wallets register or unregister; returns the unsubscribe function. */
export function onWalletsChanged(cb: () => void): () => void {
  const api = getWallets();
  const off1 = api.on("register", cb);
  const off2 = api.on("unregister", cb);
  return () => {
    off1();
    off2();
  };
}

/** Asks `wallet` to connect and takes its first Solana account. */
export async function connect(wallet: Wallet): Promise<Connected> {
  const { accounts } = await (wallet.features[StandardConnect] as StandardConnectFeature[typeof StandardConnect]).connect();
  const account = accounts.find((a) => a.chains.some((c) => c.startsWith("solana:"))) ?? accounts[0];
  if (!account) throw new Error(`${wallet.name} shared no account`);
  return { wallet, account, publicKey: new PublicKey(account.publicKey) };
}

/** Disconnects, when the wallet supports it. */
export async function disconnect(c: Connected): Promise<void> {
  const f = c.wallet.features[StandardDisconnect] as StandardDisconnectFeature[typeof StandardDisconnect] | undefined;
  await f?.disconnect();
}

/** Has the wallet sign `tx` for `chain`; returns the signed transaction. */
export async function signTransaction(
  c: Connected,
  tx: VersionedTransaction,
  chain: `solana:${string}`,
): Promise<VersionedTransaction> {
  const f = c.wallet.features[SolanaSignTransaction] as SolanaSignTransactionFeature[typeof SolanaSignTransaction];
  const [out] = await f.signTransaction({ account: c.account, transaction: tx.serialize(), chain });
  return VersionedTransaction.deserialize(out.signedTransaction);
}
