const positive = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;

/** The gap of group A's multiple to group B's. */
export interface ValuationGap {
  /** a / b − 1: negative when A trades at a discount (−0.318 = 31.8% discount). */
  discount: number;
  /** 1/a − 1/b in earnings-yield terms, as a decimal (0.0212). */
  yieldGap: number;
  /** The same in percentage points (2.12). */
  yieldGapPts: number;
}

/**
 * Gap between two multiples (group A vs group B): relative discount a/b − 1 and earnings-yield gap 1/a − 1/b.
 *
 * @param a - multiple of A in x (e.g. Alibaba P/E 15).
 * @param b - multiple of B in x (e.g. Amazon P/E 22).
 * @returns the discount (decimal), yield gap (decimal) and yield gap in percentage points, or `undefined` when a
 *   or b is missing or ≤ 0 (n.m.).
 * @example valuationGap(15, 22) // { discount: −0.31818, yieldGap: 0.021212, yieldGapPts: 2.1212 }
 * @see FORMULAS.md "Multiples": "Gap of group A to B on a metric: A/B − 1 (negative = discount); in yield terms: 1/A − 1/B"
 */
export function valuationGap(a: number | null | undefined, b: number | null | undefined): ValuationGap | undefined {
  if (!positive(a) || !positive(b)) return undefined;
  const yieldGap = 1 / a - 1 / b;
  return { discount: a / b - 1, yieldGap, yieldGapPts: 100 * yieldGap };
}

/** One gap-closing scenario. */
export interface ClosingScenario {
  /** Fraction x of the gap closed (0.5 = half). */
  fraction: number;
  /** Implied multiple m* = m_A + x (m_B − m_A), in x. */
  multiple: number;
  /** Implied price price · m* / m_A, in the price's currency. */
  price: number;
  /** price* / price − 1 (decimal). */
  upside: number;
}

/**
 * Implied price and upside of A if it closes fractions of its multiple gap to B, earnings held constant.
 *
 * @param price - A's price now (any currency; the implied price is in the same one).
 * @param multipleA - A's multiple in x.
 * @param multipleB - B's (peer) multiple in x.
 * @param fractions - fractions of the gap to close; default [0.25, 0.5, 1]; non-finite entries skipped.
 * @returns one scenario per fraction, or `undefined` when price or a multiple is missing or ≤ 0.
 * @example closingScenarios(120, 15, 22) // x = 0.5: m* = 18.5, price* = 148, upside 0.2333
 * @see FORMULAS.md "Multiples": "multiple* = m_A + x (m_B − m_A); price* = price · multiple* / m_A"
 */
export function closingScenarios(
  price: number | null | undefined,
  multipleA: number | null | undefined,
  multipleB: number | null | undefined,
  fractions: readonly number[] = [0.25, 0.5, 1],
): ClosingScenario[] | undefined {
  if (!positive(price) || !positive(multipleA) || !positive(multipleB)) return undefined;
  return fractions
    .filter((x) => Number.isFinite(x))
    .map((fraction) => {
      const multiple = multipleA + fraction * (multipleB - multipleA);
      return { fraction, multiple, price: (price * multiple) / multipleA, upside: multiple / multipleA - 1 };
    });
}
