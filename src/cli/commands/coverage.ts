import { computeCoverage } from "../../app/coverage.js";
import { coverageBlock, todoLines } from "../../app/coverage-display.js";
import { parseDateOption } from "../../app/comps-options.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import { t } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { renderTable, toJson } from "../render.js";

/** `rerate coverage [symbols|@group]`: what the store holds per security, what is n.m. and what to fetch or import. */
export async function run(ctx: CliContext, symbols: string[], o: { asOf?: string }): Promise<void> {
  // The clock is read here, in the CLI, never in the app or core.
  const asOf = o.asOf !== undefined ? parseDateOption(o.asOf, "--as-of") : ctx.now().toISOString().slice(0, 10);
  const store = await ctx.store();
  const securities = symbols.length > 0
    ? (await resolveGroupTokens(store, symbols, { option: "symbols", fallbackId: "coverage", resolvePath: (p) => cliPath(ctx, p) })).securities
    : undefined;
  const report = await computeCoverage(store, { asOf, ...(securities !== undefined ? { securities } : {}) });
  if (ctx.json) {
    ctx.out(toJson(report));
    return;
  }
  if (report.synthetic) ctx.out(`*** ${t(ctx.lang, "synthetic.banner")} ***`);
  ctx.out(t(ctx.lang, "coverage.title", { asOf, n: report.securities.length }));
  for (const c of report.securities) {
    ctx.out("");
    for (const part of coverageBlock(c, asOf, ctx.lang)) {
      ctx.out(typeof part === "string" ? part : renderTable(part.head, part.rows, part.align).split("\n").map((l) => `    ${l}`).join("\n"));
    }
  }
  for (const id of report.notInStore) ctx.out(t(ctx.lang, "coverage.notInStore", { security: id }));
  ctx.out("");
  for (const l of todoLines(report, ctx.lang)) ctx.out(l);
}
