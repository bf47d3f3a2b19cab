import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/cli/context.js";
import { DEMO_DB_PATH } from "../../src/store/open.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-synthetic-");
const demoDb = join(dir, "demo.duckdb");
const realDb = join(dir, "real.duckdb");
const prices = join(dir, "AAA.csv");
beforeAll(async () => {
  writeFileSync(prices, "Date,Close\n2025-09-22,100\n2025-09-23,101\n");
  const r = await runCli(["--db", demoDb, "demo", "--out", join(dir, "out"), "--json"]);
  expect(r.code, r.err).toBe(0);
});
afterAll(cleanup);

describe("the synthetic demo never mixes with real work (issue 13)", () => {
  it("rerate demo without --db uses its own store .rerate/demo.duckdb, whatever RERATE_DB says", () => {
    const saved = process.env.RERATE_DB;
    process.env.RERATE_DB = join(dir, "mine.duckdb");
    try {
      expect(createContext({ lang: "en", json: false, defaultDb: DEMO_DB_PATH }).dbPath).toBe(resolve(".rerate/demo.duckdb"));
      expect(createContext({ lang: "en", json: false, db: demoDb, defaultDb: DEMO_DB_PATH }).dbPath).toBe(demoDb);
      expect(createContext({ lang: "en", json: false }).dbPath).toBe(join(dir, "mine.duckdb"));
    } finally {
      if (saved === undefined) delete process.env.RERATE_DB; else process.env.RERATE_DB = saved;
    }
  });

  it("import prices into the demo store is refused (exit 2, store unchanged) unless --allow-synthetic-mix", async () => {
    const refused = await runCli(["--db", demoDb, "import", "prices", prices]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`--db "${demoDb}" holds the synthetic demo market: import prices would mix real and synthetic rows`);
    expect(refused.err).toContain("--allow-synthetic-mix");
    expect((await runCli(["--db", demoDb, "prices", "AAA"])).code).toBe(3); // nothing landed
    const fx = join(dir, "fx.csv");
    writeFileSync(fx, "base,quote,date,rate\nUSD,HKD,2025-09-24,7.78\n");
    expect((await runCli(["--db", demoDb, "import", "fx", fx])).code).toBe(2);
    const allowed = await runCli(["--db", demoDb, "import", "prices", prices, "--allow-synthetic-mix"]);
    expect(allowed.code, allowed.err).toBe(0);
  });

  it("any command on the demo store says so on stderr; prices --json carries synthetic and basis", async () => {
    const r = await runCli(["--db", demoDb, "prices", "9988.HK", "--from", "2025-09-22", "--to", "2025-09-23", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("holds the SYNTHETIC DEMO market");
    expect(JSON.parse(r.out)).toMatchObject({ security: "9988.HK", basis: "raw", synthetic: true });
    const s = await runCli(["--db", demoDb, "securities"]);
    expect(s.err).toContain("holds the SYNTHETIC DEMO market");
    const hant = await runCli(["--db", demoDb, "--lang", "zh-Hant", "sources"]);
    expect(hant.err).toContain("合成示範市場");
  });

  it("a store of real data says nothing about synthetic data, and refuses to take the demo unless --allow-synthetic-mix", async () => {
    expect((await runCli(["--db", realDb, "import", "prices", prices])).code).toBe(0);
    const p = await runCli(["--db", realDb, "prices", "AAA"]);
    expect(p.err).not.toContain("SYNTHETIC");
    expect(p.err).toContain("AAA: raw closes");
    const demo = await runCli(["--db", realDb, "demo", "--out", join(dir, "out2")]);
    expect(demo.code).toBe(2);
    expect(demo.err).toContain("holds real market data: loading the synthetic demo into it would mix synthetic and real rows");
  });
});
