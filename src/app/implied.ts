import { InvalidInputError, NotFoundError } from "../errors.js";
import type { Currency, Estimate, Fundamental } from "../models/index.js";
import {
  consensusGrowthPath, costOfEquity, createFxLookup, DEFAULT_COUNTRY_RISK_PREMIUMS, DEFAULT_HORIZON_YEARS, DEFAULT_MATURE_ERP,
  DEFAULT_RISK_FREE_RATES, priceDcf, reverseDcfBase, solveImpliedCostOfEquity, solveImpliedGrowth, wallRiskPremium,
  type DcfModel, type FxQuoteLookup, type MultipleContext, type ReverseDcfBase, type WallRiskPremium,
} from "../core/valuation/index.js";
import { median } from "../core/stats/index.js";
import { selectIssuerVotes, type LeftOutListing, type ListingRule } from "../core/valuation/issuer-votes.js";
import { readEstimates, readFundamentals } from "../store/fundamentals.js";
import { readFxRates } from "../store/fx.js";
import type { Store } from "../store/open.js";
import { readCloseOnOrBefore } from "../store/prices.js";
import { getSecurity, type StoredSecurity } from "../store/securities.js";
import type { PeerGroup } from "./comps.js";
import { latestPriceDate, usesSyntheticData } from "../store/provenance.js";
export { usesSyntheticData } from "../store/provenance.js";

/** Everything stored about one listing that valuation needs, read once (core applies point in time). */
export interface ValuationData {
  security: StoredSecurity;
  fundamentals: Fundamental[];
  estimates: Estimate[];
  fx: FxQuoteLookup;
}

/**
 * Reads a listing with its issuer's fundamentals and estimates (all versions up to `upTo`, or all) and the FX
 * lookup. @throws NotFoundError when the security is not in the store.
 */
export async function loadValuationData(store: Store, id: string, upTo?: string, fx?: FxQuoteLookup): Promise<ValuationData> {
  const security = await getSecurity(store, id);
  if (!security) throw new NotFoundError(`security ${id} is not in the store: import a security master or load the demo (rerate demo)`);
  const entities = security.issuer ? [id, security.issuer] : [id];
  return {
    security,
    fundamentals: await readFundamentals(store, entities, upTo),
    estimates: await readEstimates(store, entities, upTo),
    fx: fx ?? createFxLookup(await readFxRates(store, upTo)),
  };
}

/** What to solve and the assumptions of a reverse DCF; rates are decimals per year. */
export interface ImpliedRequest {
  security: string;
  asOf?: string;
  /** "growth" (default): the growth the price implies at a cost of equity; "coe": the cost of equity given growth. */
  solve?: "growth" | "coe";
  /** "earnings" (default) or "fcf" (free cash flow). */
  basis?: "earnings" | "fcf";
  /** Use the consensus EPS path for the first years (default: true when solving the cost of equity). */
  consensus?: boolean;
  /** Explicit years (default 10). */
  horizonYears?: number;
  /** Years of linear fade to terminal growth at the end of the horizon (default 0; when solving the cost of
   * equity without `growth`: every year after the consensus path). */
  fadeYears?: number;
  /** Terminal growth (default: the risk-free rate, Damodaran's cap on stable growth). */
  terminalGrowth?: number;
  exitMultiple?: number;
  /** Cost of equity for solving growth (default r_f + β · ERP + λ · CRP). */
  costOfEquity?: number;
  /** Risk-free rate of the listing currency (default: DEFAULT_RISK_FREE_RATES, an assumption). */
  riskFreeRate?: number;
  beta?: number;
  matureErp?: number;
  /** Country risk premium (default: DEFAULT_COUNTRY_RISK_PREMIUMS of the security's country, else 0). */
  countryRiskPremium?: number;
  lambda?: number;
  /** Stage-1 growth when solving the cost of equity (default: the last consensus year's growth). */
  growth?: number;
  payoutRatio?: number;
  /** Lowest implied growth searched (default 0). */
  minGrowth?: number;
}

/** Where an assumption came from. */
export type AssumptionSource = "given" | "default" | "derived";

