import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inline, renderReportMarkdown } from "../../src/app/report/render-markdown.js";
import type { ReportDocument } from "../../src/app/report/report-document.js";
import { createThesisContext } from "../../src/app/thesis/context.js";
import { loadThesis, parseThesis } from "../../src/app/thesis/load-thesis.js";
import { openStore, type Store } from "../../src/store/open.js";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const EXAMPLE = readFileSync(join(REPO, "examples/china-tech-rerating.yaml"), "utf8");
const tmp = tempDir("rerate-hostile-config-");
const theses = join(tmp.dir, "theses");
let store: Store;
beforeAll(async () => {
  mkdirSync(join(theses, "data"), { recursive: true });
  writeFileSync(join(tmp.dir, "secret.csv"), "id,timestamp,title\nsecret-event,2025-01-02T00:00:00Z,TOP SECRET CONTENT\n");
  writeFileSync(join(theses, "data", "events.csv"), readFileSync(join(REPO, "examples/catalysts-2025.csv")));
  symlinkSync(join(tmp.dir, "secret.csv"), join(theses, "data", "link.csv"));
  store = await openStore(":memory:");
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

/** The example thesis with its events file (and scenario file) replaced, written into the theses folder. */
function thesisWith(events: string, scenario = "china-ai-capex.yaml"): string {
  const file = join(theses, `t-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, EXAMPLE.replace("file: catalysts-2025.csv", `file: ${JSON.stringify(events)}`).replace("file: china-ai-capex.yaml", `file: ${JSON.stringify(scenario)}`));
  return file;
}
// Line of `events:`'s `file:` in the example (47 is `events:`), and of the scenario's `file:`.
const EVENTS_FILE_LINE = EXAMPLE.split("\n").findIndex((l) => l.includes("file: catalysts-2025.csv")) + 1;
const SCENARIO_FILE_LINE = EXAMPLE.split("\n").findIndex((l) => l.includes("file: china-ai-capex.yaml")) + 1;

describe("a thesis reads files under its own folder only", () => {
  it.each([
    ["a ../ path to /etc/passwd", "../../../../../../../../etc/passwd"],
    ["an absolute path", "/etc/passwd"],
    ["a sibling folder's file", "../secret.csv"],
    ["a symbolic link inside the folder that points out of it", "data/link.csv"],
    ["a path that goes out and back in under another name", "../theses/../secret.csv"],
  ])("refuses events.file as %s, naming file, line and field, never the target's content", async (_what, path) => {
    const file = thesisWith(path);
    // Refused when the thesis is loaded, and again by the context (for a thesis parsed without loadThesis).
    expect(() => loadThesis(file)).toThrow(`${file}:${EVENTS_FILE_LINE}: events.file ${JSON.stringify(path)}`);
    const ctx = createThesisContext(store, parseThesis(readFileSync(file, "utf8"), file), "2025-10-31");
    const e = await ctx.events().then(() => undefined, (x: unknown) => x as { code: string; message: string });
    expect(e?.code).toBe("E_INVALID_INPUT");
    expect(e?.message).toContain(`${file}:${EVENTS_FILE_LINE}: events.file ${JSON.stringify(path)}`);
    expect(e?.message).toMatch(/outside the folder of the file that names it/);
    expect(e?.message).not.toMatch(/root:|TOP SECRET/);
  });

  it("reads a file in a subfolder of the thesis' folder", async () => {
    const ctx = createThesisContext(store, loadThesis(thesisWith("data/events.csv")), "2025-10-31");
    const events = await ctx.events();
    // examples/catalysts-2025.csv holds 14 events, all on or before 2025-10-31.
    expect(events.length).toBe(14);
  });

  it("refuses a scenario model outside the folder, naming scenarios.<id>.file and its line", async () => {
    const file = thesisWith("data/events.csv", "../../../../../../etc/passwd");
    expect(() => loadThesis(file)).toThrow(/scenarios\.chip-substitution\.file/);
    const ctx = createThesisContext(store, parseThesis(readFileSync(file, "utf8"), file), "2025-10-31");
    await expect(ctx.scenario("chip-substitution")).rejects.toMatchObject({
      code: "E_INVALID_INPUT",
      message: expect.stringContaining(`${file}:${SCENARIO_FILE_LINE}: scenarios.chip-substitution.file "../../../../../../etc/passwd"`),
    });
  });

  it("rerate report exits 2 with the located error and no content of /etc/passwd", async () => {
    const file = thesisWith("/etc/passwd");
    const r = await runCli(["--db", ":memory:", "report", file, "--format", "md", "--out", join(tmp.dir, "r.md")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("events.file \"/etc/passwd\" is outside the folder");
    expect(r.err).not.toMatch(/root:|\n\s+at /);
  });
});

describe("the Markdown report escapes HTML", () => {
  it("inline(text) neutralises tags, comments, autolinks and script links; keeps p < 0.05 and 5 > 3", () => {
    expect(inline("<script>alert(1)</script>")).toBe("&lt;script>alert(1)&lt;/script>");
    expect(inline('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)">');
    expect(inline("<!-- hidden -->")).toBe("&lt;!-- hidden -->");
    expect(inline("<https://evil.example>")).toBe("&lt;https://evil.example>");
    expect(inline("[click](javascript:alert(1))")).toBe("[click]\\(javascript:alert(1))");
    expect(inline("[ok](https://example.org)")).toBe("[ok](https://example.org)");
    expect(inline("p < 0.05 and 5 > 3")).toBe("p < 0.05 and 5 > 3");
    expect(inline("two\nlines\r\n# not a heading")).toBe("two lines # not a heading");
  });

  it("renderReportMarkdown(doc) leaves no raw tag in titles, paragraphs, lists, tables or claims", () => {
    const evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const doc: ReportDocument = {
      lang: "en", title: evil, subtitle: evil, banner: evil,
      sections: [{
        id: "summary", title: evil,
        blocks: [
          { kind: "p", text: evil },
          { kind: "error", text: evil },
          { kind: "list", items: [evil] },
          { kind: "table", table: { title: evil, head: [evil], align: ["left"], rows: [[evil]] } },
          { kind: "claims", head: { claim: evil, verdict: evil, figure: evil, test: evil, wrongIf: evil }, rows: [{ id: evil, text: evil, verdict: "holds", verdictText: evil, figure: evil, test: evil, wrongIf: evil, reason: evil }] },
        ],
      }],
    } as unknown as ReportDocument;
    const md = renderReportMarkdown(doc);
    expect(md).not.toMatch(/<(script|img|\/script)/i);
    // title, subtitle, banner, section title (4) + p, error, list (3) + table title, head, row (3) + 5 claim heads
    // + 7 claim cells (id, text, verdict, figure, test, wrong-if, reason) = 22 copies
    expect(md.match(/&lt;script>/g)?.length).toBe(22);
    expect(md.match(/&lt;img /g)?.length).toBe(22);
  });
});
