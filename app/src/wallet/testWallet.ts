/**
 * A Wallet Standard wallet backed by a keypair, for the end-to-end tests only. It is compiled
 * in only by `vite build --mode e2e` (VITE_TEST_WALLET=true); `npm run build` leaves it out.
 * The test injects the secret key as `window.__LENDING_TEST_WALLET__` before the page loads,
 * and can make it refuse to sign with `window.__LENDING_TEST_WALLET_REJECT__ = true`.
 */
import { SolanaSignTransaction, type SolanaSignTransactionFeature } from "@solana/wallet-standard-features";
import type { Wallet, WalletAccount } from "@wallet-standard/base";
import {
  StandardConnect,
  StandardDisconnect,
  StandardEvents,
  type StandardConnectFeature,
  type StandardDisconnectFeature,
  type StandardEventsFeature,
} from "@wallet-standard/features";
import { ReadonlyWalletAccount, registerWallet } from "@wallet-standard/wallet";
import { Keypair, VersionedTransaction } from "@solana/web3.js";

declare global {
  interface Window {
    __LENDING_TEST_WALLET__?: number[];
    __LENDING_TEST_WALLET_REJECT__?: boolean;
  }
}

const CHAINS = ["solana:localnet", "solana:devnet"] as const;
const ICON =
  "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHZpZXdCb3g9JzAgMCAxNiAxNic+PHJlY3Qgd2lkdGg9JzE2JyBoZWlnaHQ9JzE2JyBmaWxsPScjODg4Jy8+PC9zdmc+" as const;

class TestWallet implements Wallet {
  readonly version = "1.0.0" as const;
  readonly name = "Test Wallet";
  readonly icon = ICON;
  readonly chains = CHAINS;
  #connected: WalletAccount[] = [];
  readonly #account: WalletAccount;

  constructor(private readonly keypair: Keypair) {
    this.#account = new ReadonlyWalletAccount({
      address: keypair.publicKey.toBase58(),
      publicKey: keypair.publicKey.toBytes(),
      chains: CHAINS,
      features: [SolanaSignTransaction],
    });
  }

  get accounts(): readonly WalletAccount[] {
    return this.#connected;
  }

  get features(): StandardConnectFeature & StandardDisconnectFeature & StandardEventsFeature & SolanaSignTransactionFeature {
    return {
      [StandardConnect]: {
        version: "1.0.0",
        connect: async () => {
          this.#connected = [this.#account];
          return { accounts: this.#connected };
        },
      },
      [StandardDisconnect]: {
        version: "1.0.0",
        disconnect: async () => {
          this.#connected = [];
        },
      },
      [StandardEvents]: { version: "1.0.0", on: () => () => {} },
      [SolanaSignTransaction]: {
        version: "1.0.0",
        supportedTransactionVersions: ["legacy", 0],
        signTransaction: async (...inputs) => {
          if (window.__LENDING_TEST_WALLET_REJECT__) {
            throw Object.assign(new Error("User rejected the request."), { code: 4001 });
          }
          return inputs.map(({ transaction }) => {
            const tx = VersionedTransaction.deserialize(transaction);
            tx.sign([this.keypair]);
            return { signedTransaction: tx.serialize() };
          });
        },
      },
    };
  }
}

/** Registers the test wallet when the test injected a key. */
export function registerTestWallet(): void {
  const secret = window.__LENDING_TEST_WALLET__;
  if (!secret) return;
  registerWallet(new TestWallet(Keypair.fromSecretKey(Uint8Array.from(secret))));
}
