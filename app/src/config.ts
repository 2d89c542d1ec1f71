/**
 * Where the app points: the cluster URL and the market. Both come from the page URL
 * (`?cluster=…&market=…`), then from what the user last chose (localStorage), then defaults:
 * the local validator, and the first market the program owns there.
 */

/** Default cluster: a local `solana-test-validator` (what `./scripts/demo --keep` leaves up). */
export const DEFAULT_CLUSTER = "http://127.0.0.1:8899";

const KEY_CLUSTER = "lending.cluster";
const KEY_MARKET = "lending.market";

/** Reads a setting from the query string, then localStorage. */
function setting(param: string, storageKey: string): string | null {
  const q = new URLSearchParams(window.location.search).get(param);
  if (q) return q;
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The cluster's JSON-RPC URL. */
export function clusterUrl(): string {
  return setting("cluster", KEY_CLUSTER) ?? DEFAULT_CLUSTER;
}

/** The market address chosen by URL or earlier choice, if any. */
export function chosenMarket(): string | null {
  return setting("market", KEY_MARKET);
}

/** Remembers the user's cluster and market for the next visit. */
export function remember(cluster: string, market: string | null): void {
  try {
    window.localStorage.setItem(KEY_CLUSTER, cluster);
    if (market) window.localStorage.setItem(KEY_MARKET, market);
    else window.localStorage.removeItem(KEY_MARKET);
  } catch {
    /* storage disabled: settings last for this page only */
  }
}

/** The Wallet Standard chain id for a cluster URL. */
export function chainFor(url: string): `solana:${string}` {
  if (url.includes("devnet")) return "solana:devnet";
  if (url.includes("testnet")) return "solana:testnet";
  if (url.includes("127.0.0.1") || url.includes("localhost")) return "solana:localnet";
  return "solana:mainnet";
}

/** The websocket URL the validator serves beside `url` (RPC port + 1, as Solana does). */
export function wsUrlFor(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (!u.port) return undefined;
    u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
    u.port = String(Number(u.port) + 1);
    return u.toString();
  } catch {
    return undefined;
  }
}
