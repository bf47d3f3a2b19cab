import { join } from "node:path";
import { REPO } from "../helpers/paths.js";
import { SEC_RECORDED } from "../providers/_fake-server.js";

/** The SEC companyfacts documents of ../shared/data/sec (read in place). */
export const SEC_FILES = [
  "CIK0001045810_NVDA.json", "CIK0001652044_GOOGL.json", "CIK0000320193_AAPL.json", "CIK0001835632_MRVL.json", "CIK0001640147_SNOW_edgartools_fixture.json",
].map((f) => join(SEC_RECORDED, f));

/** SEC's ticker file (hand-made excerpt of www.sec.gov/files/company_tickers.json holding these filers' CIKs). */
export const TICKERS = join(REPO, "test/fixtures/http/sec/company_tickers.json");
