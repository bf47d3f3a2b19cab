import type { Security } from "../models/security.js";
import { varcharList, type Store } from "./open.js";
import type { TableSpec } from "./upsert.js";

export const SECURITIES_TABLE: TableSpec = {
  table: "securities",
  key: ["id"],
  columns: [
    { name: "id", type: "varchar" },
    { name: "name_en", type: "varchar" },
    { name: "name_zh_hant", type: "varchar" },
    { name: "name_zh_hans", type: "varchar" },
    { name: "exchange", type: "varchar" },
    { name: "currency", type: "varchar" },
    { name: "country", type: "varchar" },
    { name: "sector", type: "varchar" },
    { name: "industry", type: "varchar" },
    { name: "fiscal_year_end_month", type: "integer" },
    { name: "reporting_currency", type: "varchar" },
    { name: "kind", type: "varchar" },
    { name: "issuer", type: "varchar" },
    { name: "shares_per_listing", type: "double" },
  ],
};

/** A Security as a row of {@link SECURITIES_TABLE}. */
export function securityToRow(s: Security): (string | number | null)[] {
  return [
    s.id, s.name.en, s.name["zh-Hant"] ?? null, s.name["zh-Hans"] ?? null, s.exchange, s.currency, s.country ?? null,
    s.sector ?? null, s.industry ?? null, s.fiscalYearEndMonth ?? null, s.reportingCurrency ?? null, s.kind,
    s.issuer ?? null, s.sharesPerListing,
  ];
}

/** A stored security with where it came from. */
export interface StoredSecurity extends Security {
  source: string;
}

function rowToSecurity(r: Record<string, unknown>): StoredSecurity {
  const s: StoredSecurity = {
    id: String(r.id),
    name: { en: String(r.name_en) },
    exchange: r.exchange as Security["exchange"],
    currency: r.currency as Security["currency"],
    kind: r.kind as Security["kind"],
    sharesPerListing: Number(r.shares_per_listing),
    source: String(r.location),
  };
  if (r.name_zh_hant !== null) s.name["zh-Hant"] = String(r.name_zh_hant);
  if (r.name_zh_hans !== null) s.name["zh-Hans"] = String(r.name_zh_hans);
  if (r.country !== null) s.country = String(r.country);
  if (r.sector !== null) s.sector = String(r.sector);
  if (r.industry !== null) s.industry = String(r.industry);
  if (r.fiscal_year_end_month !== null) s.fiscalYearEndMonth = Number(r.fiscal_year_end_month);
  if (r.reporting_currency !== null) s.reportingCurrency = r.reporting_currency as Security["currency"];
  if (r.issuer !== null) s.issuer = String(r.issuer);
  return s;
}

/** Every security in the store, sorted by id. */
export async function listSecurities(store: Store): Promise<StoredSecurity[]> {
  const rows = await store.all("SELECT s.*, src.location FROM securities s JOIN sources src ON src.id = s.source_id ORDER BY s.id");
  return rows.map(rowToSecurity);
}

/** Several securities in one query, by id (ids not in the store are absent). */
export async function getSecurities(store: Store, ids: readonly string[]): Promise<Map<string, StoredSecurity>> {
  if (ids.length === 0) return new Map();
  const list = varcharList([...new Set(ids)]);
  const rows = await store.all(
    "SELECT s.*, src.location FROM securities s JOIN sources src ON src.id = s.source_id WHERE s.id IN (SELECT unnest($ids))",
    { ids: list.value }, { ids: list.type },
  );
  return new Map(rows.map((r) => {
    const sec = rowToSecurity(r);
    return [sec.id, sec];
  }));
}

/** One security, or undefined. */
export async function getSecurity(store: Store, id: string): Promise<StoredSecurity | undefined> {
  return (await getSecurities(store, [id])).get(id);
}

/** Securities listed on the exchanges that have prices (listings only: no indices or FX pairs), by id. */
export async function listingsWithPrices(store: Store, exchanges: readonly string[]): Promise<string[]> {
  const list = varcharList([...new Set(exchanges)]);
  const rows = await store.all<{ id: string }>(
    `SELECT s.id FROM securities s WHERE s.exchange IN (SELECT unnest($codes)) AND s.kind NOT IN ('index', 'fx')
       AND EXISTS (SELECT 1 FROM prices p WHERE p.security = s.id) ORDER BY s.id`,
    { codes: list.value }, { codes: list.type },
  );
  return rows.map((r) => r.id);
}
