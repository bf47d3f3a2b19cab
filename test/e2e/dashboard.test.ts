import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SECURITIES_FILE } from "../../src/app/demo.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { createApp } from "../../src/server/app.js";
import { openStore, type Store } from "../../src/store/open.js";
import { storeHasRealMarketData, storeHasSynthetic } from "../../src/store/synthetic.js";
import { REPO, SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";
import { demoStore } from "../server/_demo.js";

const CHROMIUM = process.env.RERATE_CHROMIUM ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
/** Screenshots are test artefacts: kept under test/e2e/__screenshots__ (git-ignored). */
const SHOTS = join(REPO, "test/e2e/__screenshots__");

let store: Store;
let server: ServerType;
let browser: BrowserContext;
let page: Page;
let base: string;
const problems: string[] = [];
const profile = tempDir("rerate-chromium-");
const webOut = tempDir("rerate-web-dist-");

beforeAll(async () => {
  if (!hasChromium) return;
  // Build the current web/ sources into a temporary directory, so the test never runs a stale web/dist.
  const { build } = await import("vite");
  await build({ configFile: join(REPO, "web/vite.config.ts"), logLevel: "error", build: { outDir: webOut.dir, emptyOutDir: true } });
  mkdirSync(SHOTS, { recursive: true });
  store = await demoStore();
  const app = createApp({ store: async () => store, webRoot: webOut.dir, logError: (e) => problems.push(`server: ${String(e)}`) });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A fresh, empty profile; no GPU, no sandbox (root in CI), and none of Chromium's own network traffic.
  browser = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);
  page.on("console", (m) => {
    // The browser logs the 400 that the bad-window test provokes on purpose; anything else is a problem.
    if (m.type() === "error" && !/status of 400/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`network: ${r.url()}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  profile.cleanup();
  webOut.cleanup();
});

describe.skipIf(!hasChromium)("dashboard in Chromium", () => {
  it("Comps: the table loads, sorts, the gap chart draws and the closing slider reprices", async () => {
    await page.goto(`${base}/`);
    const rows = page.locator("[data-testid=comps-table] tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.getByTestId("synthetic").first().isVisible()).toBe(true);
    expect(await page.getByTestId("gap-headline").textContent()).toMatch(/discount|premium/);
    await page.locator("[data-testid=gap-chart][data-ready='1'] canvas").first().waitFor();

    // Sort by security, descending: the first row changes to the last symbol alphabetically.
    const header = page.locator("[data-testid=comps-table] th").first();
    await header.click();
    await header.click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const ids = await page.locator("[data-testid=comps-table] tbody tr td:first-child").allTextContents();
    expect(ids).toEqual([...ids].sort().reverse());

    const upside = () => page.locator("[data-testid=closing-table] tbody tr:first-child td:last-child").textContent();
    const before = await upside();
    await page.locator("input[name=close]").fill("1");
    await expect.poll(upside).not.toBe(before);
  });

  it("switches the language to 繁體中文 and keeps it", async () => {
    await page.getByTestId("lang").selectOption("zh-Hant");
    await expect.poll(() => page.getByTestId("nav-comps").textContent()).toBe("可比公司與估值牆");
    expect(await page.locator("[data-testid=comps-table] th").first().textContent()).toContain("證券");
    expect(await page.getByTestId("synthetic").first().textContent()).toContain("合成示範資料");
    expect(await page.evaluate("document.documentElement.lang")).toBe("zh-Hant");
    await page.reload();
    await expect.poll(() => page.getByTestId("nav-events").textContent()).toBe("事件研究");
  });

  it("Events: pick catalysts and names, run the study, see the CAR chart and the tests", async () => {
    await page.getByTestId("nav-events").click();
    await page.getByTestId("event-list").waitFor();
    await page.locator("input[name=event][value='h20-discouraged-2025-08-12']").check();
    await page.locator("input[name=securities]").fill("0981.HK, 1347.HK");
    await page.locator("input[name=windows]").fill("0:1,-1:1");
    await page.getByTestId("run-study").click();
    await page.locator("[data-testid=car-chart][data-ready='1'] canvas").first().waitFor();
    const tests = page.getByTestId("tests-table");
    expect(await tests.locator("thead th").allTextContents()).toEqual(["窗口", "0…+1 (n=4)", "−1…+1 (n=4)".replace("−", "-")]);
    expect(await tests.textContent()).toContain("Patell Z");
    expect(await page.locator("[data-testid=observations-table] tbody tr").count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, "events-zh-Hant.png"), fullPage: true });
  });

  it("Events: a bad window shows the server's message naming the parameter", async () => {
    await page.locator("input[name=windows]").fill("5:1");
    await page.getByTestId("run-study").click();
    await expect.poll(() => page.getByTestId("error").textContent()).toContain('query parameter windows "5:1" starts after it ends');
  });

  it("Scenarios: edit a driver, run the Monte Carlo with progress, see the histogram and the tornado", async () => {
    await page.getByTestId("nav-scenarios").click();
    await page.getByTestId("drivers").waitFor();
    await page.locator("input[name=draws]").fill("100000");
    await page.locator("input[name=draws]").dispatchEvent("change");
    await page.getByTestId("run-mc").click();
    await page.getByTestId("mc-progress").waitFor({ state: "attached" });
    await page.locator("[data-testid=histogram][data-ready='1'] canvas").first().waitFor({ timeout: 60_000 });
    await page.locator("[data-testid=tornado][data-ready='1'] canvas").first().waitFor();
    const baseline = await page.getByTestId("mc-summary").textContent();
    expect(baseline).toMatch(/平均 [\d,.]+/);

    // Accelerators take 80% of capex instead of about 50%: the distribution moves up.
    const mode = page.locator("input[name='accel_share.dist.mode']");
    await page.locator("input[name='accel_share.dist.max']").fill("90");
    await page.locator("input[name='accel_share.dist.max']").dispatchEvent("change");
    await mode.fill("80");
    await mode.dispatchEvent("change");
    await page.locator("input[name=draws]").fill("20000");
    await page.locator("input[name=draws]").dispatchEvent("change");
    await page.getByTestId("run-mc").click();
    await expect.poll(async () => {
      const text = (await page.getByTestId("mc-summary").textContent().catch(() => null)) ?? "";
      return text.includes("20,000") ? text : "";
    }, { timeout: 60_000 }).not.toBe("");
    const mean = (s: string | null) => Number(/平均 ([\d,.]+)/.exec(s ?? "")?.[1]?.replaceAll(",", ""));
    expect(mean(await page.getByTestId("mc-summary").textContent())).toBeGreaterThan(mean(baseline) * 1.2);
    await page.screenshot({ path: join(SHOTS, "scenarios-zh-Hant.png"), fullPage: true });
  }, 180_000);

  it("Attribution: the waterfall and the table; Theses: the page answers", async () => {
    await page.getByTestId("nav-attribution").click();
    await page.locator("[data-testid=waterfall][data-ready='1'] canvas").first().waitFor();
    expect(await page.locator("[data-testid=attribution-table] tbody tr").count()).toBe(7);
    await page.locator("input[name=symbols]").fill("9988.HK, BABA");
    await page.locator("input[name=symbols]").press("Enter");
    await expect.poll(() => page.locator("[data-testid=attribution-table] tbody tr td:first-child").allTextContents()).toEqual(["9988.HK", "BABA"]);
    await page.locator("[data-testid=waterfall][data-ready='1'] canvas").first().waitFor();
    await page.getByTestId("nav-theses").click();
    await page.getByTestId("claims-table").waitFor();
    const claims = await page.locator("[data-testid=claims-table] tbody tr").count();
    expect(claims).toBeGreaterThan(0);
    await page.getByTestId("check-thesis").click();
    await expect.poll(() => page.locator("[data-testid=claims-table] td.verdict").count(), { timeout: 60_000 }).toBe(claims);
    await page.screenshot({ path: join(SHOTS, "theses-zh-Hant.png"), fullPage: true });
    expect(await page.locator("[data-testid=claims-table] td.verdict").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(成立|不成立|資料不足)/)]));
    await page.getByTestId("lang").selectOption("zh-Hans");
    await expect.poll(() => page.getByTestId("nav-attribution").textContent()).toBe("收益归因");
    await page.getByTestId("lang").selectOption("en");
    await page.getByTestId("nav-comps").click();
    await expect.poll(() => page.locator("[data-testid=comps-table] tbody tr").count()).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: join(SHOTS, "comps-en.png"), fullPage: true });
  });

  it("Coverage: one row per security of a group, with the synthetic banner and a to-do list", async () => {
    await page.goto(`${base}/#/coverage`);
    await page.locator("input[name=symbols]").fill("@china");
    await page.locator("input[name=asOf]").fill("2025-10-31");
    await page.locator("input[name=asOf]").press("Enter");
    // @china is the demo's seven China platforms (src/app/demo.ts).
    await expect.poll(() => page.locator("[data-testid=coverage-table] tbody tr").count()).toBe(7);
    expect(await page.getByTestId("synthetic").first().isVisible()).toBe(true);
    expect(await page.locator("[data-testid=coverage-table] tbody tr td:first-child").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^9988\.HK /)]));
    // The demo store covers the group on its last day: the to-do list says there is nothing to fetch.
    expect(await page.locator("main").textContent()).toContain("Nothing to do: the store covers these securities.");
    await page.screenshot({ path: join(SHOTS, "coverage-en.png"), fullPage: true });
  });

  it("one app-wide synthetic banner (role=status) on every page of the demo store, localised, and none per page", async () => {
    await page.goto(`${base}/#/scenarios`);
    await page.locator("#app[data-store-synthetic='true']").waitFor();
    const banner = page.getByRole("status").filter({ hasText: "Synthetic demo data" });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("this store holds the demo market");
    // Theses never had a banner of its own: the app-wide one is there too, above the page.
    await page.getByTestId("nav-theses").click();
    await page.getByTestId("claims-table").waitFor();
    expect(await banner.isVisible()).toBe(true);
    // Comps with its table loaded: exactly one banner, the app-wide one (the per-page duplicates are gone).
    await page.getByTestId("nav-comps").click();
    await expect.poll(() => page.locator("[data-testid=comps-table] tbody tr").count()).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId("synthetic").count()).toBe(1);
    expect(await page.locator("main [data-testid=synthetic]").count()).toBe(0);
    await page.getByTestId("lang").selectOption("zh-Hans");
    await expect.poll(() => page.getByTestId("synthetic").textContent()).toContain("合成演示数据：此数据库载有演示市场");
    await page.getByTestId("lang").selectOption("zh-Hant");
    await expect.poll(() => page.getByTestId("synthetic").textContent()).toContain("合成示範資料：此資料庫載有示範市場");
    await page.getByTestId("lang").selectOption("en");
  });

  it("the banner follows the X-Rerate-Synthetic header of later answers, even when /api/store said otherwise", async () => {
    // /api/store is made to answer false: the banner is hidden until the next /api answer carries the header.
    await page.route("**/api/store", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ synthetic: false }) }));
    // The first comps answer is held back until the false from /api/store has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/wall*", async (r) => {
      await held;
      await r.continue();
    });
    // A query string makes this a full load (a change of the hash alone would not ask /api/store again).
    await page.goto(`${base}/?reload#/comps`);
    await page.locator("#app[data-store-synthetic='false']").waitFor();
    expect(await page.getByTestId("synthetic").isHidden()).toBe(true);
    release();
    await page.locator("#app[data-store-synthetic='true']").waitFor();
    expect(await page.getByTestId("synthetic").isVisible()).toBe(true);
    await page.unrouteAll();
  });

  it("loaded nothing from the network and broke no Content Security Policy rule", () => {
    expect(problems).toEqual([]);
  });
});

