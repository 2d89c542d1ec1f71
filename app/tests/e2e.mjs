// End-to-end test of the app in a real headless Chromium (Debian's), driven by playwright-core,
// against a local validator with the program deployed and a market created by the migration.
// The test wallet (compiled in by `vite build --mode e2e`) signs with the user's keypair.
//
// Run by the validator suite (tests/validator, case `web_app_end_to_end_in_chromium`), which
// starts the validator, seeds the market and the user, and passes:
//   LENDING_RPC_URL      cluster URL
//   LENDING_MARKET       market address
//   LENDING_WALLET       the user's keypair file (JSON array)
//   LENDING_TOKENS       JSON {mint: symbol}
//   LENDING_CROSSCHECK   "1": print `@@check {…}` lines with what the page shows and wait for
//                        the runner's verdict ("ok" / "fail <why>") on stdin, so the figures
//                        are compared with the Rust SDK's (`lending-cli obligation show`).
//   CHROMIUM             browser binary (default /usr/bin/chromium)
// Screenshots go to app/test-results/.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { createInterface } from "node:readline";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { getAssociatedTokenAddressSync, unpackAccount } from "@solana/spl-token";
import { BorshAccountsCoder } from "@anchor-lang/core";

const here = dirname(fileURLToPath(import.meta.url));
const appDir = resolve(here, "..");
const dist = join(appDir, "dist-e2e");
const shots = join(appDir, "test-results");
const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set (see the header of app/tests/e2e.mjs)`);
  return v;
};
const RPC = env("LENDING_RPC_URL");
const MARKET = new PublicKey(env("LENDING_MARKET"));
const TOKENS = JSON.parse(env("LENDING_TOKENS"));
const user = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(await readFile(env("LENDING_WALLET"), "utf8"))));
const idl = JSON.parse(await readFile(resolve(appDir, "../idl/lending.json"), "utf8"));
// The raw JSON IDL: decoded fields keep their snake_case names.
const coder = new BorshAccountsCoder(idl);
const connection = new Connection(RPC, "confirmed");
const PROGRAM = new PublicKey(idl.address);
const started = Date.now();
const log = (msg) => console.log(`[app-e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

// ---- the app, served from the e2e build on loopback ----
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/tokens.json") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(TOKENS));
    return;
  }
  const file = join(dist, path === "/" ? "index.html" : path);
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const appUrl = `http://127.0.0.1:${server.address().port}/?cluster=${encodeURIComponent(RPC)}&market=${MARKET.toBase58()}`;

// ---- RPC read-backs, independent of the page ----
const symbolMint = Object.fromEntries(Object.entries(TOKENS).map(([m, s]) => [s, new PublicKey(m)]));
async function tokenBalance(symbol) {
  const mint = symbolMint[symbol];
  const mintInfo = await connection.getAccountInfo(mint);
  const ata = getAssociatedTokenAddressSync(mint, user.publicKey, true, mintInfo.owner);
  const info = await connection.getAccountInfo(ata);
  return info ? unpackAccount(ata, info, mintInfo.owner).amount : 0n;
}
const obligationKey = PublicKey.findProgramAddressSync(
  [Buffer.from("obligation"), MARKET.toBuffer(), user.publicKey.toBuffer(), Buffer.alloc(8)],
  PROGRAM,
)[0];
async function obligation() {
  const info = await connection.getAccountInfo(obligationKey);
  return info ? coder.decode("Obligation", info.data) : null;
}
const u128 = (pod) => BigInt(pod.limbs[0].toString()) + (BigInt(pod.limbs[1].toString()) << 64n);
const wad = (pod) => Number(u128(pod)) / 1e18;

