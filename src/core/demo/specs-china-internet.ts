import type { DemoSecuritySpec } from "./spec.js";

/**
 * Chinese internet platforms (synthetic). Last prices near late-October 2025 levels; vols 35–45%;
 * trailing P/Es 10.5x–19x with a median of 15x (the note's "Alibaba near 15x").
 */
export const CHINA_INTERNET_SPECS: readonly DemoSecuritySpec[] = [
  {
    id: "9988.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "alibaba",
    model: "factor", region: "china", volAnnual: 0.4, betaGlobal: 0.6, betaRegion: 1.2,
    firstPrice: 95, lastPrice: 165, dividendYield: 0.007, dividendsPerYear: 1, volume: 60e6,
    fundamentals: {
      issuer: "alibaba", reportingCurrency: "CNY", fiscalYearEnd: { month: 3, rule: "monthEnd" }, sharesDilutedMillions: 19_300,
      targetTrailingPe: 15, epsGrowthAnnual: 0.12, revenueGrowthAnnual: 0.06, netMargin: 0.13,
      cashToRevenue: 0.45, debtToRevenue: 0.16, shareChangeAnnual: -0.02, reportLagDays: { quarter: 60, annual: 48 },
    },
  },
  {
    id: "BABA", exchange: "NYSE", currency: "USD", kind: "adr", calendar: "US", sharesPerListing: 8, issuer: "alibaba",
    model: "parity", parityOf: "9988.HK", basisVolDaily: 0.004, volume: 15e6,
  },
  {
    id: "0700.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "tencent",
    model: "factor", region: "china", volAnnual: 0.36, betaGlobal: 0.6, betaRegion: 1.1,
    firstPrice: 350, lastPrice: 620, dividendYield: 0.008, dividendsPerYear: 1, volume: 18e6,
    fundamentals: {
      issuer: "tencent", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 9_400,
      targetTrailingPe: 18, epsGrowthAnnual: 0.15, revenueGrowthAnnual: 0.08, netMargin: 0.28,
      cashToRevenue: 0.6, debtToRevenue: 0.5, shareChangeAnnual: -0.01, reportLagDays: { quarter: 45, annual: 79 },
    },
  },
  {
    id: "9888.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "baidu",
    model: "factor", region: "china", volAnnual: 0.42, betaGlobal: 0.6, betaRegion: 1.2,
    firstPrice: 115, lastPrice: 118, dividendYield: 0, dividendsPerYear: 0, volume: 8e6,
    fundamentals: {
      issuer: "baidu", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 2_800,
      targetTrailingPe: 11, epsGrowthAnnual: 0.05, revenueGrowthAnnual: 0.02, netMargin: 0.17,
      cashToRevenue: 1.0, debtToRevenue: 0.6, shareChangeAnnual: -0.02, reportLagDays: { quarter: 50, annual: 50 },
    },
  },
  {
    id: "BIDU", exchange: "NASDAQ", currency: "USD", kind: "adr", calendar: "US", sharesPerListing: 8, issuer: "baidu",
    model: "parity", parityOf: "9888.HK", basisVolDaily: 0.004, volume: 4e6,
  },
  {
    id: "3690.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "meituan",
    model: "factor", region: "china", volAnnual: 0.45, betaGlobal: 0.7, betaRegion: 1.3,
    firstPrice: 175, lastPrice: 100, dividendYield: 0, dividendsPerYear: 0, volume: 30e6,
    fundamentals: {
      issuer: "meituan", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 6_200,
      targetTrailingPe: 17, epsGrowthAnnual: 0.08, revenueGrowthAnnual: 0.12, netMargin: 0.11,
      cashToRevenue: 0.4, debtToRevenue: 0.2, shareChangeAnnual: -0.01, reportLagDays: { quarter: 58, annual: 80 },
    },
  },
  {
    id: "9618.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "jd",
    model: "factor", region: "china", volAnnual: 0.4, betaGlobal: 0.6, betaRegion: 1.2,
    firstPrice: 225, lastPrice: 128, dividendYield: 0.025, dividendsPerYear: 1, volume: 10e6,
    fundamentals: {
      issuer: "jd", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 3_000,
      targetTrailingPe: 10.5, epsGrowthAnnual: 0.06, revenueGrowthAnnual: 0.08, netMargin: 0.035,
      cashToRevenue: 0.15, debtToRevenue: 0.08, shareChangeAnnual: -0.03, reportLagDays: { quarter: 45, annual: 65 },
    },
  },
  {
    id: "JD", exchange: "NASDAQ", currency: "USD", kind: "adr", calendar: "US", sharesPerListing: 2, issuer: "jd",
    model: "parity", parityOf: "9618.HK", basisVolDaily: 0.004, volume: 12e6,
  },
  {
    id: "PDD", exchange: "NASDAQ", currency: "USD", kind: "adr", calendar: "US", sharesPerListing: 4, issuer: "pdd",
    model: "factor", region: "china", volAnnual: 0.45, betaGlobal: 0.6, betaRegion: 1.2,
    firstPrice: 83, lastPrice: 135, dividendYield: 0, dividendsPerYear: 0, volume: 8e6,
    fundamentals: {
      issuer: "pdd", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 5_900,
      targetTrailingPe: 12.5, epsGrowthAnnual: 0.1, revenueGrowthAnnual: 0.15, netMargin: 0.27,
      cashToRevenue: 1.0, debtToRevenue: 0.03, shareChangeAnnual: 0, reportLagDays: { quarter: 56, annual: 80 },
    },
  },
  {
    id: "1810.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "xiaomi",
    model: "factor", region: "china", volAnnual: 0.42, betaGlobal: 0.7, betaRegion: 1.2,
    firstPrice: 11.5, lastPrice: 47, dividendYield: 0, dividendsPerYear: 0, volume: 120e6,
    fundamentals: {
      issuer: "xiaomi", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 26_000,
      targetTrailingPe: 19, epsGrowthAnnual: 0.3, revenueGrowthAnnual: 0.25, netMargin: 0.085,
      cashToRevenue: 0.35, debtToRevenue: 0.08, shareChangeAnnual: 0.01, reportLagDays: { quarter: 50, annual: 77 },
    },
  },
];
