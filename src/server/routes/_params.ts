import type { Context } from "hono";
import { z } from "zod";
import { parseListingOption } from "../../app/comps-options.js";
import { InvalidInputError } from "../../errors.js";

/** The first Zod issue as a located input issue: 400 naming the parameter, its value and why. */
function toInputError(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>, where: string): InvalidInputError {
  const issue = issues[0];
  const param = issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path.map(String).join(".");
  const rawValue = param !== undefined && param !== "" ? raw[param.split(".")[0]!] : undefined;
  const value = rawValue === undefined ? undefined : typeof rawValue === "string" ? rawValue : JSON.stringify(rawValue);
  return InvalidInputError.at({
    column: `${where} ${param || "(body)"}`,
    ...(value !== undefined ? { value } : {}),
    reason: issue?.code === "unrecognized_keys" ? "is not a parameter of this route" : value === undefined ? "is required" : (issue?.message ?? "is invalid").replace(/^Invalid input: /, ""),
  });
}

/**
 * Validates a route's query string with a strict Zod object.
 * @throws InvalidInputError naming the first bad, missing or unknown parameter and its value (HTTP 400).
 */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const raw = c.req.query();
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw toInputError(r.error.issues, raw, "query parameter");
}

/**
 * Reads and validates a JSON body (an empty body is `{}`); refuses bodies over `maxBytes`.
 * @throws InvalidInputError for malformed JSON, a body too large, or the first schema issue (HTTP 400).
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T, maxBytes = 256 * 1024): Promise<z.infer<T>> {
  const text = await c.req.text();
  if (text.length > maxBytes) throw InvalidInputError.at({ column: "request body", reason: `is larger than ${maxBytes} bytes` });
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      throw InvalidInputError.at({ column: "request body", reason: "is not valid JSON" });
    }
  }
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  return Promise.reject(toInputError(r.error.issues, raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {}, "body field"));
}

/** Splits a comma- or space-separated list. */
export const listOf = (s: string): string[] => s.split(/[\s,]+/).filter((w) => w.length > 0);

/** One issuer, one vote as query parameters (`listing=first|primary|EXCHANGE`, `perListing=true`), to spread into a query schema. */
export const LISTING_QUERY = { listing: z.string().optional(), perListing: z.enum(["true", "false", "1", "0"]).optional() } as const;

/** The listing rule of a request's query, as the `listing` field of a use-case request, or nothing when none is given. */
export const listingOf = (q: { listing?: string | undefined; perListing?: string | undefined }) => {
  const rule = parseListingOption(q.listing, q.perListing === "true" || q.perListing === "1", "query parameter listing");
  return rule !== undefined ? { listing: rule } : {};
};
