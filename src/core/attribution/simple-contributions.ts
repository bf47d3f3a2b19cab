import type { ReturnComponents } from "./types.js";

/**
 * Simple-return equivalents of log contributions: c_j · R / r, where r = Σ c_j is the total log return and
 * R = e^r − 1 the total simple return, so the parts sum to R. When r = 0 the factor R / r is its limit, 1.
 *
 * @param log - log contributions (decimal).
 * @returns contributions to the simple return (decimal) and R.
 * @example toSimpleContributions({ earnings: 0.1, multiple: 0.2, fx: 0, dividends: 0 }) // R = e^0.3 − 1 = 0.349859; earnings 0.1 · 0.349859 / 0.3 = 0.116620
 * @see FORMULAS.md "Attribution": "simple-return equivalents (contribution_j · total simple return / total log return)"
 */
export function toSimpleContributions(log: ReturnComponents): { simple: ReturnComponents; simpleReturn: number; logReturn: number } {
  const logReturn = log.earnings + log.multiple + log.fx + log.dividends;
  const simpleReturn = Math.expm1(logReturn);
  const factor = logReturn === 0 ? 1 : simpleReturn / logReturn;
  return {
    simple: { earnings: log.earnings * factor, multiple: log.multiple * factor, fx: log.fx * factor, dividends: log.dividends * factor },
    simpleReturn,
    logReturn,
  };
}
