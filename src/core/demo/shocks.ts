import type { DemoShock } from "./spec.js";

/**
 * Catalyst-like jumps of the demo, one per market reaction reported in FACTS.md for the 2025 catalysts
 * (examples/catalysts-2025.csv). Each sets that session's return exactly, so event studies on the demo
 * have something to find. A jump on one listing of an issuer also reaches its other listing at that
 * listing's next close (BABA's +13% on 29 Aug shows in 9988.HK on 1 Sep).
 */
export const DEMO_SHOCKS: readonly DemoShock[] = [
  { date: "2025-07-15", security: "NVDA", returnPct: 4.0, eventId: "h20-resume-2025-07-14" },
  { date: "2025-08-12", security: "0981.HK", returnPct: 5.0, eventId: "h20-discouraged-2025-08-12" },
  { date: "2025-08-22", security: "0981.HK", returnPct: 10.0, eventId: "h20-halt-2025-08-21" },
  { date: "2025-08-22", security: "1347.HK", returnPct: 18.0, eventId: "h20-halt-2025-08-21" },
  { date: "2025-08-22", security: "688256.SS", returnPct: 20.0, eventId: "h20-halt-2025-08-21" },
  { date: "2025-08-29", security: "BABA", returnPct: 13.0, eventId: "alibaba-results-2025-08-29" },
  { date: "2025-09-01", security: "9988.HK", returnPct: 18.5, eventId: "alibaba-results-2025-08-29" },
  { date: "2025-09-05", security: "AVGO", returnPct: 9.41, eventId: "broadcom-results-2025-09-04" },
  { date: "2025-09-10", security: "ORCL", returnPct: 35.95, eventId: "oracle-results-2025-09-09" },
  { date: "2025-09-17", security: "NVDA", returnPct: -2.6, eventId: "cac-rtx-pro-6000d-2025-09-17" },
  { date: "2025-09-18", security: "0981.HK", returnPct: 5.0, eventId: "cac-rtx-pro-6000d-2025-09-17" },
  { date: "2025-09-18", security: "1347.HK", returnPct: 10.0, eventId: "cac-rtx-pro-6000d-2025-09-17" },
  { date: "2025-09-22", security: "NVDA", returnPct: 3.97, eventId: "nvidia-openai-2025-09-22" },
  { date: "2025-09-24", security: "9988.HK", returnPct: 9.16, eventId: "alibaba-apsara-qwen3-max-2025-09-24" },
  { date: "2025-09-24", security: "^HSI", returnPct: 1.37, eventId: "alibaba-apsara-qwen3-max-2025-09-24" },
];
