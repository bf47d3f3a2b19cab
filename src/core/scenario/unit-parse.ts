import type { Unit } from "./units.js";
import { divideUnits, isCurrency, multiplyUnits, powerUnit } from "./units.js";

/** Scale words and their size; 万 and 亿 for Chinese amounts. */
const SCALES: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, "万": 1e4, "萬": 1e4, m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, "亿": 1e8, "億": 1e8, b: 1e9, bn: 1e9, billion: 1e9,
  tn: 1e12, trillion: 1e12, "%": 0.01, pct: 0.01, percent: 0.01, bp: 1e-4, bps: 1e-4,
};

/** Words that mean "a plain number". */
const DIMENSIONLESS_WORDS = new Set(["1", "share", "ratio", "x", "fraction", "multiple", "number", "count"]);

/** Currency aliases: RMB and 元 are CNY (CNH kept apart: it is a different market rate). */
const CURRENCY_ALIASES: Readonly<Record<string, string>> = { RMB: "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "美元": "USD", "港元": "HKD", US$: "USD", HK$: "HKD" };

// Chinese units are written without spaces (亿元, 万美元): their words are tokens of their own.
const TOKEN = /\s*(\/|\*|·|×|\^-?\d+|per\b|人民币|人民幣|美元|港元|[万萬亿億元]|[^\s/*·×^万萬亿億元]+)/gy;

function atom(word: string): Unit | string {
  const scale = SCALES[word] ?? SCALES[word.toLowerCase()];
  if (scale !== undefined) return { scale, dims: {} };
  if (DIMENSIONLESS_WORDS.has(word.toLowerCase())) return { scale: 1, dims: {} };
  const alias = CURRENCY_ALIASES[word] ?? CURRENCY_ALIASES[word.toUpperCase()];
  if (alias !== undefined) return { scale: 1, dims: { [alias]: 1 } };
  if (isCurrency(word)) return { scale: 1, dims: { [word]: 1 } };
  if (/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(word)) return { scale: Number(word), dims: {} };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) return { scale: 1, dims: { [word]: 1 } };
  return `"${word}" is not a unit word (use a currency code such as RMB or USD, a scale such as bn or %, or a count such as card)`;
}

/**
 * Parses a unit text into a {@link Unit}. Words multiply (space, `*`, `·`, `×`); `/` or `per` divides by the
 * next word; `^n` raises the preceding word. Currencies are the ISO codes rerate knows (RMB and 元 → CNY);
 * scales are k, m/mn, bn, tn, 万, 亿, %, bp; share, ratio, x and 1 are dimensionless; any other
 * identifier is a count dimension of its own (card, GW, wafer).
 *
 * @param text - e.g. "RMB bn", "%", "RMB k/card", "CNY/USD", "USD per card".
 * @returns the unit, or a reason string when the text is not a unit.
 * @example parseUnit("RMB bn") // { scale: 1e9, dims: { CNY: 1 } }
 * @example parseUnit("RMB k/card") // { scale: 1e3, dims: { CNY: 1, card: -1 } }
 */
export function parseUnit(text: string): Unit | string {
  const source = text.trim();
  if (source === "") return "unit is empty (use 1 or share for a plain number)";
  let unit: Unit = { scale: 1, dims: {} };
  let dividing = false;
  let last: Unit | undefined;
  let lastDividing = false;
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < source.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(source);
    if (!m || m[1] === undefined) return `cannot read unit "${source}" at "${source.slice(pos)}"`;
    pos = TOKEN.lastIndex;
    const tok = m[1];
    if (tok === "/" || tok === "per") {
      if (dividing || last === undefined) return `unit "${source}" has "${tok}" without a word before it`;
      dividing = true;
      continue;
    }
    if (tok === "*" || tok === "·" || tok === "×") continue;
    if (tok.startsWith("^")) {
      if (last === undefined) return `unit "${source}" starts with an exponent`;
      const raised = powerUnit(last, Number(tok.slice(1)));
      if (raised === undefined) return `unit "${source}" has an invalid exponent`;
      // Undo the plain factor and apply the raised one.
      unit = lastDividing ? multiplyUnits(unit, last) : divideUnits(unit, last);
      unit = lastDividing ? divideUnits(unit, raised) : multiplyUnits(unit, raised);
      last = raised;
      continue;
    }
    const a = atom(tok);
    if (typeof a === "string") return a;
    unit = dividing ? divideUnits(unit, a) : multiplyUnits(unit, a);
    last = a;
    lastDividing = dividing;
    dividing = false;
  }
  if (dividing) return `unit "${source}" ends with "/"`;
  return unit;
}
