import { Command, CommanderError, Option } from "commander";
import { EXIT_CODES, InvalidInputError, isRerateError } from "../errors.js";
import { resolveLang, t } from "../i18n/index.js";
import { LANGS } from "../models/common.js";
import { createContext, type CliContext } from "./context.js";
import { DEMO_DB_PATH } from "../store/open.js";
import { toJson } from "./render.js";
import { FRESHNESS_OPTIONS } from "../app/freshness-options.js";

type Io = Parameters<typeof createContext>[1];

/**
 * Commands that only read the store: they open it READ_ONLY, so they run beside `rerate serve` and each other.
 * Any command not listed opens it for writing (and waits for other processes), the safe default for a new one.
 */
const READ_ONLY_COMMANDS = new Set([
  "securities", "prices", "quality", "sources", "fx", "implied", "wall-premium", "attribution", "bands", "event-study",
  "comps", "wall", "check-multiple", "groups list", "scenario run", "scenario eval", "scenario tornado", "scenario grid", "report", "serve",
]);

/** `groups list` for a subcommand, `prices` for a command. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function parseLockWait(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 86_400) throw InvalidInputError.at({ column: "--lock-wait", value: v.slice(0, 80), reason: "must be a number of seconds from 0 to 86400" });
  return n;
}

/** Builds the command tree; every action loads its command file lazily. */
function buildProgram(io: Io, onContext: (ctx: CliContext) => void): Command {
  const program = new Command("rerate")
    .description("Cross-market equity re-rating workbench: comps and the valuation wall, event studies, scenarios, attribution.")
    .option("--db <path>", "store file (default .rerate/rerate.duckdb, or RERATE_DB; the demo's is .rerate/demo.duckdb); :memory: for a throw-away store")
    .addOption(new Option("--lang <lang>", "language of messages and reports").choices([...LANGS]))
    .option("--lock-wait <seconds>", "how long to wait for a store another process is writing (default 30, or RERATE_LOCK_WAIT)")
    .showHelpAfterError()
    .exitOverride();
  // Set before the subcommands are added: commander copies output settings into each subcommand it creates.
  const writeErr = io?.err ?? ((s: string) => void process.stderr.write(s));
  program.configureOutput({ writeErr: (s) => writeErr(s), ...(io?.out ? { writeOut: (s: string) => io.out!(s) } : {}) });

  const ctxOf = (cmd: Command, extra: { defaultDb?: string; syntheticNotice?: boolean } = {}): CliContext => {
    const o = cmd.optsWithGlobals() as { db?: string; lang?: string; json?: boolean; lockWait?: string };
    const lang = resolveLang(o.lang, process.env);
    const lockWaitSeconds = parseLockWait(o.lockWait ?? process.env.RERATE_LOCK_WAIT);
    const readOnly = READ_ONLY_COMMANDS.has(commandPath(cmd));
    const ctx = createContext({ ...(o.db !== undefined ? { db: o.db } : {}), lang, json: Boolean(o.json), readOnly, ...(lockWaitSeconds !== undefined ? { lockWaitSeconds } : {}), ...extra }, io);
    onContext(ctx);
    return ctx;
  };

  program
    .command("import")
    .description("import files into the store: securities, prices, fundamentals, estimates, fx or events (CSV, TSV, JSON, JSON Lines, Excel); sec: companyfacts JSON saved from EDGAR; yahoo: saved Yahoo responses")
    .argument("<kind>", "securities | prices | fundamentals | estimates | fx | events | sec | yahoo")
    .argument("<files...>", "files to import (all or nothing)")
    .option("--map <pairs>", "field=header pairs for unusual headers, e.g. date=交易日期,close=收盘")
    .option("--symbol <symbol>", "symbol for a price file that names none; sec: the filer's ticker (one filer)")
    .option("--tickers <file>", "sec: SEC's company_tickers.json, to match each file's CIK to its ticker")
    .option("--currency <ccy>", "currency of the prices when the store and file do not say")
    .option("--encoding <name>", "text encoding (utf-8, gbk, gb18030, big5); detected by default")
    .addOption(new Option("--date-order <order>", "order of d/m/y dates such as 1/2/2025").choices(["ymd", "mdy", "dmy"]))
    .option("--ignore-columns <headers>", "comma-separated columns to leave out (any other unknown column is an error)")
    .option("--date-only", "drop a time of day after a date (otherwise only midnight is accepted on daily values)")
    .option("--dry-run", "validate and report without writing")
    .option("--strict", "treat warnings and data-quality findings as errors")
    .option("--sheet <name>", "Excel workbooks (.xlsx): the sheet to read (default the first)")
    .option("--fetched-at <time>", "yahoo: when the saved responses were fetched (date or ISO date-time; default what each file says)")
    .addOption(new Option("--basis <basis>", "prices: the closes of a Date,Close file are raw (default) or adjusted (split- and dividend-adjusted, e.g. yfinance's default download); a Date,Adj Close file is adjusted").choices(["raw", "adjusted"]))
    .option("--allow-synthetic-mix", "import real data into a store that holds the synthetic demo")
    .option("--json", "machine-readable output")
    .action(async (kind: string, files: string[], _o, cmd: Command) => (await import("./commands/import.js")).run(ctxOf(cmd), kind, files, cmd.opts()));

  program
    .command("securities")
    .description("list the securities in the store")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/securities.js")).run(ctxOf(cmd)));

  program
    .command("prices")
    .description("show stored daily bars of one security")
    .argument("<symbol>")
    .option("--from <date>", "first date (YYYY-MM-DD)")
    .option("--to <date>", "last date (YYYY-MM-DD)")
    .option("--json", "machine-readable output")
    .action(async (symbol: string, _o, cmd: Command) => (await import("./commands/prices.js")).run(ctxOf(cmd), symbol, cmd.opts()));

  program
    .command("quality")
    .description("data-quality findings of imported prices (OHLC inconsistencies, zero volume, long gaps, big moves)")
    .argument("[symbol]")
    .option("--json", "machine-readable output")
    .action(async (symbol: string | undefined, _o, cmd: Command) => (await import("./commands/quality.js")).run(ctxOf(cmd), symbol));

  program
    .command("sources")
    .description("the import log: every file or provider that wrote rows, with its hash and time")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/sources.js")).run(ctxOf(cmd)));

  program
    .command("fx")
    .description("convert an amount between currencies with the stored rates as of a date, showing the rates used")
    .argument("<amount>")
    .argument("<from>", "currency, e.g. HKD")
    .argument("<to>", "currency, e.g. CNY")
    .option("--date <date>", "as-of date (YYYY-MM-DD; default today)")
    .option("--max-stale <days>", "oldest acceptable fixing, in days (default 7)")
    .option("--json", "machine-readable output")
    .action(async (amount: string, from: string, to: string, _o, cmd: Command) => (await import("./commands/fx.js")).run(ctxOf(cmd), amount, from, to, cmd.opts()));

  // Reverse-DCF model flags shared by `implied` and `wall-premium` (rates as 0.03 or 3%).
  const dcfFlags = (c: Command) => c
    .option("--basis <basis>", "earnings (default) or fcf (free cash flow)")
    .option("--consensus", "use consensus EPS growth for the first years (default when solving the cost of equity)")
    .option("--no-consensus", "ignore consensus estimates")
    .option("--horizon <years>", "explicit years (default 10)")
    .option("--fade-years <n>", "years at the end of the horizon over which growth fades linearly to terminal growth")
    .option("--terminal-growth <g>", "growth after the horizon (default: the risk-free rate)")
    .option("--exit-multiple <x>", "terminal value as this P/E × final-year earnings instead of Gordon growth")
    .option("--beta <b>", "beta for the CAPM cost of equity (default 1)")
    .option("--erp <e>", "mature-market equity risk premium (default 4.60%, Damodaran Jan 2024)")
    .option("--payout <p>", "share of earnings paid out as cash (default 1)")
    .option("--json", "machine-readable output");

  dcfFlags(program
    .command("implied")
    .description("reverse DCF: the growth (or cost of equity) the price implies, and the implied equity risk premium")
    .argument("<symbol>")
    .option("--as-of <date>", "valuation date (default: last price)")
    .option("--solve <what>", "growth (default) or coe (cost of equity, an IRR)")
    .option("--coe <k>", "cost of equity when solving growth (default r_f + β·ERP + λ·CRP)")
    .option("--rf <r>", "risk-free rate of the listing currency (default: a stated assumption)")
    .option("--crp <c>", "country risk premium (default: Damodaran Jan 2024 for the security's country)")
    .option("--lambda <l>", "exposure to country risk (default 1)")
    .option("--growth <g>", "stage-1 growth when solving the cost of equity (default: last consensus year's)")
    .option("--min-growth <g>", "lowest implied growth searched (default 0; negative to allow shrinking earnings)"))
    .action(async (symbol: string, _o, cmd: Command) => (await import("./commands/implied.js")).run(ctxOf(cmd), symbol, cmd.opts()));

  dcfFlags(program
    .command("wall-premium")
    .description("the valuation wall as a risk premium: implied ERPs of two peer groups against country risk × λ")
    .requiredOption("--a <group>", "group A: a group id (china, us) or comma-separated symbols")
    .requiredOption("--b <group>", "group B")
    .option("--as-of <date>", "valuation date (default: last price)")
    .option("--crp <c>", "country risk premium of A over B (default: Damodaran Jan 2024)")
    .option("--lambda <l>", "A's exposure to that risk (default 1)")
    .option("--rf <rates>", "risk-free rates by currency, e.g. USD=4.1%,HKD=3%")
    .option("--listing <rule>", "one issuer, one vote in the medians: first (default), primary or an exchange")
    .option("--per-listing", "count every listing of an issuer in the medians"))
    .action(async (_o, cmd: Command) => (await import("./commands/wall-premium.js")).run(ctxOf(cmd), cmd.opts()));

  program
    .command("attribution")
    .description("split a period's return into earnings growth, multiple change, FX and dividends")
    .argument("[symbol]", "a symbol or comma-separated symbols (or use --group)")
    .option("--group <group>", "a group id (china, us) or comma-separated symbols")
    .option("--from <date>", "start date (YYYY-MM-DD)")
    .option("--to <date>", "end date (YYYY-MM-DD)")
    .option("--currency <ccy>", "the investor's currency (default: the listing currency, or USD for mixed groups)")
    .option("--basis <basis>", "EPS: trailing (last fiscal year, default) or forward (NTM)")
    .option("--fx-basis <basis>", "listing (default: earnings in the listing currency) or reporting")
    .option("--weights <w>", "group weights: equal (default) or cap (USD market cap at the start)")
    .option("--svg <file>", "write a waterfall chart (SVG)")
    .option("--json", "machine-readable output")
    .action(async (symbol: string | undefined, _o, cmd: Command) => (await import("./commands/attribution.js")).run(ctxOf(cmd), symbol, cmd.opts()));

  program
    .command("bands")
    .description("where today's trailing and forward P/E sit in their own history: percentile, ±1 and ±2 sd bands")
    .argument("<symbol>")
    .option("--from <date>", "first date of the history")
    .option("--to <date>", "last date (today's multiple)")
    .option("--basis <basis>", "chart trailing (default) or forward P/E")
    .option("--svg <file>", "write a band chart (SVG)")
    .option("--json", "machine-readable output")
    .action(async (symbol: string, _o, cmd: Command) => (await import("./commands/bands.js")).run(ctxOf(cmd), symbol, cmd.opts()));

  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command("event-study")
    .description("catalyst event study: abnormal returns and CARs around dated events, with the test battery across securities and events")
    .option("--securities <symbols...>", "securities (A B C or A,B,C), @group names or group files; default: each event's own securities")
    .option("--symbols <symbols...>", "same as --securities")
    .option("--exchange <codes...>", "every listing with prices on these exchanges (HKEX, NYSE, NASDAQ, SSE, SZSE, …): a whole market")
    .option("--benchmark <symbol>", "SYMBOL for all, or SECURITY=SYMBOL (repeatable); default per exchange: ^HSI for HKEX, ^GSPC for US, 000300.SS else ^HSI for mainland", collect)
    .option("--event <spec>", "DATE[THH:MM±HH:MM][=LABEL], repeatable, e.g. \"2025-09-24T09:30+08:00=Qwen3-Max\"", collect)
    .option("--events-file <file>", "events from a CSV/JSON file (import format, or timestamp[,label][,securities])")
    .option("--events <file>", "same as --events-file")
    .option("--tag <tag>", "stored events with this tag (repeatable); with no events given, all stored events", collect)
    .addOption(new Option("--model <model>", "normal-return model").choices(["market", "market-adjusted", "mean-adjusted"]).default("market"))
    .option("--estimation <from:to>", "estimation window in trading days relative to day 0 (use --estimation=-250:-11)", "-250:-11")
    .option("--windows <list>", "event windows, comma-separated (default -1:1,0:1,0:5,-5:5)")
    .option("--window <from:to>", "one event window (repeatable; --window=-1:1)", collect)
    .option("--min-estimation-days <n>", "fewest valid estimation days (default 120)")
    .option("--log-returns", "log returns instead of simple returns")
    .option("--parametric-only", "skip Kolari–Pynnönen, Corrado and generalised sign (about five times as fast on a whole market)")
    .option("--threads <n>", "threads for a study of 16,000 security-events or more (default: all cores, at most 8); results agree to 1e-12 whatever the count")
    .option("--svg <file>", "write the mean CAR path with its confidence band as an SVG chart")
    .option("--xlsx <file>", "write the study as an Excel workbook")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => {
      const o = cmd.opts();
      const opts = { ...o, securities: [...(o.securities ?? []), ...(o.symbols ?? [])], eventsFile: o.eventsFile ?? o.events };
      return (await import("./commands/event-study.js")).run(ctxOf(cmd), opts);
    });

  // Live data providers (issue 8).
  program
    .command("fetch")
    .description("fetch live data into the store in one transaction: Yahoo prices, shares and estimates, SEC filings, FX")
    .option("--provider <id>", "yahoo (prices, statements, shares, estimates and FX), sec (filings) or fx; default all that are configured")
    .option("--symbols <list>", "symbols, comma-separated (default: every security in the store)")
    .option("--thesis <file>", "fetch every symbol a thesis file names")
    .option("--from <date>", "first date of daily series (default: what is missing, else five years)")
    .option("--to <date>", "last date (default today)")
    .option("--refresh", "ignore the response cache")
    .option("--no-cache", "neither read nor write the response cache")
    .option("--cache-dir <dir>", "response cache directory (default .rerate/cache, or RERATE_CACHE_DIR)")
    .option("--config <file>", "config file (default .rerate/config.json, or RERATE_CONFIG)")
    .option("--allow-synthetic-mix", "fetch into a store that holds the synthetic demo")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/fetch.js")).run(ctxOf(cmd), cmd.opts()));

  program
    .command("providers")
    .description("list the live data providers, what each serves, its rate limit and the settings it needs")
    .option("--config <file>", "config file (default .rerate/config.json, or RERATE_CONFIG)")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/providers.js")).run(ctxOf(cmd), cmd.opts()));

  program
    .command("demo")
    .description("load the bundled synthetic demo universe (if not loaded) and print the comps / valuation-wall summary")
    .option("--as-of <date>", "valuation date (default: last demo session)")
    .option("--allow-synthetic-mix", "load the demo into a --db store that holds real market data")
    .option("--out <dir>", "where to write the summary files", ".rerate/out")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/demo.js")).run(ctxOf(cmd, { defaultDb: DEMO_DB_PATH, syntheticNotice: false }), cmd.opts()));

  // Comps and the valuation wall (issue 3). A peer group is symbols, @name (saved or built-in) or a group file.
  program
    .command("comps")
    .description("comps table of a peer group: every multiple point in time, peer aggregates, n.m. with reasons")
    .argument("<symbols...>", "symbols, @group (rerate groups list) or a group file (peers.yaml, thesis.yaml#china, peers.csv)")
    .option("--as-of <date>", "valuation date (default: the latest price)")
    .option("--currency <ccy>", "currency of market caps (default USD; multiples do not depend on it)")
    .option("--metrics <list>", "metrics to show: pe,pe_ttm,fpe,fpe_fy1,fpe_fy2,peg,ev_ebitda,ev_sales,ps,pb,ey,dy,mcap,ev (default pe,fpe,fpe_fy1,ev_ebitda,ps)")
    .option("--explain", "print the inputs behind each value (price, EPS, FX, sources, dates)")
    .option("--xlsx <file>", "write the table to Excel, multiples and aggregates as live formulas")
    .option("--csv <file>", "write the table to CSV (cells a spreadsheet would run as formulas are escaped)")
    .option("--listing <rule>", "one issuer, one vote: which listing of an issuer counts in the aggregates: first (default), primary or an exchange (HKEX, NYSE, …)")
    .option("--per-listing", "count every listing of an issuer in the aggregates (the rule before one issuer, one vote)")
    .option("--json", "machine-readable output")
    .action(async (symbols: string[], _o, cmd: Command) => (await import("./commands/comps.js")).run(ctxOf(cmd), symbols, cmd.opts()));

  program
    .command("wall")
    .description("the valuation wall between two peer groups: gap, closing scenarios and the gap's history")
    .option("--a <groupA...>", "group A: symbols, @group or a group file")
    .option("--b <groupB...>", "group B: symbols, @group or a group file")
    .option("--as-of <date>", "valuation date (default: the latest price)")
    .option("--metric <m>", "the multiple the wall is measured on (default fpe: calendarised forward P/E)")
    .option("--metrics <list>", "other metrics to show (default pe,fpe,fpe_fy1,ev_ebitda,ps)")
    .option("--stat <s>", "peer aggregate the gap closes toward: median (default), harmonic, cap or mean")
    .option("--close <fractions>", "fractions of the gap to close (default 0.25,0.5,1)")
    .option("--currency <ccy>", "currency of market caps (default USD)")
    .option("--history <from:to>", "the gap through time, e.g. 2023-01-01:2025-10-31 (to defaults to the as-of date)")
    .option("--every <period>", "history points: month (month ends, default) or week (Fridays)")
    .option("--chart <file>", "write the history as an SVG chart")
    .option("--explain", "print the inputs behind each value")
    .option("--xlsx <file>", "write comps, gap, closing scenarios and history to Excel with live formulas")
    .option("--csv <file>", "write the table to CSV (formula-like cells escaped)")
    .option("--listing <rule>", "one issuer, one vote: which listing of an issuer counts in the aggregates: first (default), primary or an exchange (HKEX, NYSE, …)")
    .option("--per-listing", "count every listing of an issuer in the aggregates (the rule before one issuer, one vote)")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/wall.js")).run(ctxOf(cmd), cmd.opts()));

  program
    .command("check-multiple")
    .description("which P/E definitions and dates reproduce a quoted multiple (trailing, TTM, FY1/FY2, NTM; diluted/basic; per ADS or per share)")
    .argument("<symbol>")
    .requiredOption("--claim <x>", "the multiple quoted, e.g. 15")
    .option("--metric <m>", "the multiple family (pe)", "pe")
    .option("--around <date>", "centre of the date range (default: the latest price)")
    .option("--window <days>", "calendar days either side (default 30)")
    .option("--tolerance <t>", "relative tolerance (default 0.05 = ±5%)")
    .option("--all", "also list definitions that are n.m. on every date")
    .option("--json", "machine-readable output")
    .action(async (symbol: string, _o, cmd: Command) => (await import("./commands/check-multiple.js")).run(ctxOf(cmd), symbol, cmd.opts()));

  // Freshness limits (issue 13) on every command that values reported figures and estimates.
  for (const name of ["comps", "wall", "check-multiple", "bands"]) {
    const cmd = program.commands.find((c) => c.name() === name);
    for (const f of FRESHNESS_OPTIONS) cmd?.option(`${f.flag} <days>`, f.help);
  }

  const groups = program.command("groups").description("saved peer groups (use them as @name in comps, wall and event-study)");
  groups
    .command("save")
    .description("save (or replace) a peer group")
    .argument("<name>", "the group id, e.g. asic")
    .argument("<symbols...>")
    .option("--name <text>", "display name (English)")
    .option("--name-zh-hant <text>", "display name (Traditional Chinese)")
    .option("--name-zh-hans <text>", "display name (Simplified Chinese)")
    .option("--json", "machine-readable output")
    .action(async (name: string, symbols: string[], _o, cmd: Command) => (await import("./commands/groups.js")).save(ctxOf(cmd), name, symbols, cmd.opts()));
  groups
    .command("list")
    .description("saved and built-in peer groups")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/groups.js")).list(ctxOf(cmd)));
  groups
    .command("delete")
    .description("delete a saved peer group")
    .argument("<name>")
    .option("--json", "machine-readable output")
    .action(async (name: string, _o, cmd: Command) => (await import("./commands/groups.js")).remove(ctxOf(cmd), name));

  const scenario = program.command("scenario").description("scenario models: driver trees with Monte Carlo, tornado and grids (see examples/china-ai-capex.yaml)");
  scenario
    .command("run")
    .description("seeded Monte Carlo of a scenario model: mean, sd, P5…P95, P(> threshold), drivers' rank correlation")
    .argument("<file>", "the model (YAML)")
    .option("--scenario <name>", "scenario to run (default base)")
    .option("--draws <n>", "number of draws (default: the file's, else 100000)")
    .option("--seed <n>", "random seed (default: the file's, else 42)")
    .option("--lhs", "Latin Hypercube sampling")
    .option("--threads <n>", "worker threads (default: all cores); the numbers do not depend on it")
    .option("--output <name>", "output whose drivers to list (default: the first)")
    .option("--year <year>", "year of that output (default: the last)")
    .option("--json", "machine-readable output")
    .option("--xlsx <file>", "also write the result to an Excel workbook (live formulas for derived cells)")
    .action(async (file: string, _o, cmd: Command) => (await import("./commands/scenario.js")).run(ctxOf(cmd), file, cmd.opts()));
  scenario
    .command("eval")
    .description("deterministic outputs of the base case and every named scenario")
    .argument("<file>", "the model (YAML)")
    .option("--json", "machine-readable output")
    .action(async (file: string, _o, cmd: Command) => (await import("./commands/scenario.js")).evaluate(ctxOf(cmd), file));
  scenario
    .command("tornado")
    .description("one-way sensitivity: each driver at P10/P90 (or its range), others at base")
    .argument("<file>", "the model (YAML)")
    .option("--scenario <name>", "scenario (default base)")
    .option("--output <name>", "output (default: the first)")
    .option("--year <year>", "year of a per-year output (default: the last)")
    .option("--json", "machine-readable output")
    .option("--xlsx <file>", "also write the result to an Excel workbook (live formulas for derived cells)")
    .action(async (file: string, _o, cmd: Command) => (await import("./commands/scenario.js")).tornado(ctxOf(cmd), file, cmd.opts()));
  scenario
    .command("grid")
    .description("two-way sensitivity: an output over a grid of two drivers")
    .argument("<file>", "the model (YAML)")
    .option("--x <driver>", "column driver")
    .option("--y <driver>", "row driver")
    .option("--x-values <list>", "values for x, e.g. 30,40,50 (default: P10…P90 or the range)")
    .option("--y-values <list>", "values for y")
    .option("--steps <n>", "points per axis (default 5)")
    .option("--scenario <name>", "scenario (default base)")
    .option("--output <name>", "output (default: the first)")
    .option("--year <year>", "year of a per-year output (default: the last)")
    .option("--json", "machine-readable output")
    .action(async (file: string, _o, cmd: Command) => (await import("./commands/scenario.js")).grid(ctxOf(cmd), file, cmd.opts()));

  program
    .command("report")
    .description("check a thesis' claims against the store and write the report: HTML (standalone, charts inline), Markdown or Excel")
    .argument("<thesis>", "the thesis file (YAML), e.g. examples/china-tech-rerating.yaml")
    .option("--as-of <date>", "valuation date (default: the thesis' asOf, else the latest price)")
    .option("--out <file>", "where to write (default .rerate/out/report.<lang>.<format>)")
    .option("--format <f>", "html (default), md or xlsx; inferred from --out's extension")
    .option("--json", "machine-readable output: claims and verdicts")
    .action(async (thesis: string, _o, cmd: Command) => (await import("./commands/report.js")).run(ctxOf(cmd), thesis, cmd.opts()));

  program
    .command("coverage")
    .description("what the store holds per security: price range and basis, latest fundamentals and estimates with their ages, FX, n.m. multiples and a to-do list")
    .argument("[symbols...]", "symbols, @group or a group file (default: every listing in the store)")
    .option("--as-of <date>", "the date ages and multiples are measured on (default: today)")
    .option("--json", "machine-readable output")
    .action(async (symbols: string[], _o, cmd: Command) => (await import("./commands/coverage.js")).run(ctxOf(cmd), symbols, cmd.opts()));

  // Example files found from anywhere (issue 13).
  const examples = program
    .command("examples")
    .description("list the example files shipped with rerate (examples/NAME works from any directory); `examples copy [DIR]` copies them")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/examples.js")).list(ctxOf(cmd)));
  examples
    .command("copy")
    .description("copy the example files into DIR/examples (default: the working directory)")
    .argument("[dir]", "where to copy (default .)")
    .option("--force", "overwrite files that are already there")
    .option("--json", "machine-readable output")
    .action(async (dir: string | undefined, _o, cmd: Command) => (await import("./commands/examples.js")).copy(ctxOf(cmd), dir, cmd.opts()));

  program
    .command("serve")
    .description("serve the HTTP API (JSON for comps, the wall and peer groups) on 127.0.0.1")
    .option("--port <port>", "port (default 8780; 0 picks a free one)")
    .option("--host <host>", "address to bind (default 127.0.0.1); any other than loopback needs a token")
    .option("--token [token]", "require this token on every API request (Authorization: Bearer …, or RERATE_TOKEN); alone: generate one")
    .option("--allow-host <name>", "also answer to this Host name (repeatable), e.g. a LAN name; loopback names always work", collect)
    .option("--cors <origin>", "let pages of this origin call the API (repeatable); none by default", collect)
    .action(async (_o, cmd: Command) => (await import("./commands/serve.js")).run(ctxOf(cmd), cmd.opts()));

  return program;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: "does not exist (or its folder does not)",
  EACCES: "is not accessible (permission denied)",
  EPERM: "is not accessible (operation not permitted)",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "has a part that is not a folder",
  EROFS: "is on a read-only file system",
  ENOSPC: "cannot be written: the disk is full",
};

