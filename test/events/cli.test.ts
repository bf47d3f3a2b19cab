// `rerate event-study` on the bundled demo store: options, JSON fields of issue 4, tables, and clear errors.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsFromArguments } from "../../src/app/event-inputs.js";
import { computeEventStudy, type EventStudyResult } from "../../src/app/event-study.js";
import { openStore } from "../../src/store/open.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/paths.js";

const tmp = tempDir("rerate-ev-cli-");
const db = join(tmp.dir, "demo.duckdb");
const cli = (...args: string[]) => runCli(["--db", db, "event-study", ...args]);
const json = async (...args: string[]) => {
  const r = await cli(...args, "--json");
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as EventStudyResult;
};

beforeAll(async () => {
  const r = await runCli(["--db", db, "demo", "--out", join(tmp.dir, "out"), "--json"]);
  expect(r.code, r.err).toBe(0);
}, 120_000);
afterAll(() => tmp.cleanup());

describe("rerate event-study (demo store)", () => {
  it("studies stored events by tag and writes the JSON fields of issue 4", async () => {
    const r = await json("--securities", "9988.HK", "BABA", "--tag", "alibaba");
    expect(r.synthetic).toBe(true);
    expect(r.events.map((e) => e.id)).toEqual(["alibaba-results-2025-08-29", "alibaba-apsara-qwen3-max-2025-09-24"]);
    expect(r.observations).toHaveLength(4);
    const o = r.observations.find((x) => x.security === "9988.HK" && x.event === "alibaba-results-2025-08-29")!;
    expect(o).toMatchObject({ day0: "2025-09-01", dayZeroRule: "after-close", status: "ok", n: 240, df: 238 });
    for (const k of ["alpha", "beta", "sigma"] as const) expect(typeof o[k]).toBe("number");
    expect(o.ar.map((a) => a.day)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    expect(o.windows.map((w) => [w.from, w.to])).toEqual([[-1, 1], [0, 1], [0, 5], [-5, 5]]);
    expect(Object.keys(o.windows[0]!)).toEqual(expect.arrayContaining(["from", "to", "car", "t", "p"]));
    const a = r.aggregates[0]!;
    expect(Object.keys(a.tests).sort()).toEqual(["bmpT", "corradoZ", "csectT", "genSignZ", "kpT", "patellZ", "signZ"]);
    expect(Object.keys(a.p).sort()).toEqual(Object.keys(a.tests).sort());
    expect(a).toMatchObject({ from: -1, to: 1, n: 4 });
    expect(r.method.join(" ")).toMatch(/Cowan/);
    expect(r.path).toHaveLength(11);
  });

  it("accepts --estimation=-250:-11, repeated --window=-1:1, --symbols and SECURITY=BENCHMARK", async () => {
    const r = await json("--symbols", "9988.HK,0700.HK", "--event", "2025-09-24T09:30+08:00=Qwen3-Max", "--estimation=-200:-6",
      "--window=-1:1", "--window", "0:0", "--benchmark", "0700.HK=^HSI", "--benchmark", "9988.HK=KWEB");
    expect(r.estimation).toEqual({ from: -200, to: -6 });
    expect(r.windows).toEqual([{ from: -1, to: 1 }, { from: 0, to: 0 }]);
    expect(r.securities.map((s) => [s.id, s.benchmark, s.alignment])).toEqual([["9988.HK", "KWEB", "as-of"], ["0700.HK", "^HSI", "same-exchange"]]);
    expect(r.observations[0]).toMatchObject({ event: "qwen3-max", day0: "2025-09-24", n: 195 });
  });

  it("maps a weekend event to the next session and reads a short events file (timestamp, label)", async () => {
    const file = join(tmp.dir, "events.csv");
    writeFileSync(file, "timestamp,label\n2025-09-27,Saturday news\n2025-09-05T16:15-04:00,After the US close\n");
    const r = await json("--securities", "9988.HK,AVGO", "--events-file", file, "--windows", "0:1");
    const byKey = Object.fromEntries(r.observations.map((o) => [`${o.security} ${o.title}`, o.day0]));
    expect(byKey).toEqual({
      "9988.HK Saturday news": "2025-09-29", "AVGO Saturday news": "2025-09-29",
      "9988.HK After the US close": "2025-09-08", "AVGO After the US close": "2025-09-08",
    });
  });

  it("keeps two command-line events with one label apart", async () => {
    const r = await json("--securities", "ORCL", "--event", "2025-09-09T16:05-04:00=Oracle", "--event", "2025-06-11T16:05-04:00=Oracle", "--windows", "0:1");
    expect(r.events.map((e) => e.id).sort()).toEqual(["oracle", "oracle-2"]);
    expect(r.observations.map((o) => o.day0).sort()).toEqual(["2025-06-12", "2025-09-10"]);
  });

  it("takes @group names and group files for --securities, as comps and wall do", async () => {
    const byGroup = await json("--securities", "@us,ORCL", "--event", "2025-09-09T16:05-04:00=Oracle", "--windows", "0:1");
    expect(byGroup.securities.map((s) => s.id)).toEqual(["AMZN", "MSFT", "GOOGL", "META", "ORCL"]); // ORCL once
    const file = join(tmp.dir, "us.csv");
    writeFileSync(file, "security\nAMZN\nMETA\n");
    const byFile = await json("--securities", file, "--event", "2025-09-09T16:05-04:00=Oracle", "--windows", "0:1");
    expect(byFile.securities.map((s) => s.id)).toEqual(["AMZN", "META"]);
    const unknown = await cli("--securities", "@nope", "--event", "2025-09-09", "--json");
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/--securities "@nope": no saved or built-in peer group/);
  });

  it("--exchange studies every priced listing of an exchange (a whole market), plus any --securities", async () => {
    const r = await json("--exchange", "NASDAQ", "--securities", "ORCL", "--event", "2025-09-09T16:05-04:00=Oracle", "--windows", "0:1");
    const ids = r.securities.map((s) => s.id);
    expect(ids).toContain("ORCL"); // NYSE, named
    expect(ids).toEqual(expect.arrayContaining(["AMZN", "MSFT", "GOOGL", "META"]));
    expect(ids.every((id) => id === "ORCL" || !id.endsWith(".HK"))).toBe(true);
    const bad = await cli("--exchange", "LSE", "--event", "2025-09-09", "--json");
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/exchange "LSE" is not a listing exchange; use one of HKEX, NYSE, NASDAQ/);
  });

  it("takes --threads (the numbers do not depend on it) and refuses a thread count that is not a whole number ≥ 1", async () => {
    const args = ["--securities", "9988.HK,0700.HK", "--event", "2025-09-24T09:30+08:00=Qwen3-Max", "--windows", "0:1"];
    const one = await json(...args, "--threads", "1");
    const two = await json(...args, "--threads", "2");
    expect(two.aggregates).toEqual(one.aggregates);
    for (const bad of ["0", "1.5", "two"]) {
      const r = await cli(...args, "--threads", bad, "--json");
      expect(r.code).not.toBe(0);
      expect(r.err).toContain(`--threads "${bad}"`);
    }
  });

  it("refuses more security-events than the caller's limit (maxPairs: the server's per-request cap)", async () => {
    const store = await openStore(db);
    await expect(computeEventStudy(store, { exchanges: ["HKEX"], events: eventsFromArguments(["2025-09-09"]), maxPairs: 2 }))
      .rejects.toThrow(/security-events" are more than 2 per request/);
    store.close();
  });

  it("prints a whole market readably: benchmarks as counts, the 50 largest |t|, the rest in --json", async () => {
    const r = await cli("--exchange", "HKEX,NYSE,NASDAQ,SSE,SZSE", "--events-file", "examples/catalysts-2025.csv", "--windows", "0:1");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Benchmarks: .*× \d+/);
    expect(r.out).toMatch(/Showing the 50 security-events with the largest \|t\| over 0:\+1 of \d{3}/);
    const table = r.out.slice(r.out.indexOf("Abnormal returns per security-event"), r.out.indexOf("Showing the 50"));
    const rows = table.split("\n").filter((l) => /^│ \S+\s+│ \S/.test(l) && !l.includes("Security"));
    expect(rows).toHaveLength(50);
    const ts = rows.map((l) => Math.abs(Number(/\((-?[\d.]+)\)/.exec(l.split("│")[8]!)![1])));
    expect(ts).toEqual([...ts].sort((a, b) => b - a)); // largest |t| first
  });

  it("runs the other models and log returns", async () => {
    const mean = await json("--securities", "ORCL", "--tag", "oracle", "--model", "mean-adjusted", "--log-returns");
    expect(mean).toMatchObject({ model: "mean-adjusted", returns: "log" });
    expect(mean.observations[0]!.beta).toBe(0);
    const adj = await json("--securities", "ORCL", "--tag", "oracle", "--model", "market-adjusted");
    expect(adj.observations[0]).toMatchObject({ alpha: 0, beta: 1 });
  });

  it("prints the synthetic banner, the per-event table and the test table", async () => {
    const r = await cli("--securities", "9988.HK,BABA", "--tag", "alibaba");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("SYNTHETIC DEMO DATA");
    expect(r.out).toContain("Event study: market model, estimation days -250:-11, simple returns; 4 security-event(s), 4 studied");
    expect(r.out).toContain("9988.HK → ^HSI (default for HK listings)");
    expect(r.out).toMatch(/│ 9988\.HK\s+│ alibaba-results-2025-08-29\s+│ 2025-09-01 \(after-close\)/);
    expect(r.out).toMatch(/│ Kolari–Pynnönen t\s+│ -?\d+\.\d\d \(\d\.\d{3}\)/);
    const zh = await runCli(["--db", db, "--lang", "zh-Hans", "event-study", "--securities", "9988.HK", "--tag", "alibaba"]);
    expect(zh.out).toContain("事件研究");
    expect(zh.out).toContain("广义符号检验 Z");
  });

  it("writes the mean CAR chart as SVG and the study as an Excel workbook", async () => {
    const svg = join(tmp.dir, "car.svg");
    const xlsx = join(tmp.dir, "study.xlsx");
    const r = await cli("--securities", "9988.HK,BABA", "--tag", "alibaba", "--svg", svg, "--xlsx", xlsx);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/^<svg/);
    expect(text).toContain("Mean cumulative abnormal return around the events");
    expect(text).toContain("SYNTHETIC DEMO DATA");
    expect(statSync(xlsx).size).toBeGreaterThan(5000);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Security-events", "Tests", "AR", "Method"]);
    expect(wb.getWorksheet("Security-events")!.rowCount).toBe(5);
  });

  it("fails clearly: an event too early for an estimation window, unknown names, bad windows, no events", async () => {
    const early = await cli("--securities", "9988.HK", "--event", "2023-03-01");
    expect(early.code).toBe(4);
    // The window spans 240 sessions (-250..-11); the ones before the first price are counted and named as the cause.
    expect(early.err).toMatch(/9988\.HK \/ event-1: only (\d+) valid estimation days in -250:-11 \(need ≥ 120\): (\d+) of its 240 sessions come before 9988\.HK's first return \(prices start 2023-01-03\): the event is too early/);
    const [, valid, before] = /only (\d+) valid estimation days .*?: (\d+) of its 240/.exec(early.err)!;
    expect(Number(valid) + Number(before)).toBe(240); // no price missing in the demo: every session is either before the history or valid
    const unknown = await cli("--securities", "NOPE", "--event", "2025-09-24");
    expect(unknown.code).toBe(3);
    expect(unknown.err).toMatch(/unknown security NOPE/);
    const tag = await cli("--tag", "nothing-like-this");
    expect(tag.code).toBe(3);
    expect(tag.err).toMatch(/no stored event has tag nothing-like-this; known tags: .*alibaba/);
    const reversed = await cli("--securities", "9988.HK", "--event", "2025-09-24", "--windows", "5:1");
    expect(reversed.code).toBe(2);
    expect(reversed.err).toMatch(/--windows "5:1" starts after it ends/);
    const overlap = await cli("--securities", "9988.HK", "--event", "2025-09-24", "--estimation=-250:-1", "--window=-5:5");
    expect(overlap.code).toBe(2);
    expect(overlap.err).toMatch(/must end before the earliest event window starts \(day -5\)/);
    const badTime = await cli("--securities", "9988.HK", "--event", "2025-09-24T10:00");
    expect(badTime.code).toBe(2);
    expect(badTime.err).toMatch(/offset/);
    const future = await cli("--securities", "9988.HK", "--event", "2026-03-02", "--json");
    expect(future.code).toBe(4);
    expect(JSON.parse(future.out).error.message).toMatch(/no session on or after 2026-03-02 in the prices \(last price 2025-10-31\)/);
  });
});