export interface ImpliedResult {
  security: string;
  name: StoredSecurity["name"];
  asOf: string;
  currency: Currency;
  synthetic: boolean;
  solve: "growth" | "coe";
  base: ReverseDcfBase;
  consensus: ReturnType<typeof consensusGrowthPath> | undefined;
  assumptions: {
    riskFreeRate: number;
    riskFreeRateSource: AssumptionSource;
    beta: number;
    matureErp: number;
    countryRiskPremium: number;
    countryRiskPremiumSource: AssumptionSource;
    lambda: number;
    /** r_f + β · ERP + λ · CRP. */
    capmCostOfEquity: number;
    terminalGrowth: number;
    horizonYears: number;
    highGrowthYears: number;
    fadeYears: number;
    exitMultiple?: number;
    payoutRatio: number;
    /** Lowest implied growth searched. */
    minGrowth: number;
  };
  /** The model solved (with the solved rate filled in). */
  model: DcfModel;
  /** The implied growth (solve growth) or the implied cost of equity (solve coe), decimal per year. */
  implied: number;
  /** The cost of equity of the model (given/CAPM for solve growth, implied for solve coe). */
  costOfEquity: number;
  /** costOfEquity − r_f. */
  equityRiskPremium: number;
  /** The model's value at the solution, per listing unit: equals the price. */
  value: number;
  valuation: { presentValueExplicit: number; presentValueTerminal: number; terminalValue: number; growthRates: number[]; earnings: number[] };
  /** Solve coe only: the value of the same cash flows at the CAPM cost of equity, and its upside to the price. */
  atCapm?: { costOfEquity: number; value: number; upside: number };
  /** The implied rate when the other input moves: cost of equity ± 1 and 2 pts (solve growth) or growth ± 2 and 4 pts (solve coe). */
  sensitivity: { input: number; implied?: number; error?: string }[];
  notes: string[];
}

const rounded = (x: number) => Math.round(x * 1e10) / 1e10;

/** Reverse DCF of one listing from its stored price, fundamentals and estimates (see {@link ImpliedRequest}). */
export async function computeImplied(store: Store, req: ImpliedRequest, shared?: { fx?: FxQuoteLookup }): Promise<ImpliedResult> {
  const asOf = req.asOf ?? (await latestPriceDate(store, [req.security]));
  if (asOf === undefined) throw new NotFoundError(`no prices for ${req.security}: load the demo (rerate demo) or import prices`);
  const data = await loadValuationData(store, req.security, asOf, shared?.fx);
  const bar = await readCloseOnOrBefore(store, req.security, asOf);
  if (!bar) throw new NotFoundError(`no price for ${req.security} on or before ${asOf}`);
  const synthetic = await usesSyntheticData(store, [data.security]);
  return impliedFromData(data, { ...req, asOf }, { date: bar.date, close: bar.close, currency: bar.currency as Currency }, synthetic);
}

