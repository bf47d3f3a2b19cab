/**
 * The outcome of reading one cell: a value (`undefined` when the cell is empty or a missing-data marker),
 * or why the text could not be read. The importer adds file, line and column to the reason.
 */
export type CellResult<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const MISSING: CellResult<never> = { ok: true, value: undefined };
const NOT_A_NUMBER: CellResult<never> = { ok: false, reason: "is not a number" };
const BAD_GROUPING: CellResult<never> = { ok: false, reason: "is not a number (digits are grouped in threes: 1,234,567.89)" };
const OUT_OF_RANGE: CellResult<never> = { ok: false, reason: "is out of range" };

/** Missing-data markers, compared in lower case. */
const MISSING_MARKERS = new Set(["-", "--", "—", "——", "–", "nan", "na", "n/a", "n.a.", "null", "none", "#n/a"]);

/** Scale suffixes as powers of ten, longest first so that 万亿 is not read as 亿. Latin ones match in any case. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12], ["萬億", 12], ["千万", 7], ["千萬", 7], ["百万", 6], ["百萬", 6],
  ["亿", 8], ["億", 8], ["万", 4], ["萬", 4], ["千", 3],
  ["bn", 9], ["mn", 6], ["mm", 6], ["tn", 12], ["k", 3], ["m", 6], ["b", 9], ["t", 12],
];
const CURRENCY_PREFIXES = ["us$", "hk$", "nt$", "rmb", "hkd", "usd", "cny", "$", "¥", "￥", "€", "£"];
const CURRENCY_SUFFIXES = ["人民币", "港元", "港币", "美元", "元", "rmb", "hkd", "usd", "cny"];

/**
 * Whether a trimmed cell is one of the markers files use for "no value": `-`, `--`, `—`, `NaN`, `NA`, `N/A`,
 * `null`, `None`, `#N/A` (any case).
 *
 * @param s - The cell text, already trimmed.
 * @returns true for the empty string and for a missing-data marker.
 * @example
 * isMissingMarker("N/A"); // true
 * isMissingMarker("0"); // false
 */
export function isMissingMarker(s: string): boolean {
  return s === "" || (s.length <= 4 && MISSING_MARKERS.has(s.toLowerCase()));
}

/**
 * Reads a number as it appears in downloaded spreadsheets: thousands separators, accounting negatives,
 * currency signs, percentages and scale words (K, M, bn, 万, 亿, …).
 *
 * @param raw - The cell text as tokenized (untrimmed).
 * @returns `{ ok: true, value }` with the number in units (a percent is a fraction: 12.5% → 0.125),
 *   `value: undefined` for an empty cell or a missing marker, or `{ ok: false, reason }`.
 * @example
 * parseNumberCell("(1,234)"); // { ok: true, value: -1234 }
 * parseNumberCell("3.4億元"); // { ok: true, value: 340000000 }
 * parseNumberCell("1,23"); // { ok: false, reason: "is not a number (digits are grouped in threes: 1,234,567.89)" }
 */
export function parseNumberCell(raw: string): CellResult<number> {
  const fast = readSimpleDecimal(raw);
  if (!Number.isNaN(fast)) return { ok: true, value: fast };
  if (isPlainDecimal(raw)) {
    const v = Number(raw);
    // `+ 0` turns -0 into 0.
    if (Number.isFinite(v)) return { ok: true, value: v + 0 };
  }
  return parseDecorated(raw);
}

/** 10^0 … 10^22, each exactly representable as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `[-+]digits[.digits]` with at most 15 digits, as mantissa / 10^fractionDigits: both are exact doubles, so the
 * one division is correctly rounded and equals `Number(s)` (Clinger's fast path), without V8's general parser.
 * NaN when the text has any other shape.
 */
function readSimpleDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 17) return NaN;
  let i = 0;
  let c = s.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let dot = -1;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot === -1) {
      dot = i;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = dot === -1 ? mantissa : mantissa / (POW10[n - 1 - dot] as number);
  // `+ 0` turns -0 into 0.
  return (negative ? -v : v) + 0;
}

/** True when every character is a digit, sign, dot or exponent mark: `Number` then reads it exactly as we would. */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // 0-9, '.', '-', '+', 'e', 'E'
    if (!((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69)) return false;
  }
  return true;
}

