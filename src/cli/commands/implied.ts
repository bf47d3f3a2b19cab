import { computeImplied, type ImpliedRequest, type ImpliedResult } from "../../app/implied.js";
import { InvalidInputError } from "../../errors.js";
import { formatMultiple, formatPercent, formatPrice } from "../../i18n/format.js";
import { t } from "../../i18n/index.js";
import { IsoDate } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

/** A rate from the command line: "0.042" or "4.2%". */
export function parseRate(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const pct = s.endsWith("%");
  const v = Number(pct ? s.slice(0, -1) : s);
  if (s === "" || !Number.isFinite(v)) throw InvalidInputError.at({ column: flag, value: raw, reason: "is not a rate (write 0.042 or 4.2%)" });
  return pct ? v / 100 : v;
}

/** A plain number from the command line (years, multiples, beta). */
export function parseNumber(flag: string, raw: string | undefined, opts: { integer?: boolean; positive?: boolean } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(v) || (opts.integer && !Number.isInteger(v)) || (opts.positive && !(v > 0))) {
    throw InvalidInputError.at({ column: flag, value: raw, reason: `is not ${opts.positive ? "a positive " : "a "}${opts.integer ? "whole number" : "number"}` });
  }
  return v;
}

/** A date flag, checked. */
export function parseDate(flag: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && !IsoDate.safeParse(raw).success) throw InvalidInputError.at({ column: flag, value: raw, reason: "is not a date (YYYY-MM-DD)" });
  return raw;
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(flag: string, raw: string | undefined, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) throw InvalidInputError.at({ column: flag, value: raw, reason: `must be one of ${choices.join(", ")}` });
  return raw as T;
}

/** The model flags shared by `implied` and `wall-premium`. */
export interface ModelFlags {
  basis?: string;
  consensus?: boolean;
  horizon?: string;
  fadeYears?: string;
  terminalGrowth?: string;
  exitMultiple?: string;
  beta?: string;
  erp?: string;
  payout?: string;
}

