import { InvalidInputError } from "../../errors.js";
import type { MultipleKind, ResultUnit } from "./types.js";

/**
 * Short names a person types for each result kind (`--metrics pe,fpe,ev_ebitda`), in display order. The first
 * alias of a kind is its canonical short name.
 */
export const METRIC_ALIASES: Readonly<Record<MultipleKind, readonly string[]>> = {
  trailingPE: ["pe", "pe_fy", "trailing_pe"],
  ttmPE: ["pe_ttm", "ttm_pe"],
  forwardPENtm: ["fpe", "fpe_ntm", "pe_ntm", "ntm_pe"],
  forwardPEFy1: ["fpe_fy1", "pe_fy1"],
  forwardPEFy2: ["fpe_fy2", "pe_fy2"],
  peg: ["peg"],
  evToEbitda: ["ev_ebitda"],
  evToSales: ["ev_sales"],
  priceToSales: ["ps", "p_s"],
  priceToBook: ["pb", "p_b"],
  earningsYield: ["ey", "earnings_yield"],
  dividendYield: ["dy", "dividend_yield"],
  marketCap: ["mcap_local"],
  marketCapUsd: ["mcap", "mcap_usd"],
  enterpriseValue: ["ev"],
};

/** Unit of each kind: a multiple (x), a ratio (yield) or an amount (market cap, EV). */
export const MULTIPLE_UNITS: Readonly<Record<MultipleKind, ResultUnit>> = {
  trailingPE: "x", ttmPE: "x", forwardPENtm: "x", forwardPEFy1: "x", forwardPEFy2: "x", peg: "x",
  evToEbitda: "x", evToSales: "x", priceToSales: "x", priceToBook: "x",
  earningsYield: "ratio", dividendYield: "ratio",
  marketCap: "amount", marketCapUsd: "amount", enterpriseValue: "amount",
};

const BY_NAME = new Map<string, MultipleKind>();
for (const [kind, aliases] of Object.entries(METRIC_ALIASES) as [MultipleKind, readonly string[]][]) {
  BY_NAME.set(kind.toLowerCase(), kind);
  for (const a of aliases) BY_NAME.set(a, kind);
}

/** The canonical short name of a kind: "trailingPE" → "pe". */
export function metricShortName(kind: MultipleKind): string {
  return METRIC_ALIASES[kind][0] as string;
}

/**
 * Parses one metric name: a short name (`pe`, `fpe`, `ev_ebitda`, …) or a kind (`forwardPENtm`), case-insensitive,
 * `-` read as `_`.
 *
 * @param text - what the user typed.
 * @param option - the option it came from, named in the error (default `--metric`).
 * @param allowed - the kinds accepted here (default all).
 * @returns the result kind.
 * @throws InvalidInputError naming the option and value, and listing the accepted names.
 * @example parseMetric("fpe") // "forwardPENtm"
 */
export function parseMetric(text: string, option = "--metric", allowed?: readonly MultipleKind[]): MultipleKind {
  const kind = BY_NAME.get(text.trim().toLowerCase().replaceAll("-", "_"));
  const ok = allowed ?? (Object.keys(METRIC_ALIASES) as MultipleKind[]);
  if (kind === undefined || !ok.includes(kind)) {
    throw InvalidInputError.at({ column: option, value: text, reason: `is not a metric here; use one of ${ok.map(metricShortName).join(", ")}` });
  }
  return kind;
}

/**
 * Parses a comma-separated metric list, keeping the order and dropping repeats.
 *
 * @param text - e.g. "pe,fpe,ev_ebitda".
 * @param option - the option named in errors (default `--metrics`).
 * @returns the kinds, at least one.
 * @throws InvalidInputError for an empty list or an unknown name.
 * @example parseMetrics("pe, fpe,pe") // ["trailingPE", "forwardPENtm"]
 */
export function parseMetrics(text: string, option = "--metrics", allowed?: readonly MultipleKind[]): MultipleKind[] {
  const parts = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) throw InvalidInputError.at({ column: option, value: text, reason: "names no metric; e.g. pe,fpe,ev_ebitda" });
  return [...new Set(parts.map((p) => parseMetric(p, option, allowed)))];
}

/** Kinds that are multiples (unit x): the ones peer aggregates, gaps and closing scenarios apply to. */
export const MULTIPLE_KINDS = (Object.keys(MULTIPLE_UNITS) as MultipleKind[]).filter((k) => MULTIPLE_UNITS[k] === "x");
