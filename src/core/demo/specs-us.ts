import type { DemoIssuerSpec, DemoSecuritySpec } from "./spec.js";

type UsEquity = Pick<DemoSecuritySpec & { model: "factor" }, "id" | "exchange" | "volAnnual" | "betaGlobal" | "betaRegion" | "firstPrice" | "lastPrice" | "dividendYield" | "volume">;

function usEquity(s: UsEquity, f: Omit<DemoIssuerSpec, "reportingCurrency">): DemoSecuritySpec {
  return {
    ...s, currency: "USD", kind: "equity", calendar: "US", sharesPerListing: 1, issuer: f.issuer,
    model: "factor", region: "us", dividendsPerYear: s.dividendYield > 0 ? 4 : 0,
    fundamentals: { ...f, reportingCurrency: "USD" },
  };
}

const monthEnd = (month: number) => ({ month, rule: "monthEnd" as const });

/**
 * US megacaps and AI-chip names (synthetic). Megacap vols 25–35%, chips 48–52%; megacap trailing P/Es
 * 20x–28x with a median of 22x (AMZN at 22x, as the note says); chips higher. Quarterly dividends.
 */
export const US_SPECS: readonly DemoSecuritySpec[] = [
  usEquity(
    { id: "AMZN", exchange: "NASDAQ", volAnnual: 0.3, betaGlobal: 0.9, betaRegion: 1.0, firstPrice: 85, lastPrice: 222, dividendYield: 0, volume: 40e6 },
    { issuer: "amazon", fiscalYearEnd: monthEnd(12), sharesDilutedMillions: 10_700, targetTrailingPe: 22, epsGrowthAnnual: 0.15, revenueGrowthAnnual: 0.11, netMargin: 0.09, cashToRevenue: 0.15, debtToRevenue: 0.2, shareChangeAnnual: 0.01, reportLagDays: { quarter: 30, annual: 36 } },
  ),
  usEquity(
    { id: "MSFT", exchange: "NASDAQ", volAnnual: 0.25, betaGlobal: 0.9, betaRegion: 1.0, firstPrice: 240, lastPrice: 520, dividendYield: 0.007, volume: 20e6 },
    { issuer: "microsoft", fiscalYearEnd: monthEnd(6), sharesDilutedMillions: 7_470, targetTrailingPe: 25, epsGrowthAnnual: 0.12, revenueGrowthAnnual: 0.14, netMargin: 0.36, cashToRevenue: 0.3, debtToRevenue: 0.2, shareChangeAnnual: -0.005, reportLagDays: { quarter: 26, annual: 30 } },
  ),
  usEquity(
    { id: "GOOGL", exchange: "NASDAQ", volAnnual: 0.3, betaGlobal: 0.9, betaRegion: 1.0, firstPrice: 89, lastPrice: 280, dividendYield: 0.003, volume: 30e6 },
    { issuer: "alphabet", fiscalYearEnd: monthEnd(12), sharesDilutedMillions: 12_300, targetTrailingPe: 20, epsGrowthAnnual: 0.15, revenueGrowthAnnual: 0.12, netMargin: 0.29, cashToRevenue: 0.27, debtToRevenue: 0.08, shareChangeAnnual: -0.025, reportLagDays: { quarter: 27, annual: 33 } },
  ),
  usEquity(
    { id: "META", exchange: "NASDAQ", volAnnual: 0.35, betaGlobal: 1.0, betaRegion: 1.0, firstPrice: 125, lastPrice: 650, dividendYield: 0.003, volume: 12e6 },
    { issuer: "meta", fiscalYearEnd: monthEnd(12), sharesDilutedMillions: 2_600, targetTrailingPe: 21, epsGrowthAnnual: 0.12, revenueGrowthAnnual: 0.2, netMargin: 0.38, cashToRevenue: 0.4, debtToRevenue: 0.2, shareChangeAnnual: -0.02, reportLagDays: { quarter: 28, annual: 33 } },
  ),
  usEquity(
    { id: "ORCL", exchange: "NYSE", volAnnual: 0.35, betaGlobal: 0.9, betaRegion: 1.0, firstPrice: 82, lastPrice: 260, dividendYield: 0.008, volume: 15e6 },
    { issuer: "oracle", fiscalYearEnd: monthEnd(5), sharesDilutedMillions: 2_900, targetTrailingPe: 28, epsGrowthAnnual: 0.12, revenueGrowthAnnual: 0.12, netMargin: 0.21, cashToRevenue: 0.18, debtToRevenue: 1.6, shareChangeAnnual: 0.005, reportLagDays: { quarter: 12, annual: 12 } },
  ),
  usEquity(
    { id: "NVDA", exchange: "NASDAQ", volAnnual: 0.5, betaGlobal: 1.6, betaRegion: 1.1, firstPrice: 14.6, lastPrice: 200, dividendYield: 0.0002, volume: 180e6 },
    { issuer: "nvidia", fiscalYearEnd: { month: 1, rule: "lastSunday" }, sharesDilutedMillions: 24_900, targetTrailingPe: 50, epsGrowthAnnual: 0.6, revenueGrowthAnnual: 0.5, netMargin: 0.55, cashToRevenue: 0.33, debtToRevenue: 0.07, shareChangeAnnual: -0.005, reportLagDays: { quarter: 28, annual: 31 } },
  ),
  usEquity(
    { id: "AMD", exchange: "NASDAQ", volAnnual: 0.52, betaGlobal: 1.5, betaRegion: 1.1, firstPrice: 64, lastPrice: 250, dividendYield: 0, volume: 45e6 },
    { issuer: "amd", fiscalYearEnd: { month: 12, rule: "lastSaturday" }, sharesDilutedMillions: 1_630, targetTrailingPe: 110, epsGrowthAnnual: 0.35, revenueGrowthAnnual: 0.2, netMargin: 0.07, cashToRevenue: 0.2, debtToRevenue: 0.13, shareChangeAnnual: 0, reportLagDays: { quarter: 35, annual: 36 } },
  ),
  usEquity(
    { id: "AVGO", exchange: "NASDAQ", volAnnual: 0.48, betaGlobal: 1.5, betaRegion: 1.0, firstPrice: 56, lastPrice: 365, dividendYield: 0.007, volume: 20e6 },
    { issuer: "broadcom", fiscalYearEnd: { month: 10, rule: "sundayNearestMonthEnd" }, sharesDilutedMillions: 4_900, targetTrailingPe: 85, epsGrowthAnnual: 0.4, revenueGrowthAnnual: 0.3, netMargin: 0.12, cashToRevenue: 0.18, debtToRevenue: 1.3, shareChangeAnnual: 0.01, reportLagDays: { quarter: 38, annual: 38 } },
  ),
];