/** The pure part of {@link computeImplied}: everything after the reads. */
export function impliedFromData(
  data: ValuationData,
  req: ImpliedRequest & { asOf: string },
  price: { date: string; close: number; currency: Currency },
  synthetic: boolean,
): ImpliedResult {
  const { security } = data;
  const solve = req.solve ?? "growth";
  const notes: string[] = [];
  const ctx: MultipleContext = { security, asOf: req.asOf, price, fundamentals: data.fundamentals, estimates: data.estimates, fx: data.fx };
  const base = reverseDcfBase(ctx, req.basis ?? "earnings");
  if ("nm" in base) {
    throw new InvalidInputError(`${security.id}: no base for a reverse DCF on ${req.asOf} (${base.message}); a reverse DCF needs positive ${base.basis === "fcf" ? "free cash flow" : "earnings"}`);
  }

  const currency = price.currency;
  const defaultRf = DEFAULT_RISK_FREE_RATES[currency];
  if (req.riskFreeRate === undefined && defaultRf === undefined) {
    throw InvalidInputError.at({ column: "--rf", reason: `is needed: rerate has no default risk-free rate for ${currency}` });
  }
  const riskFreeRate = req.riskFreeRate ?? (defaultRf as number);
  if (req.riskFreeRate === undefined) notes.push(`risk-free rate ${currency} ${(riskFreeRate * 100).toFixed(2)}% is a default assumption, not market data: pass --rf`);
  const defaultCrp = security.country !== undefined ? DEFAULT_COUNTRY_RISK_PREMIUMS[security.country] : undefined;
  const countryRiskPremium = req.countryRiskPremium ?? defaultCrp ?? 0;
  if (req.countryRiskPremium === undefined && defaultCrp === undefined) notes.push(`no country risk premium known for ${security.country ?? "an unknown country"}: 0 used`);
  const beta = req.beta ?? 1;
  const matureErp = req.matureErp ?? DEFAULT_MATURE_ERP;
  const lambda = req.lambda ?? 1;
  const capm = costOfEquity({ riskFreeRate, beta, matureErp, countryRiskPremium, lambda });
  const terminalGrowth = req.terminalGrowth ?? riskFreeRate;

  const horizonYears = req.horizonYears ?? DEFAULT_HORIZON_YEARS;
  const useConsensus = req.consensus ?? (solve === "coe" && base.basis === "earnings");
  let consensus: ImpliedResult["consensus"];
  let path: number[] = [];
  if (useConsensus) {
    consensus = consensusGrowthPath({ security, asOf: req.asOf, base: { fiscalPeriod: base.fiscalPeriod, value: base.reported.value, currency: base.reported.currency }, estimates: data.estimates });
    path = consensus.growthPath.slice(0, horizonYears);
    notes.push(...consensus.notes);
    if (path.length === 0) notes.push("no consensus EPS estimates after the base year: no consensus path");
  }

  let growth = req.growth;
  let fadeYears = req.fadeYears;
  if (solve === "coe" && growth === undefined) {
    const last = path[path.length - 1];
    if (last === undefined) {
      throw InvalidInputError.at({ column: "--growth", reason: "is needed to solve the cost of equity: there is no consensus path to continue" });
    }
    growth = last;
    // consensus, then fade from the last consensus growth to terminal growth over the rest of the horizon
    fadeYears ??= horizonYears - path.length;
  }
  fadeYears ??= 0;
  if (!Number.isInteger(fadeYears) || fadeYears < 0 || fadeYears > horizonYears) {
    throw InvalidInputError.at({ column: "--fade-years", value: String(fadeYears), reason: `must be a whole number from 0 to the horizon (${horizonYears})` });
  }
  const highGrowthYears = horizonYears - fadeYears;
  if (path.length > highGrowthYears) path = path.slice(0, highGrowthYears);

  const model: DcfModel = {
    cashFlow0: base.cashFlow0, growth: growth ?? 0, growthPath: path, highGrowthYears, fadeYears, terminalGrowth,
    discountRate: solve === "growth" ? (req.costOfEquity ?? capm) : capm,
    ...(req.exitMultiple !== undefined ? { exitMultiple: req.exitMultiple } : {}),
    ...(req.payoutRatio !== undefined ? { payoutRatio: req.payoutRatio } : {}),
  };
  const minGrowth = req.minGrowth ?? 0;
  const solveFor = (m: DcfModel) => (solve === "growth" ? solveImpliedGrowth(m, price.close, { minGrowth }) : solveImpliedCostOfEquity(m, price.close));
  const solution = solveFor(model);
  const valuation = priceDcf(solution.model);
  const k = solution.model.discountRate;

  const sensitivity: ImpliedResult["sensitivity"] = [];
  for (const step of solve === "growth" ? [-0.02, -0.01, 0, 0.01, 0.02] : [-0.04, -0.02, 0, 0.02, 0.04]) {
    const input = rounded(solve === "growth" ? model.discountRate + step : (growth ?? 0) + step);
    try {
      const m = solve === "growth" ? { ...model, discountRate: input } : { ...model, growth: input };
      sensitivity.push({ input, implied: solveFor(m).rate });
    } catch (e) {
      sensitivity.push({ input, error: (e as Error).message });
    }
  }

  const result: ImpliedResult = {
    security: security.id, name: security.name, asOf: req.asOf, currency, synthetic, solve, base, consensus,
    assumptions: {
      riskFreeRate, riskFreeRateSource: req.riskFreeRate === undefined ? "default" : "given", beta, matureErp,
      countryRiskPremium, countryRiskPremiumSource: req.countryRiskPremium === undefined ? "default" : "given", lambda,
      capmCostOfEquity: capm, terminalGrowth, horizonYears, highGrowthYears, fadeYears,
      ...(req.exitMultiple !== undefined ? { exitMultiple: req.exitMultiple } : {}), payoutRatio: req.payoutRatio ?? 1, minGrowth,
    },
    model: solution.model, implied: solution.rate, costOfEquity: k, equityRiskPremium: k - riskFreeRate, value: solution.value,
    valuation: {
      presentValueExplicit: valuation.presentValueExplicit, presentValueTerminal: valuation.presentValueTerminal,
      terminalValue: valuation.terminalValue, growthRates: [...valuation.growthRates], earnings: [...valuation.earnings],
    },
    sensitivity, notes,
  };
  if (solve === "coe" && (model.exitMultiple !== undefined || capm > terminalGrowth)) {
    const v = priceDcf({ ...solution.model, discountRate: capm }).value;
    result.atCapm = { costOfEquity: capm, value: v, upside: v / price.close - 1 };
  }
  return result;
}

