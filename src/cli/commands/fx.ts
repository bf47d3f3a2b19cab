import { convertWithStore } from "../../app/fx.js";
import type { CliContext } from "../context.js";
import { toJson } from "../render.js";

export async function run(ctx: CliContext, amount: string, from: string, to: string, o: { date?: string; maxStale?: string }): Promise<void> {
  const date = o.date ?? ctx.now().toISOString().slice(0, 10);
  const r = await convertWithStore(await ctx.store(), { amount, from, to, date, ...(o.maxStale !== undefined ? { maxStaleDays: Number(o.maxStale) } : {}) });
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  ctx.out(`${r.amount} ${r.from} = ${r.value.toFixed(6)} ${r.to}  (rate ${r.rate.toPrecision(8)} as of ${r.date})`);
  for (const leg of r.path) ctx.out(`  ${leg.pair} ${leg.rate} on ${leg.date}${leg.inverted ? " (inverted)" : ""}${leg.source ? `  [${leg.source}]` : ""}`);
}
