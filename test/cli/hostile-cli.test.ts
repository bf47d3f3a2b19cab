import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DRAWS } from "../../src/models/scenario.js";
import { MAX_API_DRAWS } from "../../src/server/routes/scenarios.js";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const tmp = tempDir("rerate-hostile-cli-");
const db = join(tmp.dir, "s.duckdb");
const MODEL = join(REPO, "examples/china-ai-capex.yaml");
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(async () => {
  writeFileSync(join(tmp.dir, "p.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,10,11,9,10.5,10.5,1000\n2025-01-03,10.5,11,10,10.8,10.8,1200\n");
  const r = await runCli(["--db", db, "import", "prices", join(tmp.dir, "p.csv"), "--symbol", "TEST.HK", "--currency", "HKD"]);
  expect(r.code, r.err).toBe(0);
  mkdirSync(join(tmp.dir, "folder.yaml"));
  // An alias bomb: 7 levels of 9 aliases each would expand to 9^7 ≈ 4.8 million strings.
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 7; i++) bomb.push(`${"abcdefg"[i]}: &${"abcdefg"[i]} [${Array(9).fill(`*${"abcdefg"[i - 1]}`).join(",")}]`);
  writeFileSync(join(tmp.dir, "bomb.yaml"), bomb.join("\n") + "\n");
  writeFileSync(join(tmp.dir, "deep.yaml"), "[".repeat(100_000) + "]".repeat(100_000) + "\n");
  writeFileSync(join(tmp.dir, "deep.json"), '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000) + "\n");
  writeFileSync(join(tmp.dir, "nested.yaml"), `securities: ${"[".repeat(70)}"A"${"]".repeat(70)}\n`);
});
afterAll(() => tmp.cleanup());

describe("a folder, an alias bomb or deep nesting where a config file is expected", () => {
  const cases = [
    ["report", (f: string) => ["report", f]],
    ["scenario eval", (f: string) => ["scenario", "eval", f]],
    ["comps (group file)", (f: string) => ["comps", f]],
  ] as const;
  for (const [name, argv] of cases) {
    it(`${name}: located E_INVALID_INPUT (exit 2), no stack trace`, async () => {
      const folder = await runCli(["--db", db, ...argv(join(tmp.dir, "folder.yaml"))]);
      expect(folder.code).toBe(2);
      expect(folder.err).toContain(`${join(tmp.dir, "folder.yaml")}: is a folder`);
      noStack(folder.err);

      const bomb = await runCli(["--db", db, ...argv(join(tmp.dir, "bomb.yaml"))]);
      expect(bomb.code).toBe(2);
      expect(bomb.err).toMatch(/bomb\.yaml(:1)?: .*aliases.* 100/); // the limit, named
      noStack(bomb.err);

      for (const deep of ["deep.yaml", "deep.json", "nested.yaml"]) {
        const r = await runCli(["--db", db, ...argv(join(tmp.dir, deep))]);
        expect(r.code, `${deep}: ${r.err}`).toBe(2);
        expect(r.err).toMatch(new RegExp(`${deep.replace(".", "\\.")}(:1)?: nests deeper than the limit of 64 levels`));
        noStack(r.err);
      }
    }, 60_000);
  }
});

describe("scenario run --draws has the API's and the thesis' cap", () => {
  it("one cap everywhere: 1,000,000", () => {
    expect(MAX_DRAWS).toBe(1_000_000);
    expect(MAX_API_DRAWS).toBe(MAX_DRAWS);
  });

  it("refuses 1e12 and 1,000,001 at once, naming --draws and the range; accepts the cap's neighbour below", async () => {
    for (const draws of ["1000000000000", "1000001", "1e12"]) {
      const t0 = Date.now();
      const r = await runCli(["scenario", "run", MODEL, "--draws", draws, "--threads", "1"]);
      expect(r.code, draws).toBe(2);
      expect(r.err).toContain(`--draws "${draws}" must be a whole number ≥ 1 and ≤ 1,000,000`);
      expect(Date.now() - t0).toBeLessThan(10_000); // refused before any drawing (1e12 used to run 25 s into an OOM)
    }
  }, 60_000);

  it("a model file whose montecarlo.draws exceeds the cap is refused with its line", async () => {
    const file = join(tmp.dir, "big.yaml");
    const { readFileSync } = await import("node:fs");
    writeFileSync(file, readFileSync(MODEL, "utf8").replace(/draws: 100000/, "draws: 2000000"));
    const r = await runCli(["scenario", "run", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/big\.yaml:\d+: montecarlo\.draws/);
  });
});

describe("output into a closed pipe", () => {
  // `| true` closes the pipe's reading end before rerate (seconds to start) writes: every write meets EPIPE.
  const piped = (args: string) => spawnSync("bash", ["-c", `node --import tsx test/helpers/cli-child.ts ${args} | true; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: REPO, encoding: "utf8", timeout: 120_000 });

  it("rerate prices TEST.HK | true exits 0, quietly", () => {
    const r = piped(`--db ${db} prices TEST.HK`);
    expect(r.stderr).toContain("status=0");
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at |E_INTERNAL/);
  }, 120_000);

  it("rerate scenario run … | true exits 0, quietly", () => {
    const r = piped(`scenario run ${MODEL} --draws 2000 --threads 1`);
    expect(r.stderr).toContain("status=0");
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 120_000);
});
