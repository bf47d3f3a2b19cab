/**
 * rerate as a library: `import { openStore, importFiles, computeComps, … } from "rerate"`.
 * Models (Zod schemas and their types), the error catalogue, the store, the use-cases and the pure core.
 */
export * from "./models/index.js";
export * from "./errors.js";
export { openStore, resolveDbPath, DEFAULT_DB_PATH, Store } from "./store/open.js";
export { SCHEMA_VERSION } from "./store/migrate.js";
export { listSecurities, getSecurity, type StoredSecurity } from "./store/securities.js";
export { readPrices, readCloseOnOrBefore, summarizePrices, type StoredPrices } from "./store/prices.js";
export { readFundamentals, readEstimates } from "./store/fundamentals.js";
export { readFxRates } from "./store/fx.js";
export { listEvents } from "./store/events.js";
export { listQualityIssues, type QualityRow } from "./store/quality.js";
export { listSources, type SourceRow } from "./store/sources.js";
export { importFiles, IMPORT_KINDS, type ImportKind, type ImportOptions, type ImportSummary, type FileReport } from "./app/import/import-files.js";
export { importYahooFiles, type YahooImportOptions, type YahooImportSummary } from "./app/import/yahoo-files.js";
export { computeComps, latestPriceDate, COMPS_METRICS, type CompsResult, type CompsRow, type CompsMetric, type PeerGroup } from "./app/comps.js";
export { loadDemo, isDemoLoaded, DEMO_GROUPS, type DemoLoadResult } from "./app/demo.js";
export { summarizeComps, compsSummaryToMarkdown, type CompsSummary, type DisplayTable } from "./app/report/comps-summary.js";
export { computePeerComps, aggregateRows, DEFAULT_COMPS_METRICS, type PeerComps, type PeerCompsRequest, type PeerCompsRow } from "./app/comps-table.js";
export { computeWall, type Wall, type WallRequest } from "./app/wall.js";
export { computeGapHistory, type GapHistoryRequest, type GapHistoryResult } from "./app/gap-history.js";
export { checkMultiple, type CheckMultipleRequest, type CheckMultipleResult, type DefinitionCheck } from "./app/check-multiple.js";
export { resolveGroupTokens, resolveGroupSpec, readPeerGroupFile, listAllPeerGroups, findPeerGroup, checkGroupId } from "./app/peer-groups.js";
export { savePeerGroup, getPeerGroup, listPeerGroups, deletePeerGroup, type StoredPeerGroup } from "./store/peer-groups.js";
export { compsTables, compsNotes, compsExplain, summarizeWall, historyLines, sparkline, formatResult, metricLabel } from "./app/comps-display.js";
export { summarizeCheckMultiple, definitionLabel } from "./app/comps-check-display.js";
export { wallChartSvg } from "./app/comps-chart.js";
export { compsWorkbook, wallWorkbook, writeWorkbook } from "./app/export-xlsx.js";
export { toCsv, csvField, compsCsvRows, wallCsvRows, type CsvCell } from "./app/export-csv.js";
export { createApp, type AppDeps } from "./server/app.js";
export * as valuation from "./core/valuation/index.js";
export * as stats from "./core/stats/index.js";
export * as attribution from "./core/attribution/index.js";
export * as scenario from "./core/scenario/index.js";
export {
  parseScenarioModel, loadScenarioModel, compileScenario, evaluateScenarioModel, tornadoScenarioModel, gridScenarioModel,
  runScenarioMonteCarlo, createScenarioPool, type LoadedScenarioModel, type ScenarioPool, type ScenarioRunOptions,
} from "./app/scenario.js";
export {
  computeImplied, computeWallPremium,
  type ImpliedRequest, type ImpliedResult, type WallPremiumRequest, type WallPremiumResult, type WallRow,
} from "./app/implied.js";
export { computeAttribution, type AttributionRequest, type AttributionReport, type AttributionRow } from "./app/attribution.js";
export { computeBands, type BandsRequest, type BandsResult, type BandSeries } from "./app/bands.js";
export { renderWaterfallSvg, type WaterfallChartInput, type WaterfallStep } from "./app/charts/waterfall.js";
export { renderBandChartSvg, type BandChartInput } from "./app/charts/band-chart.js";
export * as calendars from "./core/calendars/index.js";
export * as events from "./core/events/index.js";
export { computeEventStudy, assertSomeObservation, type EventStudyRequest, type EventStudyResult } from "./app/event-study.js";
export { eventsFromArguments, readEventsFile, securitiesOnExchanges } from "./app/event-inputs.js";
export { runEventStudyInParallel, closeEventStudyWorkers, eventStudyThreads, PARALLEL_MIN_OBSERVATIONS, type ParallelRunOptions } from "./app/event-study-parallel.js";
export * as dates from "./core/dates.js";
export { checkPriceBars, type PriceFinding } from "./core/quality/price-checks.js";
export { createDemoMarket, DEMO_SEED, DEMO_SECURITY_SPECS, DEMO_SHOCKS } from "./core/demo/index.js";
export { t, resolveLang, localized } from "./i18n/index.js";
export { formatAmount, formatMultiple, formatPercent, formatPoints, formatPrice } from "./i18n/format.js";
export { fetchIntoStore, symbolsFromThesis, FETCH_PROVIDERS, type FetchOptions, type FetchSummary } from "./app/fetch.js";
export { executeQuery, createProviderHttp, type ExecuteOptions, type QueryParams, type QueryResult } from "./providers/execute.js";
export { PROVIDERS, describeProviders, getProvider, getFetcher, type ProviderDescription } from "./providers/registry.js";
export { Quote, MODEL_SCHEMAS, type Fetcher, type ModelName, type ProviderManifest, type ListingInfo } from "./providers/contract.js";
export { HttpClient, ProviderHttpError, type HttpOptions, type FetchFn } from "./providers/http.js";
export { ResponseCache, resolveCacheDir, DEFAULT_CACHE_DIR } from "./providers/cache.js";
export { main as runCli } from "./cli/main.js";
export { computeCoverage, COVERAGE_LIMITS, type CoverageReport, type CoverageTodo, type SecurityCoverage } from "./app/coverage.js";
export { coverageBlock, todoLines, todoLine } from "./app/coverage-display.js";
export { resolveInputPath, listExamples, copyExamples, PACKAGE_EXAMPLES_DIR, type ExampleFile, type ResolvedInputPath } from "./app/example-files.js";
export { parseListingOption } from "./app/comps-options.js";
export { leftOutNotes } from "./app/comps-display.js";
