// Loads the app from the Vite dev server (the way `./scripts/app dev` serves it) in headless
// Chromium and fails on any uncaught page error. No validator is needed: the page must come
// up and say, in words, that the cluster cannot be reached. Run by `./scripts/app check`.
//   DEV_URL   the dev server's URL (required)
//   CHROMIUM  browser binary (default /usr/bin/chromium)
import { chromium } from "playwright-core";

const url = process.env.DEV_URL;
if (!url) throw new Error("DEV_URL is not set");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromiumSandbox: false,
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  // Port 9 (discard) on loopback: nothing answers.
  await page.goto(`${url}/?cluster=${encodeURIComponent("http://127.0.0.1:9")}`);
  await page.getByTestId("app-error").waitFor({ timeout: 60_000 });
  const text = await page.getByTestId("app-error").innerText();
  if (!/Cannot reach the cluster/.test(text)) errors.push(`unexpected message: ${text}`);
} catch (e) {
  errors.push(String(e));
} finally {
  await browser.close();
}
if (errors.length) {
  console.error(`dev-server smoke test failed:\n${errors.join("\n")}`);
  process.exit(1);
}
console.log("the dev server's app loads and reports an unreachable cluster in words");
