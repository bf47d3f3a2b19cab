import { computeWallPremium, type WallPremiumRequest } from "../../app/implied.js";
import { resolveGroupSpec } from "../../app/peer-groups.js";
import { parseListingOption } from "../../app/comps-options.js";
import { leftOutNotes } from "../../app/comps-display.js";
import { InvalidInputError } from "../../errors.js";
import { formatMultiple, formatPercent, formatPoints, formatPrice } from "../../i18n/format.js";
import { localized, t } from "../../i18n/index.js";
import { Currency } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";
import { modelOptions, parseDate, parseNumber, parseRate, type ModelFlags } from "./implied.js";

export interface WallFlags extends ModelFlags {
  a: string;
  b: string;
  asOf?: string;
  crp?: string;
  lambda?: string;
  rf?: string;
  listing?: string;
  perListing?: boolean;
}

/** "USD=0.041,HKD=3%" → { USD: 0.041, HKD: 0.03 }. */
function parseRates(raw: string | undefined): Partial<Record<Currency, number>> | undefined {
  if (raw === undefined) return undefined;
  const out: Partial<Record<Currency, number>> = {};
  for (const part of raw.split(",")) {
    const [ccy, rate] = part.split("=").map((s) => s.trim());
    const c = Currency.safeParse(ccy);
    if (!c.success || rate === undefined) throw InvalidInputError.at({ column: "--rf", value: part, reason: "must look like USD=0.041,HKD=3%" });
    out[c.data] = parseRate("--rf", rate)!;
  }
  return out;
}

const pct = (x: number | undefined) => formatPercent(x, { digits: 2 });

export async function run(ctx: CliContext, o: WallFlags): Promise<void> {
  const store = await ctx.store();
  const req: WallPremiumRequest = { a: await resolveGroupSpec(store, o.a, "--a"), b: await resolveGroupSpec(store, o.b, "--b"), model: modelOptions(o) };
  const asOf = parseDate("--as-of", o.asOf);
  if (asOf) req.asOf = asOf;
  const crp = parseRate("--crp", o.crp);
  if (crp !== undefined) req.countryRiskPremium = crp;
  const lambda = parseNumber("--lambda", o.lambda);
  if (lambda !== undefined) req.lambda = lambda;
  const rates = parseRates(o.rf);
  if (rates) req.riskFreeRates = rates;
  const listing = parseListingOption(o.listing, o.perListing);
  if (listing !== undefined) req.listing = listing;
  const r = await computeWallPremium(await ctx.store(), req);
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  const lang = ctx.lang;
  const [ga, gb] = r.groups;
  const nameA = localized(ga.name, lang);
  const nameB = localized(gb.name, lang);
  if (r.synthetic) ctx.out(`\n*** ${t(lang, "synthetic.banner")} ***\n`);
  ctx.out(t(lang, "wallPremium.title", { a: nameA, b: nameB, asOf: r.asOf }));
  ctx.out(renderTable(
    [t(lang, "col.security"), t(lang, "col.price"), t(lang, "implied.col.pe"), t(lang, "implied.col.consensus"), t(lang, "implied.col.impliedCoe"),
      t(lang, "implied.col.riskFree"), t(lang, "implied.col.erp"), t(lang, "implied.col.atWall")],
    r.rows.map((x) => x.error !== undefined
      ? [x.security, "", "", x.error.length > 60 ? x.error.slice(0, 57) + "…" : x.error, "", "", "", ""]
      : [
        x.security, formatPrice(x.price, x.currency ?? "", lang), formatMultiple(x.multiple, lang),
        (x.growthPath ?? []).map((g) => formatPercent(g, { digits: 0 })).join(" / "), pct(x.impliedCostOfEquity), pct(x.riskFreeRate), pct(x.impliedErp),
        x.atWall ? `${formatPrice(x.atWall.value, x.currency ?? "", lang)} (${formatPercent(x.atWall.upside, { sign: true })})` : "",
      ]),
    ["left", "right", "right", "left", "right", "right", "right", "right"],
  ));
  const k = r.costOfEquity;
  if (k.medianA !== undefined && k.medianB !== undefined) {
    ctx.out(t(lang, "wallPremium.coeGap", { ka: pct(k.medianA), kb: pct(k.medianB), gap: formatPoints((k.gap ?? 0) * 100, lang) }));
  }
  const p = r.premium;
  if (p) {
    ctx.out(t(lang, "wallPremium.summary", {
      a: nameA, b: nameB, ea: pct(p.medianA), eb: pct(p.medianB), gap: formatPoints(p.gap * 100, lang), lambda: p.lambda, crp: pct(p.countryRiskPremium),
      explained: formatPoints(p.explained * 100, lang), unexplained: formatPoints(p.unexplained * 100, lang),
      impliedLambda: p.impliedLambda !== undefined ? p.impliedLambda.toFixed(2) : "n.m.",
    }));
  }
  for (const n of r.notes) ctx.out(`  * ${n}`);
  for (const n of leftOutNotes(r.leftOut, ctx.lang)) ctx.out(`  * ${n}`);
}
