import { combineVersions, knownOn, seriesKey, type Series, type Version } from "./_versions.js";

/** Fiscal years (2025) a series has any figure of. */
function yearsOf(series: Series): number[] {
  const years = new Set<number>();
  for (const list of series.values()) for (const v of list) years.add(Number(/\d{4}/.exec(v.label)![0]));
  return [...years].sort((a, b) => a - b);
}

/** Keeps derived versions known before the quarter's first reported version (a filed quarter wins from its filing on). */
function beforeFiled(derived: Version[], filed: readonly Version[] | undefined): Version[] {
  const first = filed?.[0]?.knownFrom;
  return first === undefined ? derived : derived.filter((v) => v.knownFrom < first);
}

/** A first quarter implied by a later filing differs from the one known by more than rounding (5 %, and 1.5 cents a share). */
function isRestatement(implied: Version, known: Version | undefined): boolean {
  if (known === undefined) return false;
  const diff = Math.abs(implied.value - known.value);
  return diff > 0.05 * Math.abs(known.value) && (implied.unit !== "perShare" || diff > 0.015);
}

/** Two version lists of one period as one, in knownFrom order (a derived version never shares a date with a filed one here). */
function mergeByDate(a: readonly Version[], b: readonly Version[]): Version[] {
  return [...a, ...b].sort((x, y) => (x.knownFrom < y.knownFrom ? -1 : x.knownFrom > y.knownFrom ? 1 : 0));
}

/**
 * Fiscal quarters of a flow metric derived from year-to-date and annual values, added to the series (a new
 * series is returned; the input is not changed):
 * - Q2 = 6M YTD − Q1; Q3 = 9M YTD − 6M YTD (or − Q1 − Q2);
 * - Q4 = FY − 9M YTD, or FY − Q1 − Q2 − Q3 when no nine-month amount is filed;
 * - a first quarter restated by the second quarter's filing (6M YTD − Q2 differs from the Q1 known, beyond
 *   rounding: a stock split, a reclassification) is a new version of Q1 from that filing, so that the four
 *   quarters of a TTM are on the basis of the latest filing.
 * The longer span (the year, the year to date) is the anchor: each of its filings gives a new derived value
 * with the other parts as known on that date, known from the latest of its parts' filings. A quarter the
 * issuer reports itself is used from its filing on. For flows only: never balances or share counts.
 * EPS is treated the same way (Q4 EPS = FY EPS − 9M EPS): the quarters then add up to the reported year, as
 * analysts build TTM EPS, though share counts differ between the spans (see docs in to-fundamentals.ts).
 * @param series - reported versions of one metric (FY, Q, YTD6, YTD9).
 * @returns the series with the derived quarters (Q spans) added.
 * @example deriveQuarters(nvdaRevenue).get("Q 2024Q4") // FY2024 − 9M YTD to 2023-10-29, known from the 10-K
 */
export function deriveQuarters(series: Series): Series {
  const out: Series = new Map(series);
  const get = (key: string) => out.get(key);
  for (const y of yearsOf(series)) {
    const q = (n: number) => `${y}Q${n}`;
    const add = (n: number, derived: Version[]) => {
      const key = seriesKey("Q", q(n));
      const filed = series.get(key);
      const kept = beforeFiled(derived, filed);
      if (kept.length > 0) out.set(key, mergeByDate(kept, filed ?? []));
    };
    const ytd6 = get(seriesKey("YTD6", q(2)));
    const q1 = series.get(seriesKey("Q", q(1)));
    const q2filed = series.get(seriesKey("Q", q(2)));
    if (ytd6 !== undefined && q1 !== undefined && q2filed !== undefined) {
      const restated = combineVersions({ parts: [{ versions: ytd6, sign: 1 }, { versions: q2filed, sign: -1 }], anchor: 0, span: "Q", label: q(1), periodEnd: q1[q1.length - 1]!.periodEnd, how: "6M YTD − Q2, Q1 restated" })
        .filter((v) => v.knownFrom > q1[0]!.knownFrom && isRestatement(v, knownOn(q1, v.knownFrom)));
      if (restated.length > 0) out.set(seriesKey("Q", q(1)), mergeByDate(q1, restated));
    }
    const ytd9 = get(seriesKey("YTD9", q(3)));
    const fy = get(seriesKey("FY", `FY${y}`));
    const endOf = (list: readonly Version[] | undefined) => list?.[list.length - 1]?.periodEnd;
    if (ytd6 !== undefined) {
      add(2, combineVersions({ parts: [{ versions: ytd6, sign: 1 }, { versions: get(seriesKey("Q", q(1))), sign: -1 }], anchor: 0, span: "Q", label: q(2), periodEnd: endOf(ytd6)!, how: "6M YTD − Q1" }));
    }
    if (ytd9 !== undefined) {
      const parts = ytd6 !== undefined
        ? [{ versions: ytd9, sign: 1 as const }, { versions: ytd6, sign: -1 as const }]
        : [{ versions: ytd9, sign: 1 as const }, { versions: get(seriesKey("Q", q(1))), sign: -1 as const }, { versions: get(seriesKey("Q", q(2))), sign: -1 as const }];
      add(3, combineVersions({ parts, anchor: 0, span: "Q", label: q(3), periodEnd: endOf(ytd9)!, how: ytd6 !== undefined ? "9M YTD − 6M YTD" : "9M YTD − Q1 − Q2" }));
    }
    if (fy !== undefined) {
      const parts = ytd9 !== undefined
        ? [{ versions: fy, sign: 1 as const }, { versions: ytd9, sign: -1 as const }]
        : [{ versions: fy, sign: 1 as const }, ...[1, 2, 3].map((n) => ({ versions: get(seriesKey("Q", q(n))), sign: -1 as const }))];
      add(4, combineVersions({ parts, anchor: 0, span: "Q", label: q(4), periodEnd: endOf(fy)!, how: ytd9 !== undefined ? "FY − 9M YTD" : "FY − Q1 − Q2 − Q3" }));
    }
  }
  return out;
}