// ---- the runner's cross-check (Rust SDK figures), when asked for ----
const stdin = process.env.LENDING_CROSSCHECK === "1" ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : null;
async function crossCheck(what, shown) {
  if (!stdin) return;
  console.log(`@@check ${JSON.stringify({ what, shown }, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  const { value, done } = await stdin.next();
  if (done || value.trim() !== "ok") throw new Error(`cross-check "${what}" failed: ${done ? "runner gone" : value}`);
  log(`cross-check "${what}": page matches the Rust SDK`);
}

const close = (a, b, rel, what) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12), `${what}: page ${a} vs expected ${b}`);

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  chromiumSandbox: false,
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let page;
try {
  await mkdir(shots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((secret) => {
    window.__LENDING_TEST_WALLET__ = secret;
  }, Array.from(user.secretKey));
  page = await context.newPage();
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  const tid = (id) => page.getByTestId(id);
  const shot = async (name) => {
    await page.screenshot({ path: join(shots, name), fullPage: true });
    log(`screenshot ${name}`);
  };
  const attr = async (id, name) => tid(id).getAttribute(name);
  const num = async (id, name) => Number(await attr(id, name));

  log(`opening ${appUrl}`);
  await page.goto(appUrl);
  await tid("market-table").waitFor({ timeout: 30_000 });
  for (const s of Object.values(TOKENS)) await tid(`reserve-${s}`).waitFor();
  log("market table shows every reserve");
  // The change the test queued (the market has no delay, so it may be applied at once).
  await tid("pending-0").waitFor({ timeout: 30_000 });
  const pending = await tid("pending-0").innerText();
  assert.match(pending, /insurance-fund rules/, `the queued change is listed: ${pending}`);
  assert.match(pending, /may be applied now/, `with when it takes effect: ${pending}`);
  log("scheduled changes list the queued change");

  await tid("connect-Test Wallet").click();
  await tid("wallet-address").waitFor();
  assert.equal(await attr("wallet-address", "data-address"), user.publicKey.toBase58());
  await tid("no-position").waitFor();
  // Wallet balances on the page are the ones on chain.
  const initial = { SOL: await tokenBalance("SOL"), USDC: await tokenBalance("USDC") };
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-units") === v,
    ["wallet-SOL", initial.SOL.toString()],
  );
  log(`connected ${user.publicKey.toBase58()}: ${initial.SOL} SOL units, ${initial.USDC} USDC units`);
  await shot("01-connected.png");

  // Readable refusal before anything is signed: more than the wallet holds.
  await act("deposit", "SOL", "1000000");
  await expectError(/Insufficient funds: your wallet holds 10 SOL/);

  async function act(kind, symbol, amount) {
    await tid(`tab-${kind}`).click();
    const key = await page.locator(`[data-testid="asset"] option`, { hasText: new RegExp(`^${symbol}$`) }).getAttribute("value");
    await tid("asset").selectOption(key);
    if (amount === "max") await tid("max").click();
    else await tid("amount").fill(amount);
    await tid("preview").click();
  }
  async function expectError(re) {
    await tid("error").waitFor({ timeout: 30_000 });
    const text = await tid("error").innerText();
    assert.match(text, re);
    assert.doesNotMatch(text, /0x[0-9a-f]+/i, "no raw hex codes");
    log(`readable error shown: "${text}"`);
    return text;
  }
  async function signAndWait() {
    const pv = tid("preview-result");
    await pv.waitFor({ timeout: 30_000 });
    const cu = Number(await pv.getAttribute("data-cu"));
    const fee = BigInt(await pv.getAttribute("data-fee"));
    assert.ok(cu > 1_000 && cu < 1_400_000, `simulated CU ${cu}`);
    assert.ok(fee >= 5_000n, `fee ${fee}`);
    const moved = BigInt(await pv.getAttribute("data-units"));
    await tid("sign").click();
    await tid("success").waitFor({ timeout: 60_000 });
    log(`${await tid("success").innerText()} (simulated ${cu} CU, fee ${fee} lamports, ${moved} units)`);
    return moved;
  }

  // 1. Deposit 10 SOL as collateral.
  await act("deposit", "SOL", "10");
  await tid("projected-health").waitFor();
  await shot("02-deposit-preview.png");
  const depositMoved = await signAndWait();
  assert.equal(depositMoved, 10n * 10n ** 9n);
  assert.equal(await tokenBalance("SOL"), initial.SOL - 10n * 10n ** 9n, "SOL left the wallet");
  await tid("deposit-SOL").waitFor();

  // 2. Borrow 500 USDC.
  await act("borrow", "USDC", "500");
  await tid("projected-health").waitFor();
  const projectedUsed = await num("projected-health", "data-used");
  await shot("03-borrow-preview.png");
  await signAndWait();
  assert.equal(await tokenBalance("USDC"), initial.USDC + 500_000_000n, "500 USDC arrived");
  await tid("borrow-USDC").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="success"]') !== null);

  // The page's position matches the obligation read over RPC (interest moves it by a hair).
  const ob = await obligation();
  assert.equal(ob.deposits_len, 1);
  assert.equal(ob.borrows_len, 1);
  const shown = {
    deposited: Number(await attr("deposited-value", "data-wad")) / 1e18,
    borrowed: Number(await attr("borrowed-value", "data-wad")) / 1e18,
    borrowedWeighted: Number(await attr("borrowed-weighted-value", "data-wad")) / 1e18,
    borrowLimit: Number(await attr("borrow-limit", "data-wad")) / 1e18,
    liquidationLine: Number(await attr("liquidation-line", "data-wad")) / 1e18,
    used: await num("health", "data-used"),
    factor: await num("health", "data-factor"),
    liquidationPrice: Number(await attr("deposit-SOL", "data-liquidation-price")),
    owed: BigInt(await attr("borrow-USDC", "data-units")),
    walletUSDC: BigInt(await attr("wallet-USDC", "data-units")),
    supplyApy: Number(await attr("reserve-USDC", "data-supply-apy")),
    borrowApy: Number(await attr("reserve-USDC", "data-borrow-apy")),
  };
  close(shown.deposited, wad(ob.deposited_value), 1e-9, "collateral value");
  close(shown.borrowed, wad(ob.borrowed_value), 1e-6, "debt value");
  close(shown.borrowedWeighted, wad(ob.borrowed_weighted_value), 1e-6, "weighted debt");
  close(shown.borrowLimit, wad(ob.borrow_limit_value), 1e-9, "borrow limit");
  close(shown.liquidationLine, wad(ob.liquidation_line_value), 1e-9, "liquidation line");
  close(shown.used, wad(ob.borrowed_weighted_value) / wad(ob.borrow_limit_value), 1e-6, "health bar (borrow limit used)");
  close(shown.factor, wad(ob.liquidation_line_value) / wad(ob.borrowed_weighted_value), 1e-6, "health factor");
  close(shown.used, projectedUsed, 1e-6, "projected health = health after landing");
  assert.equal(shown.walletUSDC, await tokenBalance("USDC"), "wallet USDC on the page");
  assert.ok(shown.owed >= 500_500_000n && shown.owed < 500_600_000n, `owed ${shown.owed} = 500 + 0.1% fee + interest`);
  log(`position: collateral $${shown.deposited.toFixed(2)}, debt $${shown.borrowed.toFixed(4)}, limit used ${(shown.used * 100).toFixed(2)}%, health factor ${shown.factor.toFixed(4)}`);
  await crossCheck("position", shown);
  await shot("04-position.png");

  // Readable refusals from the program and from the wallet.
  await act("borrow", "USDC", "5000");
  await expectError(/unhealthy|borrow limit/i);
  await act("withdraw", "SOL", "10");
  await expectError(/unhealthy|repay some debt/i);
  await act("repay", "USDC", "1");
  await tid("preview-result").waitFor();
  await page.evaluate(() => (window.__LENDING_TEST_WALLET_REJECT__ = true));
  await tid("sign").click();
  await expectError(/rejected the request/);
  await page.evaluate(() => (window.__LENDING_TEST_WALLET_REJECT__ = false));
  await shot("05-rejected.png");

  // 3. Repay all ("max": the program takes exactly what is owed).
  const usdcBefore = await tokenBalance("USDC");
  await act("repay", "USDC", "max");
  await tid("max-repay-note").waitFor();
  const repaid = await signAndWait();
  // The program takes the debt as it stands when the transaction lands: the interest of the
  // seconds between preview and landing (well under a unit at this rate and size) plus the
  // rounding up of what is owed can add one unit to the previewed amount, never take less.
  const left = usdcBefore - (await tokenBalance("USDC"));
  assert.ok(left >= repaid && left <= repaid + 1n, `previewed ${repaid}, ${left} left the wallet`);
  assert.ok(repaid >= 500_500_000n, `repaid ${repaid}`);
  assert.equal((await obligation()).borrows_len, 0, "no debt left");

  // 4. Withdraw all.
  await page.waitForFunction(() => document.querySelector('[data-testid="borrow-USDC"]') === null);
  await act("withdraw", "SOL", "max");
  const withdrawn = await signAndWait();
  const solAfter = await tokenBalance("SOL");
  assert.equal(solAfter, initial.SOL - 10n * 10n ** 9n + withdrawn);
  // Nobody borrowed SOL: the deposit comes back whole but for the rounding kept by the pool.
  assert.ok(initial.SOL - solAfter <= 1n, `SOL back: ${solAfter} of ${initial.SOL}`);
  const final = await obligation();
  assert.equal(final.deposits_len, 0, "no collateral left");
  await tid("no-position").waitFor({ timeout: 30_000 });
  await shot("06-closed.png");

  // 5. E-mode: 50 USDC of collateral (80% on its own) moves into the stables group (90%);
  // the preview is the program's own simulation, and the move lands as previewed.
  await act("deposit", "USDC", "50");
  await signAndWait();
  // The page reloads its snapshot after a transaction: wait for the new position before
  // previewing the switch (a preview built on the previous snapshot names its old reserves).
  await tid("deposit-USDC").waitFor({ timeout: 30_000 });
  await tid("emode").waitFor({ timeout: 30_000 });
  const groupOption = await page.locator('[data-testid="emode-choice"] option', { hasText: /^1 · / }).getAttribute("value");
  await tid("emode-choice").selectOption(groupOption);
  await tid("emode-preview").click();
  await tid("emode-preview-result").waitFor({ timeout: 30_000 });
  const limits = await tid("emode-projected-values").innerText();
  assert.match(limits, /Borrow limit \$40\.00 → \$45\.00/, limits);
  await shot("07-emode-preview.png");
  await tid("emode-sign").click();
  await tid("emode-success").waitFor({ timeout: 60_000 });
  await tid("position-group").waitFor({ timeout: 30_000 });
  const grouped = await obligation();
  assert.equal(grouped.emode_group, 1, "the obligation is in group 1 on chain");
  // 90% of the 50 USDC the shares redeem for (the pool's rounding keeps a hair of it).
  const groupedLimit = Number(await attr("borrow-limit", "data-wad")) / 1e18;
  close(groupedLimit, wad(grouped.borrow_limit_value), 1e-9, "borrow limit in the group = RPC");
  close(groupedLimit, 45, 1e-6, "borrow limit in the group");
  await shot("08-emode.png");
  // And out again (no debt: nothing stands in the way).
  await page.waitForFunction(() => document.querySelector('[data-testid="emode"]')?.getAttribute("data-group") === "1");
  await tid("emode-choice").selectOption("0");
  await tid("emode-preview").click();
  await tid("emode-preview-result").waitFor({ timeout: 30_000 });
  await tid("emode-sign").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="emode"]')?.getAttribute("data-group") === "0", null, { timeout: 60_000 });
  assert.equal((await obligation()).emode_group, 0, "the obligation left the group on chain");

  // The USDC insurance fund: the panel shows it (the migration's seed), a stake of 10 USDC is
  // previewed by simulation, signed, and the panel's figures match the Rust SDK's.
  await tid("fund-USDC").waitFor({ timeout: 30_000 });
  const seeded = await tid("fund-USDC").getAttribute("data-assets");
  assert.equal(seeded, "100000000", "the fund holds its 100 USDC seed");
  await tid("fund-choice").selectOption({ label: "USDC" });
  await tid("fund-amount").fill("10");
  await tid("fund-stake").click();
  await tid("fund-preview").waitFor({ timeout: 30_000 });
  assert.equal(await tid("fund-preview").getAttribute("data-tokens"), "10000000", "the preview pays 10 USDC");
  await shot("09-fund-preview.png");
  await tid("fund-sign").click();
  await tid("fund-success").waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="fund-USDC"]')?.getAttribute("data-assets") === "110000000", null, { timeout: 60_000 });
  const row = tid("fund-USDC");
  await crossCheck("fund", {
    assets: await row.getAttribute("data-assets"),
    absorbed: await row.getAttribute("data-absorbed"),
    stake: await row.getAttribute("data-stake"),
  });
  await shot("10-fund.png");

  assert.deepEqual(consoleErrors, [], "no uncaught page errors");
  log("passed: connect, deposit, borrow, health = RPC, readable errors, repay all, withdraw all, e-mode in and out, fund stake");
} catch (e) {
  if (page) await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
  console.error(`[app-e2e] FAILED: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
// The stdin reader (cross-checks) would keep node alive.
process.exit(process.exitCode ?? 0);
