import type { DemoSecuritySpec } from "./spec.js";

/**
 * Chinese chip makers and designers (synthetic). Vols 55–75%; SMIC and Hua Hong report in USD;
 * Cambricon trades on the STAR Market (±20% daily limit) and its trailing year is a loss (P/E n.m.).
 */
export const CHINA_CHIP_SPECS: readonly DemoSecuritySpec[] = [
  {
    id: "0981.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "smic",
    model: "factor", region: "china", volAnnual: 0.55, betaGlobal: 0.9, betaRegion: 1.3,
    firstPrice: 17, lastPrice: 75, dividendYield: 0, dividendsPerYear: 0, volume: 70e6,
    fundamentals: {
      issuer: "smic", reportingCurrency: "USD", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 8_000,
      targetTrailingPe: 90, epsGrowthAnnual: 0.25, revenueGrowthAnnual: 0.2, netMargin: 0.07,
      cashToRevenue: 0.8, debtToRevenue: 0.9, shareChangeAnnual: 0.005, reportLagDays: { quarter: 38, annual: 45 },
    },
  },
  {
    id: "1347.HK", exchange: "HKEX", currency: "HKD", kind: "equity", calendar: "HK", sharesPerListing: 1, issuer: "huahong",
    model: "factor", region: "china", volAnnual: 0.58, betaGlobal: 0.9, betaRegion: 1.3,
    firstPrice: 17.5, lastPrice: 80, dividendYield: 0, dividendsPerYear: 0, volume: 15e6,
    fundamentals: {
      issuer: "huahong", reportingCurrency: "USD", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 1_730,
      targetTrailingPe: 160, epsGrowthAnnual: 0.4, revenueGrowthAnnual: 0.15, netMargin: 0.03,
      cashToRevenue: 1.5, debtToRevenue: 0.6, shareChangeAnnual: 0.01, reportLagDays: { quarter: 38, annual: 45 },
    },
  },
  {
    id: "688256.SS", exchange: "SSE", currency: "CNY", kind: "equity", calendar: "CN", sharesPerListing: 1, issuer: "cambricon",
    model: "factor", region: "china", volAnnual: 0.75, betaGlobal: 1.0, betaRegion: 1.2,
    firstPrice: 55, lastPrice: 1400, dividendYield: 0, dividendsPerYear: 0, dailyLimit: 0.2, volume: 8e6,
    fundamentals: {
      issuer: "cambricon", reportingCurrency: "CNY", fiscalYearEnd: { month: 12, rule: "monthEnd" }, sharesDilutedMillions: 420,
      targetTrailingPe: -1300, epsGrowthAnnual: 2.5, revenueGrowthAnnual: 0.8, netMargin: 0.39,
      cashToRevenue: 1.0, debtToRevenue: 0.02, shareChangeAnnual: 0.005, reportLagDays: { quarter: 25, annual: 90 },
    },
  },
];
