import { NotFoundError } from "../../errors.js";
import type { Event } from "../../models/event.js";
import type { Thesis } from "../../models/thesis.js";
import type { MonteCarloResult, TornadoResult, DeterministicResult } from "../../core/scenario/index.js";
import type { ListingRule } from "../../core/valuation/index.js";
import { listEvents } from "../../store/events.js";
import type { Store } from "../../store/open.js";
import { computeAttribution, type AttributionReport, type EpsBasis } from "../attribution.js";
import { checkMultiple, type CheckMultipleResult } from "../check-multiple.js";
import { latestPriceDate, type PeerGroup } from "../comps.js";
import { confinedPath } from "../config-file.js";
import { readEventsFile } from "../event-inputs.js";
import { computeEventStudy, type EventStudyResult } from "../event-study.js";
import { computeWallPremium, type WallPremiumResult } from "../implied.js";
import { evaluateScenarioModel, loadScenarioModel, runScenarioMonteCarlo, tornadoScenarioModel, type LoadedScenarioModel } from "../scenario.js";
import { computeWall, type Wall } from "../wall.js";
import type { LoadedThesis } from "./load-thesis.js";

/** A scenario model of the thesis, run: deterministic cases, the seeded Monte Carlo and the tornado. */
export interface ScenarioRun {
  id: string;
  file: string;
  loaded: LoadedScenarioModel;
  scenario: string;
  deterministic: DeterministicResult[];
  monteCarlo: MonteCarloResult;
  tornado: TornadoResult;
}

/**
 * The analyses a thesis needs, computed once each as of one date and shared by the claims and the report
 * sections (a claim and the section that shows it read the same numbers).
 */
export interface ThesisContext {
  readonly store: Store;
  readonly loaded: LoadedThesis;
  readonly thesis: Thesis;
  readonly asOf: string;
  group(id: string): PeerGroup;
  wall(a: string, b: string, metric?: Thesis["wall"]["metric"], withHistory?: boolean): Promise<Wall>;
  wallPremium(a: string, b: string): Promise<WallPremiumResult>;
  /** The thesis' catalysts dated on or before the as-of date. */
  events(): Promise<Event[]>;
  eventStudy(events: readonly Event[], securities?: readonly string[], windows?: readonly [number, number][]): Promise<EventStudyResult>;
  attribution(target: { group?: string; security?: string }, from: string, to: string, basis: EpsBasis): Promise<AttributionReport>;
  checkMultiple(security: string, claim: number, around: string | undefined, windowDays: number, tolerance: number): Promise<CheckMultipleResult>;
  scenario(id: string): Promise<ScenarioRun>;
}

/** The default as-of date of a thesis: its own `asOf`, else the latest price of any of its securities. */
export async function thesisAsOf(store: Store, thesis: Thesis): Promise<string> {
  if (thesis.asOf !== undefined) return thesis.asOf;
  const all = Object.values(thesis.groups).flatMap((g) => g.securities);
  const d = await latestPriceDate(store, all);
  if (d === undefined) throw new NotFoundError(`no prices for any security of thesis ${thesis.id}: load the demo (rerate demo) or import prices`);
  return d;
}

/** Creates the memoised analyses of a thesis as of a date. */
export function createThesisContext(store: Store, loaded: LoadedThesis, asOf: string): ThesisContext {
  const thesis = loaded.thesis;
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (p === undefined) memo.set(key, (p = f()));
    return p;
  };
  const group = (id: string): PeerGroup => {
    const g = thesis.groups[id];
    if (g === undefined) throw new NotFoundError(`thesis ${thesis.id} has no group ${id}`);
    const name = g.name === undefined ? { en: id } : typeof g.name === "string" ? { en: g.name } : g.name;
    return { id, name, securities: g.securities.map((s) => s.toUpperCase()) };
  };
  const listingRuleOf = (l: string): ListingRule => (l === "first" || l === "primary" || l === "per-listing" ? l : { exchange: l });
  // The thesis's freshness limits (if any) apply to every multiple it values.
  const options = thesis.freshness !== undefined ? { options: thesis.freshness } : {};
  const historyFrom = thesis.wall.historyFrom ?? `${Number(asOf.slice(0, 4)) - 3}${asOf.slice(4)}`;
  return {
    store, loaded, thesis, asOf, group,
    wall: (a, b, metric = thesis.wall.metric, withHistory = false) => once(`wall:${a}:${b}:${metric}:${withHistory}`, () => computeWall(store, {
      a: group(a), b: group(b), asOf, metric, close: thesis.wall.close, ...options,
      ...(thesis.wall.listing !== undefined ? { listing: listingRuleOf(thesis.wall.listing) } : {}),
      ...(withHistory ? { history: { from: historyFrom, to: asOf, every: "month" as const } } : {}),
    })),
    wallPremium: (a, b) => once(`premium:${a}:${b}`, () => computeWallPremium(store, { a: group(a), b: group(b), asOf })),
    events: () => once("events", async () => {
      const spec = thesis.events;
      const inFolder = (f: string) => confinedPath(loaded.dir, f, { file: loaded.file, line: loaded.lineOf(["events", "file"]) ?? 1, column: "events.file" });
      const all = spec?.file !== undefined ? readEventsFile(inFolder(spec.file)) : await listEvents(store);
      const picked = spec?.ids !== undefined ? all.filter((e) => spec.ids!.includes(e.id)) : all;
      return picked.filter((e) => e.timestamp.slice(0, 10) <= asOf);
    }),
    eventStudy: (events, securities, windows) => once(`events:${events.map((e) => e.id).join(",")}:${securities?.join(",") ?? ""}:${JSON.stringify(windows ?? null)}`, () => computeEventStudy(store, {
      events, ...(securities !== undefined ? { securities } : {}),
      ...(windows !== undefined ? { windows: windows.map(([from, to]) => ({ from, to })) } : {}),
    })),
    attribution: (target, from, to, basis) => once(`attr:${target.group ?? ""}:${target.security ?? ""}:${from}:${to}:${basis}`, () => computeAttribution(store, {
      ...(target.group !== undefined ? { group: group(target.group) } : { securities: [target.security!] }), from, to, basis,
    })),
    checkMultiple: (security, claim, around, windowDays, tolerance) => once(`check:${security}:${claim}:${around ?? asOf}:${windowDays}:${tolerance}`, () => checkMultiple(store, {
      security, claim, around: around ?? asOf, windowDays, tolerance, ...options,
    })),
    scenario: (id) => once(`scenario:${id}`, async () => {
      const spec = thesis.scenarios[id];
      if (spec === undefined) throw new NotFoundError(`thesis ${thesis.id} has no scenario model ${id}`);
      const file = confinedPath(loaded.dir, spec.file, { file: loaded.file, line: loaded.lineOf(["scenarios", id, "file"]) ?? 1, column: `scenarios.${id}.file` });
      const model = loadScenarioModel(file);
      const output = spec.output !== undefined ? { output: spec.output } : {};
      const year = spec.year !== undefined ? { year: spec.year } : {};
      return {
        id, file: spec.file, loaded: model, scenario: spec.scenario,
        deterministic: evaluateScenarioModel(model),
        // One thread: the numbers do not depend on it, and a report should not spawn workers.
        monteCarlo: await runScenarioMonteCarlo(model, { scenario: spec.scenario, draws: spec.draws, seed: spec.seed, threads: 1 }),
        tornado: tornadoScenarioModel(model, { scenario: spec.scenario, ...output, ...year }),
      };
    }),
  };
}
