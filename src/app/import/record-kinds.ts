import type { z } from "zod";
import { Event } from "../../models/event.js";
import { canonicalMetricName, Estimate, Fundamental, unitOfMetric, type Metric } from "../../models/fundamental.js";
import { FxRate } from "../../models/fx-rate.js";
import { Security } from "../../models/security.js";
import { parseEventTime } from "../../core/events/event-time.js";
import { IMPORT_LIMITS } from "../../core/quality/import-limits.js";

/** How one column of a record file becomes a field of the model. */
export interface FieldSpec {
  /** Path in the model object: `name.en` for nested fields. */
  path: string;
  /** Header spellings (normalised: lower case, spaces for _ and -). The path itself always matches. */
  aliases: readonly string[];
  /**
   * How the cell is read: `symbol`/`symbols` are normalised as the price importer does (upper case, bare
   * A-share codes get .SS/.SZ/.BJ) so that ids match across files; `timestamp` reads a date-only cell in any
   * accepted date form and passes a date-time through for the schema to check its offset.
   */
  type: "string" | "number" | "int" | "date" | "list" | "upper" | "symbol" | "symbols" | "timestamp";
  required?: boolean;
  /** What to say when the value is none of the allowed ones (Zod says only "Invalid input" for a union). */
  hint?: string;
  /** A date that may lie in the future (an estimate's period end); other dates must not pass today + 1 day. */
  future?: boolean;
}

/** A rule across fields of one record that the schema does not say; `path` is the field blamed. */
export interface RecordRuleIssue {
  path: string;
  reason: string;
}

export interface RecordKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  schema: S;
  fields: readonly FieldSpec[];
  /** Paths of the natural key (the store's primary key): one record per key and file. */
  key: readonly string[];
  /** Fills defaults that depend on other fields (e.g. a metric's unit). */
  complete?: (o: Record<string, unknown>) => void;
  /** Columns accepted by rule and not read (an FX file in Yahoo's price layout has Open, High, …). */
  informational?: readonly string[];
  /** Rules checked before the schema (bounds, cross-field order); see README "Import rules". */
  check?: (o: Record<string, unknown>) => RecordRuleIssue[];
}

/** A fundamental or estimate value within {@link IMPORT_LIMITS}. */
function checkValue(o: Record<string, unknown>): RecordRuleIssue[] {
  const v = o.value;
  if (typeof v !== "number") return [];
  const a = Math.abs(v);
  if (a > IMPORT_LIMITS.maxAbsValue) return [{ path: "value", reason: `is beyond the accepted magnitude (|value| ≤ ${IMPORT_LIMITS.maxAbsValue}): a unit slip or a corrupted cell` }];
  if (a !== 0 && a < IMPORT_LIMITS.minAbsValue) return [{ path: "value", reason: `is too small to be a reported figure (0 or |value| ≥ ${IMPORT_LIMITS.minAbsValue})` }];
  return [];
}

const f = (path: string, type: FieldSpec["type"], aliases: string[] = [], required = false): FieldSpec => ({ path, type, aliases, required });

export const SECURITY_KIND: RecordKind = {
  kind: "securities",
  schema: Security,
  key: ["id"],
  fields: [
    f("id", "symbol", ["symbol", "ticker", "代码", "代碼"], true),
    f("name.en", "string", ["name", "name en", "english name", "名称", "名稱"], true),
    f("name.zh-Hant", "string", ["name zh hant", "name zh-hant", "繁體名稱"]),
    f("name.zh-Hans", "string", ["name zh hans", "name zh-hans", "简体名称"]),
    f("exchange", "upper", ["exchange", "交易所"], true),
    f("currency", "upper", ["currency", "ccy", "币种", "幣種"], true),
    f("country", "upper", []),
    f("sector", "string", []),
    f("industry", "string", []),
    f("fiscalYearEndMonth", "int", ["fiscal year end month", "fy end month", "fye month"]),
    f("reportingCurrency", "upper", ["reporting currency"]),
    f("kind", "string", ["type", "kind"], true),
    f("issuer", "string", []),
    f("sharesPerListing", "number", ["shares per listing", "ads ratio", "shares per ads"]),
  ],
};

