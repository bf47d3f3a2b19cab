import { fetchIntoStore, type FetchSummary } from "../../app/fetch.js";
import { t } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { startProgress } from "../progress.js";
import { toJson } from "../render.js";

interface Opts {
  provider?: string;
  symbols?: string;
  thesis?: string;
  from?: string;
  to?: string;
  refresh?: boolean;
  cache?: boolean;
  cacheDir?: string;
  config?: string;
  allowSyntheticMix?: boolean;
}

/** `rerate fetch`: live data into the store, one transaction, a summary of rows added and updated. */
export async function run(ctx: CliContext, o: Opts): Promise<void> {
  const store = await ctx.store();
  let bar: ReturnType<typeof startProgress> | undefined;
  let summary: FetchSummary;
  try {
    summary = await fetchIntoStore(store, {
      ...(o.provider !== undefined ? { provider: o.provider } : {}),
      ...(o.symbols !== undefined ? { symbols: o.symbols.split(/[\s,]+/).filter((s) => s !== "") } : {}),
      ...(o.thesis !== undefined ? { thesis: cliPath(ctx, o.thesis) } : {}),
      ...(o.from !== undefined ? { from: o.from } : {}),
      ...(o.to !== undefined ? { to: o.to } : {}),
      ...(o.config !== undefined ? { configPath: o.config } : {}),
      refresh: Boolean(o.refresh),
      ...(o.allowSyntheticMix ? { allowSyntheticMix: true } : {}),
      ...(o.cache === false ? { cacheDir: false as const } : o.cacheDir !== undefined ? { cacheDir: o.cacheDir } : {}),
      now: ctx.now,
      onProgress: (done, total, label) => {
        bar ??= startProgress("fetch", total, ctx.interactive);
        bar.update(done, label);
      },
    });
  } finally {
    bar?.stop();
  }
  if (ctx.json) {
    ctx.out(toJson(summary));
    return;
  }
  if (summary.tasks.length === 0) ctx.out(t(ctx.lang, "fetch.nothing"));
  else {
    ctx.out(t(ctx.lang, "fetch.done", { asOf: summary.asOf, added: summary.added, updated: summary.updated, unchanged: summary.unchanged }));
    for (const r of summary.tasks) ctx.out(t(ctx.lang, "fetch.task", { provider: r.provider, model: r.model, items: r.items, cached: r.fromCache, rows: r.rows }));
    for (const [table, c] of Object.entries(summary.tables)) {
      if (c.added + c.updated + c.unchanged > 0) ctx.out(t(ctx.lang, "fetch.table", { table, added: c.added, updated: c.updated, unchanged: c.unchanged }));
    }
  }
  if (summary.newSecurities.length > 0) {
    const list = summary.newSecurities.length > 8 ? summary.newSecurities.slice(0, 8).join(", ") + ", …" : summary.newSecurities.join(", ");
    ctx.out(t(ctx.lang, "fetch.newSecurities", { n: summary.newSecurities.length, list }));
  }
  for (const n of summary.notes) ctx.err(n);
  if (summary.skipped.length > 0) {
    ctx.err(t(ctx.lang, "fetch.skipped", { n: summary.skipped.length }));
    for (const s of summary.skipped.slice(0, 20)) ctx.err(`  ${s.provider} ${s.symbol}: ${s.reason}`);
    if (summary.skipped.length > 20) ctx.err(`  … ${summary.skipped.length - 20} more`);
  }
}
