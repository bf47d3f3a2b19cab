import {
  evaluateScenarioModel, gridScenarioModel, loadScenarioModel, runScenarioMonteCarlo, scenarioThreads, tornadoScenarioModel, type LoadedScenarioModel,
} from "../../app/scenario.js";
import type { MonteCarloResult, SeriesSummary } from "../../core/scenario/index.js";
import { InvalidInputError } from "../../errors.js";
import { formatPercent } from "../../i18n/format.js";
import { localized, t } from "../../i18n/index.js";
import type { Lang } from "../../models/common.js";
import { MAX_DRAWS } from "../../models/scenario.js";
import { monteCarloWorkbook, tornadoWorkbook } from "../../app/export-scenario-xlsx.js";
import { writeWorkbook } from "../../app/export-xlsx.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { startProgress } from "../progress.js";
import { renderTable, toJson } from "../render.js";

/** A number for a table: thousands separators, about four significant digits. */
export function formatValue(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "n.m.";
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, a >= 1000 ? 0 : 1) }).replace("-", "\u2212");
}

function parseInteger(flag: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text.replace(/[_,]/g, ""));
  if (!Number.isSafeInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `≥ ${min} and ≤ ${max.toLocaleString("en-US")}`;
    throw InvalidInputError.at({ column: flag, value: text.slice(0, 80), reason: `must be a whole number ${range}` });
  }
  return v;
}

function parseNumbers(flag: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const vs = text.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  if (vs.length === 0 || vs.some((v) => !Number.isFinite(v))) throw InvalidInputError.at({ column: flag, value: text, reason: "must be numbers separated by commas, e.g. 30,40,50" });
  return vs;
}

function header(ctx: CliContext, loaded: LoadedScenarioModel, scenario: string): void {
  const title = loaded.model.title === undefined ? loaded.model.id ?? loaded.file : typeof loaded.model.title === "string" ? loaded.model.title : localized(loaded.model.title, ctx.lang);
  ctx.out(t(ctx.lang, "scenario.model", { title, scenario }));
}

const BLOCKS = "▁▂▃▄▅▆▇█";

