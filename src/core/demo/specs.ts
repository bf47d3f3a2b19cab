import { BENCHMARK_SPECS } from "./specs-benchmarks.js";
import { CHINA_CHIP_SPECS } from "./specs-china-chips.js";
import { CHINA_INTERNET_SPECS } from "./specs-china-internet.js";
import { US_SPECS } from "./specs-us.js";
import type { DemoSecuritySpec } from "./spec.js";

/** Seed of the bundled demo (the day of Alibaba's Apsara conference). */
export const DEMO_SEED = 20250924;
/** Default demo range. */
export const DEMO_FROM = "2023-01-02";
export const DEMO_TO = "2025-10-31";
/** Source label on every synthetic row: the demo is never mistaken for real data. */
export const DEMO_SOURCE = "demo:synthetic";

/** The demo universe, in the order of examples/securities.csv. */
export const DEMO_SECURITY_SPECS: readonly DemoSecuritySpec[] = [
  ...CHINA_INTERNET_SPECS,
  ...CHINA_CHIP_SPECS,
  ...US_SPECS,
  ...BENCHMARK_SPECS,
];
