import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-demo-");
const db = join(dir, "demo.duckdb");
const outDir = join(dir, "out");
afterAll(cleanup);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe("rerate demo (what npm start runs)", () => {
  it("loads the demo universe once, prints the comps summary and writes it to files", async () => {
    const first = await runCli(["--db", db, "demo", "--out", outDir, "--json"]);
    expect(first.code, first.err).toBe(0);
    const j = JSON.parse(first.out);
    expect(j.load.loaded).toBe(true);
    expect(j.load.securities).toBe(27);
    expect(j.load.events).toBe(14);
    expect(j.comps.synthetic).toBe(true);
    expect(j.comps.asOf).toBe("2025-10-31");
    expect(existsSync(j.files.markdown)).toBe(true);
    const second = await runCli(["--db", db, "demo", "--out", outDir, "--json"]);
    expect(JSON.parse(second.out).load.loaded).toBe(false);
  });

  it("computes the gap from the rows it shows: median trailing P/E of each group, A/B − 1", async () => {
    const r = await runCli(["--db", db, "demo", "--out", outDir, "--json"]);
    const c = JSON.parse(r.out).comps;
    const pe = (g: string) => c.rows.filter((x: { group: string }) => x.group === g).map((x: { multiples: { trailingPE: { value?: number } } }) => x.multiples.trailingPE.value).filter((v: number | undefined) => v !== undefined) as number[];
    const a = median(pe("china"));
    const b = median(pe("us"));
    expect(c.aggregates.china.trailingPE.median).toBeCloseTo(a, 12);
    expect(c.gap.trailingPE.median.discount).toBeCloseTo(a / b - 1, 12);
    // The demo is calibrated near the note's 15x vs 22x.
    expect(a).toBeGreaterThan(13);
    expect(a).toBeLessThan(17);
    expect(b).toBeGreaterThan(20);
    expect(b).toBeLessThan(24);
  });

  it("labels synthetic data in the text and the markdown file, in English and Chinese", async () => {
    const en = await runCli(["--db", db, "demo", "--out", outDir]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("SYNTHETIC DEMO DATA");
    expect(en.out).toMatch(/On trailing P\/E \(last FY\), China platforms stand at a discount of \d+\.\d% to US platforms/);
    const md = readFileSync(join(outDir, "comps-summary.en.md"), "utf8");
    expect(md).toContain("SYNTHETIC DEMO DATA");
    const hant = await runCli(["--db", db, "--lang", "zh-Hant", "demo", "--out", outDir]);
    expect(hant.out).toContain("合成示範資料");
    expect(hant.out).toContain("折讓");
    const hans = await runCli(["--db", db, "--lang", "zh-Hans", "demo", "--out", outDir]);
    expect(hans.out).toContain("合成示范数据");
    expect(existsSync(join(outDir, "comps-summary.zh-Hans.md"))).toBe(true);
  });
});

describe("rerate securities / prices / sources on the demo store", () => {
  it("securities --json lists the security master with ADS ratios from FACTS.md", async () => {
    const r = await runCli(["--db", db, "securities", "--json"]);
    expect(r.code).toBe(0);
    const secs = JSON.parse(r.out) as { id: string; sharesPerListing: number; fiscalYearEndMonth?: number; reportingCurrency?: string }[];
    const by = new Map(secs.map((s) => [s.id, s]));
    expect(by.get("BABA")!.sharesPerListing).toBe(8);
    expect(by.get("JD")!.sharesPerListing).toBe(2);
    expect(by.get("PDD")!.sharesPerListing).toBe(4);
    expect(by.get("9988.HK")!.fiscalYearEndMonth).toBe(3);
    expect(by.get("0981.HK")!.reportingCurrency).toBe("USD");
  });

  it("prices 9988.HK --from --to prints bars; an unknown symbol exits 3 (E_NOT_FOUND)", async () => {
    const r = await runCli(["--db", db, "prices", "9988.HK", "--from", "2025-09-22", "--to", "2025-09-26", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.currency).toBe("HKD");
    expect(j.bars.map((b: { date: string }) => b.date)).toEqual(["2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26"]);
    const miss = await runCli(["--db", db, "prices", "NOPE"]);
    expect(miss.code).toBe(3);
    expect(miss.err).toContain("E_NOT_FOUND");
    const bad = await runCli(["--db", db, "prices", "9988.HK", "--from", "2025-13-01"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from "2025-13-01" is not a date');
  });

  it("sources --json marks the demo market synthetic and the security master not", async () => {
    const r = await runCli(["--db", db, "sources", "--json"]);
    const rows = JSON.parse(r.out) as { location: string; synthetic: boolean; kind: string }[];
    expect(rows.find((s) => s.location === "demo:synthetic")!.synthetic).toBe(true);
    expect(rows.find((s) => s.kind === "securities")!.synthetic).toBe(false);
  });

  it("rejects an unknown language with exit 2", async () => {
    const r = await runCli(["--db", db, "--lang", "fr", "securities"]);
    expect(r.code).toBe(2);
  });
});

describe("commander errors", () => {
  it("an unknown option of a subcommand goes to the injected stderr with exit 2", async () => {
    const r = await runCli(["--db", db, "securities", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--bogus'");
  });
});

describe("unwritable output paths", () => {
  it("an --svg into a missing folder is bad input (exit 2) naming the path, not an internal error", async () => {
    const r = await runCli(["--db", db, "bands", "9988.HK", "--svg", join(dir, "no-such-folder", "b.svg")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`[E_INVALID_INPUT]: ${join(dir, "no-such-folder", "b.svg")}: does not exist`);
  });
});
