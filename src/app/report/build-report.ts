import type { LocalizedText } from "../../models/common.js";
import type { Thesis } from "../../models/thesis.js";
import { listSources } from "../../store/sources.js";
import type { Store } from "../../store/open.js";
import type { AttributionReport } from "../attribution.js";
import type { CheckMultipleResult } from "../check-multiple.js";
import type { EventStudyResult } from "../event-study.js";
import type { WallPremiumResult } from "../implied.js";
import type { Wall } from "../wall.js";
import { createThesisContext, thesisAsOf, type ScenarioRun, type ThesisContext } from "../thesis/context.js";
import { evaluateClaims, type ClaimResult } from "../thesis/evaluate-claims.js";
import type { LoadedThesis } from "../thesis/load-thesis.js";

/** A section's data, or why it could not be computed (one failing analysis never sinks the report). */
export type Part<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/** A scenario run without its file handle: plain data. */
export type ScenarioPart = Omit<ScenarioRun, "loaded"> & { title: LocalizedText; assumptions: { name: string; unit: string; basis?: string; source?: string }[] };

/** Everything a report shows, language-free: renderers (HTML, Markdown, XLSX) format it for a locale. */
export interface ReportModel {
  thesis: Thesis;
  file: string;
  asOf: string;
  /** True when any figure comes from the synthetic demo data. */
  synthetic: boolean;
  claims: ClaimResult[];
  wall: Part<Wall>;
  premium: Part<WallPremiumResult>;
  events: Part<EventStudyResult>;
  scenarios: Part<ScenarioPart>[];
  attribution: Part<AttributionReport>[];
  /** The headline multiples (multiple claims) under every definition. */
  headline: Part<CheckMultipleResult>[];
  /** Every import the store records (file, provider or demo), without import times (a report has no clock). */
  sources: { kind: string; location: string; synthetic: boolean; rows: number; sha256?: string }[];
  /** The last price date of each security the report uses. */
  priceDates: { security: string; last: string }[];
}

async function part<T>(f: () => Promise<T>): Promise<Part<T>> {
  try {
    return { value: await f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function scenarioPart(ctx: ThesisContext, id: string): Promise<ScenarioPart> {
  const { loaded, ...run } = await ctx.scenario(id);
  const m = loaded.model;
  const title: LocalizedText = typeof m.title === "string" ? { en: m.title } : m.title ?? { en: m.id ?? id };
  const assumptions = Object.entries(m.drivers ?? {}).map(([name, d]) => {
    const x = d as { unit?: string; basis?: string; source?: string };
    return { name, unit: x.unit ?? "", ...(x.basis !== undefined ? { basis: x.basis } : {}), ...(x.source !== undefined ? { source: x.source } : {}) };
  });
  return { ...run, title, assumptions };
}

/**
 * Builds a thesis' report as of a date: every claim checked, and the sections' analyses (the wall with its history and
 * closing scenarios, implied expectations, the catalyst event study, the scenario models, attribution, the headline
 * multiples under every definition, sources and as-of dates). Claims and sections share one set of analyses.
 *
 * @param store - the open store.
 * @param loaded - the thesis (see loadThesis).
 * @param options - asOf (default: the thesis' own, else the latest price of its securities).
 * @returns the report's data; renderers format it.
 * @example await buildReport(store, loadThesis("examples/china-tech-rerating.yaml"), { asOf: "2025-10-31" })
 */
export async function buildReport(store: Store, loaded: LoadedThesis, options: { asOf?: string } = {}): Promise<ReportModel> {
  const thesis = loaded.thesis;
  const asOf = options.asOf ?? (await thesisAsOf(store, thesis));
  const ctx = createThesisContext(store, loaded, asOf);
  const claims = await evaluateClaims(ctx);
  const wall = await part(() => ctx.wall(thesis.wall.a, thesis.wall.b, thesis.wall.metric, true));
  const premium = await part(() => ctx.wallPremium(thesis.wall.a, thesis.wall.b));
  const events = await part(async () => {
    const list = await ctx.events();
    return ctx.eventStudy(list, thesis.events?.securities, thesis.events?.windows);
  });
  const scenarios = await Promise.all(Object.keys(thesis.scenarios).map((id) => part(() => scenarioPart(ctx, id))));
  const attribution = await Promise.all((thesis.attribution?.groups ?? []).map((g) => part(() => ctx.attribution({ group: g }, thesis.attribution!.from, thesis.attribution!.to ?? asOf, thesis.attribution!.basis))));
  const headline = await Promise.all(thesis.claims.flatMap((c) => (c.kind === "multiple" ? [part(() => ctx.checkMultiple(c.security, c.claim, c.around, c.windowDays, c.tolerance))] : [])));

  const securities = [...new Set([...Object.values(thesis.groups).flatMap((g) => g.securities.map((s) => s.toUpperCase())), ...thesis.claims.flatMap((c) => ("security" in c && c.security !== undefined ? [c.security.toUpperCase()] : []))])].sort();
  const dates = await store.all<{ security: string; last: string }>(
    `SELECT security, strftime(max(date), '%Y-%m-%d') AS last FROM prices WHERE date <= CAST($asOf AS DATE) AND list_contains(string_split($ids, ','), security) GROUP BY security ORDER BY security`,
    { asOf, ids: securities.join(",") },
  );
  const sources = (await listSources(store)).sort((a, b) => a.id - b.id).map((s) => ({ kind: s.kind, location: s.location, synthetic: s.synthetic, rows: s.rowsRead, ...(s.sha256 !== null ? { sha256: s.sha256 } : {}) }));
  const synthetic = [wall.value?.synthetic, premium.value?.synthetic, events.value?.synthetic, ...attribution.map((a) => a.value?.synthetic), ...headline.map((h) => h.value?.synthetic)].some((x) => x === true);
  return {
    thesis, file: loaded.file, asOf, synthetic, claims, wall, premium, events, scenarios, attribution, headline, sources,
    priceDates: dates.map((d) => ({ security: String(d.security), last: String(d.last) })),
  };
}
