import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { MULTIPLE_KINDS, parseMetric, parseMetrics } from "../../core/valuation/index.js";
import { compsExplain, summarizeWall } from "../../app/comps-display.js";
import {
  parseCurrencyOption, parseDateOption, parseEveryOption, parseFractionsOption, parseHistoryOption, parseStatisticOption,
  parseListingOption,
} from "../../app/comps-options.js";
import { wallCsvRows, toCsv } from "../../app/export-csv.js";
import { parseFreshnessOptions, type FreshnessFlags } from "../../app/freshness-options.js";
import { wallWorkbook, writeWorkbook } from "../../app/export-xlsx.js";
import { wallChartSvg } from "../../app/comps-chart.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import { computeWall } from "../../app/wall.js";
import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { renderTable, toJson } from "../render.js";

export interface WallOptions extends FreshnessFlags {
  a?: string[];
  b?: string[];
  asOf?: string;
  metric?: string;
  metrics?: string;
  stat?: string;
  close?: string;
  currency?: string;
  history?: string;
  every?: string;
  explain?: boolean;
  xlsx?: string;
  csv?: string;
  chart?: string;
  listing?: string;
  perListing?: boolean;
}

/** `rerate wall --a … --b …`: the valuation wall between two peer groups. */
export async function run(ctx: CliContext, o: WallOptions): Promise<void> {
  if (o.a === undefined || o.a.length === 0) throw InvalidInputError.at({ column: "--a", reason: "is required: the first peer group (symbols, @group or a group file)" });
  if (o.b === undefined || o.b.length === 0) throw InvalidInputError.at({ column: "--b", reason: "is required: the second peer group (symbols, @group or a group file)" });
  const asOf = o.asOf !== undefined ? parseDateOption(o.asOf, "--as-of") : undefined;
  const metric = o.metric !== undefined ? parseMetric(o.metric, "--metric", MULTIPLE_KINDS) : undefined;
  const metrics = o.metrics !== undefined ? parseMetrics(o.metrics) : undefined;
  const statistic = o.stat !== undefined ? parseStatisticOption(o.stat) : undefined;
  const close = o.close !== undefined ? parseFractionsOption(o.close) : undefined;
  const currency = o.currency !== undefined ? parseCurrencyOption(o.currency) : undefined;
  const history = o.history !== undefined ? parseHistoryOption(o.history) : undefined;
  const every = o.every !== undefined ? parseEveryOption(o.every) : undefined;
  const listing = parseListingOption(o.listing, o.perListing);
  const freshness = parseFreshnessOptions({ ...o }, "cli");
  if (o.chart !== undefined && history === undefined) throw InvalidInputError.at({ column: "--chart", value: o.chart, reason: "needs --history FROM:TO (the chart draws the gap through time)" });
  const store = await ctx.store();
  const a = await resolveGroupTokens(store, o.a, { option: "--a", fallbackId: "a", resolvePath: (p) => cliPath(ctx, p) });
  const b = await resolveGroupTokens(store, o.b, { option: "--b", fallbackId: "b", resolvePath: (p) => cliPath(ctx, p) });
  const wall = await computeWall(store, {
    a, b,
    ...(asOf !== undefined ? { asOf } : {}), ...(metric !== undefined ? { metric } : {}), ...(metrics !== undefined ? { metrics } : {}),
    ...(statistic !== undefined ? { statistic } : {}), ...(close !== undefined ? { close } : {}), ...(currency !== undefined ? { currency } : {}),
    ...(history !== undefined ? { history: { ...history, ...(every !== undefined ? { every } : {}) } } : {}),
    ...(listing !== undefined ? { listing } : {}),
    ...(Object.keys(freshness).length > 0 ? { options: freshness } : {}),
  });
  const written: string[] = [];
  if (o.xlsx !== undefined) {
    await writeWorkbook(wallWorkbook(wall, ctx.lang), resolve(o.xlsx));
    written.push(resolve(o.xlsx));
  }
  if (o.csv !== undefined) {
    writeFileSync(resolve(o.csv), toCsv(wallCsvRows(wall, ctx.lang)));
    written.push(resolve(o.csv));
  }
  if (o.chart !== undefined) {
    writeFileSync(resolve(o.chart), wallChartSvg(wall, ctx.lang));
    written.push(resolve(o.chart));
  }
  if (ctx.json) {
    ctx.out(toJson(written.length > 0 ? { ...wall, files: written } : wall));
    return;
  }
  const s = summarizeWall(wall, ctx.lang);
  if (s.banner !== undefined) ctx.out(`*** ${s.banner} ***`);
  ctx.out(s.title);
  const groupTables = s.tables.slice(0, wall.comps.groups.length);
  for (const tb of groupTables) ctx.out(`${tb.title}\n${renderTable(tb.head, tb.rows, tb.align)}`);
  for (const l of s.lines) ctx.out(l);
  for (const tb of s.tables.slice(groupTables.length)) ctx.out(`\n${tb.title}\n${renderTable(tb.head, tb.rows, tb.align)}`);
  if (o.explain) ctx.out(`\n${t(ctx.lang, "comps.explain")}\n${compsExplain(wall.comps).join("\n")}`);
  for (const p of written) ctx.err(t(ctx.lang, "comps.written", { path: p }));
}
