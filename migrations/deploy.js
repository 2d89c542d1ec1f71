// Anchor migration script: `anchor migrate` (or `anchor migrate --provider.cluster <url>`)
// runs it with a provider for the workspace's cluster. It creates the market and reserves of
// a config file (default migrations/localnet.toml; set LENDING_MARKET_CONFIG for another) on
// that cluster, and the market's address lookup table (recorded in the market, where clients
// find it for v0 transactions). Re-running creates only what is missing, updates reserve
// settings that differ from the file and extends the table with new reserves' addresses, so
// it is safe to run after every deploy.
//
// The work is done by `lending-cli market create` (crates/lending-cli), through
// scripts/migrate, so the migration and the CLI share one implementation. Without Anchor:
//   ./scripts/migrate --url http://127.0.0.1:8899 --config migrations/localnet.toml
const { execFileSync } = require("child_process");
const os = require("os");
const path = require("path");

module.exports = async function (provider) {
  const root = path.resolve(__dirname, "..");
  const url = provider.connection.rpcEndpoint;
  const config =
    process.env.LENDING_MARKET_CONFIG || path.join(__dirname, "localnet.toml");
  const wallet =
    process.env.ANCHOR_WALLET ||
    path.join(os.homedir(), ".config", "solana", "id.json");
  console.log(`lending market: ${config} on ${url}`);
  execFileSync(
    path.join(root, "scripts", "migrate"),
    ["--url", url, "--keypair", wallet, "--config", config],
    { stdio: "inherit" },
  );
};