/** A one-line histogram: one character per bin, height by count. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(...counts, 1);
  return counts.map((c) => (c === 0 ? " " : BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((c / max) * (BLOCKS.length - 1) + 0.5))])).join("");
}

interface RunFlags { scenario?: string; draws?: string; seed?: string; lhs?: boolean; threads?: string; output?: string; year?: string; xlsx?: string }

function pickSeries(r: MonteCarloResult, output?: string, year?: number): SeriesSummary | undefined {
  const named = output === undefined ? r.series : r.series.filter((s) => s.name === output);
  if (output !== undefined && named.length === 0) throw InvalidInputError.at({ column: "--output", value: output, reason: `is not an output (${[...new Set(r.series.map((s) => s.name))].join(", ")})` });
  const first = named[0]?.name;
  const same = named.filter((s) => s.name === first);
  if (year !== undefined) return same.find((s) => s.year === year) ?? same[same.length - 1];
  return same[same.length - 1];
}

/** `rerate scenario run FILE`: seeded Monte Carlo of a scenario. */
export async function run(ctx: CliContext, file: string, o: RunFlags): Promise<void> {
  const loaded = loadScenarioModel(cliPath(ctx, file));
  const draws = parseInteger("--draws", o.draws, 1, MAX_DRAWS) ?? loaded.model.montecarlo?.draws ?? 100_000;
  const seed = parseInteger("--seed", o.seed, Number.MIN_SAFE_INTEGER);
  const threads = parseInteger("--threads", o.threads, 1);
  const year = parseInteger("--year", o.year, 1900);
  const bar = startProgress("scenario", draws, ctx.interactive && draws >= 100_000);
  const started = performance.now();
  const r = await runScenarioMonteCarlo(loaded, {
    draws,
    ...(o.scenario !== undefined ? { scenario: o.scenario } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(o.lhs ? { sampler: "lhs" as const } : {}),
    ...(threads !== undefined ? { threads } : {}),
    onProgress: (done) => bar.update(done),
  }).finally(() => bar.stop());
  const seconds = (performance.now() - started) / 1000;
  if (o.xlsx !== undefined) {
    await writeWorkbook(monteCarloWorkbook(r, { model: loaded.model.id ?? loaded.file, file: loaded.file }), o.xlsx);
    ctx.err(t(ctx.lang, "scenario.xlsxWritten", { path: o.xlsx }));
  }
  if (ctx.json) {
    ctx.out(toJson({ model: loaded.model.id ?? loaded.file, ...r }));
    return;
  }
  const L = ctx.lang;
  header(ctx, loaded, r.scenario);
  const usedThreads = scenarioThreads(r.draws, threads);
  ctx.out(t(L, "scenario.run", { draws: draws.toLocaleString("en-US"), seed: r.seed, sampler: t(L, r.sampler === "lhs" ? "scenario.sampler.lhs" : "scenario.sampler.plain"), threads: usedThreads, seconds: seconds.toFixed(1) }));
  const pcts = r.series[0]?.stats.percentiles.map((p) => `P${Math.round(p.p * 100)}`) ?? [];
  ctx.out(renderTable(
    [t(L, "scenario.col.output"), t(L, "scenario.col.unit"), t(L, "scenario.col.mean"), t(L, "scenario.col.sd"), ...pcts, t(L, "scenario.col.probAbove")],
    r.series.map((s) => [s.label, s.unit, formatValue(s.stats.mean), formatValue(s.stats.sd), ...s.stats.percentiles.map((p) => formatValue(p.value)),
      s.stats.probAbove !== undefined ? `${formatPercent(s.stats.probAbove)} (> ${formatValue(s.threshold)})` : ""]),
    ["left", "left", ...Array<"right">(pcts.length + 3).fill("right")],
  ));
  for (const s of r.series) if (s.stats.nonFinite > 0) ctx.out(t(L, "scenario.nonFinite", { n: s.stats.nonFinite, output: s.label }));
  const head = pickSeries(r, o.output, year);
  if (head !== undefined) {
    ctx.out("");
    ctx.out(t(L, "scenario.sensitivity", { output: head.label }));
    ctx.out(renderTable([t(L, "scenario.col.driver"), t(L, "scenario.col.rank"), t(L, "scenario.col.share")],
      head.sensitivity.map((d) => [d.driver, d.rankCorrelation === undefined ? "–" : d.rankCorrelation.toFixed(3).replace("-", "\u2212"), formatPercent(d.contribution)]),
      ["left", "right", "right"]));
    if (head.stats.histogram) ctx.out(`${head.label}: ${formatValue(head.stats.histogram.edges[0])} ${sparkline(head.stats.histogram.counts)} ${formatValue(head.stats.histogram.edges[head.stats.histogram.edges.length - 1])} ${head.unit}`);
  }
  if (r.correlations.length > 0) {
    ctx.out("");
    ctx.out(t(L, "scenario.correlations"));
    for (const c of r.correlations) ctx.out(`  ${c.between[0]} ~ ${c.between[1]}: ${c.target.toFixed(2)} → ${c.achieved === undefined ? "–" : c.achieved.toFixed(3)}`);
  }
  ctx.out(t(L, "scenario.assumptions", { file: loaded.file }));
}

/** `rerate scenario eval FILE`: deterministic outputs of the base case and every named scenario. */
export function evaluate(ctx: CliContext, file: string): void {
  const loaded = loadScenarioModel(cliPath(ctx, file));
  const results = evaluateScenarioModel(loaded);
  if (ctx.json) {
    ctx.out(toJson({ model: loaded.model.id ?? loaded.file, scenarios: results }));
    return;
  }
  const L = ctx.lang;
  header(ctx, loaded, results.map((r) => r.scenario).join(" / "));
  ctx.out(t(L, "scenario.cases"));
  const rows: string[][] = [];
  const base = results[0];
  base?.outputs.forEach((o, k) => {
    o.values.forEach((_, y) => {
      rows.push([o.years ? `${o.name}[${o.years[y]}]` : o.name, o.unit, ...results.map((r) => formatValue(r.outputs[k]?.values[y]))]);
    });
  });
  ctx.out(renderTable([t(L, "scenario.col.output"), t(L, "scenario.col.unit"), ...results.map((r) => r.scenario)], rows, ["left", "left", ...results.map(() => "right" as const)]));
  ctx.out(t(L, "scenario.assumptions", { file: loaded.file }));
}

interface TargetFlags { scenario?: string; output?: string; year?: string }

/** `rerate scenario tornado FILE`: one-way sensitivity of an output. */
export async function tornado(ctx: CliContext, file: string, o: TargetFlags & { xlsx?: string }): Promise<void> {
  const loaded = loadScenarioModel(cliPath(ctx, file));
  const year = parseInteger("--year", o.year, 1900);
  const r = tornadoScenarioModel(loaded, { ...(o.scenario !== undefined ? { scenario: o.scenario } : {}), ...(o.output !== undefined ? { output: o.output } : {}), ...(year !== undefined ? { year } : {}) });
  if (o.xlsx !== undefined) {
    await writeWorkbook(tornadoWorkbook(r, { model: loaded.model.id ?? loaded.file, file: loaded.file }), o.xlsx);
    ctx.err(t(ctx.lang, "scenario.xlsxWritten", { path: o.xlsx }));
  }
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  const L = ctx.lang;
  header(ctx, loaded, o.scenario ?? "base");
  ctx.out(t(L, "scenario.tornado", { output: r.target.label, unit: r.target.unit, base: formatValue(r.base), low: Math.round(r.pLow * 100), high: Math.round(r.pHigh * 100) }));
  const widest = Math.max(...r.bars.map((b) => b.swing), 0);
  const input = (v: readonly number[]) => (v.every((x) => x === v[0]) ? formatValue(v[0]) : v.map(formatValue).join(" / "));
  ctx.out(renderTable(
    [t(L, "scenario.col.driver"), t(L, "scenario.col.low"), t(L, "scenario.col.high"), t(L, "scenario.col.atLow"), t(L, "scenario.col.atHigh"), t(L, "scenario.col.swing"), ""],
    r.bars.map((b) => [b.driver, `${input(b.inputLow)} ${b.unit}`, `${input(b.inputHigh)} ${b.unit}`, formatValue(b.outputLow), formatValue(b.outputHigh), formatValue(b.swing),
      "█".repeat(widest > 0 ? Math.round((b.swing / widest) * 24) : 0)]),
    ["left", "right", "right", "right", "right", "right", "left"],
  ));
}

interface GridFlags extends TargetFlags { x?: string; y?: string; steps?: string; xValues?: string; yValues?: string }

/** `rerate scenario grid FILE --x driver --y driver`: two-way sensitivity of an output. */
export function grid(ctx: CliContext, file: string, o: GridFlags): void {
  if (o.x === undefined || o.y === undefined) throw InvalidInputError.at({ column: o.x === undefined ? "--x" : "--y", reason: "is required: name a driver" });
  const loaded = loadScenarioModel(cliPath(ctx, file));
  const year = parseInteger("--year", o.year, 1900);
  const steps = parseInteger("--steps", o.steps, 1);
  const xValues = parseNumbers("--x-values", o.xValues);
  const yValues = parseNumbers("--y-values", o.yValues);
  const r = gridScenarioModel(loaded, { driver: o.x, ...(xValues ? { values: xValues } : {}) }, { driver: o.y, ...(yValues ? { values: yValues } : {}) }, {
    ...(o.scenario !== undefined ? { scenario: o.scenario } : {}), ...(o.output !== undefined ? { output: o.output } : {}), ...(year !== undefined ? { year } : {}), ...(steps !== undefined ? { steps } : {}),
  });
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  const L: Lang = ctx.lang;
  header(ctx, loaded, o.scenario ?? "base");
  ctx.out(t(L, "scenario.grid", { output: r.target.label, unit: r.target.unit, x: `${r.x.driver} (${r.x.unit})`, y: `${r.y.driver} (${r.y.unit})`, base: formatValue(r.base) }));
  const label = (a: typeof r.x, i: number) => {
    const p = a.points[i] ?? [];
    const v = p.every((x) => x === p[0]) ? formatValue(p[0]) : p.map(formatValue).join("/");
    return a.labels[i] === v || a.labels[i] === String(p[0]) ? v : `${a.labels[i]} (${v})`;
  };
  ctx.out(renderTable([`${r.y.driver} \\ ${r.x.driver}`, ...r.x.labels.map((_, i) => label(r.x, i))],
    r.values.map((row, i) => [label(r.y, i), ...row.map(formatValue)]),
    ["left", ...r.x.labels.map(() => "right" as const)]));
}
