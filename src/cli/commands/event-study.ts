import { writeFileSync } from "node:fs";
import { eventsFromArguments, readEventsFile } from "../../app/event-inputs.js";
import { assertSomeObservation, computeEventStudy, eventStudyChartSvg, type EventStudyResult } from "../../app/event-study.js";
import { formatDayRange, NORMAL_MODELS, parseDayRange, type NormalModel } from "../../core/events/index.js";
import { parseNumberOption } from "../../app/comps-options.js";
import { looksLikeFile, resolveGroupTokens } from "../../app/peer-groups.js";
import { InvalidInputError } from "../../errors.js";
import { t, type MessageKey } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { startProgress } from "../progress.js";
import { renderTable, toJson } from "../render.js";

export interface EventStudyOptions {
  securities?: string[];
  exchange?: string[];
  benchmark?: string[];
  event?: string[];
  eventsFile?: string;
  tag?: string[];
  model?: string;
  estimation?: string;
  windows?: string;
  window?: string[];
  minEstimationDays?: string;
  logReturns?: boolean;
  parametricOnly?: boolean;
  threads?: string;
  svg?: string;
  xlsx?: string;
}

const TESTS = ["csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ"] as const;
/** Text output of a large study: up to MAX_EVENT_ROWS per-event rows in full, else the TOP_EVENT_ROWS largest |t|. */
const MAX_EVENT_ROWS = 200;
const TOP_EVENT_ROWS = 50;
const MAX_SKIPPED_ROWS = 30;
const MANY_SECURITIES = 20;

