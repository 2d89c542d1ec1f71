/**
 * Globals that @solana/web3.js and @solana/spl-token expect in a browser. Imported first by
 * main.tsx: ES modules run in import order, so this runs before any Solana module does.
 */
import { Buffer } from "buffer";

(globalThis as unknown as { Buffer: typeof Buffer }).Buffer ??= Buffer;