/** The wall between two peer groups expressed as a risk premium (see {@link computeWallPremium}). */
export interface WallPremiumRequest {
  a: PeerGroup;
  b: PeerGroup;
  asOf?: string;
  /** CRP of A's country over B's (default: the difference of DEFAULT_COUNTRY_RISK_PREMIUMS of the groups' countries). */
  countryRiskPremium?: number;
  /** A's exposure to that risk (default 1). */
  lambda?: number;
  /** Risk-free rates by currency, overriding the defaults. */
  riskFreeRates?: Partial<Record<Currency, number>>;
  /** Model settings applied to every security (horizon, fade, terminal growth, exit multiple …). */
  model?: Omit<ImpliedRequest, "security" | "asOf" | "solve" | "riskFreeRate" | "countryRiskPremium" | "lambda">;
  /** One issuer, one vote in the groups' medians: which listing of an issuer counts (default "first"); "per-listing" counts all. */
  listing?: ListingRule;
}

export interface WallRow {
  group: string;
  security: string;
  currency?: Currency;
  price?: number;
  /** Trailing P/E (uncapped) the reverse DCF starts from. */
  multiple?: number;
  growthPath?: number[];
  impliedCostOfEquity?: number;
  riskFreeRate?: number;
  impliedErp?: number;
  /** Value if the security's implied ERP were B's median + λ · CRP, and the upside to it (group A only). */
  atWall?: { costOfEquity: number; value: number; upside: number };
  error?: string;
}

export interface WallPremiumResult {
  asOf: string;
  synthetic: boolean;
  groups: [PeerGroup, PeerGroup];
  rows: WallRow[];
  /** Median implied cost of equity of A and B and their difference. */
  costOfEquity: { medianA?: number; medianB?: number; gap?: number };
  /** The gap in median implied ERPs against λ · CRP (undefined when a group has no solution). */
  premium: WallRiskPremium | undefined;
  countryRiskPremiumSource: AssumptionSource;
  notes: string[];
  /** Listings left out of their group's medians (one issuer, one vote). */
  leftOut: LeftOutListing[];
}