export const FUNDAMENTAL_KIND: RecordKind = {
  kind: "fundamentals",
  schema: Fundamental,
  key: ["entity", "metric", "fiscalPeriod", "knownFrom"],
  fields: [
    f("entity", "string", ["issuer", "security", "symbol", "company"], true),
    f("metric", "string", ["item"], true),
    f("fiscalPeriod", "upper", ["fiscal period", "period", "报告期", "報告期"], true),
    f("periodEnd", "date", ["period end", "end date", "截止日期"], true),
    f("value", "number", ["amount"], true),
    f("currency", "upper", ["ccy"]),
    f("unit", "string", []),
    f("knownFrom", "date", ["known from", "filed", "filing date", "announcement date", "公告日期"], true),
    f("reference", "string", ["source", "document", "reference"]),
  ],
  complete: (o) => {
    // eps_adjusted_diluted → epsAdjustedDiluted (snake_case aliases of metric names).
    if (typeof o.metric === "string") o.metric = canonicalMetricName(o.metric);
    if (o.unit === undefined && typeof o.metric === "string") {
      try { o.unit = unitOfMetric(o.metric as Metric); } catch { /* the schema reports the bad metric */ }
    }
  },
  check: (o) => {
    const out = checkValue(o);
    // A figure known before its period ends would leak into valuations dated inside the period.
    if (typeof o.knownFrom === "string" && typeof o.periodEnd === "string" && o.knownFrom < o.periodEnd) {
      out.push({ path: "knownFrom", reason: `is before the period end ${o.periodEnd}: a figure cannot be known before its period ends` });
    }
    return out;
  },
};

export const ESTIMATE_KIND: RecordKind = {
  kind: "estimates",
  schema: Estimate,
  key: ["entity", "metric", "fiscalPeriod", "asOf", "estimator"],
  fields: [
    f("entity", "string", ["issuer", "security", "symbol", "company"], true),
    f("metric", "string", ["item"], true),
    f("fiscalPeriod", "upper", ["fiscal period", "period"], true),
    { ...f("periodEnd", "date", ["period end"]), future: true },
    f("value", "number", ["amount", "estimate"], true),
    f("currency", "upper", ["ccy"]),
    f("unit", "string", []),
    f("asOf", "date", ["as of", "date", "estimate date"], true),
    f("estimator", "string", ["broker", "analyst"]),
    f("reference", "string", ["source", "reference"]),
  ],
  complete: FUNDAMENTAL_KIND.complete!,
  check: checkValue,
};

export const FX_KIND: RecordKind = {
  kind: "fx",
  schema: FxRate,
  key: ["base", "quote", "date"],
  fields: [
    f("base", "upper", ["from", "base currency"], true),
    f("quote", "upper", ["to", "quote currency"], true),
    f("date", "date", ["日期"], true),
    f("rate", "number", ["fx", "close", "汇率", "匯率"], true),
  ],
  informational: ["open", "high", "low", "adj close", "volume"],
  check: (o) => {
    const r = o.rate;
    if (typeof r !== "number") return [];
    if (o.base !== undefined && o.base === o.quote && r !== 1) return [{ path: "rate", reason: `is the rate of ${String(o.base)} to itself, which is 1` }];
    if (r < IMPORT_LIMITS.minFxRate || r > IMPORT_LIMITS.maxFxRate) return [{ path: "rate", reason: `is outside the accepted range of an FX rate [${IMPORT_LIMITS.minFxRate}, ${IMPORT_LIMITS.maxFxRate}]` }];
    return [];
  },
};

export const EVENT_KIND: RecordKind = {
  kind: "events",
  schema: Event,
  key: ["id"],
  fields: [
    f("id", "string", [], true),
    f("timestamp", "timestamp", ["time", "date", "datetime", "ts"], true),
    f("title.en", "string", ["title", "title en", "headline"], true),
    f("title.zh-Hant", "string", ["title zh hant", "title zh-hant"]),
    f("title.zh-Hans", "string", ["title zh hans", "title zh-hans"]),
    f("tags", "list", []),
    f("securities", "symbols", ["symbols", "tickers"]),
    { ...f("expectedSign", "int", ["expected sign", "sign"]), hint: "must be 1, -1 or 0 (the direction the event is expected to move the securities)" },
    f("source", "string", []),
    f("notes", "string", []),
  ],
  check: (o) => {
    if (typeof o.timestamp !== "string") return [];
    try {
      parseEventTime(o.timestamp);
    } catch (e) {
      const reason = e instanceof Error ? (e.message.match(/"[^"]*" (.*)$/)?.[1] ?? e.message) : String(e);
      return [{ path: "timestamp", reason }];
    }
    return [];
  },
};

export const RECORD_KINDS = {
  securities: SECURITY_KIND,
  fundamentals: FUNDAMENTAL_KIND,
  estimates: ESTIMATE_KIND,
  fx: FX_KIND,
  events: EVENT_KIND,
} as const;
