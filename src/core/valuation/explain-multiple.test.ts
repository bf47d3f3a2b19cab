import { describe, expect, it } from "vitest";
import type { Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { explainMultiple } from "./explain-multiple.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const ctx = (eps: number): MultipleContext => ({
  security: BABA,
  asOf: "2025-09-30",
  price: { date: "2025-09-30", close: 120, currency: "USD" },
  fundamentals: [{ entity: "alibaba", metric: "epsDiluted", fiscalPeriod: "FY2025", periodEnd: "2025-03-31", value: eps, currency: "CNY", unit: "perShare", knownFrom: "2025-05-15", source: "company 20-F" }],
  estimates: [],
  fx: createFxLookup([{ base: "USD", quote: "CNY", date: "2025-09-29", rate: 7.2 }]),
});

describe("explainMultiple(result)", () => {
  it("explainMultiple(result) states the value, price, EPS with its source, the ADS ratio and the FX rate", () => {
    expect(explainMultiple(trailingPE(ctx(6.0)))).toEqual([
      "trailingPE = 18.00x",
      "  formula: price / (EPS last fiscal year × sharesPerListing) (as of 2025-09-30)",
      "  price: 120 USD on 2025-09-30",
      // ages: 2025-03-31 → 2025-09-30 = 30 + 31 + 30 + 31 + 31 + 30 = 183 days; 2025-05-15 → 2025-09-30 = 16 + 30 + 31 + 31 + 30 = 138
      "  EPS: epsDiluted FY2025 to 2025-03-31 = 6 CNY per share (known from 2025-05-15, source company 20-F) [183 d after its period end, 138 d after known]",
      "  shares per listing unit: 8",
      "  FX for EPS FY2025 per listing: CNY→USD 0.138889 on 2025-09-30 via USDCNY 7.2 of 2025-09-29 inverted (1 day old)",
      "  = 120 / 6.66667 (USD)",
    ]);
  });

  it("explainMultiple(result) gives the n.m. reason", () => {
    expect(explainMultiple(trailingPE(ctx(-1)))[0]).toBe("trailingPE = n.m. (negative_earnings: EPS FY2025 per listing (-1.11111 USD) is negative)");
  });
});
