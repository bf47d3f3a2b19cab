import type { DemoSecuritySpec } from "./spec.js";

/**
 * Benchmarks and FX (synthetic): ^HSI is driven by the China factor, ^GSPC and ^NDX by the US factor,
 * KWEB (China internet ETF, US-listed) by the China factor; USD/HKD stays inside the 7.75–7.85 peg band
 * and USD/CNY inside 7.10–7.35.
 */
export const BENCHMARK_SPECS: readonly DemoSecuritySpec[] = [
  {
    id: "^HSI", exchange: "INDEX", currency: "HKD", kind: "index", calendar: "HK", sharesPerListing: 1,
    model: "factor", region: "china", volAnnual: 0.22, betaGlobal: 0.3, betaRegion: 0.9,
    firstPrice: 20_145, lastPrice: 25_900, dividendYield: 0, dividendsPerYear: 0, volume: 2.5e9,
  },
  {
    id: "^GSPC", exchange: "INDEX", currency: "USD", kind: "index", calendar: "US", sharesPerListing: 1,
    model: "factor", region: "us", volAnnual: 0.18, betaGlobal: 0.4, betaRegion: 1.0,
    firstPrice: 3_824, lastPrice: 6_840, dividendYield: 0, dividendsPerYear: 0, volume: 4e9,
  },
  {
    id: "^NDX", exchange: "INDEX", currency: "USD", kind: "index", calendar: "US", sharesPerListing: 1,
    model: "factor", region: "us", volAnnual: 0.22, betaGlobal: 0.8, betaRegion: 1.0,
    firstPrice: 10_862, lastPrice: 26_000, dividendYield: 0, dividendsPerYear: 0, volume: 6e8,
  },
  {
    id: "KWEB", exchange: "NYSE", currency: "USD", kind: "etf", calendar: "US", sharesPerListing: 1,
    model: "factor", region: "china", volAnnual: 0.4, betaGlobal: 0.6, betaRegion: 1.5,
    firstPrice: 29, lastPrice: 39, dividendYield: 0.01, dividendsPerYear: 1, volume: 15e6,
  },
  {
    id: "USDHKD=X", exchange: "FX", currency: "HKD", kind: "fx", calendar: "FX", sharesPerListing: 1,
    model: "fx", base: "USD", quote: "HKD", mid: 7.8, halfWidth: 0.045, firstRate: 7.8, lastRate: 7.77,
  },
  {
    id: "USDCNY=X", exchange: "FX", currency: "CNY", kind: "fx", calendar: "FX", sharesPerListing: 1,
    model: "fx", base: "USD", quote: "CNY", mid: 7.225, halfWidth: 0.12, firstRate: 7.15, lastRate: 7.12,
  },
];
