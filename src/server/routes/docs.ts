import type { Hono } from "hono";

/** One documented parameter of a route. */
export interface ParamDoc {
  name: string;
  in: "query" | "path" | "body";
  required: boolean;
  description: string;
}

/** One documented route. */
export interface RouteDoc {
  method: "GET" | "POST";
  path: string;
  summary: string;
  params: ParamDoc[];
  example: string;
  /** What comes back, in a sentence. */
  returns: string;
}

const q = (name: string, description: string, required = false): ParamDoc => ({ name, in: "query", required, description });
const p = (name: string, description: string): ParamDoc => ({ name, in: "path", required: true, description });
const b = (name: string, description: string, required = false): ParamDoc => ({ name, in: "body", required, description });

const GROUP = "comma- or space-separated symbols (BABA,9988.HK) and/or @group names (@china, @us); files are refused";
const DATE = "YYYY-MM-DD";
/** Freshness limits (days) of comps, wall, check-multiple and bands: older figures make a multiple n.m. stale_*. */
const FRESH: ParamDoc[] = [
  q("maxAnnualAgeDays", "oldest fiscal-year figure, days from its period end (default 456)"),
  q("maxInterimAgeDays", "oldest last quarter of a TTM sum, days (default 213)"),
  q("maxHalfYearAgeDays", "oldest last half-year of a TTM sum, days (default 304)"),
  q("maxSharesAgeDays", "oldest share count, days from its period end (default 456)"),
  q("maxEstimateAgeDays", "oldest estimate, days since observed (default 45)"),
];
const LISTING = "one issuer, one vote: which listing of an issuer counts in the aggregates: first (default), primary or an exchange (HKEX, NYSE …)";
const PER_LISTING = "true: count every listing of an issuer (the rule before one issuer, one vote)";

