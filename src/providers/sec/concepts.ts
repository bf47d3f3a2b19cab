import type { Metric } from "../../models/fundamental.js";

/** How rerate reads one metric from XBRL: concepts in order of preference, and the kind of period. */
export interface ConceptMapping {
  metric: Metric;
  /** `taxonomy:Concept`, most preferred first. A company that changes concept over the years is read from both. */
  concepts: readonly string[];
  /** Flows cover a duration (start–end); balances are at an instant. */
  period: "duration" | "instant";
  /** Unit kinds accepted: an amount in a currency, a currency per share, or a share count. */
  unit: "currency" | "perShare" | "shares";
}

/**
 * XBRL concepts → rerate metrics (US GAAP, with IFRS equivalents for IFRS filers).
 * - totalDebt is `LongTermDebt` (all long-term debt including its current portion; short-term borrowings and
 *   commercial paper are not in it): the closest single concept most filers tag.
 * - capex is `PaymentsToAcquirePropertyPlantAndEquipment`, a positive cash outflow.
 * - ebit, freeCashFlow and listedInvestments are not reported XBRL facts and are not mapped; ebitda is derived
 *   (operating income + D&A, see {@link DA_SCHEMES}).
 */
export const SEC_CONCEPTS: readonly ConceptMapping[] = [
  { metric: "revenue", period: "duration", unit: "currency", concepts: [
    "us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:SalesRevenueNet",
    "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax", "ifrs-full:Revenue",
  ] },
  { metric: "grossProfit", period: "duration", unit: "currency", concepts: ["us-gaap:GrossProfit", "ifrs-full:GrossProfit"] },
  { metric: "operatingIncome", period: "duration", unit: "currency", concepts: ["us-gaap:OperatingIncomeLoss", "ifrs-full:ProfitLossFromOperatingActivities"] },
  { metric: "netIncome", period: "duration", unit: "currency", concepts: [
    "us-gaap:NetIncomeLoss", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic", "ifrs-full:ProfitLossAttributableToOwnersOfParent",
  ] },
  { metric: "epsBasic", period: "duration", unit: "perShare", concepts: ["us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareBasicAndDiluted", "ifrs-full:BasicEarningsLossPerShare"] },
  { metric: "epsDiluted", period: "duration", unit: "perShare", concepts: ["us-gaap:EarningsPerShareDiluted", "us-gaap:EarningsPerShareBasicAndDiluted", "ifrs-full:DilutedEarningsLossPerShare"] },
  { metric: "sharesBasic", period: "duration", unit: "shares", concepts: ["us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"] },
  { metric: "sharesDiluted", period: "duration", unit: "shares", concepts: ["us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"] },
  { metric: "sharesOutstanding", period: "instant", unit: "shares", concepts: ["us-gaap:CommonStockSharesOutstanding", "dei:EntityCommonStockSharesOutstanding"] },
  { metric: "cash", period: "instant", unit: "currency", concepts: [
    "us-gaap:CashAndCashEquivalentsAtCarryingValue", "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents", "ifrs-full:CashAndCashEquivalents",
  ] },
  { metric: "totalDebt", period: "instant", unit: "currency", concepts: ["us-gaap:LongTermDebt"] },
  { metric: "bookValue", period: "instant", unit: "currency", concepts: ["us-gaap:StockholdersEquity", "ifrs-full:EquityAttributableToOwnersOfParent"] },
  { metric: "operatingCashFlow", period: "duration", unit: "currency", concepts: ["us-gaap:NetCashProvidedByUsedInOperatingActivities", "ifrs-full:CashFlowsFromUsedInOperatingActivities"] },
  { metric: "capex", period: "duration", unit: "currency", concepts: [
    "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
  ] },
  { metric: "dividendsPerShare", period: "duration", unit: "perShare", concepts: ["us-gaap:CommonStockDividendsPerShareDeclared", "us-gaap:CommonStockDividendsPerShareCashPaid"] },
];

/**
 * Depreciation and amortisation as the cash-flow statement adds it back, for EBITDA: per period the first scheme
 * whose required concepts the filer tagged for that period. A total first (DepreciationDepletionAndAmortization);
 * then "other" D&A beside a separate line for acquired intangibles (Marvell); then the other totals; last,
 * depreciation plus amortisation of intangibles where tagged (Alphabet tags depreciation alone).
 * Limit: a filer that tags a D&A total that excludes the amortisation it shows on a line of its own is understated.
 */
export const DA_SCHEMES: readonly { parts: readonly { concept: string; optional?: boolean }[] }[] = [
  { parts: [{ concept: "us-gaap:DepreciationDepletionAndAmortization" }] },
  { parts: [{ concept: "us-gaap:OtherDepreciationAndAmortization" }, { concept: "us-gaap:AmortizationOfIntangibleAssets" }] },
  { parts: [{ concept: "us-gaap:DepreciationAndAmortization" }] },
  { parts: [{ concept: "us-gaap:DepreciationAmortizationAndAccretionNet" }] },
  { parts: [{ concept: "ifrs-full:AdjustmentsForDepreciationAndAmortisationExpense" }] },
  { parts: [{ concept: "ifrs-full:DepreciationAndAmortisationExpense" }] },
  { parts: [{ concept: "us-gaap:Depreciation" }, { concept: "us-gaap:AmortizationOfIntangibleAssets", optional: true }] },
];

/** Every concept any mapping reads, as `taxonomy:Concept`. */
export const MAPPED_CONCEPTS: ReadonlySet<string> = new Set([
  ...SEC_CONCEPTS.flatMap((m) => m.concepts), ...DA_SCHEMES.flatMap((s) => s.parts.map((p) => p.concept)),
]);
