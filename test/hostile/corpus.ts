/**
 * The hostile corpus: malformed inputs generated deterministically (no files in git), each with what must
 * happen to it: refused with a located error (file, line or record, column, value, reason), or accepted by a
 * documented rule (README "Import rules"). Run by `corpus.test.ts`.
 */
import type { ImportKind, ImportOptions } from "../../src/app/import/import-files.js";

export type ConfigKind = "thesis" | "scenario" | "groups";

/** What a refusal must say about the first problem. */
export interface Located {
  /** Name of the file blamed (a key of `files`); the first file when omitted. */
  file?: string;
  line?: number;
  record?: number;
  column?: string;
  value?: string;
  reason: RegExp;
}

export interface HostileCase {
  id: string;
  kind: ImportKind | ConfigKind;
  /** File name → content; imported in this order. */
  files: Record<string, string>;
  opts?: Partial<Pick<ImportOptions, "ignoreColumns" | "dateOnly" | "dateOrder" | "strict" | "map" | "symbol">>;
  /** Refused with this located issue, or accepted by the named rule. */
  expect: { refuse: Located } | { accept: string };
}

const lines = (...ls: string[]) => ls.join("\n") + "\n";

// ── prices ──────────────────────────────────────────────────────────────────────────────────────
const P_HEAD = ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"];
const P_ROWS = [
  ["2025-09-22", "60.10", "61.00", "59.50", "60.50", "60.50", "1200000"],
  ["2025-09-23", "60.50", "61.20", "60.00", "61.00", "61.00", "1100000"],
  ["2025-09-24", "61.00", "62.40", "60.80", "62.00", "62.00", "1500000"],
  ["2025-09-25", "62.00", "62.50", "61.20", "61.50", "61.50", "900000"],
  ["2025-09-26", "61.50", "62.00", "60.90", "61.80", "61.80", "1000000"],
];
const priceFile = (rows: string[][] = P_ROWS, head: string[] = P_HEAD) => lines(head.join(","), ...rows.map((r) => r.join(",")));
/** The clean rows with one cell replaced (row index 0-based → file line row + 2). */
const withCell = (row: number, col: number, v: string) => P_ROWS.map((r, i) => (i === row ? r.map((c, j) => (j === col ? v : c)) : r));
const withRow = (row: number, cells: string[]) => P_ROWS.map((r, i) => (i === row ? cells : r));
const withDates = (dates: string[]) => P_ROWS.map((r, i) => [dates[i] ?? r[0]!, ...r.slice(1)]);
const BAD = "2318.HK.csv";
const COMPANION = "0941.HK.csv";

function priceCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const refuse = (id: string, content: string, loc: Located, opts?: HostileCase["opts"]) => out.push({ id, kind: "prices", files: { [BAD]: content }, expect: { refuse: loc }, ...(opts ? { opts } : {}) });
  const accept = (id: string, content: string, rule: string, opts?: HostileCase["opts"]) => out.push({ id, kind: "prices", files: { [BAD]: content }, expect: { accept: rule }, ...(opts ? { opts } : {}) });

  // Row width: an unquoted thousands separator in each numeric column, on two rows; a cell short; a trailing comma.
  for (const row of [1, 3]) {
    for (let col = 1; col < P_HEAD.length; col++) {
      const v = P_ROWS[row]![col]!;
      const split = col === 6 ? `${v.slice(0, -6)},${v.slice(-6, -3)},${v.slice(-3)}` : `1,${v}`;
      refuse(`prices/width/thousands-${P_HEAD[col]}-row${row}`, priceFile(withCell(row, col, split)), { line: row + 2, reason: /has \d+ cells but the header \(line 1\) has 7: an unquoted thousands separator/ });
    }
  }
  for (const row of [0, 2, 4]) refuse(`prices/width/short-row${row}`, priceFile(withRow(row, P_ROWS[row]!.slice(0, 6))), { line: row + 2, reason: /has 6 cells but the header \(line 1\) has 7/ });
  for (const row of [1, 3]) refuse(`prices/width/trailing-comma-row${row}`, priceFile(withRow(row, [...P_ROWS[row]!, ""])), { line: row + 2, reason: /has 8 cells but the header \(line 1\) has 7/ });
  refuse("prices/width/middle-cell-missing", priceFile(withRow(2, [...P_ROWS[2]!.slice(0, 3), ...P_ROWS[2]!.slice(4)])), { line: 4, reason: /has 6 cells/ });
  accept("prices/width/empty-placeholder-row", priceFile([...P_ROWS, [",,,"]]), "a row of empty cells is skipped whatever its width");

  // Headers: each column named twice; each column misspelt; unknown columns.
  for (let col = 0; col < P_HEAD.length; col++) {
    const head = [...P_HEAD, P_HEAD[col]!];
    refuse(`prices/header/duplicate-${P_HEAD[col]}`, priceFile(P_ROWS.map((r) => [...r, r[col]!]), head), { line: 1, column: P_HEAD[col]!, reason: /is named twice \(columns \d+ and 8\)/ });
  }
  const typos: Record<string, string> = { Open: "Opne", High: "Hihg", Low: "Lwo", Close: "Colse", "Adj Close": "Adj Cloes", Volume: "Volumne" };
  for (const [col, typo] of Object.entries(typos)) {
    const head = P_HEAD.map((h) => (h === col ? typo : h));
    refuse(`prices/header/typo-${col}`, priceFile(P_ROWS, head), { line: 1, column: typo, reason: /is not a column of a prices file: did you mean `/ });
  }
  for (const extra of ["Bid", "Ask", "VWAP", "Open Interest", "Close2"]) {
    refuse(`prices/header/unknown-${extra}`, priceFile(P_ROWS.map((r) => [...r, "1"]), [...P_HEAD, extra]), { line: 1, column: extra, reason: /is not a column of a prices file/ });
    accept(`prices/header/ignored-${extra}`, priceFile(P_ROWS.map((r) => [...r, "1"]), [...P_HEAD, extra]), "--ignore-columns leaves a column out", { ignoreColumns: [extra] });
  }
  refuse("prices/header/unnamed-with-values", priceFile(P_ROWS.map((r) => [...r, "7"]), [...P_HEAD, ""]), { line: 1, column: "column 8", reason: /has no name but holds values/ });
  accept("prices/header/unnamed-empty", priceFile(P_ROWS.map((r) => [...r, ""]), [...P_HEAD, ""]), "an unnamed column with no values is a row index");
  accept("prices/header/dividends", priceFile(P_ROWS.map((r) => [...r, "0.0", "0.0"]), [...P_HEAD, "Dividends", "Stock Splits"]), "informational columns (Dividends, Stock Splits, …) are left out");

  // Dates: ambiguous a/b/yyyy, settled per file; time of day; range; calendar.
  const ambiguous = ["09/01/2025", "09/02/2025", "09/03/2025", "09/04/2025", "09/05/2025"];
  refuse("prices/date/ambiguous-slash", priceFile(withDates(ambiguous)), { line: 2, column: "Date", value: "09/01/2025", reason: /is ambiguous .* --date-order/ });
  refuse("prices/date/ambiguous-dash", priceFile(withDates(ambiguous.map((d) => d.replaceAll("/", "-")))), { line: 2, column: "Date", reason: /is ambiguous/ });
  refuse("prices/date/ambiguous-one-digit", priceFile(withDates(["1/2/2025", "1/3/2025", "1/6/2025", "1/7/2025", "1/8/2025"])), { line: 2, reason: /is ambiguous/ });
  refuse("prices/date/ambiguous-late-row", priceFile(withDates(["2025-09-22", "2025-09-23", "03/02/2025", "2025-09-25", "2025-09-26"])), { line: 4, value: "03/02/2025", reason: /is ambiguous/ });
  accept("prices/date/settled-by-day-13", priceFile(withDates(["09/01/2025", "09/02/2025", "09/03/2025", "09/04/2025", "09/15/2025"])), "any date with a day above 12 settles the file's order (here month-first)");
  accept("prices/date/settled-by-order", priceFile(withDates(ambiguous)), "--date-order settles a/b/yyyy", { dateOrder: "dmy" });
  accept("prices/date/dotted-day-first", priceFile(withDates(["01.09.2025", "02.09.2025", "03.09.2025", "04.09.2025", "05.09.2025"])), "dotted dates are day-first by convention");
  refuse("prices/date/contradicting-orders", priceFile(withDates(["09/15/2025", "09/16/2025", "17/09/2025", "2025-09-18", "2025-09-19"])), { line: 4, value: "17/09/2025", reason: /is day-first, but line 2 \(09\/15\/2025\) is month-first/ });
  refuse("prices/date/contradicting-orders-late", priceFile([...withDates(["17/09/2025"]).slice(0, 1), ...P_ROWS.slice(1, 4), ["09/30/2025", ...P_ROWS[4]!.slice(1)]]), { line: 2, value: "17/09/2025", reason: /line 6 \(09\/30\/2025\) is month-first/ });
  const timed: Record<string, string> = { "hh-mm": "2025-09-22 10:30", iso: "2025-09-22T09:30:00Z", slash: "2025/09/22 15:00", "am-pm": "9/22/2025 3:00 PM", seconds: "2025-09-22 00:00:01", offset: "2025-09-22T16:00:00+08:00" };
  for (const [k, d] of Object.entries(timed)) {
    refuse(`prices/date/time-${k}`, priceFile(withDates([d])), { line: 2, value: d, reason: /has a time of day .* --date-only/ });
    accept(`prices/date/time-${k}-date-only`, priceFile(withDates([d])), "--date-only drops the time", { dateOnly: true });
  }
  accept("prices/date/midnight-offset", priceFile(withDates(["2025-09-22 00:00:00+08:00"])), "midnight is a date (Yahoo's 00:00:00+08:00)");
  for (const d of ["1899-12-31", "1800-01-01", "0001-01-01", "1000-06-15"]) refuse(`prices/date/before-1900-${d}`, priceFile(withDates([d])), { line: 2, value: d, reason: /is before 1900-01-01/ });
  for (const d of ["2099-01-01", "2026-12-04", "9999-12-31", "2027-01-01"]) refuse(`prices/date/future-${d}`, priceFile(withDates([...P_ROWS.slice(0, 4).map((r) => r[0]!), d])), { line: 6, value: d, reason: /is in the future/ });
  for (const d of ["2025-02-30", "2025-13-01", "2025-00-10", "2025-09-31", "2025-9-32", "20250230"]) refuse(`prices/date/calendar-${d}`, priceFile(withDates([d])), { line: 2, value: d, reason: /is not a valid date|is not a date/ });
  for (const d of ["yesterday", "2025-09", "Q3 2025", "--09-22"]) refuse(`prices/date/not-a-date-${d}`, priceFile(withDates([d])), { line: 2, reason: /is not a date|is not a valid date/ });

  // Values: magnitudes, non-numbers, signs.
  const close = 4;
  for (const v of ["1e-320", "1e300", "1e10", "1e-7", "1e400", "Infinity", "-Infinity", "0", "-1", "0.0000001"]) {
    refuse(`prices/value/close-${v}`, priceFile(withCell(2, close, v)), { line: 4, column: "Close", reason: /outside the accepted range of a price|is not positive|is not a number|out of range/ });
  }
  for (const [col, name] of [[1, "Open"], [2, "High"], [3, "Low"], [5, "Adj Close"]] as const) {
    for (const v of ["1e300", "1e-320"]) refuse(`prices/value/${name}-${v}`, priceFile(withCell(1, col, v)), { line: 3, column: name, reason: /outside the accepted range of a price/ });
  }
  for (const v of ["1e20", "-5", "1e300"]) refuse(`prices/value/volume-${v}`, priceFile(withCell(3, 6, v)), { line: 5, column: "Volume", reason: /volume|is negative/ });
  for (const v of ["abc", "1.2.3", "12..5", "$", "1,23", "62,0000", "0x3E", "６２.０x"]) refuse(`prices/value/close-text-${v}`, priceFile(withCell(2, close, `"${v}"`)), { line: 4, column: "Close", reason: /is not a number|out of range/ });
  refuse("prices/value/missing-close", priceFile(withCell(2, close, "")), { line: 4, column: "Close", reason: /is missing while other prices are present/ });
  refuse("prices/value/duplicate-date", priceFile([...P_ROWS, [P_ROWS[0]![0]!, ...P_ROWS[1]!.slice(1)]]), { line: 7, reason: /duplicate date/ });
  refuse("prices/echo/huge-cell", priceFile(withCell(2, close, "9".repeat(200_000) + "x")), { line: 4, column: "Close", reason: /is not a number/ });
  refuse("prices/echo/huge-header", priceFile(P_ROWS.map((r) => [...r, "1"]), [...P_HEAD, "h".repeat(100_000)]), { line: 1, reason: /is not a column of a prices file/ });

  // Past the fast path's 200-row look-ahead: only the SQL checks (or the general path they hand the file to) see these.
  const long = Array.from({ length: 260 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return [d, "60.10", "61.00", "59.50", "60.50", "60.50", "1200000"];
  });
  const late = (col: number, v: string) => long.map((r, i) => (i === 240 ? r.map((c, j) => (j === col ? v : c)) : r));
  refuse("prices/late/time-of-day", priceFile(late(0, "2024-08-28 10:30")), { line: 242, value: "2024-08-28 10:30", reason: /has a time of day/ });
  refuse("prices/late/future", priceFile([...long.slice(0, 259), ["2099-01-01", ...long[259]!.slice(1)]]), { line: 261, value: "2099-01-01", reason: /is in the future/ });
  refuse("prices/late/close-1e300", priceFile(late(4, "1e300")), { line: 242, column: "Close", reason: /outside the accepted range of a price/ });
  refuse("prices/late/close-1e-320", priceFile(late(4, "1e-320")), { line: 242, column: "Close", reason: /outside the accepted range of a price/ });
  refuse("prices/late/volume-1e20", priceFile(late(6, "1e20")), { line: 242, column: "Volume", reason: /accepted volume/ });
  refuse("prices/late/width", priceFile(late(6, "1,200,000")), { line: 242, reason: /has 9 cells but the header \(line 1\) has 7/ });
  refuse("prices/late/ambiguous", priceFile(late(0, "08/07/2024")), { line: 242, value: "08/07/2024", reason: /is ambiguous/ });
  accept("prices/late/midnight", priceFile(late(0, "2024-08-28 00:00:00")), "midnight is a date");

  // Structure.
  refuse("prices/structure/empty", "", { reason: /is empty|holds no|no price rows/ });
  refuse("prices/structure/header-only", lines(P_HEAD.join(",")), { reason: /no price rows|header row and at least one data row/ });
  refuse("prices/structure/newlines-only", "\n\n\n", { reason: /is empty|no price rows/ });
  refuse("prices/structure/unterminated-quote", lines(P_HEAD.join(","), '2025-09-22,"60.1,61,59.5,60.5,60.5,1'), { reason: /quote|never closed/ });
  refuse("prices/structure/binary", "\u0000\u0001\u0002PK\u0003\u0004garbage", { reason: /binary|not a text|cannot|is not/ });
  refuse("prices/structure/json-deep", "[" + "[".repeat(200) + "]".repeat(200) + "]", { reason: /deeper than the limit of 64|not an object|is not/ });
  refuse("prices/structure/json-not-array", '{"Date": "2025-09-22"}', { reason: /holds no array/ });
  return out;
}

/** Every price case again with a clean second file, so that DuckDB's reader (the fast path) sees the bad file first. */
function fastPathVariants(cases: readonly HostileCase[]): HostileCase[] {
  return cases
    .filter((c) => !c.id.startsWith("prices/structure/json"))
    .map((c) => ({ ...c, id: `${c.id}+fast`, files: { ...c.files, [COMPANION]: priceFile() } }));
}

// ── record kinds ────────────────────────────────────────────────────────────────────────────────
const F_HEAD = "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom,reference";
const F_ROW = ["tencent", "revenue", "FY2024", "2024-12-31", "660257000000", "CNY", "2025-03-19", "Tencent annual results 2024"];
const fRow = (i: number, v: string) => F_ROW.map((c, j) => (j === i ? v : c)).join(",");
const E_HEAD = "entity,metric,fiscalPeriod,periodEnd,value,currency,asOf,estimator";
const E_ROW = ["tencent", "revenue", "FY2026", "2026-12-31", "800000000000", "CNY", "2025-09-01", "consensus"];
const eRow = (i: number, v: string) => E_ROW.map((c, j) => (j === i ? v : c)).join(",");
const S_HEAD = "id,name,exchange,currency,kind,sharesPerListing,issuer";
const S_ROW = ["TCEHY", "Tencent ADR", "OTC", "USD", "adr", "1", "tencent"];
const X_HEAD = "base,quote,date,rate";
const V_HEAD = "id,timestamp,title,tags,securities,expectedSign";

function recordCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const refuse = (kind: ImportKind, id: string, name: string, content: string, loc: Located, opts?: HostileCase["opts"]) =>
    out.push({ id: `${kind}/${id}`, kind, files: { [name]: content }, expect: { refuse: loc }, ...(opts ? { opts } : {}) });
  const accept = (kind: ImportKind, id: string, name: string, content: string, rule: string, opts?: HostileCase["opts"]) =>
    out.push({ id: `${kind}/${id}`, kind, files: { [name]: content }, expect: { accept: rule }, ...(opts ? { opts } : {}) });
  const F = "fundamentals.csv";

  // fundamentals
  refuse("fundamentals", "width/thousands", F, lines(F_HEAD, fRow(4, "660,257,000,000")), { line: 2, reason: /has 11 cells but the header \(line 1\) has 8/ });
  refuse("fundamentals", "width/short", F, lines(F_HEAD, F_ROW.slice(0, 7).join(",")), { line: 2, reason: /has 7 cells/ });
  refuse("fundamentals", "width/long", F, lines(F_HEAD, F_ROW.join(",") + ",extra"), { line: 2, reason: /has 9 cells/ });
  for (const col of ["entity", "value", "knownFrom"]) refuse("fundamentals", `header/duplicate-${col}`, F, lines(`${F_HEAD},${col}`, `${F_ROW.join(",")},x`), { line: 1, column: col, reason: /is named twice/ });
  for (const [typo, near] of [["knwon_from", "knownFrom"], ["perod_end", "periodEnd"], ["vaule", "value"], ["entitty", "entity"], ["currnecy", "currency"]] as const) {
    const head = F_HEAD.split(",").map((h) => (h === near ? typo : h)).join(",");
    const required = ["knownFrom", "periodEnd", "value", "entity"].includes(near);
    refuse("fundamentals", `header/typo-${typo}`, F, lines(head, F_ROW.join(",")), { line: 1, ...(required ? {} : { column: typo }), reason: required ? /required column missing|is not a column/ : /did you mean `currency`\?/ });
  }
  refuse("fundamentals", "header/unknown", F, lines(`${F_HEAD},segment`, `${F_ROW.join(",")},cloud`), { line: 1, column: "segment", reason: /is not a column of a fundamentals file/ });
  accept("fundamentals", "header/ignored", F, lines(`${F_HEAD},segment`, `${F_ROW.join(",")},cloud`), "--ignore-columns", { ignoreColumns: ["segment"] });
  for (const [pe, kf] of [["2024-12-31", "2024-12-30"], ["2025-06-30", "2025-01-01"], ["2024-12-31", "2000-01-01"]] as const) {
    refuse("fundamentals", `known-before-end-${kf}`, F, lines(F_HEAD, F_ROW.map((c, j) => (j === 3 ? pe : j === 6 ? kf : c)).join(",")), { line: 2, column: "knownFrom", value: kf, reason: /is before the period end/ });
  }
  for (const kf of ["2099-03-19", "2027-01-01"]) refuse("fundamentals", `known-future-${kf}`, F, lines(F_HEAD, fRow(6, kf)), { line: 2, column: "knownFrom", reason: /is in the future/ });
  for (const kf of ["1899-03-19", "0201-03-19"]) refuse("fundamentals", `known-before-1900-${kf}`, F, lines(F_HEAD, fRow(6, kf)), { line: 2, column: "knownFrom", reason: /is before 1900-01-01/ });
  for (const v of ["1e300", "1e-320", "-1e17", "1e400"]) refuse("fundamentals", `value-${v}`, F, lines(F_HEAD, fRow(4, v)), { line: 2, column: "value", reason: /magnitude|too small|out of range|is not a number/ });
  for (const v of ["abc", "12..5", "1,23"]) refuse("fundamentals", `value-text-${v}`, F, lines(F_HEAD, fRow(4, `"${v}"`)), { line: 2, column: "value", reason: /is not a number/ });
  refuse("fundamentals", "date/ambiguous", F, lines(F_HEAD, F_ROW.map((c, j) => (j === 3 ? "12/11/2024" : j === 6 ? "03/02/2025" : c)).join(",")), { line: 2, reason: /is ambiguous/ });
  accept("fundamentals", "date/settled", F, lines(F_HEAD, F_ROW.map((c, j) => (j === 3 ? "12/31/2024" : j === 6 ? "03/19/2025" : c)).join(",")), "a day above 12 settles the order");
  refuse("fundamentals", "date/contradicting-orders", F, lines(F_HEAD, F_ROW.map((c, j) => (j === 3 ? "12/31/2024" : j === 6 ? "19/03/2025" : c)).join(",")), { line: 2, value: "19/03/2025", reason: /is day-first, but line 2 \(12\/31\/2024\) is month-first/ });
  refuse("fundamentals", "date/time", F, lines(F_HEAD, fRow(6, "2025-03-19 16:30")), { line: 2, column: "knownFrom", reason: /has a time of day/ });
  refuse("fundamentals", "metric/unknown", F, lines(F_HEAD, fRow(1, "revnue")), { line: 2, column: "metric", reason: /./ });
  refuse("fundamentals", "echo/huge", F, lines(F_HEAD, fRow(4, "x".repeat(100_000))), { line: 2, column: "value", reason: /is not a number/ });

  // estimates
  const E = "estimates.csv";
  refuse("estimates", "width/thousands", E, lines(E_HEAD, eRow(4, "800,000,000,000")), { line: 2, reason: /has 11 cells/ });
  refuse("estimates", "width/short", E, lines(E_HEAD, E_ROW.slice(0, 6).join(",")), { line: 2, reason: /has 6 cells/ });
  refuse("estimates", "header/duplicate", E, lines(`${E_HEAD},asOf`, `${E_ROW.join(",")},2025-09-02`), { line: 1, column: "asOf", reason: /is named twice/ });
  refuse("estimates", "header/typo", E, lines(E_HEAD.replace("estimator", "estimater"), E_ROW.join(",")), { line: 1, column: "estimater", reason: /did you mean `estimator`\?/ });
  for (const d of ["2099-09-01", "1899-09-01"]) refuse("estimates", `as-of-${d}`, E, lines(E_HEAD, eRow(6, d)), { line: 2, column: "asOf", reason: /future|before 1900/ });
  accept("estimates", "period-end-future", E, lines(E_HEAD, eRow(3, "2030-12-31")), "an estimate's period end may lie in the future");
  for (const v of ["1e300", "1e-320"]) refuse("estimates", `value-${v}`, E, lines(E_HEAD, eRow(4, v)), { line: 2, column: "value", reason: /magnitude|too small/ });
  refuse("estimates", "date/ambiguous", E, lines(E_HEAD, eRow(6, "09/01/2025")), { line: 2, reason: /is ambiguous/ });
  refuse("estimates", "date/time", E, lines(E_HEAD, eRow(6, "2025-09-01T08:00:00Z")), { line: 2, reason: /has a time of day/ });

  // securities
  const S = "securities.csv";
  refuse("securities", "header/shares-per-lisitng", S, lines(S_HEAD.replace("sharesPerListing", "shares_per_lisitng"), "BABA,Alibaba ADS,NYSE,USD,adr,8,alibaba"), { line: 1, column: "shares_per_lisitng", reason: /did you mean `shares_per_listing`\?/ });
  refuse("securities", "header/isuer", S, lines(S_HEAD.replace("issuer", "isuer"), S_ROW.join(",")), { line: 1, column: "isuer", reason: /did you mean `issuer`\?/ });
  refuse("securities", "header/duplicate-currency", S, lines(`${S_HEAD},currency`, `${S_ROW.join(",")},HKD`), { line: 1, column: "currency", reason: /is named twice/ });
  refuse("securities", "header/unknown", S, lines(`${S_HEAD},isin`, `${S_ROW.join(",")},US88032Q1094`), { line: 1, column: "isin", reason: /is not a column of a securities file/ });
  refuse("securities", "width/long", S, lines(S_HEAD, `${S_ROW.join(",")},extra`), { line: 2, reason: /has 8 cells/ });
  refuse("securities", "width/short", S, lines(S_HEAD, S_ROW.slice(0, 5).join(",")), { line: 2, reason: /has 5 cells/ });
  refuse("securities", "currency/unknown", S, lines(S_HEAD, S_ROW.map((c, j) => (j === 3 ? "XXX" : c)).join(",")), { line: 2, column: "currency", reason: /./ });
  refuse("securities", "echo/huge-id", S, lines(S_HEAD, S_ROW.map((c, j) => (j === 1 ? "n".repeat(60_000) : j === 3 ? "usd dollars" : c)).join(",")), { line: 2, reason: /./ });

  // fx
  const X = "fx.csv";
  for (const [pair, rate] of [["USD,USD", "1.1"], ["HKD,HKD", "7.8"], ["CNY,CNY", "0.5"]] as const) refuse("fx", `same-currency-${pair}`, X, lines(X_HEAD, `${pair},2025-09-24,${rate}`), { line: 2, column: "rate", value: rate, reason: /to itself, which is 1/ });
  accept("fx", "same-currency-1", X, lines(X_HEAD, "USD,USD,2025-09-24,1"), "a currency to itself at 1");
  for (const [pair, rate] of [["USD,HKD", "0.1285"], ["USD,JPY", "1.5"], ["USD,CNY", "0.1405"], ["EUR,USD", "108"], ["HKD,USD", "7.8"]] as const) {
    refuse("fx", `off-range-${pair}-${rate}`, X, lines(X_HEAD, `${pair},2025-09-24,${rate}`), { line: 2, column: "rate", reason: /off the known range of this pair/ });
  }
  for (const rate of ["1e-320", "1e300", "0", "-7.8"]) refuse("fx", `rate-${rate}`, X, lines(X_HEAD, `USD,HKD,2025-09-24,${rate}`), { line: 2, column: "rate", reason: /range|Too small/ });
  refuse("fx", "width/thousands", X, lines(X_HEAD, "USD,KRW,2025-09-24,1,390.5"), { line: 2, reason: /has 5 cells/ });
  refuse("fx", "header/duplicate", X, lines(`${X_HEAD},rate`, "USD,HKD,2025-09-24,7.78,7.79"), { line: 1, column: "rate", reason: /is named twice/ });
  refuse("fx", "header/typo", X, lines("base,quote,date,rtae", "USD,HKD,2025-09-24,7.78"), { line: 1, reason: /required column missing|did you mean/ });
  refuse("fx", "date/future", X, lines(X_HEAD, "USD,HKD,2099-09-24,7.78"), { line: 2, column: "date", reason: /is in the future/ });
  refuse("fx", "date/before-1900", X, lines(X_HEAD, "USD,HKD,1850-09-24,7.78"), { line: 2, column: "date", reason: /before 1900/ });
  refuse("fx", "date/ambiguous", X, lines(X_HEAD, "USD,HKD,09/10/2025,7.78"), { line: 2, column: "date", reason: /is ambiguous/ });

  // events
  const V = "events.csv";
  for (const ts of ["2025-09-24T10:00+25:00", "2025-09-24T10:00+15:00", "2025-09-24T10:00-99:00", "2025-09-24T10:00+08:75"]) {
    refuse("events", `offset-${ts.slice(16)}`, V, lines(V_HEAD, `yunqi,${ts},Yunqi,ai,9988.HK,1`), { line: 2, column: "timestamp", value: ts, reason: /offset out of range/ });
  }
  for (const ts of ["2025-09-24T25:00+08:00", "2025-09-24T10:61+08:00"]) refuse("events", `clock-${ts.slice(11, 16)}`, V, lines(V_HEAD, `yunqi,${ts},Yunqi,ai,9988.HK,1`), { line: 2, column: "timestamp", reason: /clock time out of range/ });
  refuse("events", "no-offset", V, lines(V_HEAD, "yunqi,2025-09-24T10:00,Yunqi,ai,9988.HK,1"), { line: 2, column: "timestamp", reason: /offset/ });
  refuse("events", "bad-date", V, lines(V_HEAD, "yunqi,2025-02-30,Yunqi,ai,9988.HK,1"), { line: 2, column: "timestamp", reason: /valid date/ });
  refuse("events", "header/typo", V, lines(V_HEAD.replace("tags", "tgas"), "yunqi,2025-09-24,Yunqi,ai,9988.HK,1"), { line: 1, column: "tgas", reason: /did you mean `tags`\?/ });
  refuse("events", "width/long", V, lines(V_HEAD, "yunqi,2025-09-24,Yunqi,ai,9988.HK,BABA,1"), { line: 2, reason: /has 7 cells/ });
  refuse("events", "header/duplicate", V, lines(`${V_HEAD},title`, "yunqi,2025-09-24,Yunqi,ai,9988.HK,1,Again"), { line: 1, column: "title", reason: /is named twice/ });
  accept("events", "offset-ok", V, lines(V_HEAD, "yunqi,2025-09-24T10:00+14:00,Yunqi,ai,9988.HK,1"), "offsets from −14:00 to +14:00");
  return out;
}

// ── configs ─────────────────────────────────────────────────────────────────────────────────────
const BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]"].join("\n");

/** Hostile variants of a config text (thesis, scenario, groups), each refused with a line. */
function configCases(kind: ConfigKind, base: string, name: string): HostileCase[] {
  const out: HostileCase[] = [];
  const baseLines = base.split("\n");
  const refuse = (id: string, text: string, reason: RegExp, line?: number) =>
    out.push({ id: `${kind}/${id}`, kind, files: { [name]: text }, expect: { refuse: { reason, ...(line !== undefined ? { line } : {}) } } });
  const firstKey = baseLines.findIndex((l) => /^[a-z]/.test(l));
  refuse("alias-bomb", `${base}\n${BOMB}\n`, /aliases that expand past the limit of 100|not valid YAML|is not a field|expected|Unrecognized|is not/);
  refuse("alias-bomb-only", BOMB, /aliases that expand past the limit of 100/);
  refuse("deep-flow", `x: ${"[".repeat(100)}${"]".repeat(100)}\n`, /deeper than the limit of 64|nested too deeply/);
  refuse("deep-flow-huge", `${"[".repeat(50_000)}${"]".repeat(50_000)}\n`, /deeper than the limit of 64|nested too deeply/);
  refuse("deep-block", Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " 1\n", /deeper than the limit of 64/);
  refuse("duplicate-key", `${base}\n${baseLines[firstKey]}\n`, /map keys must be unique/);
  refuse("tab-indent", base.replace(/\n {2}/, "\n\t"), /not valid YAML|is not|expected|must/);
  refuse("unclosed-flow", `${base}\nz: [1, 2\n`, /not valid YAML/);
  refuse("unclosed-quote", `${base}\nz: "abc\n`, /not valid YAML/);
  refuse("scalar-only", "just a string\n", /is not|expected|must/);
  refuse("list-only", "- 1\n- 2\n", /is not|expected|must/);
  refuse("truncated", baseLines.slice(0, Math.max(2, Math.floor(baseLines.length / 3))).join("\n") + "\n", /./);
  refuse("huge", `x: "${"a".repeat(4 * 1024 * 1024 + 10)}"\n`, /past the limit of 4194304/);
  // Peer-group files pass unknown fields on (their schema is not strict): a known gap, not in the corpus.
  if (kind !== "groups") refuse("unknown-field", `${base}\nunknwon_field: 1\n`, /is not a field|Unrecognized|unknown|is not/);
  refuse("huge-key-echo", `${base}\n${"k".repeat(50_000)}: 1\n`, /./);
  refuse("json-deep", `{"a": ${"[".repeat(100)}${"]".repeat(100)}}`, /deeper than the limit of 64|nested too deeply/);
  return out;
}

/** Every case of the corpus, in a fixed order. `examples` holds the texts of the example thesis and scenario. */
export function generateCorpus(examples: { thesis: string; scenario: string; groups: string }): HostileCase[] {
  const prices = priceCases();
  return [
    ...prices, ...fastPathVariants(prices), ...recordCases(),
    ...configCases("thesis", examples.thesis, "thesis.yaml"),
    ...configCases("scenario", examples.scenario, "scenario.yaml"),
    ...configCases("groups", examples.groups, "groups.yaml"),
  ];
}