/** A store holding only real, imported rows: the security master and BABA's real closes from ../shared/data. */
describe.skipIf(!hasChromium || !hasSharedData)("dashboard in Chromium on a real store (no synthetic rows)", () => {
  let realStore: Store;
  let realServer: ServerType;
  let realBase: string;
  let realPage: Page;
  const realProblems: string[] = [];

  beforeAll(async () => {
    realStore = await openStore(":memory:");
    const now = "2026-12-01T00:00:00.000Z"; // after the last date of the real file (imports refuse future dates)
    await importFiles(realStore, { kind: "securities", files: [DEMO_SECURITIES_FILE], now });
    await importFiles(realStore, { kind: "prices", files: [join(SHARED_DATA, "us-adjclose/BABA.csv")], basis: "adjusted", now });
    const app = createApp({ store: async () => realStore, webRoot: webOut.dir, logError: (e) => realProblems.push(`server: ${String(e)}`) });
    await new Promise<void>((resolve) => {
      realServer = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
    });
    realBase = `http://127.0.0.1:${(realServer.address() as AddressInfo).port}`;
    realPage = await browser.newPage();
    realPage.setDefaultTimeout(30_000);
    realPage.on("pageerror", (e) => realProblems.push(`pageerror: ${e.message}`));
  }, 60_000);

  afterAll(async () => {
    await realPage?.close();
    await new Promise<void>((resolve) => (realServer ? realServer.close(() => resolve()) : resolve()));
    await realStore?.close();
  });

  it("holds real market data and no synthetic source (the premise of the next test)", async () => {
    expect(await storeHasRealMarketData(realStore)).toBe(true);
    expect(await storeHasSynthetic(realStore)).toBe(false);
  });

  it("shows no synthetic banner on Comps nor on Coverage, also after their /api answers", async () => {
    const answered = realPage.waitForResponse((r) => new URL(r.url()).pathname === "/api/wall");
    await realPage.goto(`${realBase}/#/comps`);
    await realPage.locator("#app[data-store-synthetic='false']").waitFor();
    const wall = await answered;
    expect(wall.headers()["x-rerate-synthetic"]).toBeUndefined();
    expect(await realPage.getByTestId("synthetic").isHidden()).toBe(true);
    expect(await realPage.getByTestId("synthetic").textContent()).toBe("");

    // Coverage loads its default group first (an error or a table on this store): let it finish, then ask for BABA.
    const isCoverage = (r: { url(): string }) => new URL(r.url()).pathname === "/api/coverage";
    const first = realPage.waitForResponse(isCoverage);
    await realPage.getByTestId("nav-coverage").click();
    expect((await first).headers()["x-rerate-synthetic"]).toBeUndefined();
    await realPage.getByTestId("loading").waitFor({ state: "detached" });
    await realPage.locator("input[name=symbols]").fill("BABA");
    await realPage.locator("input[name=asOf]").fill("2025-09-30");
    const coverage = realPage.waitForResponse(isCoverage);
    await realPage.locator("input[name=asOf]").press("Enter");
    expect((await coverage).headers()["x-rerate-synthetic"]).toBeUndefined();
    await expect.poll(() => realPage.locator("[data-testid=coverage-table] tbody tr").count()).toBe(1);
    expect(await realPage.locator("#app").getAttribute("data-store-synthetic")).toBe("false");
    expect(await realPage.getByTestId("synthetic").isHidden()).toBe(true);
    expect(await realPage.locator("main").textContent()).not.toMatch(/synthetic/i);
    expect(realProblems).toEqual([]);
  });
});
