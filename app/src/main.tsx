/** Entry point: polyfills first (see polyfills.ts), then the app. */
import "./polyfills";

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
