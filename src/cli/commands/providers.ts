import { t } from "../../i18n/index.js";
import { credentialLookup, loadConfig } from "../../providers/config.js";
import { describeProviders } from "../../providers/registry.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

/** `rerate providers`: each live provider, what it serves, its rate limit and whether its settings are given. */
export async function run(ctx: CliContext, o: { config?: string }): Promise<void> {
  const credential = credentialLookup(process.env, loadConfig(o.config));
  const list = describeProviders((env) => credential(env) !== undefined);
  if (ctx.json) {
    ctx.out(toJson(list));
    return;
  }
  ctx.out(t(ctx.lang, "providers.title"));
  ctx.out(renderTable(
    [t(ctx.lang, "providers.col.provider"), t(ctx.lang, "providers.col.models"), t(ctx.lang, "providers.col.rate"), t(ctx.lang, "providers.col.credentials"), t(ctx.lang, "providers.col.symbols")],
    list.map((p) => [
      `${p.id}\n${p.name}`,
      p.models.map((m) => m.model).join(", "),
      p.requestsPerSecond,
      p.credentials.length === 0 ? t(ctx.lang, "providers.none")
        : p.credentials.map((c) => `${c.env} (${t(ctx.lang, c.set ? "providers.credentialSet" : "providers.credentialMissing")})`).join("\n"),
      p.symbols,
    ]),
  ));
  for (const p of list) {
    ctx.out(`\n${p.id}: ${p.description}`);
    for (const m of p.models) ctx.out(`  ${m.model}: ${m.description} (cache ${m.cacheTtlSeconds} s)`);
  }
}
