export type {
  FxConverted,
  FxFailure,
  FxFailureReason,
  FxLeg,
  FxOptions,
  FxQuote,
  FxQuoteLookup,
  FxResolved,
} from "./fx-types.js";
export { DEFAULT_MAX_STALE_DAYS } from "./fx-types.js";
export { resolveFxRate } from "./resolve-fx-rate.js";
export { convertAmount } from "./fx.js";
export { createFxLookup } from "./create-fx-lookup.js";

export type {
  FigureUsed,
  ForwardHorizon,
  FreshnessLimits,
  FxUsed,
  MultipleContext,
  MultipleInputs,
  MultipleKind,
  MultipleNm,
  MultipleOptions,
  MultipleResult,
  MultipleValue,
  NmReason,
  PriceUsed,
  ResultUnit,
  SecurityMultiples,
  StaleInput,
} from "./types.js";
export { DEFAULT_FRESHNESS, DEFAULT_MAX_STALE_PRICE_DAYS, DEFAULT_PE_CAP } from "./types.js";
export type { FigureUse, Staleness } from "./freshness.js";
export { freshnessLimits, isStaleReason, NO_FRESHNESS_LIMITS, staleEstimate, staleFigure } from "./freshness.js";
export { newFundamentals, pointInTimeEstimates, pointInTimeFundamentals } from "./point-in-time.js";
export { fiscalYearEnd, forwardFiscalYears } from "./fiscal-year.js";
export { calendarisedNtmEps, calendarYearValue, ntmWeightFy1 } from "./calendarise.js";
export { marketCap } from "./market-cap.js";
export { enterpriseValue } from "./enterprise-value.js";
export { trailingPE } from "./trailing-pe.js";
export { forwardPE } from "./forward-pe.js";
export { peg, pegRatio } from "./peg.js";
export { evToEbitda } from "./ev-to-ebitda.js";
export { evToSales } from "./ev-to-sales.js";
export { priceToSales } from "./price-to-sales.js";
export { priceToBook } from "./price-to-book.js";
export { earningsYield } from "./earnings-yield.js";
export { dividendYield } from "./dividend-yield.js";
export { computeMultiples } from "./compute-multiples.js";

export type { AggregateRow, DroppedRow, MultipleAggregate } from "./aggregate.js";
export { aggregateMultiples } from "./aggregate.js";
export type { ClosingScenario, ValuationGap } from "./gap.js";
export { closingScenarios, valuationGap } from "./gap.js";
export { explainMultiple } from "./explain-multiple.js";

export * from "./implied/index.js";

export { METRIC_ALIASES, MULTIPLE_KINDS, MULTIPLE_UNITS, metricShortName, parseMetric, parseMetrics } from "./metric-names.js";
export { computeMultiple } from "./compute-multiple.js";
export { percentileRank } from "./percentile-rank.js";
export type { FxAtDates, FxDateMemo } from "./fx-date-memo.js";
export { createFxDateMemo } from "./fx-date-memo.js";
export type { MultipleSeries, PriceColumns, SeriesInput, SeriesKind } from "./multiple-series.js";
export { multipleSeries, SERIES_KINDS } from "./multiple-series.js";
export type { AggregateSeries, PeerStatistic } from "./aggregate-series.js";
export { aggregateSeries, PEER_STATISTICS } from "./aggregate-series.js";
export type { GapHistory, GapPoint } from "./gap-history.js";
export { gapHistory } from "./gap-history.js";
export type { HistoryFrequency } from "./history-dates.js";
export { historyDates } from "./history-dates.js";
export type { ImpliedPriceInput, ImpliedPriceRow } from "./implied-prices.js";
export { impliedPrices } from "./implied-prices.js";
export type { PeDefinition, PeEps, PeListing, PePeriod } from "./pe-definitions.js";
export { peDefinitions, peUnderDefinition, reproducesClaim } from "./pe-definitions.js";
export type { IssuerVotes, LeftOutListing, ListingFacts, ListingRule } from "./issuer-votes.js";
export { primaryListing, selectIssuerVotes } from "./issuer-votes.js";
