import { meanAndVariance } from "./_mean-variance.js";
import { bmpT } from "./bmp-t.js";
import { corradoZ } from "./corrado-z.js";
import { crossSectionalT } from "./cross-sectional-t.js";
import { generalizedSignZ } from "./generalized-sign-z.js";
import { kolariPynnonenT } from "./kolari-pynnonen-t.js";
import { patellZ } from "./patell-z.js";
import { signZ } from "./sign-z.js";
import type { TestResult } from "./test-result.js";

/** The test battery of one window. Each test is absent when its data cannot support it. */
export interface WindowTests {
  csectT?: TestResult;
  patellZ?: TestResult;
  bmpT?: TestResult;
  kpT?: TestResult;
  corradoZ?: TestResult;
  signZ?: TestResult;
  genSignZ?: TestResult;
}

/** What one window's aggregate is computed from: one entry per observation (merged groups count once). */
export interface WindowSample {
  cars: ArrayLike<number>;
  /** CAR / √Var (NaN when Var is 0). */
  scars: ArrayLike<number>;
  /** Degrees of freedom of each σ̂². */
  dfs: ArrayLike<number>;
  /** Share of positive estimation-window ARs. */
  positiveShares: ArrayLike<number>;
}

/**
 * Runs the test battery on one window (FORMULAS.md "Tests across N security-events").
 * @param sample the window's observations
 * @param meanCorrelation r̄ for the Kolari–Pynnönen adjustment (undefined: no KP test)
 * @param ranks K̄_t on the combined axis, the window's first and last axis index, and the observations behind it
 * @returns CAAR (mean CAR), the counts and the tests
 * @example aggregateWindow({ cars: [0.02, 0.04, 0.06], scars: [1, 2, 3], dfs: [238, 238, 238], positiveShares: [0.5, 0.5, 0.5] }, 0.1, { meanK, from: 250, to: 252, n: 3 })
 *   // { n: 3, nStandardized: 3, caar: 0.04, tests: { csectT: { statistic: 3.4641, … }, kpT: { statistic: 3.0, … }, … } }
 */
export function aggregateWindow(
  sample: WindowSample,
  meanCorrelation: number | undefined,
  ranks: { meanK: ArrayLike<number>; from: number; to: number; n: number },
): { n: number; nStandardized: number; caar?: number; tests: WindowTests } {
  const tests: WindowTests = {};
  const put = <K extends keyof WindowTests>(k: K, v: TestResult | undefined) => {
    if (v !== undefined) tests[k] = v;
  };
  put("csectT", crossSectionalT(sample.cars));
  put("patellZ", patellZ(sample.scars, sample.dfs));
  const bmp = bmpT(sample.scars);
  put("bmpT", bmp);
  if (bmp !== undefined && meanCorrelation !== undefined) put("kpT", kolariPynnonenT(bmp, meanCorrelation));
  put("corradoZ", corradoZ(ranks.meanK, ranks.from, ranks.to, ranks.n));
  put("signZ", signZ(sample.cars));
  put("genSignZ", generalizedSignZ(sample.cars, sample.positiveShares));
  const { mean: caar } = meanAndVariance(sample.cars);
  let nStandardized = 0;
  for (let i = 0; i < sample.scars.length; i++) if (sample.scars[i]! - sample.scars[i]! === 0) nStandardized++;
  return {
    n: sample.cars.length,
    nStandardized,
    ...(sample.cars.length > 0 ? { caar } : {}),
    tests,
  };
}
