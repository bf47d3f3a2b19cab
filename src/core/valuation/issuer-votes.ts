/**
 * Which listing of an issuer votes in a peer aggregate: "first" (the first-named listing of the group), "primary"
 * (the issuer's primary listing, see {@link primaryListing}), an exchange code (the listing on that exchange, else
 * the first named), or "per-listing" (every listing votes: the rule before one issuer, one vote).
 */
export type ListingRule = "first" | "primary" | "per-listing" | { exchange: string };

/** What choosing a listing needs to know of it (a `Security` fits). */
export interface ListingFacts {
  id: string;
  /** The issuer's id; a listing without one is its own issuer. */
  issuer?: string;
  exchange: string;
  /** Currency the listing trades in. */
  currency: string;
  /** Currency the issuer reports in. */
  reportingCurrency?: string;
  /** "equity" (ordinary shares) or "adr" (depositary receipts), … */
  kind: string;
}

/** A listing left out of a group's aggregates because another listing of its issuer votes. */
export interface LeftOutListing {
  group: string;
  issuer: string;
  /** The listing left out. */
  security: string;
  /** The listing of the same issuer that votes. */
  kept: string;
  /** The rule that chose `kept` ("first", "primary" or an exchange code). */
  rule: string;
}

/** The listings that vote in a group, and the ones left out. */
export interface IssuerVotes {
  /** Ids that vote, in the group's order. */
  voters: string[];
  leftOut: LeftOutListing[];
}

const issuerOf = (l: ListingFacts) => l.issuer ?? l.id;

/**
 * An issuer's primary listing among the given ones: the first listing, in this order of preference, that trades in
 * the issuer's reporting currency; that is an ordinary share (kind "equity") rather than a depositary receipt;
 * else the first named. For Alibaba (reports in CNY; 9988.HK equity in HKD, BABA ADR in USD) that is 9988.HK.
 *
 * @param listings - listings of one issuer, in the group's order (at least one).
 * @returns the primary listing, or `undefined` for an empty list.
 * @example primaryListing([{ id: "BABA", kind: "adr", … }, { id: "9988.HK", kind: "equity", … }])?.id // "9988.HK"
 */
export function primaryListing<T extends ListingFacts>(listings: readonly T[]): T | undefined {
  return listings.find((l) => l.reportingCurrency !== undefined && l.currency === l.reportingCurrency)
    ?? listings.find((l) => l.kind === "equity")
    ?? listings[0];
}

/**
 * One issuer, one vote: of the listings of one group, the ones whose multiples enter the group's aggregates
 * (median, harmonic mean, cap-weighted, mean). Listings of issuers with one listing in the group always vote; of
 * an issuer with several, only the one the rule picks, and each other one is listed as left out.
 *
 * @param group - the group's id (named in the notes).
 * @param listings - the group's listings in the order named (duplicates of an id are counted once).
 * @param rule - "first" (default of the app), "primary", `{ exchange }` or "per-listing" (everything votes).
 * @returns the voting ids in the group's order and the listings left out.
 * @example selectIssuerVotes("china", [BABA, 9988.HK, PDD], "first") // voters [BABA, PDD]; 9988.HK left out, kept BABA
 * @see FORMULAS.md "Multiples": "Peer aggregates"
 */
export function selectIssuerVotes(group: string, listings: readonly ListingFacts[], rule: ListingRule): IssuerVotes {
  const seen = new Set<string>();
  const unique = listings.filter((l) => (seen.has(l.id) ? false : (seen.add(l.id), true)));
  if (rule === "per-listing") return { voters: unique.map((l) => l.id), leftOut: [] };
  const byIssuer = new Map<string, ListingFacts[]>();
  for (const l of unique) {
    const k = issuerOf(l);
    byIssuer.set(k, [...(byIssuer.get(k) ?? []), l]);
  }
  const ruleName = typeof rule === "string" ? rule : rule.exchange;
  const kept = new Set<string>();
  const leftOut: LeftOutListing[] = [];
  for (const [issuer, ls] of byIssuer) {
    const pick = rule === "first" ? ls[0]
      : rule === "primary" ? primaryListing(ls)
        : (ls.find((l) => l.exchange.toUpperCase() === rule.exchange.toUpperCase()) ?? ls[0]);
    if (pick === undefined) continue;
    kept.add(pick.id);
    for (const l of ls) if (l.id !== pick.id) leftOut.push({ group, issuer, security: l.id, kept: pick.id, rule: ruleName });
  }
  return { voters: unique.filter((l) => kept.has(l.id)).map((l) => l.id), leftOut };
}
