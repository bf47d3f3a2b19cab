import type { ProviderManifest } from "../contract.js";
import { secCompanyFacts } from "./company-facts.js";
import { checkSecUserAgent, SEC_USER_AGENT_ENV } from "./user-agent.js";

/** SEC EDGAR: XBRL company facts of US filers and of foreign issuers filing 20-F. No key; a contact is required. */
export const SEC_PROVIDER: ProviderManifest = {
  id: "sec",
  name: "SEC EDGAR",
  description: "XBRL company facts from data.sec.gov: reported figures with their filing dates (point in time)",
  url: "https://www.sec.gov/edgar/sec-api-documentation",
  credentials: [{
    env: SEC_USER_AGENT_ENV,
    config: "sec.userAgent",
    description: "User-Agent with your name and e-mail, which the SEC requires of automated access (never logged or stored)",
    check: checkSecUserAgent,
  }],
  requestsPerSecond: 10,
  symbols: "US tickers (AAPL, NVDA, BABA, BRK-B) or CIKs (CIK0001045810)",
  fetchers: { fundamentals: secCompanyFacts },
};
