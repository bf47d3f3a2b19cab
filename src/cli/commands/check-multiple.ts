import { checkMultiple } from "../../app/check-multiple.js";
import { definitionLabel, summarizeCheckMultiple } from "../../app/comps-check-display.js";
import { parseDateOption, parseNumberOption } from "../../app/comps-options.js";
import { parseFreshnessOptions, type FreshnessFlags } from "../../app/freshness-options.js";
import { parseMetric } from "../../core/valuation/index.js";
import { t } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export interface CheckMultipleOptions extends FreshnessFlags {
  claim?: string;
  metric?: string;
  around?: string;
  window?: string;
  tolerance?: string;
  all?: boolean;
}

/** `rerate check-multiple SYMBOL --claim 15`: which P/E definitions and dates reproduce a quoted multiple. */
export async function run(ctx: CliContext, symbol: string, o: CheckMultipleOptions): Promise<void> {
  if (o.claim === undefined) throw new Error("commander enforces --claim");
  const claim = parseNumberOption(o.claim, "--claim", (x) => x > 0, "must be a positive multiple, e.g. 15 or 15x");
  // Every P/E definition is listed whatever P/E flavour is named; other multiples are not checkable yet.
  parseMetric(o.metric ?? "pe", "--metric", ["trailingPE", "ttmPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm"]);
  const around = o.around !== undefined ? parseDateOption(o.around, "--around") : undefined;
  const windowDays = o.window !== undefined ? parseNumberOption(o.window, "--window", (x) => Number.isInteger(x) && x >= 0 && x <= 3660, "must be a whole number of days from 0 to 3660") : undefined;
  const tolerance = o.tolerance !== undefined ? parseNumberOption(o.tolerance, "--tolerance", (x) => x >= 0 && x < 1, "must be a fraction in [0, 1), e.g. 0.05 for ±5%") : undefined;
  const freshness = parseFreshnessOptions({ ...o }, "cli");
  const r = await checkMultiple(await ctx.store(), {
    security: symbol.trim().toUpperCase(), claim,
    ...(around !== undefined ? { around } : {}), ...(windowDays !== undefined ? { windowDays } : {}), ...(tolerance !== undefined ? { tolerance } : {}),
    ...(Object.keys(freshness).length > 0 ? { options: freshness } : {}),
  });
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  const s = summarizeCheckMultiple(r, ctx.lang);
  if (s.banner !== undefined) ctx.out(`*** ${s.banner} ***`);
  ctx.out(s.title);
  // Definitions with no value on any date (e.g. no basic EPS in the data) are folded into one line unless --all.
  const shown = o.all ? s.table.rows : s.table.rows.filter((_, i) => r.definitions[i]!.min !== undefined);
  ctx.out(renderTable(s.table.head, shown, s.table.align));
  const hidden = r.definitions.filter((d) => d.min === undefined);
  if (!o.all && hidden.length > 0) {
    ctx.out(`${t(ctx.lang, "word.nm")}: ${hidden.map((d) => `${definitionLabel(d.definition, ctx.lang)} (${d.atAround.nm})`).join("; ")}`);
  }
  for (const l of s.lines) ctx.out(l);
}
