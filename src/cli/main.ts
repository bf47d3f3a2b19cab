import { Command, CommanderError, Option } from "commander";
import { EXIT_CODES, isRerateError } from "../errors.js";
import { resolveLang, t } from "../i18n/index.js";
import { LANGS } from "../models/common.js";
import { createContext, type CliContext } from "./context.js";
import { toJson } from "./render.js";

type Io = Parameters<typeof createContext>[1];

/** Builds the command tree; every action loads its command file lazily. */
function buildProgram(io: Io, onContext: (ctx: CliContext) => void): Command {
  const program = new Command("rerate")
    .description("Cross-market equity re-rating workbench: comps and the valuation wall, event studies, scenarios, attribution.")
    .option("--db <path>", "store file (default .rerate/rerate.duckdb, or RERATE_DB); :memory: for a throw-away store")
    .addOption(new Option("--lang <lang>", "language of messages and reports").choices([...LANGS]))
    .showHelpAfterError()
    .exitOverride();

  const ctxOf = (cmd: Command): CliContext => {
    const o = cmd.optsWithGlobals() as { db?: string; lang?: string; json?: boolean };
    const lang = resolveLang(o.lang, process.env);
    const ctx = createContext({ ...(o.db !== undefined ? { db: o.db } : {}), lang, json: Boolean(o.json) }, io);
    onContext(ctx);
    return ctx;
  };

  program
    .command("import")
    .description("import files into the store: securities, prices, fundamentals, estimates, fx or events (CSV, JSON, JSON Lines)")
    .argument("<kind>", "securities | prices | fundamentals | estimates | fx | events")
    .argument("<files...>", "files to import (all or nothing)")
    .option("--map <pairs>", "field=header pairs for unusual headers, e.g. date=交易日期,close=收盘")
    .option("--symbol <symbol>", "symbol for a price file that names none")
    .option("--currency <ccy>", "currency of the prices when the store and file do not say")
    .option("--encoding <name>", "text encoding (utf-8, gbk, gb18030, big5); detected by default")
    .addOption(new Option("--date-order <order>", "order of d/m/y dates such as 1/2/2025").choices(["ymd", "mdy", "dmy"]))
    .option("--dry-run", "validate and report without writing")
    .option("--strict", "treat warnings and data-quality findings as errors")
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

  program
    .command("demo")
    .description("load the bundled synthetic demo universe (if not loaded) and print the comps / valuation-wall summary")
    .option("--as-of <date>", "valuation date (default: last demo session)")
    .option("--out <dir>", "where to write the summary files", ".rerate/out")
    .option("--json", "machine-readable output")
    .action(async (_o, cmd: Command) => (await import("./commands/demo.js")).run(ctxOf(cmd), cmd.opts()));

  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 on success, the error catalogue's code otherwise
 * (2 invalid input, 3 not found, …; see src/errors.ts).
 */
export async function main(argv: readonly string[], io?: Io): Promise<number> {
  let ctx: CliContext | undefined;
  const err = io?.err ?? ((s: string) => void process.stderr.write(s.endsWith("\n") ? s : s + "\n"));
  const program = buildProgram(io, (c) => (ctx = c));
  if (io?.out) program.configureOutput({ writeOut: (s) => io.out!(s), writeErr: (s) => err(s) });
  else program.configureOutput({ writeErr: (s) => err(s) });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_CODES.E_INVALID_INPUT;
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