/** Every route of the rerate HTTP API. Errors are `{ error: { code, message, issues? } }` with 400, 404, 422, 500 or 502. */
export const API_ROUTES: readonly RouteDoc[] = [
  { method: "GET", path: "/api/health", summary: "Liveness.", params: [], example: "/api/health", returns: "{ ok: true }" },
  { method: "GET", path: "/api/docs", summary: "This list.", params: [], example: "/api/docs", returns: "{ routes: RouteDoc[], errors }" },
  {
    method: "GET", path: "/api/store", summary: "Whether the store holds the synthetic demo market (then every /api answer also has the header X-Rerate-Synthetic: true).",
    params: [], example: "/api/store", returns: "{ synthetic, notice? }",
  },
  {
    method: "GET", path: "/api/comps", summary: "Comps table of one peer group: every multiple with its inputs, and the group aggregates.",
    params: [q("symbols", GROUP, true), q("asOf", `${DATE}; default the latest data`), q("currency", "USD, HKD, CNY …"), q("metrics", "pe,fpe,ev/ebitda … (default five multiples)"),
      q("listing", LISTING), q("perListing", PER_LISTING), ...FRESH],
    example: "/api/comps?symbols=@china&asOf=2025-09-30", returns: "{ rows, aggregates, metrics, asOf, synthetic }",
  },
  {
    method: "GET", path: "/api/wall", summary: "The valuation wall: gap of group a to group b, closing scenarios and the gap's history.",
    params: [q("a", GROUP, true), q("b", GROUP, true), q("asOf", DATE), q("metric", "headline multiple, e.g. fpe"), q("metrics", "multiples to report"),
      q("stat", "median | harmonic | mean | cap"), q("close", "fractions of the gap closed, e.g. 0.25,0.5,1"), q("currency", "USD …"),
      q("history", "FROM:TO dates for the gap history, e.g. 2024-01-01:"), q("every", "history step: day | week | month"),
      q("listing", LISTING), q("perListing", PER_LISTING), ...FRESH],
    example: "/api/wall?a=@china&b=@us&metric=fpe&close=0.25,0.5,1&history=2024-01-01:", returns: "{ gaps, closing, history }",
  },
  {
    method: "GET", path: "/api/check-multiple", summary: "Which definitions of a multiple reproduce a quoted figure (\"Alibaba near 15x\").",
    params: [q("symbol", "one security", true), q("claim", "the quoted multiple, e.g. 15", true), q("metric", "pe (default) or a P/E kind"), q("around", DATE),
      q("window", "days around `around`, 0–3660"), q("tolerance", "relative tolerance in [0, 1)"), ...FRESH],
    example: "/api/check-multiple?symbol=BABA&claim=15&around=2025-09-30", returns: "{ definitions, reproducedBy, staleDefinitions }",
  },
  {
    method: "GET", path: "/api/implied", summary: "Reverse DCF: the growth or cost of equity the price implies, with every assumption and where it came from.",
    params: [q("symbol", "one security", true), q("asOf", DATE), q("solve", "growth (default) | coe"), q("basis", "earnings | fcf"),
      q("horizon", "explicit years, 1–50"), q("fade", "fade years, 0–50"), q("terminalGrowth", "decimal, e.g. 0.03"), q("costOfEquity", "decimal, e.g. 0.09"), q("rf", "risk-free rate, decimal")],
    example: "/api/implied?symbol=9988.HK&asOf=2025-09-30", returns: "{ security, asOf, solve, base, consensus, … with each assumption and its source }",
  },
  {
    method: "GET", path: "/api/wall-premium", summary: "The wall as an implied risk-premium gap between two peer groups.",
    params: [q("a", GROUP, true), q("b", GROUP, true), q("asOf", DATE), q("crp", "country risk premium, decimal"), q("lambda", "exposure to it, 0–10"),
      q("listing", LISTING), q("perListing", PER_LISTING)],
    example: "/api/wall-premium?a=@china&b=@us&asOf=2025-09-30", returns: "{ rows, costOfEquity: { medianA, medianB, gap }, premium, notes }",
  },
  {
    method: "GET", path: "/api/bands", summary: "Trailing and forward P/E history with ±1/±2 sd bands and today's percentile.",
    params: [q("symbol", "one security", true), q("from", DATE), q("to", DATE), ...FRESH],
    example: "/api/bands?symbol=9988.HK&from=2024-01-01", returns: "{ dates, trailing: { values, bands }, forward: { values, bands } }",
  },
  {
    method: "GET", path: "/api/coverage", summary: "What the store holds per security (price range and basis, latest fundamentals and estimates with their ages, FX), the multiples that are n.m. and why, and what to fetch or import.",
    params: [q("symbols", `${GROUP}; default every listing`), q("asOf", `${DATE}; default the server's date`)],
    example: "/api/coverage?symbols=@china&asOf=2025-09-30", returns: "{ asOf, securities: [{ security, prices, fundamentals, estimates, fx, multiples, todo }], notInStore, todo, synthetic }",
  },
  { method: "GET", path: "/api/groups", summary: "Saved and built-in peer groups.", params: [], example: "/api/groups", returns: "[{ id, name, securities, origin }]" },
  { method: "GET", path: "/api/events", summary: "Stored catalyst events.", params: [], example: "/api/events", returns: "[{ id, timestamp, title, tags, securities }]" },
  { method: "GET", path: "/api/securities", summary: "Stored securities, for pickers.", params: [], example: "/api/securities", returns: "[{ id, name, exchange, currency }]" },
  {
    method: "GET", path: "/api/event-study", summary: "Catalyst event study: abnormal returns, CAAR path with a band, and seven test statistics per window.",
    params: [q("events", "event ids from /api/events, comma-separated (or give tags)"), q("tags", "event tags, comma-separated"),
      q("securities", "symbols to study around every event; default each event's own"), q("benchmark", "one benchmark, e.g. ^HSI; default per exchange"),
      q("model", "market | market-adjusted | mean-adjusted"), q("estimation", "FROM:TO trading days, e.g. -250:-11"),
      q("windows", "FROM:TO windows, comma-separated, e.g. 0:1,-1:1"), q("confidence", "band level in (0, 1), default 0.95")],
    example: "/api/event-study?events=h20-halt-2025-08-21&securities=0981.HK,1347.HK&windows=0:1,-1:1", returns: "{ observations, aggregates, path, securities, method, warnings }",
  },
  { method: "GET", path: "/api/scenarios", summary: "Bundled scenario models.", params: [], example: "/api/scenarios", returns: "[{ id, title }]" },
  {
    method: "GET", path: "/api/scenarios/:id", summary: "A scenario model: years, drivers with units, bases and sources, formulas, scenarios, outputs.",
    params: [p("id", "model id from /api/scenarios")], example: "/api/scenarios/china-ai-capex", returns: "the model",
  },
  {
    method: "POST", path: "/api/scenarios/:id/run", summary: "Seeded Monte Carlo, streamed as NDJSON: progress lines, then the result.",
    params: [p("id", "model id"), b("drivers", "edits: { name: number | { value | dist | byYear, range? } }"), b("scenario", "base (default) or a named scenario"),
      b("draws", `1–1,000,000 (default the model's)`), b("seed", "0–2^32−1 (default the model's)"), b("sampler", "plain | lhs")],
    example: "curl -X POST /api/scenarios/china-ai-capex/run -H 'Content-Type: application/json' -d '{\"draws\":20000,\"seed\":42,\"drivers\":{\"accel_share\":55}}'",
    returns: "lines { type: \"progress\", done, total } … then { type: \"result\", result: { series: [{ label, unit, stats: { percentiles, histogram, probAbove }, sensitivity }] } }",
  },
  {
    method: "POST", path: "/api/scenarios/:id/tornado", summary: "One-way sensitivity (tornado) of one output.",
    params: [p("id", "model id"), b("drivers", "edits, as for run"), b("scenario", "scenario name"), b("output", "output name (default the first)"), b("year", "model year (default the last)")],
    example: "curl -X POST /api/scenarios/china-ai-capex/tornado -H 'Content-Type: application/json' -d '{\"output\":\"domestic_accel_revenue_3y\"}'", returns: "{ target, base, pLow, pHigh, bars }",
  },
  {
    method: "GET", path: "/api/attribution", summary: "A period's return split into earnings growth, multiple change, FX and dividends.",
    params: [q("symbols", GROUP, true), q("from", DATE, true), q("to", DATE, true), q("currency", "investor currency"), q("basis", "trailing | forward"),
      q("fxBasis", "listing | reporting"), q("weights", "equal | cap")],
    example: "/api/attribution?symbols=@china&from=2025-01-02&to=2025-10-31", returns: "{ rows, aggregate, waterfall: [{ part, value }], notes }",
  },
  { method: "GET", path: "/api/theses", summary: "Bundled thesis files.", params: [], example: "/api/theses", returns: "[{ id, title, claims }]" },
  {
    method: "GET", path: "/api/theses/:id", summary: "A thesis: its claims, and each claim's verdict when the checker is available.",
    params: [p("id", "thesis id from /api/theses"), q("asOf", DATE), q("lang", "en | zh-Hant | zh-Hans")],
    example: "/api/theses/china-tech-rerating", returns: "{ id, thesis, verdicts? }",
  },
];

const ERRORS = [
  { code: "E_INVALID_INPUT", status: 400, meaning: "a parameter is missing, unknown or malformed; the message names it and echoes its value" },
  { code: "E_NOT_FOUND", status: 404, meaning: "no such route, security, group, event, model or thesis" },
  { code: "E_EMPTY_DATA", status: 422, meaning: "valid input, too little data" },
  { code: "E_PROVIDER_HTTP", status: 502, meaning: "a data provider failed" },
  { code: "E_INTERNAL", status: 500, meaning: "a bug; details are logged on the server, never sent" },
];

/** `GET /api/docs`: each route, its parameters and an example. */
export function registerDocsRoutes(app: Hono): void {
  app.get("/api/docs", (c) => c.json({ name: "rerate HTTP API", errors: ERRORS, routes: API_ROUTES }));
}