export function modelOptions(o: ModelFlags): Omit<ImpliedRequest, "security"> {
  const r: Omit<ImpliedRequest, "security"> = {};
  const basis = parseChoice("--basis", o.basis, ["earnings", "fcf"] as const);
  if (basis) r.basis = basis;
  if (o.consensus !== undefined) r.consensus = o.consensus;
  const set = <K extends keyof typeof r>(k: K, v: (typeof r)[K] | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set("horizonYears", parseNumber("--horizon", o.horizon, { integer: true, positive: true }));
  set("fadeYears", parseNumber("--fade-years", o.fadeYears, { integer: true }));
  set("terminalGrowth", parseRate("--terminal-growth", o.terminalGrowth));
  set("exitMultiple", parseNumber("--exit-multiple", o.exitMultiple, { positive: true }));
  set("beta", parseNumber("--beta", o.beta));
  set("matureErp", parseRate("--erp", o.erp));
  set("payoutRatio", parseRate("--payout", o.payout));
  return r;
}

export interface ImpliedFlags extends ModelFlags {
  asOf?: string;
  solve?: string;
  coe?: string;
  rf?: string;
  crp?: string;
  lambda?: string;
  growth?: string;
  minGrowth?: string;
}

const pct = (x: number | undefined, digits = 2) => formatPercent(x, { digits });

function summary(ctx: CliContext, r: ImpliedResult): string[] {
  const lang = ctx.lang;
  const a = r.assumptions;
  const lines: string[] = [];
  if (r.synthetic) lines.push(`\n*** ${t(lang, "synthetic.banner")} ***\n`);
  lines.push(t(lang, "implied.title", { security: r.security, asOf: r.asOf }));
  lines.push(t(lang, "implied.base", {
    price: formatPrice(r.base.price.close, r.currency, lang), basis: r.base.basis === "fcf" ? "FCF" : "EPS", period: r.base.fiscalPeriod,
    cf: formatPrice(r.base.cashFlow0, r.currency, lang), multiple: formatMultiple(r.base.multiple, lang),
  }));
  if (r.solve === "growth") {
    lines.push(t(lang, "implied.growth", {
      k: pct(r.costOfEquity), g: pct(r.implied), n1: a.highGrowthYears, gT: pct(a.terminalGrowth),
      fade: a.fadeYears > 0 ? t(lang, "implied.fade", { n2: a.fadeYears }) : "",
    }));
  } else {
    lines.push(t(lang, "implied.coe", { k: pct(r.implied), erp: pct(r.equityRiskPremium), currency: r.currency, rf: pct(a.riskFreeRate) }));
    if (r.atCapm) {
      lines.push(t(lang, "implied.atCapm", {
        k: pct(r.atCapm.costOfEquity), value: formatPrice(r.atCapm.value, r.currency, lang), upside: formatPercent(r.atCapm.upside, { sign: true }),
      }));
    }
  }
  return lines;
}

export async function run(ctx: CliContext, symbol: string, o: ImpliedFlags): Promise<void> {
  const req: ImpliedRequest = { security: symbol, ...modelOptions(o) };
  const asOf = parseDate("--as-of", o.asOf);
  if (asOf) req.asOf = asOf;
  const solve = parseChoice("--solve", o.solve, ["growth", "coe"] as const);
  if (solve) req.solve = solve;
  const extra: [keyof ImpliedRequest, number | undefined][] = [
    ["costOfEquity", parseRate("--coe", o.coe)], ["riskFreeRate", parseRate("--rf", o.rf)], ["countryRiskPremium", parseRate("--crp", o.crp)],
    ["lambda", parseNumber("--lambda", o.lambda)], ["growth", parseRate("--growth", o.growth)], ["minGrowth", parseRate("--min-growth", o.minGrowth)],
  ];
  for (const [k, v] of extra) if (v !== undefined) (req as unknown as Record<string, number>)[k] = v;
  const r = await computeImplied(await ctx.store(), req);
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  const lang = ctx.lang;
  for (const l of summary(ctx, r)) ctx.out(l);
  const a = r.assumptions;
  ctx.out("\n" + renderTable(
    [t(lang, "implied.col.year"), t(lang, "implied.col.growth"), t(lang, "implied.col.earnings")],
    r.valuation.growthRates.map((g, i) => [String(i + 1), pct(g, 1), formatPrice(r.valuation.earnings[i], r.currency, lang)]),
    ["right", "right", "right"],
  ));
  ctx.out(renderTable([t(lang, "implied.col.assumption"), t(lang, "implied.col.value")], [
    ["r_f", `${pct(a.riskFreeRate)} (${a.riskFreeRateSource})`],
    ["β · ERP", `${a.beta} × ${pct(a.matureErp)}`],
    ["λ · CRP", `${a.lambda} × ${pct(a.countryRiskPremium)} (${a.countryRiskPremiumSource})`],
    ["k = r_f + β·ERP + λ·CRP", pct(a.capmCostOfEquity)],
    ["g_T", pct(a.terminalGrowth)],
    [a.exitMultiple !== undefined ? "exit multiple" : "terminal", a.exitMultiple !== undefined ? formatMultiple(a.exitMultiple, lang) : "Gordon"],
    ["PV explicit / terminal", `${formatPrice(r.valuation.presentValueExplicit, r.currency, lang)} / ${formatPrice(r.valuation.presentValueTerminal, r.currency, lang)}`],
  ], ["left", "right"]));
  const what = r.solve === "growth" ? t(lang, "implied.col.impliedGrowth") : t(lang, "implied.col.impliedCoe");
  const input = r.solve === "growth" ? t(lang, "implied.col.costOfEquity") : t(lang, "implied.col.growth");
  ctx.out(t(lang, "implied.sensitivity", { what, input }));
  ctx.out(renderTable([input, what], r.sensitivity.map((s) => [pct(s.input), s.implied !== undefined ? pct(s.implied) : r.solve === "growth" && /below the value at growth/.test(s.error ?? "") ? `< ${pct(a.minGrowth)}` : "n.m."]), ["right", "right"]));
  for (const n of r.notes) ctx.out(`  * ${n}`);
}
