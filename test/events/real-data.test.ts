// Real prices from ../shared/data (read in place): did ORCL, AVGO and 9988.HK react to their 2025 catalysts?
// Oracle reported after the US close on 9 Sep (16:05 ET), Broadcom after the close on 4 Sep, Alibaba's Apsara
// keynote was on the morning of 24 Sep in Hangzhou (the evening of 23 Sep in New York).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventStudyResult } from "../../src/app/event-study.js";
import { runCli } from "../helpers/run-cli.js";
import { hasSharedData, SHARED_DATA, tempDir } from "../helpers/paths.js";

describe.skipIf(!hasSharedData)("rerate event-study on real prices (../shared/data)", () => {
  const tmp = tempDir("rerate-ev-real-");
  const db = join(tmp.dir, "real.duckdb");
  const study = async (args: string[]) => {
    const r = await runCli(["--db", db, "event-study", ...args, "--json"]);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as EventStudyResult;
  };

  beforeAll(async () => {
    const files = ["us-adjclose/ORCL.csv", "us-adjclose/AVGO.csv", "hk/9988.HK.csv", "hk/0981.HK.csv", "indices/GSPC.csv", "indices/HSI.csv"].map((f) => join(SHARED_DATA, f));
    const r = await runCli(["--db", db, "import", "prices", ...files], "2026-12-01T00:00:00Z");
    expect(r.code, r.err).toBe(0);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it("ORCL on 10 Sep 2025: after-close results are day 0 the next session, +36% raw, hugely abnormal against ^GSPC", async () => {
    const r = await study(["--securities", "ORCL", "--benchmark", "^GSPC", "--event", "2025-09-09T16:05-04:00=Oracle FQ1 FY26"]);
    const o = r.observations[0]!;
    expect(r.synthetic).toBe(false);
    expect(o).toMatchObject({ security: "ORCL", event: "oracle-fq1-fy26", day0: "2025-09-10", dayZeroRule: "after-close", status: "ok", n: 240 });
    const d0 = o.ar.find((a) => a.day === 0)!;
    expect(d0.date).toBe("2025-09-10");
    expect(d0.r!).toBeCloseTo(324.63 / 238.79 - 1, 2); // PROVENANCE spot values: 238.79 → 324.63
    expect(d0.ar!).toBeGreaterThan(0.3);
    const w01 = o.windows.find((w) => w.from === 0 && w.to === 1)!;
    expect(w01.t!).toBeGreaterThan(8); // ≈ 8.9: a 36% jump against a daily residual σ of about 2.7%
    expect(w01.p!).toBeLessThan(1e-12);
    expect(o.beta!).toBeGreaterThan(0.8);
    expect(o.beta!).toBeLessThan(2.5);
  });

  it("9988.HK on 24 Sep 2025: a Hangzhou-morning keynote is day 0 that session; +9% raw against ^HSI's +1.4%", async () => {
    const r = await study(["--securities", "9988.HK", "--event", "2025-09-24T09:30+08:00=Qwen3-Max"]);
    const o = r.observations[0]!;
    expect(r.securities[0]).toMatchObject({ id: "9988.HK", benchmark: "^HSI", benchmarkReason: "default for HK listings", alignment: "same-exchange" });
    expect(o).toMatchObject({ day0: "2025-09-24", dayZeroRule: "during-session", status: "ok" });
    const d0 = o.ar.find((a) => a.day === 0)!;
    expect(d0.r!).toBeCloseTo(0.0916, 2); // FACTS.md: +9.16% to HK$174.00
    expect(d0.rm!).toBeCloseTo(26519 / 26159 - 1, 2); // PROVENANCE: ^HSI 26,159 → 26,519
    expect(d0.ar!).toBeGreaterThan(0.05);
    expect(o.windows.find((w) => w.from === 0 && w.to === 1)!.t!).toBeGreaterThan(2);
  });

  it("maps one US after-close headline to 5 Sep in New York and in Hong Kong; AVGO's +9.4% is abnormal", async () => {
    const r = await study(["--securities", "AVGO,0981.HK", "--event", "2025-09-04T16:15-04:00=Broadcom FQ3", "--windows", "0:0,0:1"]);
    const avgo = r.observations.find((o) => o.security === "AVGO")!;
    const smic = r.observations.find((o) => o.security === "0981.HK")!;
    expect(avgo).toMatchObject({ day0: "2025-09-05", dayZeroRule: "after-close" });
    expect(smic).toMatchObject({ day0: "2025-09-05", dayZeroRule: "before-open" });
    expect(avgo.ar.find((a) => a.day === 0)!.r!).toBeCloseTo(332.45 / 303.87 - 1, 2); // PROVENANCE: +9.4%
    expect(avgo.windows[0]!.t!).toBeGreaterThan(2.5);
    expect(r.aggregates.map((a) => a.n)).toEqual([2, 2]);
  });

  it("prints the tables, the benchmark choice and no synthetic banner for real data", async () => {
    const r = await runCli(["--db", db, "event-study", "--securities", "ORCL", "--benchmark", "^GSPC", "--event", "2025-09-09T16:05-04:00=Oracle"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toContain("SYNTHETIC");
    expect(r.out).toContain("ORCL → ^GSPC");
    expect(r.out).toMatch(/ORCL\s+│ oracle\s+│ 2025-09-10 \(after-close\)/);
    expect(r.out).toContain("Kolari–Pynnönen t");
  });
});
