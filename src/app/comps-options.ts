import { InvalidInputError } from "../errors.js";
import { Currency, IsoDate } from "../models/index.js";
import { EXCHANGES } from "../models/common.js";
import { PEER_STATISTICS, type HistoryFrequency, type ListingRule, type PeerStatistic } from "../core/valuation/index.js";

/**
 * Parsers for the options of comps, wall and check-multiple, shared by the CLI and the HTTP API. Each throws
 * InvalidInputError naming the option and echoing the value.
 */

/** An ISO date option (`--as-of`, `--around`). */
export function parseDateOption(value: string, option: string): string {
  if (!IsoDate.safeParse(value).success) throw InvalidInputError.at({ column: option, value, reason: "is not a date (YYYY-MM-DD)" });
  return value;
}

/** A currency option (`--currency usd` → USD). */
export function parseCurrencyOption(value: string, option = "--currency"): Currency {
  const c = Currency.safeParse(value.trim().toUpperCase());
  if (!c.success) throw InvalidInputError.at({ column: option, value, reason: `is not a currency rerate knows (${Currency.options.join(", ")})` });
  return c.data;
}

/** A list of gap fractions (`--close 0.25,0.5,1`; `50%` is read as 0.5). */
export function parseFractionsOption(value: string, option = "--close"): number[] {
  const parts = value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) throw InvalidInputError.at({ column: option, value, reason: "names no fraction; e.g. 0.25,0.5,1" });
  return parts.map((p) => {
    const pct = p.endsWith("%");
    const x = Number(pct ? p.slice(0, -1) : p) / (pct ? 100 : 1);
    if (!(Number.isFinite(x) && x > 0 && x <= 2)) throw InvalidInputError.at({ column: option, value: p, reason: "must be a fraction of the gap in (0, 2], e.g. 0.5 or 50%" });
    return x;
  });
}

/** A positive number option (`--claim 15`, `--tolerance 0.05`). */
export function parseNumberOption(value: string, option: string, check: (x: number) => boolean, hint: string): number {
  const x = Number(value.trim().replace(/x$/i, ""));
  if (value.trim() === "" || !Number.isFinite(x) || !check(x)) throw InvalidInputError.at({ column: option, value, reason: hint });
  return x;
}

/** A history range `FROM:TO` (TO optional: the as-of date). */
export function parseHistoryOption(value: string, option = "--history"): { from: string; to?: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?::(\d{4}-\d{2}-\d{2})?)?$/.exec(value.trim());
  if (m === null) throw InvalidInputError.at({ column: option, value, reason: "must be FROM:TO (e.g. 2023-01-01:2025-10-31) or FROM: (up to the as-of date)" });
  const from = parseDateOption(m[1] as string, option);
  const to = m[2] !== undefined ? parseDateOption(m[2], option) : undefined;
  if (to !== undefined && from > to) throw InvalidInputError.at({ column: option, value, reason: "starts after it ends" });
  return to !== undefined ? { from, to } : { from };
}

/** `--every month|week`. */
export function parseEveryOption(value: string, option = "--every"): HistoryFrequency {
  const v = value.trim().toLowerCase().replace(/(ly|s)$/, "");
  if (v === "month" || v === "week") return v;
  throw InvalidInputError.at({ column: option, value, reason: "must be month or week" });
}

/** `--stat median|harmonic|cap|mean`. */
export function parseStatisticOption(value: string, option = "--stat"): PeerStatistic {
  const aliases: Record<string, PeerStatistic> = { harmonic: "harmonicMean", harmonic_mean: "harmonicMean", cap: "capWeighted", cap_weighted: "capWeighted", aggregate: "capWeighted" };
  const v = value.trim();
  const s = (PEER_STATISTICS as readonly string[]).includes(v) ? (v as PeerStatistic) : aliases[v.toLowerCase().replaceAll("-", "_")];
  if (s === undefined) throw InvalidInputError.at({ column: option, value, reason: "must be median, harmonic, cap or mean" });
  return s;
}

/**
 * One issuer, one vote: `--listing first|primary|<exchange>` and `--per-listing` (every listing votes, the old rule)
 * as a {@link ListingRule}; `undefined` when neither is given (the app's default, "first").
 */
export function parseListingOption(listing: string | undefined, perListing: boolean | undefined, option = "--listing"): ListingRule | undefined {
  if (perListing === true) {
    if (listing !== undefined) throw InvalidInputError.at({ column: option, value: listing, reason: "cannot be combined with --per-listing (which counts every listing)" });
    return "per-listing";
  }
  if (listing === undefined) return undefined;
  const v = listing.trim();
  const lower = v.toLowerCase();
  if (lower === "first" || lower === "primary") return lower;
  if (lower === "per-listing" || lower === "all") return "per-listing";
  const ex = (EXCHANGES as readonly string[]).find((e) => e === v.toUpperCase());
  if (ex !== undefined) return { exchange: ex };
  throw InvalidInputError.at({ column: option, value: listing, reason: `must be first, primary, per-listing or an exchange (${EXCHANGES.join(", ")})` });
}
