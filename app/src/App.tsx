/** The app shell: cluster and market pickers, wallet connection, and the three panels. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { Connection, PublicKey } from "@solana/web3.js";
import type { Wallet } from "@wallet-standard/base";
import { chainFor, chosenMarket, clusterUrl, remember, wsUrlFor } from "./config";
import { readableError } from "./chain/errors";
import { lendingProgram } from "./chain/program";
import { type Snapshot, listMarkets, loadSnapshot } from "./chain/state";
import { type Connected, availableWallets, connect, disconnect, onWalletsChanged } from "./wallet/standard";
import { ActionPanel } from "./ui/ActionPanel";
import { EmodePanel } from "./ui/EmodePanel";
import { FundPanel } from "./ui/FundPanel";
import { MarketTable } from "./ui/MarketTable";
import { SchedulePanel } from "./ui/SchedulePanel";
import { PositionPanel } from "./ui/PositionPanel";
import { short } from "./ui/format";

/** How often the figures are reloaded (ms). */
const RELOAD_MS = 10_000;

/** Mint → symbol, from the optional `tokens.json` served beside the app. */
async function loadSymbols(): Promise<Record<string, string>> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}tokens.json`, { cache: "no-store" });
    return res.ok ? await res.json() : {};
  } catch {
    return {};
  }
}

export function App() {
  const [cluster, setCluster] = useState(clusterUrl());
  const [clusterDraft, setClusterDraft] = useState(cluster);
  const [markets, setMarkets] = useState<PublicKey[]>([]);
  const [market, setMarket] = useState<string | null>(chosenMarket());
  const [symbols, setSymbols] = useState<Record<string, string>>({});
  const [wallets, setWallets] = useState<Wallet[]>(availableWallets());
  const [connected, setConnected] = useState<Connected | null>(null);
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const connection = useMemo(() => new Connection(cluster, { commitment: "confirmed", wsEndpoint: wsUrlFor(cluster) }), [cluster]);
  const program = useMemo(() => lendingProgram(connection, connected?.publicKey ?? null), [connection, connected]);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => onWalletsChanged(() => setWallets(availableWallets())), []);
  useEffect(() => {
    void loadSymbols().then(setSymbols);
  }, []);

  // Markets on this cluster; pick the chosen one or the first.
  useEffect(() => {
    let live = true;
    setSnap(null);
    listMarkets(program)
      .then((ms) => {
        if (!live) return;
        setMarkets(ms);
        setError(ms.length === 0 ? "No lending market on this cluster yet: run ./scripts/demo --keep or the migration." : null);
        setMarket((m) => (m && ms.some((k) => k.toBase58() === m) ? m : ms[0]?.toBase58() ?? null));
      })
      .catch((e) => live && setError(readableError(e)));
    return () => {
      live = false;
    };
  }, [program]);

  // The snapshot, reloaded periodically and after each transaction.
  useEffect(() => {
    if (!market) return;
    let live = true;
    const load = () =>
      loadSnapshot(program, new PublicKey(market), connected?.publicKey ?? null, symbols)
        .then((s) => {
          if (live) {
            setSnap(s);
            setError(null);
          }
        })
        .catch((e) => live && setError(readableError(e)));
    void load();
    const t = setInterval(load, RELOAD_MS);
    remember(cluster, market);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [program, market, connected, symbols, tick, cluster]);

  const onConnect = async (w: Wallet) => {
    try {
      setConnected(await connect(w));
    } catch (e) {
      setError(readableError(e));
    }
  };

  return (
    <main>
      <header>
        <h1>Lending</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setCluster(clusterDraft.trim());
          }}
        >
          <label>
            Cluster <input data-testid="cluster" value={clusterDraft} onChange={(e) => setClusterDraft(e.target.value)} size={28} />
          </label>
          <button type="submit">Use</button>
        </form>
        <label>
          Market{" "}
          <select data-testid="market" value={market ?? ""} onChange={(e) => setMarket(e.target.value)}>
            {markets.map((m) => (
              <option key={m.toBase58()} value={m.toBase58()}>{short(m.toBase58())}</option>
            ))}
          </select>
        </label>
        <div className="wallet" data-testid="wallet">
          {connected ? (
            <>
              <span data-testid="wallet-address" data-address={connected.publicKey.toBase58()}>
                {connected.wallet.name}: {short(connected.publicKey.toBase58())}
              </span>
              <button onClick={() => { void disconnect(connected); setConnected(null); }}>Disconnect</button>
            </>
          ) : wallets.length === 0 ? (
            <span>No wallet found: install a Solana wallet (Phantom, Solflare, Backpack…).</span>
          ) : (
            wallets.map((w) => (
              <button key={w.name} data-testid={`connect-${w.name}`} onClick={() => void onConnect(w)}>
                <img src={w.icon} alt="" width={16} height={16} /> Connect {w.name}
              </button>
            ))
          )}
        </div>
      </header>
      {error && <p className="bad" data-testid="app-error">{error}</p>}
      {!snap && !error && <p>Loading…</p>}
      {snap && (
        <>
          <MarketTable snap={snap} />
          <SchedulePanel snap={snap} />
          <div className="columns">
            <PositionPanel snap={snap} />
            {connected && snap.wallet && (
              <div>
                <ActionPanel program={program} snap={snap} wallet={connected} chain={chainFor(cluster)} onDone={reload} />
                <EmodePanel program={program} snap={snap} wallet={connected} chain={chainFor(cluster)} onDone={reload} />
              </div>
            )}
          </div>
          <FundPanel program={program} snap={snap} wallet={connected && snap.wallet ? connected : null} chain={chainFor(cluster)} onDone={reload} />
        </>
      )}
    </main>
  );
}
