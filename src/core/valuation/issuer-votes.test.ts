import { describe, expect, it } from "vitest";
import { primaryListing, selectIssuerVotes, type ListingFacts } from "./issuer-votes.js";

// The security master's facts (../shared/FACTS.md): Alibaba reports in RMB; BABA is an NYSE ADS in USD,
// 9988.HK ordinary shares in HKD; PDD has no Hong Kong line.
const BABA: ListingFacts = { id: "BABA", issuer: "alibaba", exchange: "NYSE", currency: "USD", reportingCurrency: "CNY", kind: "adr" };
const HK: ListingFacts = { id: "9988.HK", issuer: "alibaba", exchange: "HKEX", currency: "HKD", reportingCurrency: "CNY", kind: "equity" };
const PDD: ListingFacts = { id: "PDD", issuer: "pdd", exchange: "NASDAQ", currency: "USD", reportingCurrency: "CNY", kind: "adr" };

describe("selectIssuerVotes(group, listings, rule)", () => {
  it("keeps the first-named listing of an issuer and names the one left out", () => {
    const v = selectIssuerVotes("china", [BABA, HK, PDD], "first");
    expect(v.voters).toEqual(["BABA", "PDD"]);
    expect(v.leftOut).toEqual([{ group: "china", issuer: "alibaba", security: "9988.HK", kept: "BABA", rule: "first" }]);
  });

  it("follows the order named: 9988.HK first keeps 9988.HK", () => {
    expect(selectIssuerVotes("china", [HK, PDD, BABA], "first").voters).toEqual(["9988.HK", "PDD"]);
  });

  it("primary: the ordinary shares (9988.HK) over the ADS, whatever the order", () => {
    const v = selectIssuerVotes("china", [BABA, HK, PDD], "primary");
    expect(v.voters).toEqual(["9988.HK", "PDD"]);
    expect(v.leftOut.map((l) => [l.security, l.kept, l.rule])).toEqual([["BABA", "9988.HK", "primary"]]);
  });

  it("an exchange keeps the listing there, and the first named where the issuer has none", () => {
    expect(selectIssuerVotes("china", [HK, BABA, PDD], { exchange: "NYSE" }).voters).toEqual(["BABA", "PDD"]);
    expect(selectIssuerVotes("china", [BABA, HK, PDD], { exchange: "hkex" }).voters).toEqual(["9988.HK", "PDD"]);
    // PDD has no HKEX line: it keeps its only listing and nothing of it is left out.
    expect(selectIssuerVotes("china", [PDD], { exchange: "HKEX" })).toEqual({ voters: ["PDD"], leftOut: [] });
  });

  it("per-listing keeps every listing (the old rule) and leaves nothing out", () => {
    expect(selectIssuerVotes("china", [BABA, HK, PDD], "per-listing")).toEqual({ voters: ["BABA", "9988.HK", "PDD"], leftOut: [] });
  });

  it("a listing without an issuer is its own issuer; a repeated id counts once", () => {
    const a: ListingFacts = { id: "A", exchange: "NYSE", currency: "USD", kind: "equity" };
    const b: ListingFacts = { id: "B", exchange: "NYSE", currency: "USD", kind: "equity" };
    expect(selectIssuerVotes("g", [a, b, a], "first")).toEqual({ voters: ["A", "B"], leftOut: [] });
  });
});

describe("primaryListing(listings)", () => {
  it("prefers the listing in the reporting currency, then ordinary shares, then the first named", () => {
    // An issuer reporting in CNY with an A-share line (CNY) and an H share (HKD): the A share is primary.
    const h: ListingFacts = { id: "0981.HK", issuer: "smic", exchange: "HKEX", currency: "HKD", reportingCurrency: "CNY", kind: "equity" };
    const a: ListingFacts = { id: "688981.SS", issuer: "smic", exchange: "SSE", currency: "CNY", reportingCurrency: "CNY", kind: "equity" };
    expect(primaryListing([h, a])?.id).toBe("688981.SS");
    expect(primaryListing([BABA, HK])?.id).toBe("9988.HK");
    expect(primaryListing([BABA, { ...BABA, id: "BABA2" }])?.id).toBe("BABA");
    expect(primaryListing([])).toBeUndefined();
  });
});