function parseDecorated(raw: string): CellResult<number> {
  let s = toHalfWidth(raw).trim();
  if (isMissingMarker(s)) return MISSING;
  let negative = false;
  let signs = 0;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  const takeSign = () => {
    const c = s[0];
    if (c === "-" || c === "+") {
      negative = c === "-" ? !negative : negative;
      signs++;
      s = s.slice(1).trimStart();
    }
  };
  takeSign();
  s = stripAffix(s, CURRENCY_PREFIXES, "prefix");
  takeSign();
  if (signs > 1) return NOT_A_NUMBER;
  let scale = 0;
  if (s.endsWith("%")) {
    scale = -2;
    s = s.slice(0, -1).trimEnd();
  } else {
    s = stripAffix(s, CURRENCY_SUFFIXES, "suffix");
    const lower = s.toLowerCase();
    for (const [word, power] of MULTIPLIERS) {
      if (lower.endsWith(word) && lower.length > word.length) {
        scale = power;
        s = s.slice(0, -word.length).trimEnd();
        break;
      }
    }
  }
  return readDecimal(s, scale, negative);
}

/** Reads `1,234.5e6` style text times 10^scale, composing the exponent so that 1.2B is exactly 1200000000. */
function readDecimal(s: string, scale: number, negative: boolean): CellResult<number> {
  const n = s.length;
  let i = 0;
  let intDigits = "";
  let groupStart = 0;
  let grouped = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 44) break;
    // A comma ends a group: the first group holds 1-3 digits, later ones exactly 3.
    const len = i - groupStart;
    if (grouped ? len !== 3 : len < 1 || len > 3) return BAD_GROUPING;
    intDigits += s.slice(groupStart, i);
    groupStart = i + 1;
    grouped = true;
  }
  if (grouped && i - groupStart !== 3) return BAD_GROUPING;
  intDigits += s.slice(groupStart, i);
  let fracDigits = "";
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    fracDigits = s.slice(start, i);
  }
  if (intDigits === "" && fracDigits === "") return NOT_A_NUMBER;
  let exp = 0;
  if (i < n && (s[i] === "e" || s[i] === "E")) {
    const m = /^[eE]([+-]?\d+)$/.exec(s.slice(i));
    if (m === null) return NOT_A_NUMBER;
    exp = Number(m[1]);
    i = n;
  }
  if (i !== n) return NOT_A_NUMBER;
  const v = Number(`${intDigits || "0"}.${fracDigits || "0"}e${exp + scale}`);
  if (!Number.isFinite(v)) return OUT_OF_RANGE;
  return { ok: true, value: (negative ? -v : v) + 0 };
}

/** Removes one currency mark (case-insensitive) from the start or end, with the spaces next to it. */
function stripAffix(s: string, affixes: readonly string[], where: "prefix" | "suffix"): string {
  const lower = s.toLowerCase();
  for (const a of affixes) {
    if (lower.length <= a.length) continue;
    if (where === "prefix" && lower.startsWith(a)) return s.slice(a.length).trimStart();
    if (where === "suffix" && lower.endsWith(a)) return s.slice(0, -a.length).trimEnd();
  }
  return s;
}

/** Full-width ASCII forms (１２３，４５６．７８) and the minus sign U+2212 as plain ASCII. */
function toHalfWidth(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const mapped = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x2212 ? 45 : -1;
    if (mapped === -1) continue;
    out += s.slice(last, i) + String.fromCharCode(mapped);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Hot-path form of {@link parseNumberCell} for bulk imports: no result object per cell.
 * @param raw the cell text as tokenized.
 * @returns the number; NaN for an empty cell or a missing marker; undefined when the text is not a number
 *   (call {@link parseNumberCell} for the reason).
 * @example readNumber("1,234") // 1234
 */
export function readNumber(raw: string): number | undefined {
  const fast = readSimpleDecimal(raw);
  if (fast === fast) return fast;
  if (raw.length === 0) return NaN;
  if (isPlainDecimal(raw)) {
    const v = Number(raw);
    if (Number.isFinite(v)) return v + 0;
  }
  const r = parseDecorated(raw);
  return r.ok ? (r.value ?? NaN) : undefined;
}
