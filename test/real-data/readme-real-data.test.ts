/**
 * README "Real data in ten minutes", replayed on ../shared/data (read, never copied): the commands as printed there,
 * through the CLI, into a fresh store; then the trailing P/Es the section quotes, each checked by hand from the
 * companies' published diluted EPS and the closes in the shared files.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasSharedData, SHARED_DATA, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const D = SHARED_DATA;
const tmp = tempDir("rerate-readme-real-");
const db = join(tmp.dir, "real.duckdb");
const cli = async (...args: string[]) => {
  const r = await runCli(["--db", db, ...args]);
  expect(r.code, `${args.join(" ")}\n${r.err}`).toBe(0);
  return r;
};

interface Row { security: { id: string }; multiples: Record<string, { value?: number; nm?: string }> }

describe.skipIf(!hasSharedData)("README: real data in ten minutes (../shared/data)", () => {
  let rows: Row[] = [];
  let out = "";

  beforeAll(async () => {
    await cli("import", "securities", "examples/securities.csv");
    await cli("import", "prices", join(D, "hk/9988.HK.csv"), join(D, "hk/0700.HK.csv"));
    await cli("import", "prices", ...["BABA", "AMZN", "MSFT", "GOOGL", "NVDA"].map((s) => join(D, `us-adjclose/${s}.csv`)), "--basis", "adjusted");
    await cli("import", "fx", join(D, "indices-long/CNY=X.csv"), join(D, "fundamentals-2025/fx/USDHKD.csv"));
    await cli("import", "sec", join(D, "sec/CIK0001652044_GOOGL.json"), "--symbol", "GOOGL");
    await cli("import", "sec", join(D, "sec/CIK0001045810_NVDA.json"), "--symbol", "NVDA");
    await cli("import", "fundamentals", join(D, "fundamentals-2025/figures.csv"), join(D, "fundamentals-2025/figures-nongaap.csv"));
    const comps = await cli("comps", "BABA", "9988.HK", "0700.HK", "AMZN", "MSFT", "GOOGL", "NVDA", "--metrics", "pe,pe_ttm", "--as-of", "2025-09-30", "--json");
    rows = (JSON.parse(comps.out) as { rows: Row[] }).rows;
    out = (await cli("wall", "--a", "BABA", "9988.HK", "0700.HK", "--b", "AMZN", "MSFT", "GOOGL", "NVDA", "--metric", "pe", "--as-of", "2025-09-30")).out;
  }, 240_000);
  afterAll(() => tmp.cleanup());

  const pe = (id: string) => rows.find((r) => r.security.id === id)!.multiples.trailingPE!.value!;

  it("trailing FY P/Es on 2025-09-30, by hand from the published diluted EPS", () => {
    // BABA: close 177.1035; Alibaba FY2025 (to 2025-03-31) diluted EPS RMB 6.69875 per share × 8 = RMB 53.59 per
    // ADS; USD/CNY 7.1194 (CNY=X, 2025-09-30): 177.1035 / (53.59 / 7.1194) = 23.528x.
    expect(pe("BABA")).toBeCloseTo(177.1035 / (6.69875 * 8 / 7.1194), 2);
    // Amazon FY2024 diluted EPS $5.53 (10-K): 219.57 / 5.53 = 39.705x.
    expect(pe("AMZN")).toBeCloseTo(219.57 / 5.53, 1);
    // Microsoft FY2025 (to June) diluted EPS $13.64: 514.69 / 13.64 = 37.734x.
    expect(pe("MSFT")).toBeCloseTo(514.69 / 13.64, 1);
    // Alphabet FY2024 diluted EPS $8.04 (10-K, from the SEC file): 242.63 / 8.04 = 30.178x.
    expect(pe("GOOGL")).toBeCloseTo(242.63 / 8.04, 1);
    // Nvidia FY2025 (to 2025-01-26) diluted EPS $2.94: 186.34 / 2.94 = 63.381x.
    expect(pe("NVDA")).toBeCloseTo(186.34 / 2.94, 1);
  });

  it("the wall counts Alibaba once and quotes the median discount", () => {
    // A: BABA 23.53x (9988.HK left out: one issuer, one vote) and Tencent; B: 39.71, 37.73, 30.18, 63.38 → median
    // (37.73 + 39.71) / 2 = 38.72x. A's median is (23.53 + Tencent) / 2.
    const tencent = pe("0700.HK");
    const a = (pe("BABA") + tencent) / 2;
    const b = (pe("MSFT") + pe("AMZN")) / 2;
    expect(b).toBeCloseTo(38.72, 1);
    expect(out).toContain(`median ${a.toFixed(1)}x vs ${b.toFixed(1)}x`);
    expect(out).toContain(`discount of ${(100 * (1 - a / b)).toFixed(1)}%`);
    expect(out).toMatch(/n = 2 vs 4/);
  });

  it("coverage ends with what to import or fetch", async () => {
    const r = await cli("coverage", "BABA", "0700.HK", "--as-of", "2025-09-30");
    const todo = r.out.slice(r.out.indexOf("To do:"));
    // The store holds no consensus and no revenue for Alibaba: both are named, with the commands that fill them.
    expect(todo).toContain("- BABA: no estimates of alibaba — `rerate fetch --provider yahoo --symbols BABA` or `rerate import estimates <file>`");
    expect(todo).toContain("- BABA: no revenue of alibaba");
  });
});
