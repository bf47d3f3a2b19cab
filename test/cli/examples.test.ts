import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyExamples, listExamples, PACKAGE_EXAMPLES_DIR, resolveInputPath } from "../../src/app/example-files.js";
import { resolveGroupTokens } from "../../src/app/peer-groups.js";
import { loadThesis } from "../../src/app/thesis/load-thesis.js";
import { openStore } from "../../src/store/open.js";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

// The files shipped in the repository's examples/ (read from disk, not from the code under test).
const SHIPPED = readdirSync(join(REPO, "examples")).sort();

let dir: string;
let cleanup: () => void;
let cwd: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir("rerate-examples-"));
  cwd = process.cwd();
});
afterEach(() => {
  process.chdir(cwd);
  cleanup();
});

describe("resolveInputPath(path, cwd)", () => {
  it("finds a missing examples/… path among the package's examples", () => {
    expect(PACKAGE_EXAMPLES_DIR.replace(/[\\/]$/, "")).toBe(join(REPO, "examples"));
    expect(resolveInputPath("examples/catalysts-2025.csv", dir)).toEqual({ path: join(REPO, "examples", "catalysts-2025.csv"), example: true });
    expect(resolveInputPath("./examples/china-ai-capex.yaml", dir).example).toBe(true);
  });

  it("prefers a file that exists where the user is, and leaves other paths alone", () => {
    mkdirSync(join(dir, "examples"));
    writeFileSync(join(dir, "examples", "catalysts-2025.csv"), "mine");
    expect(resolveInputPath("examples/catalysts-2025.csv", dir)).toEqual({ path: join(dir, "examples", "catalysts-2025.csv"), example: false });
    expect(resolveInputPath("examples/no-such-file.csv", dir)).toEqual({ path: join(dir, "examples", "no-such-file.csv"), example: false });
    expect(resolveInputPath("examples/../package.json", dir).example).toBe(false);
    expect(resolveInputPath("other/catalysts-2025.csv", dir).example).toBe(false);
  });
});

describe("rerate examples", () => {
  it("lists the shipped files", async () => {
    expect(listExamples().map((f) => f.name)).toEqual(SHIPPED);
    const r = await runCli(["examples", "--json"]);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { name: string }[]).map((f) => f.name)).toEqual(SHIPPED);
    const text = await runCli(["examples"]);
    for (const f of SHIPPED) expect(text.out).toContain(`examples/${f}`);
  });

  it("copy DIR puts them in DIR/examples, leaves existing files alone, and the copies are then used", async () => {
    const r = await runCli(["examples", "copy", dir]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, "examples")).sort()).toEqual(SHIPPED);
    expect(readFileSync(join(dir, "examples", "catalysts-2025.csv"), "utf8")).toBe(readFileSync(join(REPO, "examples", "catalysts-2025.csv"), "utf8"));
    writeFileSync(join(dir, "examples", "catalysts-2025.csv"), "edited");
    const again = copyExamples(dir);
    expect(again.written).toEqual([]);
    expect(again.skipped).toHaveLength(SHIPPED.length);
    expect(readFileSync(join(dir, "examples", "catalysts-2025.csv"), "utf8")).toBe("edited");
    expect(resolveInputPath("examples/catalysts-2025.csv", dir).example).toBe(false);
  });
});

describe("examples/… from another working directory", () => {
  it("rerate import events examples/catalysts-2025.csv works from a temp directory and says so in one line", async () => {
    process.chdir(dir);
    const r = await runCli(["--db", join(dir, "s.duckdb"), "import", "events", "examples/catalysts-2025.csv", "--json"]);
    expect(r.code, r.err).toBe(0);
    const notices = r.err.split("\n").filter((l) => l.includes("examples/catalysts-2025.csv is not in this directory"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(join(REPO, "examples", "catalysts-2025.csv"));
    // 15 lines in the file, one of them the header → 14 events
    const lines = readFileSync(join(REPO, "examples", "catalysts-2025.csv"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(15);
    expect(JSON.parse(r.out).added).toBe(14);
    expect(existsSync(join(dir, "examples"))).toBe(false);
  });

  it("the thesis and a group file in it are found too", async () => {
    process.chdir(dir);
    expect(loadThesis("examples/china-tech-rerating.yaml").thesis.groups.china!.securities).toContain("9988.HK");
    const store = await openStore(":memory:");
    try {
      const g = await resolveGroupTokens(store, ["examples/china-tech-rerating.yaml#china"], { option: "--a", fallbackId: "a" });
      expect(g.id).toBe("china");
      expect(g.securities).toContain("PDD");
    } finally {
      store.close();
    }
  });

  it("a child process started in a temp directory runs the README's scenario line", () => {
    // tsx by its file URL: the child's working directory has no node_modules to find it in.
    const tsx = pathToFileURL(join(REPO, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const r = spawnSync(process.execPath, ["--import", tsx, join(REPO, "test/helpers/cli-child.ts"), "--db", ":memory:", "scenario", "eval", "examples/china-ai-capex.yaml", "--json"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("using rerate's own example");
    expect(JSON.parse(r.stdout)).toBeTypeOf("object");
  });
});
