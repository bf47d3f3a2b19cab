import { CURRENCIES } from "../../models/common.js";

/**
 * Units of scenario quantities: a scale (RMB bn = 1e9 RMB) times a product of base dimensions with integer
 * exponents (currencies and counts: `CNY`, `USD`, `card`). Dimensionless quantities have no dimensions
 * ("share", "%", "x"). Addition needs equal dimensions; multiplication adds exponents.
 */
export interface Unit {
  /** Size of one unit in base units: 1e9 for "RMB bn", 0.01 for "%". */
  readonly scale: number;
  /** Base dimension → exponent; zero exponents are never stored. */
  readonly dims: Readonly<Record<string, number>>;
}

/** Whether a dimension is a currency (the ISO codes rerate knows): mixing two needs an FX rate. */
export function isCurrency(dimension: string): boolean {
  return (CURRENCIES as readonly string[]).includes(dimension);
}

/** The dimensionless unit with scale 1 (a plain number or share). */
export const DIMENSIONLESS: Unit = { scale: 1, dims: {} };

function combine(a: Unit, b: Unit, sign: 1 | -1): Unit {
  const dims: Record<string, number> = { ...a.dims };
  for (const [k, e] of Object.entries(b.dims)) {
    const v = (dims[k] ?? 0) + sign * e;
    if (Math.abs(v) < 1e-12) delete dims[k];
    else dims[k] = v;
  }
  return { scale: sign === 1 ? a.scale * b.scale : a.scale / b.scale, dims };
}

/**
 * Product of two units: RMB bn × share = RMB bn; RMB k/card × card = RMB k.
 * @example multiplyUnits(parseUnit("RMB bn"), parseUnit("%")) // { scale: 1e7, dims: { CNY: 1 } }
 */
export function multiplyUnits(a: Unit, b: Unit): Unit {
  return combine(a, b, 1);
}

/**
 * Quotient of two units: RMB bn ÷ RMB k/card = m card.
 * @example divideUnits(parseUnit("CNY bn"), parseUnit("CNY/USD")) // USD bn
 */
export function divideUnits(a: Unit, b: Unit): Unit {
  return combine(a, b, -1);
}

/**
 * A unit raised to a constant power: (card)^2, %^2 = 1e-4.
 * @param exponent - a finite number; fractional exponents are allowed only when every resulting exponent is whole.
 * @returns the unit, or `undefined` when a dimension would get a fractional exponent.
 */
export function powerUnit(a: Unit, exponent: number): Unit | undefined {
  const dims: Record<string, number> = {};
  for (const [k, e] of Object.entries(a.dims)) {
    const v = e * exponent;
    if (Math.abs(v - Math.round(v)) > 1e-9) return undefined;
    if (Math.round(v) !== 0) dims[k] = Math.round(v);
  }
  return { scale: a.scale ** exponent, dims };
}

/** Whether two units measure the same thing (equal dimensions), whatever their scales. */
export function sameDimensions(a: Unit, b: Unit): boolean {
  const ka = Object.keys(a.dims);
  if (ka.length !== Object.keys(b.dims).length) return false;
  return ka.every((k) => b.dims[k] === a.dims[k]);
}

/** Whether a unit has no dimensions (a share, a ratio, a plain number). */
export function isDimensionless(a: Unit): boolean {
  return Object.keys(a.dims).length === 0;
}

/**
 * The factor that converts a value in `from` to `to` (same dimensions assumed): RMB m → RMB bn is 0.001.
 * @example conversionFactor(parseUnit("%"), parseUnit("share")) // 0.01
 */
export function conversionFactor(from: Unit, to: Unit): number {
  return from.scale / to.scale;
}

const SCALE_NAMES: readonly [number, string][] = [
  [1e12, "tn"], [1e9, "bn"], [1e6, "m"], [1e3, "k"], [1, ""], [0.01, "%"], [1e-4, "bp"],
];

/**
 * Canonical text of a unit, for messages: "CNY bn", "CNY k/card", "%", "1".
 * @example formatUnit(parseUnit("RMB bn")) // "CNY bn"
 */
export function formatUnit(u: Unit): string {
  const num = Object.entries(u.dims).filter(([, e]) => e > 0).sort(([a], [b]) => a.localeCompare(b));
  const den = Object.entries(u.dims).filter(([, e]) => e < 0).sort(([a], [b]) => a.localeCompare(b));
  const term = ([k, e]: [string, number]) => (Math.abs(e) === 1 ? k : `${k}^${Math.abs(e)}`);
  const named = SCALE_NAMES.find(([s]) => Math.abs(s - u.scale) <= 1e-12 * Math.max(s, u.scale));
  const p10 = Math.round(Math.log10(u.scale));
  const scale = named ? named[1] : Math.abs(u.scale / 10 ** p10 - 1) < 1e-12 ? `×1e${p10}` : `×${Number(u.scale.toPrecision(6))}`;
  const head = [...num.map(term), scale].filter((s) => s !== "").join(" ");
  const text = head === "" && den.length > 0 ? "1" : head;
  const out = den.length > 0 ? `${text}/${den.map(term).join("/")}` : text;
  return out === "" ? "1" : out;
}
