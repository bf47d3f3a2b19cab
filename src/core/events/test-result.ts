/** The outcome of one test across security-events. */
export interface TestResult {
  /** The test statistic (t or z). */
  statistic: number;
  /** Two-sided p-value. */
  p: number;
  /** Observations the statistic uses. */
  n: number;
  /** Reference distribution of the statistic under the null of no abnormal return. */
  distribution: "student-t" | "normal";
  /** Degrees of freedom (Student t only). */
  df?: number;
}