const modeOf = (xs: readonly (string | undefined)[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((p, q) => q[1] - p[1])[0]?.[0];
};

/**
 * The valuation wall as a risk premium: for each security of both groups, the cost of equity its price implies
 * given consensus growth then a fade (a reverse DCF solved for k); the implied ERP = k − r_f of its currency; the
 * gap between the groups' median ERPs compared with λ · CRP (Damodaran); and for each security of A the value at
 * B's median ERP + λ · CRP. One security that cannot be solved is reported in its row, not thrown.
 */
export async function computeWallPremium(store: Store, req: WallPremiumRequest): Promise<WallPremiumResult> {
  const all = [...req.a.securities, ...req.b.securities];
  const asOf = req.asOf ?? (await latestPriceDate(store, all));
  if (asOf === undefined) throw new NotFoundError(`no prices for any of ${all.join(", ")}: load the demo (rerate demo) or import prices`);
  const fx = createFxLookup(await readFxRates(store, asOf));
  const notes: string[] = [];
  const rows: WallRow[] = [];
  const solved: { row: WallRow; model: DcfModel }[] = [];
  const countries: Record<string, (string | undefined)[]> = { a: [], b: [] };
  const found: StoredSecurity[] = [];
  for (const [key, group] of [["a", req.a], ["b", req.b]] as const) {
    for (const id of group.securities) {
      const row: WallRow = { group: group.id, security: id };
      rows.push(row);
      try {
        const data = await loadValuationData(store, id, asOf, fx);
        found.push(data.security);
        countries[key]!.push(data.security.country);
        const bar = await readCloseOnOrBefore(store, id, asOf);
        if (!bar) throw new NotFoundError(`no price on or before ${asOf}`);
        const currency = bar.currency as Currency;
        const rf = req.riskFreeRates?.[currency];
        const r = impliedFromData(data, { ...req.model, security: id, asOf, solve: "coe", ...(rf !== undefined ? { riskFreeRate: rf } : {}) },
          { date: bar.date, close: bar.close, currency }, false);
        Object.assign(row, {
          currency, price: bar.close, multiple: r.base.multiple, growthPath: r.model.growthPath ? [...r.model.growthPath] : [],
          impliedCostOfEquity: r.implied, riskFreeRate: r.assumptions.riskFreeRate, impliedErp: r.equityRiskPremium,
        });
        for (const n of r.notes) if (!notes.includes(n)) notes.push(n);
        solved.push({ row, model: r.model });
      } catch (e) {
        row.error = (e as Error).message;
      }
    }
  }
  // One issuer, one vote: of an issuer's solved listings in a group, one enters the medians.
  const leftOut: LeftOutListing[] = [];
  const voters = new Set<string>();
  for (const g of [req.a, req.b]) {
    const ok = new Set(solved.filter((x) => x.row.group === g.id).map((x) => x.row.security));
    const votes = selectIssuerVotes(g.id, g.securities.flatMap((id) => {
      const sec = found.find((f) => f.id === id);
      return sec !== undefined && ok.has(id) ? [sec] : [];
    }), req.listing ?? "first");
    leftOut.push(...votes.leftOut);
    for (const id of votes.voters) voters.add(`${g.id}\u0000${id}`);
  }
  const ofGroup = (g: PeerGroup, f: (r: WallRow) => number | undefined) =>
    rows.filter((r) => r.group === g.id && (r.error !== undefined || voters.has(`${g.id}\u0000${r.security}`))).map(f);
  const countryA = modeOf(countries.a!);
  const countryB = modeOf(countries.b!);
  const crpDefault = (DEFAULT_COUNTRY_RISK_PREMIUMS[countryA ?? ""] ?? 0) - (DEFAULT_COUNTRY_RISK_PREMIUMS[countryB ?? ""] ?? 0);
  const crp = req.countryRiskPremium ?? crpDefault;
  if (req.countryRiskPremium === undefined) {
    notes.push(`country risk premium ${(crp * 100).toFixed(2)}% = CRP ${countryA ?? "?"} − CRP ${countryB ?? "?"} (Damodaran, January 2024); pass --crp to override`);
  }
  const lambda = req.lambda ?? 1;
  const premium = wallRiskPremium(ofGroup(req.a, (r) => r.impliedErp), ofGroup(req.b, (r) => r.impliedErp), crp, lambda);
  const medianA = median(ofGroup(req.a, (r) => r.impliedCostOfEquity));
  const medianB = median(ofGroup(req.b, (r) => r.impliedCostOfEquity));
  if (premium !== undefined) {
    for (const { row, model } of solved) {
      if (row.group !== req.a.id || row.riskFreeRate === undefined || row.price === undefined) continue;
      const k = row.riskFreeRate + premium.medianB + premium.explained;
      try {
        const value = priceDcf({ ...model, discountRate: k }).value;
        row.atWall = { costOfEquity: k, value, upside: value / row.price - 1 };
      } catch (e) {
        notes.push(`${row.security}: no value at the wall's country-risk width (${(e as Error).message})`);
      }
    }
  }
  return {
    asOf, synthetic: found.length > 0 && (await usesSyntheticData(store, found)), groups: [req.a, req.b], rows,
    costOfEquity: {
      ...(medianA !== undefined ? { medianA } : {}), ...(medianB !== undefined ? { medianB } : {}),
      ...(medianA !== undefined && medianB !== undefined ? { gap: medianA - medianB } : {}),
    },
    premium, countryRiskPremiumSource: req.countryRiskPremium === undefined ? "default" : "given", notes, leftOut,
  };
}