/** `rerate event-study`: parses the options, runs the study on the store, prints tables or JSON. */
export async function run(ctx: CliContext, o: EventStudyOptions): Promise<void> {
  if (o.model !== undefined && !(NORMAL_MODELS as readonly string[]).includes(o.model)) {
    throw InvalidInputError.at({ column: "--model", value: o.model, reason: `is unknown; use one of ${NORMAL_MODELS.join(", ")}` });
  }
  const windowTexts = [...(o.windows?.split(",") ?? []), ...(o.window ?? [])].map((s) => s.trim()).filter((s) => s !== "");
  const minDays = o.minEstimationDays === undefined ? undefined : Number(o.minEstimationDays);
  const threads = o.threads === undefined ? undefined : parseNumberOption(o.threads, "--threads", (x) => Number.isInteger(x) && x >= 1 && x <= 256, "must be a whole number of threads from 1 to 256");
  if (minDays !== undefined && !Number.isInteger(minDays)) throw InvalidInputError.at({ column: "--min-estimation-days", value: o.minEstimationDays!, reason: "must be an integer" });
  const securities = o.securities?.flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  const events = [...eventsFromArguments(o.event ?? []), ...(o.eventsFile !== undefined ? readEventsFile(cliPath(ctx, o.eventsFile)) : [])];

  const benchmarks: Record<string, string> = {};
  let benchmark: string | undefined;
  for (const b of o.benchmark ?? []) {
    const eq = b.indexOf("=");
    if (eq < 0) benchmark = b.trim();
    else if (eq > 0 && eq < b.length - 1) benchmarks[b.slice(0, eq).trim()] = b.slice(eq + 1).trim();
    else throw InvalidInputError.at({ column: "--benchmark", value: b, reason: "must be SYMBOL (for all) or SECURITY=SYMBOL" });
  }

  const store = await ctx.store();
  // @group names and group files (a whole market saved once) work here as in comps and wall.
  const resolved = securities?.some((w) => w.startsWith("@") || looksLikeFile(w))
    ? (await resolveGroupTokens(store, securities, { option: "--securities", fallbackId: "securities", resolvePath: (p) => cliPath(ctx, p) })).securities
    : securities;
  let bar: ReturnType<typeof startProgress> | undefined;
  let stage = "";
  const result = await computeEventStudy(store, {
    ...(resolved?.length ? { securities: resolved } : {}),
    ...(o.exchange?.length ? { exchanges: o.exchange } : {}),
    ...(events.length ? { events } : {}),
    ...(o.tag?.length ? { tags: o.tag } : {}),
    ...(benchmark !== undefined ? { benchmark } : {}),
    ...(Object.keys(benchmarks).length ? { benchmarks } : {}),
    ...(o.model !== undefined ? { model: o.model as NormalModel } : {}),
    ...(o.estimation !== undefined ? { estimation: parseDayRange(o.estimation, "--estimation") } : {}),
    ...(windowTexts.length ? { windows: windowTexts.map((w) => parseDayRange(w, "--windows")) } : {}),
    ...(minDays !== undefined ? { minEstimationDays: minDays } : {}),
    logReturns: Boolean(o.logReturns),
    ...(o.parametricOnly ? { residualTests: false } : {}),
    ...(threads !== undefined ? { threads } : {}),
    onProgress: (s, done, total) => {
      if (s !== stage) {
        bar?.stop();
        stage = s;
        bar = startProgress(t(ctx.lang, s === "prices" ? "events.progress.prices" : "events.progress.study"), total, ctx.interactive && total >= 20);
      }
      bar!.update(done);
    },
  }).finally(() => bar?.stop());
  assertSomeObservation(result);
  if (o.svg !== undefined) writeFileSync(o.svg, await eventStudyChartSvg(result, t(ctx.lang, "events.chart")));
  if (o.xlsx !== undefined) await writeWorkbook(result, o.xlsx, ctx);
  if (ctx.json) {
    ctx.out(toJson(result));
    return;
  }
  ctx.out(renderText(result, ctx));
}

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? "–" : x.toFixed(digits));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(2)}%`);

function renderText(r: EventStudyResult, ctx: CliContext): string {
  const lang = ctx.lang;
  const out: string[] = [];
  if (r.synthetic) out.push(`*** ${t(lang, "synthetic.banner")} ***`, "");
  const ok = r.observations.filter((o) => o.status === "ok");
  out.push(t(lang, "events.title", {
    model: r.model, estimation: formatDayRange(r.estimation), returns: t(lang, `events.returns.${r.returns}`), n: r.observations.length, ok: ok.length,
  }));
  // A whole market: benchmarks as counts, the per-event table cut to the largest moves (a terminal cannot show 7,000 rows).
  const benchOf = (s: EventStudyResult["securities"][number]) => `${s.benchmark ?? "–"}${s.benchmarkReason === "given" ? "" : ` (${s.benchmarkReason})`}`;
  const benches = r.securities.length <= MANY_SECURITIES
    ? [...new Set(r.securities.map((s) => `${s.id} → ${benchOf(s)}`))]
    : [...r.securities.reduce((m, s) => m.set(benchOf(s), (m.get(benchOf(s)) ?? 0) + 1), new Map<string, number>())].map(([b, n]) => `${b} × ${n}`);
  out.push(t(lang, "events.benchmarks", { list: benches.join("; ") }));
  const field = (f: "adjClose" | "close" | undefined) => (f === undefined ? "–" : f === "adjClose" ? "adjusted" : "close");
  const fieldOf = (s: EventStudyResult["securities"][number]) => `${field(s.priceField)} / ${field(s.benchmarkPriceField)}`;
  const fields = r.securities.length <= MANY_SECURITIES
    ? r.securities.map((s) => `${s.id} ${fieldOf(s)}`)
    : [...r.securities.reduce((m, s) => m.set(fieldOf(s), (m.get(fieldOf(s)) ?? 0) + 1), new Map<string, number>())].map(([f, n]) => `${f} × ${n}`);
  out.push(t(lang, "events.priceFields", { list: fields.join("; ") }), "");

  out.push(t(lang, "events.perEvent"));
  const wHead = r.windows.map((w) => `CAR ${formatDayRange(w)}`);
  const absT = (o: (typeof ok)[number]) => Math.abs(o.windows[0]?.t ?? 0) || 0;
  const shown = ok.length <= MAX_EVENT_ROWS ? ok : [...ok].sort((a, b) => absT(b) - absT(a)).slice(0, TOP_EVENT_ROWS);
  out.push(renderTable(
    [t(lang, "col.security"), t(lang, "events.col.event"), t(lang, "events.col.day0"), "α", "β", "σ", "n", ...wHead],
    shown.map((o) => [
      o.security, o.event, `${o.day0} (${o.dayZeroRule})`, fmt(o.alpha, 5), fmt(o.beta, 3), fmt(o.sigma, 4), o.n,
      ...o.windows.map((w) => `${pct(w.car)} (${fmt(w.t)})${w.missingDays.length ? "†" : ""}`),
    ]),
    ["left", "left", "left", "right", "right", "right", "right", ...r.windows.map(() => "right" as const)],
  ));
  if (shown.length < ok.length) out.push(t(lang, "events.perEventTop", { shown: shown.length, n: ok.length, window: formatDayRange(r.windows[0]!) }));
  const withMissing = ok.filter((o) => o.windows.some((w) => w.missingDays.length > 0)).length;
  if (withMissing > 0) out.push(`† ${t(lang, "events.missing", { n: withMissing })}`);
  out.push("", t(lang, "events.aggregate"));
  const row = (key: MessageKey, cells: string[]) => [t(lang, key), ...cells];
  const rows = [
    row("events.test.n", r.aggregates.map((a) => String(a.n))),
    row("events.test.caar", r.aggregates.map((a) => pct(a.caar))),
    ...TESTS.map((k) => row(`events.test.${k}`, r.aggregates.map((a) => (a.tests[k] === null ? "–" : `${fmt(a.tests[k])} (${fmt(a.p[k], 3)})`)))),
  ];
  out.push(renderTable([t(lang, "events.col.test"), ...r.windows.map(formatDayRange)], rows, ["left", ...r.windows.map(() => "right" as const)]));
  const skipped = r.observations.filter((o) => o.status === "skipped");
  if (skipped.length > 0) {
    out.push("", t(lang, "events.skipped", { n: skipped.length }));
    for (const s of skipped.slice(0, MAX_SKIPPED_ROWS)) out.push(`  ${s.security} / ${s.event}: ${s.reason}`);
    if (skipped.length > MAX_SKIPPED_ROWS) out.push(`  ${t(lang, "events.more", { n: skipped.length - MAX_SKIPPED_ROWS })}`);
  }
  for (const w of r.warnings) out.push(`! ${w}`);
  return out.join("\n");
}

/** The study as an Excel workbook: one sheet per security-event table, the tests, the ARs and the method. */
async function writeWorkbook(r: EventStudyResult, path: string, ctx: CliContext): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ok = r.observations.filter((o) => o.status === "ok");
  const obs = wb.addWorksheet("Security-events");
  obs.addRow(["security", "event", "title", "timestamp", "benchmark", "day0", "day-0 rule", "alpha", "beta", "sigma", "n",
    ...r.windows.flatMap((w) => [`CAR ${formatDayRange(w)}`, `t ${formatDayRange(w)}`, `p ${formatDayRange(w)}`])]);
  for (const o of ok) {
    obs.addRow([o.security, o.event, o.title, o.timestamp, o.benchmark ?? "", o.day0, o.dayZeroRule, o.alpha, o.beta, o.sigma, o.n,
      ...o.windows.flatMap((w) => [w.car, w.t, w.p])]);
  }
  const tests = wb.addWorksheet("Tests");
  tests.addRow(["window", "N", "CAAR", ...TESTS, ...TESTS.map((k) => `p ${k}`)]);
  for (const a of r.aggregates) tests.addRow([formatDayRange(a), a.n, a.caar, ...TESTS.map((k) => a.tests[k]), ...TESTS.map((k) => a.p[k])]);
  const ar = wb.addWorksheet("AR");
  ar.addRow(["security", "event", "day", "date", "AR", "R", "R benchmark"]);
  for (const o of ok) for (const d of o.ar) ar.addRow([o.security, o.event, d.day, d.date ?? "", d.ar, d.r, d.rm]);
  const method = wb.addWorksheet("Method");
  for (const line of [...(r.synthetic ? [t(ctx.lang, "synthetic.banner")] : []), ...r.method, ...r.warnings, `sources: ${r.sources.join(", ")}`]) method.addRow([line]);
  for (const o of r.observations.filter((x) => x.status === "skipped")) method.addRow([`not studied: ${o.security} / ${o.event}: ${o.reason}`]);
  await wb.xlsx.writeFile(path);
}
