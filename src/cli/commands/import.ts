import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { importFiles, IMPORT_KINDS, type ImportKind } from "../../app/import/import-files.js";
import { CURRENCIES, type Currency } from "../../models/common.js";
import { parseColumnMap } from "../../providers/csv/columns.js";
import { formatIssue } from "../../errors.js";
import type { CliContext } from "../context.js";
import { startProgress } from "../progress.js";
import { printImportTotals } from "../import-totals.js";
import { cliPath } from "../example-path.js";

const MAP_FIELDS = [
  "date", "open", "high", "low", "close", "adjClose", "volume", "security", "currency",
  "id", "name.en", "name.zh-Hant", "name.zh-Hans", "exchange", "country", "sector", "industry", "fiscalYearEndMonth",
  "reportingCurrency", "kind", "issuer", "sharesPerListing", "entity", "metric", "fiscalPeriod", "periodEnd", "value", "unit",
  "knownFrom", "reference", "asOf", "estimator", "base", "quote", "rate", "timestamp", "title.en", "title.zh-Hant", "title.zh-Hans",
  "tags", "securities", "expectedSign", "source", "notes",
];

interface Opts { map?: string; symbol?: string; tickers?: string; currency?: string; encoding?: string; dateOrder?: "ymd" | "mdy" | "dmy"; dryRun?: boolean; strict?: boolean; sheet?: string; fetchedAt?: string; basis?: "raw" | "adjusted"; allowSyntheticMix?: boolean; ignoreColumns?: string; dateOnly?: boolean }

export async function run(ctx: CliContext, kind: string, files: string[], o: Opts): Promise<void> {
  if (kind === "yahoo") return (await import("./import-yahoo.js")).run(ctx, files, o);
  if (o.fetchedAt !== undefined) throw InvalidInputError.at({ column: "--fetched-at", value: o.fetchedAt, reason: "is for rerate import yahoo (saved Yahoo responses)" });
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw InvalidInputError.at({ column: "kind", value: kind, reason: `is not an import kind; use one of ${IMPORT_KINDS.join(", ")}` });
  }
  const currency = o.currency?.toUpperCase();
  if (currency !== undefined && !(CURRENCIES as readonly string[]).includes(currency)) {
    throw InvalidInputError.at({ column: "--currency", value: o.currency!, reason: `is not a known currency (${CURRENCIES.join(", ")})` });
  }
  const store = await ctx.store();
  const bar = startProgress("import", files.length, ctx.interactive);
  const summary = await importFiles(store, {
    kind: kind as ImportKind,
    files: files.map((f) => cliPath(ctx, f)),
    map: parseColumnMap(o.map, MAP_FIELDS),
    ...(o.symbol !== undefined ? { symbol: o.symbol } : {}),
    ...(o.tickers !== undefined ? { tickers: o.tickers } : {}),
    ...(currency !== undefined ? { currency: currency as Currency } : {}),
    ...(o.encoding !== undefined ? { encoding: o.encoding } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}),
    ...(o.ignoreColumns !== undefined ? { ignoreColumns: o.ignoreColumns.split(",").map((c) => c.trim()) } : {}),
    ...(o.dateOnly ? { dateOnly: true } : {}),
    dryRun: Boolean(o.dryRun),
    strict: Boolean(o.strict),
    ...(o.basis ? { basis: o.basis } : {}),
    ...(o.allowSyntheticMix ? { allowSyntheticMix: true } : {}),
    now: ctx.now().toISOString(),
    onProgress: (done, _total, file) => bar.update(done, file),
  }).finally(() => bar.stop());
  if (printImportTotals(ctx, kind, summary)) return;
  const skipped = summary.files.reduce((a, f) => a + f.skippedEmpty, 0);
  if (skipped > 0) ctx.out(t(ctx.lang, "import.skipped", { n: skipped }));
  const quality: Record<string, number> = {};
  for (const f of summary.files) for (const [k, v] of Object.entries(f.quality)) quality[k] = (quality[k] ?? 0) + v;
  const q = Object.entries(quality).map(([k, v]) => `${v} ${k}`).join(", ");
  if (q) ctx.out(t(ctx.lang, "import.quality", { summary: q }));
  if (summary.newSecurities.length > 0) {
    const list = summary.newSecurities.length > 8 ? summary.newSecurities.slice(0, 8).join(", ") + ", …" : summary.newSecurities.join(", ");
    ctx.out(t(ctx.lang, "import.newSecurities", { n: summary.newSecurities.length, list }));
  }
  const warnings = summary.files.flatMap((f) => f.warnings);
  if (warnings.length > 0) {
    ctx.err(t(ctx.lang, "import.warnings", { n: warnings.length }));
    for (const w of warnings.slice(0, 20)) ctx.err("  " + formatIssue(w));
    if (warnings.length > 20) ctx.err(`  … ${warnings.length - 20} more`);
  }
}

