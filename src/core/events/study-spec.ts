import { InvalidInputError } from "../../errors.js";
import { NORMAL_MODELS, type NormalModel } from "./normal-model.js";

/** Relative trading days, both ends included: {from: −1, to: 1} is days −1, 0, +1. */
export interface DayRange {
  from: number;
  to: number;
}

/** What an event study computes: the model, the estimation window and the event windows. */
export interface EventStudySpec {
  model: NormalModel;
  /** Estimation window in days relative to day 0 (default −250…−11). */
  estimation: DayRange;
  /** Event windows for CARs and tests (default −1…+1, 0…+1, 0…+5, −5…+5). */
  windows: readonly DayRange[];
  /** Fewest valid estimation days for a security-event to count (default 120). */
  minEstimationDays: number;
}

/** The defaults of issue 4: market model, −250…−11, windows −1…+1, 0…+1, 0…+5, −5…+5, at least 120 days. */
export const EVENT_STUDY_DEFAULTS: EventStudySpec = {
  model: "market",
  estimation: { from: -250, to: -11 },
  windows: [{ from: -1, to: 1 }, { from: 0, to: 1 }, { from: 0, to: 5 }, { from: -5, to: 5 }],
  minEstimationDays: 120,
};

/**
 * Reads a day range written `FROM:TO` (e.g. `-250:-11`, `0:5`; `+1` allowed).
 * @param what the option's name, for the message
 * @throws InvalidInputError naming the option and value
 * @example parseDayRange("-5:5") // { from: -5, to: 5 }
 */
export function parseDayRange(text: string, what = "window"): DayRange {
  const m = /^\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*$/.exec(text);
  if (m === null) throw InvalidInputError.at({ column: what, value: text, reason: "must be FROM:TO in trading days relative to day 0, e.g. -1:1 or -250:-11" });
  const range = { from: Number(m[1]), to: Number(m[2]) };
  if (range.from > range.to) throw InvalidInputError.at({ column: what, value: text, reason: `starts after it ends (${range.from} > ${range.to})` });
  return range;
}

/** Formats a day range as `FROM:TO` with signs. @example formatDayRange({ from: -1, to: 1 }) // "-1:+1" */
export function formatDayRange(r: DayRange): string {
  const f = (x: number) => (x > 0 ? `+${x}` : String(x));
  return `${f(r.from)}:${f(r.to)}`;
}

/**
 * The smallest range holding every window (the days whose abnormal returns are reported).
 * @example windowSpan([{ from: -1, to: 1 }, { from: 0, to: 5 }]) // { from: -1, to: 5 }
 */
export function windowSpan(windows: readonly DayRange[]): DayRange {
  return { from: Math.min(...windows.map((w) => w.from)), to: Math.max(...windows.map((w) => w.to)) };
}

/**
 * Checks a spec: a known model, at least one window, integer days, an estimation window that ends before
 * the earliest event window starts (no event day inside the estimation), and a usable minimum of days.
 * @throws InvalidInputError naming the offending setting and how to fix it
 * @example validateStudySpec({ ...EVENT_STUDY_DEFAULTS, windows: [{ from: -20, to: 20 }] }) // throws: estimation must end before day -20
 */
export function validateStudySpec(spec: EventStudySpec): void {
  if (!(NORMAL_MODELS as readonly string[]).includes(spec.model)) {
    throw InvalidInputError.at({ column: "model", value: String(spec.model), reason: `is unknown; use one of ${NORMAL_MODELS.join(", ")}` });
  }
  if (spec.windows.length === 0) throw InvalidInputError.at({ column: "windows", reason: "are empty: give at least one event window such as -1:1" });
  for (const [what, r] of [["estimation", spec.estimation], ...spec.windows.map((w) => ["window", w] as const)] as const) {
    if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from > r.to) {
      throw InvalidInputError.at({ column: what, value: `${r.from}:${r.to}`, reason: "must be two integers FROM ≤ TO" });
    }
  }
  const span = windowSpan(spec.windows);
  if (spec.estimation.to >= span.from) {
    throw InvalidInputError.at({
      column: "estimation", value: `${spec.estimation.from}:${spec.estimation.to}`,
      reason: `must end before the earliest event window starts (day ${span.from}), so that no event day is used to estimate normal returns`,
    });
  }
  const floor = spec.model === "market" ? 3 : 2;
  const length = spec.estimation.to - spec.estimation.from + 1;
  if (!Number.isInteger(spec.minEstimationDays) || spec.minEstimationDays < floor || spec.minEstimationDays > length) {
    throw InvalidInputError.at({
      column: "minimum estimation days", value: String(spec.minEstimationDays),
      reason: `must be an integer from ${floor} to the estimation window's length (${length})`,
    });
  }
}