/** A file the user named (an output path, an input file) that cannot be read or written: bad input, not a bug. */
function fileSystemError(e: unknown): InvalidInputError | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const reason = err?.code !== undefined ? FS_REASONS[err.code] : undefined;
  if (reason === undefined) return undefined;
  // Reading a folder as a file fails on the descriptor, with no path: still the user's input, not a bug.
  if (typeof err?.path !== "string") return InvalidInputError.at({ reason: `a file named on the command line ${reason}` });
  return InvalidInputError.at({ file: err.path, reason });
}

let pipeGuarded = false;

/**
 * Output into a closed pipe (`rerate prices 9988.HK | head -1`) ends quietly, as Unix tools do: the reader has all
 * it wanted, so the rest of the output is dropped and the command finishes with its own status (0), with no
 * EPIPE stack trace. Other stream errors still surface.
 */
function quietOnClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") return;
      throw e;
    });
  }
}

/**
 * Runs the CLI and returns the exit code: 0 on success, the error catalogue's code otherwise
 * (2 invalid input, 3 not found, …; see src/errors.ts).
 */
export async function main(argv: readonly string[], io?: Io): Promise<number> {
  if (io?.out === undefined) quietOnClosedPipe();
  let ctx: CliContext | undefined;
  const err = io?.err ?? ((s: string) => void process.stderr.write(s.endsWith("\n") ? s : s + "\n"));
  const program = buildProgram(io, (c) => (ctx = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (caught) {
    if (caught instanceof CommanderError) return caught.exitCode === 0 ? 0 : EXIT_CODES.E_INVALID_INPUT;
    const e = fileSystemError(caught) ?? caught;
    const lang = ctx?.lang ?? resolveLang(undefined, process.env);
    if (isRerateError(e)) {
      if (ctx?.json) (io?.out ?? ((s: string) => void process.stdout.write(s + "\n")))(toJson({ error: { code: e.code, message: e.message, issues: e.issues } }));
      err(`${t(lang, "error.prefix")} [${e.code}]: ${e.message}`);
      return EXIT_CODES[e.code];
    }
    err(`${t(lang, "error.prefix")} [E_INTERNAL]: ${(e as Error)?.stack ?? String(e)}`);
    return EXIT_CODES.E_INTERNAL;
  } finally {
    await (ctx as CliContext | undefined)?.close();
  }
}
