export { TIME_ZONES, utcOffsetMinutes, zonedTimeToUtcMs, utcMsToZoned, type TimeZoneId } from "./time-zones.js";
export { SESSION_HOURS, sessionHoursOf, sessionCloseUtcMs, formatMinutes, type SessionHours } from "./session-hours.js";
export { parseEventTime, type EventTime } from "./event-time.js";
export { locateDayZero, type DayZero, type DayZeroRule } from "./day-zero.js";
export { createSessionGrid, alignToGrid, alignAsOf } from "./session-grid.js";
export { toReturns, findReturnGaps, type ReturnGap } from "./returns.js";
export { momentsOf, type Moments } from "./moments.js";
export { createMomentPrefix, prefixMoments, type MomentPrefix } from "./prefix-sums.js";
export { NORMAL_MODELS, type NormalModel, type NormalFit } from "./normal-model.js";
export { fitMarketModel } from "./fit-market-model.js";
export { fitMeanAdjusted, fitMarketAdjusted } from "./fit-adjusted-models.js";
export { fitNormalModel } from "./fit-normal-model.js";
export { carOf, carVarianceFactor, type CarEstimate } from "./car.js";
export { studentTwoSidedP, normalTwoSidedP } from "./p-values.js";
export type { TestResult } from "./test-result.js";
export { crossSectionalT } from "./cross-sectional-t.js";
export { patellZ } from "./patell-z.js";
export { bmpT } from "./bmp-t.js";
export { kolariPynnonenT } from "./kolari-pynnonen-t.js";
export { standardizeResiduals, meanOffDiagonalCorrelation, meanResidualCorrelation } from "./mean-residual-correlation.js";
export { averageRanks, createRankWorkspace, type RankWorkspace } from "./average-ranks.js";
export { centredRanks, corradoZ } from "./corrado-z.js";
export { signZ } from "./sign-z.js";
export { generalizedSignZ } from "./generalized-sign-z.js";
export { groupOverlapping, type OverlapGroup } from "./overlap-groups.js";
export { EVENT_STUDY_DEFAULTS, parseDayRange, formatDayRange, windowSpan, validateStudySpec, type DayRange, type EventStudySpec } from "./study-spec.js";
export { aggregateWindow, type WindowTests, type WindowSample } from "./aggregate-window.js";
export { createPathAccumulator, addToPath, addRowsToPath, pathOf, type PathPoint, type PathAccumulator } from "./caar-path.js";
export type { ObservationOutcome, WindowOutcome, SkipCode } from "./outcomes.js";
export {
  runEventStudy, finishEventStudy, type StudySeries, type StudyObservation, type MergedGroup, type WindowAggregate, type EventStudyOutcome, type RunOptions,
} from "./run-event-study.js";
export {
  addSeriesToStudy, createStudyAccumulator, observationsBySeries, type ColumnMemory, type StudyAccumulator, type StudySums,
} from "./study-accumulator.js";
export { addStudySums, mergeStudyAccumulators, studySums, withOwnSums } from "./study-merge.js";
export { describeDayZero } from "./describe-day-zero.js";
export { calendarOfListing } from "./listing-calendar.js";
export { DEFAULT_BENCHMARKS, chooseDefaultBenchmark } from "./default-benchmark.js";
export { parseEventArgument } from "./event-argument.js";
export { prepareStudySeries, type PreparedSeries, type DatedPrices } from "./prepare-series.js";
export { describeSkip, describeObservationNotes } from "./describe-observation.js";
export { estimationShortfall, describeShortEstimation, type EstimationShortfall } from "./estimation-shortfall.js";
