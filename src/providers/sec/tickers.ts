import { RerateError } from "../../errors.js";
import { parseWire, type ExtractContext } from "../contract.js";
import { SecTickerFile } from "./wire.js";

export const SEC_TICKERS_URL = "https://www.sec.gov/files/company_tickers.json";
const TICKERS_TTL_SECONDS = 7 * 24 * 3600;

/** SEC spells class shares with a dash (BRK-B), as Yahoo does. */
export function secTicker(symbol: string): string {
  return symbol.trim().toUpperCase().replace(/\./g, "-");
}

/**
 * SEC's ticker file (`company_tickers.json`) as ticker → { 10-digit CIK, name }, in the file's order.
 * @throws RerateError E_PROVIDER_SCHEMA when it is not in the SEC's shape.
 */
export function parseTickerFile(raw: unknown): Map<string, { cik: string; name: string }> {
  const file = parseWire("sec", "company_tickers", SecTickerFile, raw);
  return new Map(Object.values(file).map((e) => [e.ticker.toUpperCase(), { cik: String(e.cik_str).padStart(10, "0"), name: e.title }]));
}

/** Cache key and lifetime of the ticker file among the SEC provider's cached resources. */
export const TICKERS_RESOURCE = "company_tickers";

/**
 * The 10-digit CIK of a ticker (or of `CIK0001045810` / `1045810` given directly), through SEC's ticker file
 * (cached for a week).
 * @throws RerateError E_NOT_FOUND when the SEC lists no such ticker.
 */
export async function resolveCik(symbol: string, ctx: ExtractContext, headers: Record<string, string>): Promise<{ cik: string; name?: string }> {
  const direct = /^(?:CIK)?(\d{1,10})$/i.exec(symbol.trim());
  if (direct) return { cik: direct[1]!.padStart(10, "0") };
  const map = await ctx.resource(TICKERS_RESOURCE, TICKERS_TTL_SECONDS,
    () => ctx.http.json({ provider: "sec", url: SEC_TICKERS_URL, headers }),
    parseTickerFile);
  const hit = map.get(secTicker(symbol));
  if (hit === undefined) {
    throw new RerateError("E_NOT_FOUND", `sec: no SEC filer has the ticker "${symbol}" (${SEC_TICKERS_URL}); the SEC covers US-listed filers, including foreign issuers filing 20-F`);
  }
  return hit;
}
