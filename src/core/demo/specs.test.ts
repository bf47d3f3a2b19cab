import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Event } from "../../models/event.js";
import { Security } from "../../models/security.js";
import { calendarForExchange } from "../calendars/index.js";
import { addDays } from "../dates.js";
import { DEMO_SECURITY_SPECS, DEMO_SHOCKS } from "./index.js";

/** Minimal RFC 4180 reader for the bundled files (quoted fields, doubled quotes). Tests only. */
function readCsv(relative: string): Record<string, string>[] {
  const text = readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8");
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

const securities = readCsv("../../../examples/securities.csv");
const catalysts = readCsv("../../../examples/catalysts-2025.csv");
const opt = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);

describe("examples/securities.csv", () => {
  it("has exactly the agreed columns and rows that parse as Security", () => {
    const header = readFileSync(fileURLToPath(new URL("../../../examples/securities.csv", import.meta.url)), "utf8").split("\n")[0];
    expect(header).toBe("id,name_en,name_zh_hant,name_zh_hans,exchange,currency,country,sector,industry,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing");
    for (const r of securities) {
      const parsed = Security.parse({
        id: r.id, name: { en: r.name_en, "zh-Hant": r.name_zh_hant, "zh-Hans": r.name_zh_hans }, exchange: r.exchange,
        currency: r.currency, country: opt(r.country), sector: opt(r.sector), industry: opt(r.industry),
        fiscalYearEndMonth: r.fiscal_year_end_month ? Number(r.fiscal_year_end_month) : undefined,
        reportingCurrency: opt(r.reporting_currency), kind: r.kind, issuer: opt(r.issuer), sharesPerListing: Number(r.shares_per_listing),
      });
      if (parsed.kind === "equity" || parsed.kind === "adr") {
        expect(parsed.issuer, r.id).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(parsed.fiscalYearEndMonth, r.id).toBeDefined();
        expect(parsed.reportingCurrency, r.id).toBeDefined();
      }
    }
  });

  it("lists the same securities as DEMO_SECURITY_SPECS, in the same order, with the same facts", () => {
    expect(securities.map((r) => r.id)).toEqual(DEMO_SECURITY_SPECS.map((s) => s.id));
    for (const spec of DEMO_SECURITY_SPECS) {
      const r = securities.find((x) => x.id === spec.id)!;
      expect([r.exchange, r.currency, r.kind, Number(r.shares_per_listing), opt(r.issuer)], spec.id)
        .toEqual([spec.exchange, spec.currency, spec.kind, spec.sharesPerListing, spec.issuer]);
      const f = spec.model === "factor" ? spec.fundamentals : undefined;
      if (f !== undefined) {
        expect([Number(r.fiscal_year_end_month), r.reporting_currency, r.issuer], spec.id).toEqual([f.fiscalYearEnd.month, f.reportingCurrency, f.issuer]);
      }
      const fromExchange = calendarForExchange(spec.exchange);
      if (fromExchange !== undefined) expect(spec.calendar, spec.id).toBe(fromExchange);
    }
  });

  it("records the listing facts of FACTS.md", () => {
    const row = (id: string) => securities.find((x) => x.id === id)!;
    expect([row("BABA").shares_per_listing, row("BIDU").shares_per_listing, row("JD").shares_per_listing, row("PDD").shares_per_listing]).toEqual(["8", "8", "2", "4"]);
    expect([row("9988.HK").fiscal_year_end_month, row("MSFT").fiscal_year_end_month, row("ORCL").fiscal_year_end_month, row("NVDA").fiscal_year_end_month, row("AVGO").fiscal_year_end_month]).toEqual(["3", "6", "5", "1", "10"]);
    expect([row("0981.HK").reporting_currency, row("1347.HK").reporting_currency, row("0700.HK").reporting_currency]).toEqual(["USD", "USD", "CNY"]);
  });
});

describe("examples/catalysts-2025.csv", () => {
  const events = catalysts.map((r) => Event.parse({
    id: r.id, timestamp: r.timestamp, title: { en: r.title_en, "zh-Hant": r.title_zh_hant, "zh-Hans": r.title_zh_hans },
    tags: r.tags!.split(";"), securities: r.securities!.split(";"), expectedSign: Number(r.expected_sign),
    source: r.source, notes: opt(r.notes),
  }));

  it("holds one valid event per catalyst of FACTS.md, every security in the demo", () => {
    expect(events).toHaveLength(14);
    expect(new Set(events.map((e) => e.id)).size).toBe(14);
    const ids = new Set(DEMO_SECURITY_SPECS.map((s) => s.id));
    for (const e of events) for (const s of e.securities) expect(ids.has(s), `${e.id}: ${s}`).toBe(true);
    expect(events.find((e) => e.id === "oracle-results-2025-09-09")!.timestamp).toBe("2025-09-09T16:05-04:00");
    expect(events.find((e) => e.id === "alibaba-apsara-qwen3-max-2025-09-24")!.timestamp).toBe("2025-09-24T09:30+08:00");
  });

  it("says when a time is approximate", () => {
    for (const e of events) if (e.timestamp.includes("T") && e.id !== "oracle-results-2025-09-09") expect(e.notes, e.id).toMatch(/approximate/i);
  });

  it("backs every DEMO_SHOCKS jump with a catalyst dated at most four days earlier", () => {
    for (const s of DEMO_SHOCKS) {
      const e = events.find((x) => x.id === s.eventId);
      expect(e, `${s.security} ${s.date}`).toBeDefined();
      const day = e!.timestamp.slice(0, 10);
      expect(s.date >= day && s.date <= addDays(day, 4), `${s.eventId} → ${s.date}`).toBe(true);
    }
  });
});
