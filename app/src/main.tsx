/** Entry point: polyfills what web3.js expects in a browser, then renders the app. */
import { Buffer } from "buffer";
(globalThis as unknown as { Buffer: typeof Buffer }).Buffer ??= Buffer;

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";

async function start() {
  if (import.meta.env.VITE_TEST_WALLET === "true") {
    // Test builds only: the dynamic import keeps the test wallet out of production bundles.
    const { registerTestWallet } = await import("./wallet/testWallet");
    registerTestWallet();
  }
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
