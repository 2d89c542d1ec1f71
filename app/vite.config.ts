import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The app imports the checked-in IDL from ../idl, so the dev server may read the repo root.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, fs: { allow: [".."] } },
  preview: { host: "127.0.0.1", port: 4173 },
  define: { "process.env": {} },
  build: { target: "es2022", chunkSizeWarningLimit: 2048 },
});
