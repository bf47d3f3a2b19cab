import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { CRAFTED, createTempDir, FIXTURES, NOW, SHARED_DATA, type TempDir } from "./_helpers.js";

/** Runs the CLI with captured output, a fixed clock and no terminal. */
async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false, now: () => new Date(NOW) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("rerate import (CLI)", () => {
  let tmp: TempDir;
  let db: string;
  beforeEach(() => {
    tmp = createTempDir();
    db = join(tmp.dir, "store", "rerate.duckdb");
  });
  afterEach(() => tmp.cleanup());

  it("main([import, securities, file]) refuses a misspelt column with a suggestion (exit 2); --ignore-columns leaves it out", async () => {
    const file = tmp.write("securities.csv", "id,name,exchange,currency,kind,shares_per_lisitng\nBABA,Alibaba ADS,NYSE,USD,adr,8\n");
    const bad = await runCli(["--db", db, "import", "securities", file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${file}:1: shares_per_lisitng is not a column of a securities file: did you mean \`shares_per_listing\`?`);
    const ok = await runCli(["--db", db, "import", "securities", file, "--ignore-columns", "shares_per_lisitng"]);
    expect(ok.code).toBe(0);
  });

  it("main([import, prices, file, --date-only]) keeps the date of a bar written with a time of day; without it exit 2", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n2025-09-24 16:08,174.8\n2025-09-25 16:08,172.1\n");
    const bad = await runCli(["--db", db, "import", "prices", file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/9988\.HK\.csv:2: Date "2025-09-24 16:08" has a time of day \(16:08\)/);
    const ok = await runCli(["--db", db, "import", "prices", file, "--date-only", "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ added: 2 });
  });

  it("main([--db, import, prices, file, --json]) exits 0 and prints the JSON summary", async () => {
    const file = join(SHARED_DATA, "cn-csi300/688256.csv");
    const r = await runCli(["--db", db, "import", "prices", file, "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as Record<string, unknown>;
    expect(summary).toMatchObject({ kind: "prices", dryRun: false, added: 241, updated: 0, unchanged: 0, newSecurities: ["688256.SS"] });
    expect(summary.files).toEqual([expect.objectContaining({ file, rowsRead: 241, rows: 241, skippedEmpty: 0 })]);
    // Again: nothing new, and the import log has one entry.
    const again = await runCli(["--db", db, "import", "prices", file, "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, unchanged: 241 });
    const sources = JSON.parse((await runCli(["--db", db, "sources", "--json"])).out) as unknown[];
    expect(sources).toEqual([expect.objectContaining({ kind: "prices", location: file, rowsRead: 241, importedAt: expect.stringContaining(NOW.slice(0, 10)) as unknown })]);
  });

  it("main([import, prices, bad file]) exits 2 and names file:line on stderr", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,0\n");
    const r = await runCli(["--db", db, "import", "prices", file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("[E_INVALID_INPUT]");
    expect(r.err).toContain(`${file}:3: Close "0" is not positive`);
    // Nothing was written: the store holds no source.
    expect(JSON.parse((await runCli(["--db", db, "sources", "--json"])).out)).toEqual([]);
  });

  it("main([import, prices, bad file, --json]) prints the error and its issues as JSON", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,abc\n");
    const r = await runCli(["--db", db, "import", "prices", file, "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      error: { code: "E_INVALID_INPUT", message: expect.stringContaining(file) as unknown, issues: [{ file, line: 3, column: "Close", value: "abc", reason: "is not a number" }] },
    });
  });

  it("main([import, prices]) prints the summary with quality and skipped-row lines; `rerate quality` lists the findings", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const r = await runCli(["--db", db, "--lang", "en", "import", "prices", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Imported prices: 1 file(s), 8 rows read; 7 added, 0 updated, 0 unchanged.");
    expect(r.out).toContain("1 rows with all prices empty were skipped.");
    expect(r.out).toContain("Data quality: 1 ohlc_inconsistent, 1 close_outside_range, 1 zero_volume, 1 long_gap, 1 big_move (see `rerate quality`).");
    const q = JSON.parse((await runCli(["--db", db, "quality", "9988.HK", "--json"])).out) as { check: string }[];
    expect(q.map((x) => x.check).sort()).toEqual(["big_move", "close_outside_range", "long_gap", "ohlc_inconsistent", "zero_volume"]);
  });

  it("main([import, prices, --strict]) exits 2 on data-quality findings", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const r = await runCli(["--db", db, "import", "prices", file, "--strict"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:7: big_move "2025-09-25" 9988.HK: one-day move 80.0%`);
  });

  it("main([import, prices, --dry-run]) validates and writes nothing", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const r = await runCli(["--db", db, "--lang", "en", "import", "prices", file, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Dry run: 1 file(s) valid; the import would add 7, update 0 and leave 0 unchanged. Nothing was written.");
    expect(JSON.parse((await runCli(["--db", db, "sources", "--json"])).out)).toEqual([]);
    expect(JSON.parse((await runCli(["--db", db, "quality", "--json"])).out)).toEqual([]);
  });

  it("main([import, prices, --map 日期=…, --encoding gbk]) maps Chinese headers of a GBK file", async () => {
    const file = resolve(FIXTURES, "gbk-map/0005.HK.csv");
    const r = await runCli(["--db", db, "import", "prices", file, "--map", "date=成交日期,close=最新收市价格", "--encoding", "gbk", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ added: 2, newSecurities: ["0005.HK"] });
    const bars = JSON.parse((await runCli(["--db", db, "prices", "0005.HK", "--json"])).out) as unknown;
    expect(JSON.stringify(bars)).toContain("100.2");
  });

  it("main([import, prices, --map bad]) exits 2 naming the bad pair", async () => {
    const file = resolve(FIXTURES, "gbk-map/0005.HK.csv");
    const r = await runCli(["--db", db, "import", "prices", file, "--map", "date"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"date" is not FIELD=HEADER');
  });

  it("main([import, shares, file]) exits 2: an unknown kind", async () => {
    const r = await runCli(["--db", db, "import", "shares", join(SHARED_DATA, "us-adjclose/BABA.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('kind "shares" is not an import kind');
  });

  it("main([import, prices, --currency XYZ]) exits 2: an unknown currency", async () => {
    const r = await runCli(["--db", db, "import", "prices", join(SHARED_DATA, "us-adjclose/BABA.csv"), "--currency", "XYZ"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--currency "XYZ" is not a known currency');
  });
});
