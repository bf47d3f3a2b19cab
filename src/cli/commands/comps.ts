import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseMetrics } from "../../core/valuation/index.js";
import { compsExplain, compsNotes, compsTables } from "../../app/comps-display.js";
import { parseCurrencyOption, parseDateOption, parseListingOption } from "../../app/comps-options.js";
import { parseFreshnessOptions, type FreshnessFlags } from "../../app/freshness-options.js";
import { computePeerComps } from "../../app/comps-table.js";
import { compsCsvRows, toCsv } from "../../app/export-csv.js";
import { compsWorkbook, writeWorkbook } from "../../app/export-xlsx.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import { t } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { renderTable, toJson } from "../render.js";

export interface CompsOptions extends FreshnessFlags {
  asOf?: string;
  currency?: string;
  metrics?: string;
  explain?: boolean;
  xlsx?: string;
  csv?: string;
  listing?: string;
  perListing?: boolean;
}

/** `rerate comps <symbols…>`: a comps table of one peer group. */
export async function run(ctx: CliContext, symbols: string[], o: CompsOptions): Promise<void> {
  const asOf = o.asOf !== undefined ? parseDateOption(o.asOf, "--as-of") : undefined;
  const currency = o.currency !== undefined ? parseCurrencyOption(o.currency) : undefined;
  const metrics = o.metrics !== undefined ? parseMetrics(o.metrics) : undefined;
  const listing = parseListingOption(o.listing, o.perListing);
  const freshness = parseFreshnessOptions({ ...o }, "cli");
  const store = await ctx.store();
  const group = await resolveGroupTokens(store, symbols, { option: "symbols", fallbackId: "peers", resolvePath: (p) => cliPath(ctx, p) });
  const comps = await computePeerComps(store, {
    groups: [group], ...(asOf !== undefined ? { asOf } : {}), ...(currency !== undefined ? { currency } : {}), ...(metrics !== undefined ? { metrics } : {}),
    ...(listing !== undefined ? { listing } : {}),
    ...(Object.keys(freshness).length > 0 ? { options: freshness } : {}),
  });
  const written: string[] = [];
  if (o.xlsx !== undefined) {
    await writeWorkbook(compsWorkbook(comps, ctx.lang), resolve(o.xlsx));
    written.push(resolve(o.xlsx));
  }
  if (o.csv !== undefined) {
    writeFileSync(resolve(o.csv), toCsv(compsCsvRows(comps, ctx.lang)));
    written.push(resolve(o.csv));
  }
  if (ctx.json) {
    ctx.out(toJson(written.length > 0 ? { ...comps, files: written } : comps));
    return;
  }
  if (comps.synthetic) ctx.out(`*** ${t(ctx.lang, "synthetic.banner")} ***`);
  ctx.out(t(ctx.lang, "comps.tableTitle", { asOf: comps.asOf, ccy: comps.currency }));
  for (const tb of compsTables(comps, ctx.lang)) ctx.out(`${tb.title}\n${renderTable(tb.head, tb.rows, tb.align)}`);
  for (const l of compsNotes(comps, ctx.lang)) ctx.out(l);
  if (o.explain) ctx.out(`\n${t(ctx.lang, "comps.explain")}\n${compsExplain(comps).join("\n")}`);
  for (const p of written) ctx.err(t(ctx.lang, "comps.written", { path: p }));
}
