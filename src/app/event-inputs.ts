import { InvalidInputError, NotFoundError, formatIssue } from "../errors.js";
import { parseEventArgument, parseEventTime } from "../core/events/index.js";
import { EXCHANGES } from "../models/common.js";
import { Event } from "../models/event.js";
import { normalizeHeader } from "../providers/csv/columns.js";
import { listEvents } from "../store/events.js";
import type { Store } from "../store/open.js";
import { listingsWithPrices } from "../store/securities.js";
import { readInputTable } from "./import/read-table.js";
import { EVENT_KIND } from "./import/record-kinds.js";
import { parseRecords } from "./import/records.js";

/**
 * What an event study is run on: events from command-line arguments, files or the store, and the securities
 * of whole exchanges.
 */

/** Events from command-line arguments `DATE[THH:MM±HH:MM][=LABEL]`. @example eventsFromArguments(["2025-09-24=Qwen3-Max"])[0].id // "qwen3-max" */
export function eventsFromArguments(args: readonly string[]): Event[] {
  const used = new Set<string>();
  return args.map((a, i) => {
    const e = parseEventArgument(a, i);
    let id = e.id;
    for (let k = 2; used.has(id); k++) id = `${e.id}-${k}`; // two events with one label stay two events
    used.add(id);
    return Event.parse({ id, timestamp: e.timestamp, title: { en: e.title } });
  });
}

/**
 * Events from a CSV/JSON file in the import format (`rerate import events`), or a short one with only a
 * timestamp (or date) column and optionally a label or title and securities.
 * @throws InvalidInputError naming file, line and value of every bad row
 */
export function readEventsFile(file: string): Event[] {
  const table = readInputTable(file);
  const header = (table.rows[0] ?? []).map(normalizeHeader);
  if (table.rows.length > 0 && !header.includes("id")) {
    const hasTitle = header.some((h) => ["title", "title en", "headline"].includes(h));
    const label = header.findIndex((h) => h === "label" || h === "event" || h === "name");
    const time = header.findIndex((h) => ["timestamp", "time", "date", "datetime", "ts"].includes(h));
    table.rows = table.rows.map((row, r) => {
      const title = hasTitle ? [] : [r === 0 ? "title" : (label >= 0 ? row[label] : undefined) || row[time] || `event ${r}`];
      return [r === 0 ? "id" : `event-${r}`, ...title, ...row];
    });
  }
  // The short form's label column became the title above.
  const parsed = parseRecords<Event>(table, EVENT_KIND, { ignoreColumns: ["label", "event", "name"] });
  if (parsed.errors.length > 0) throw new InvalidInputError(`${file}: ${parsed.errors.map(formatIssue).join("; ")}`, parsed.errors);
  return parsed.records;
}

/**
 * The securities listed on the exchanges (codes as in the security master, any case, comma-separated or not) that
 * have prices: a whole market. Indices and FX pairs are benchmarks, not subjects, so they are left out.
 * @throws InvalidInputError for an unknown exchange code; NotFoundError when none has a priced listing
 */
export async function securitiesOnExchanges(store: Store, exchanges: readonly string[]): Promise<string[]> {
  const codes = exchanges.flatMap((x) => x.split(",")).map((x) => x.trim().toUpperCase()).filter((x) => x !== "");
  const listing = EXCHANGES.filter((x) => x !== "INDEX" && x !== "FX");
  for (const c of codes) {
    if (!(listing as readonly string[]).includes(c)) throw InvalidInputError.at({ column: "exchange", value: c, reason: `is not a listing exchange; use one of ${listing.join(", ")}` });
  }
  const ids = await listingsWithPrices(store, codes);
  if (ids.length === 0) throw new NotFoundError(`no security with prices is listed on ${codes.join(", ")}: import a security master and prices first`);
  return ids;
}

/** The events of a request: those given, plus stored ones carrying one of its tags; with neither, every stored event. In time order. */
export async function resolveEvents(store: Store, req: { events?: readonly Event[]; tags?: readonly string[] }): Promise<Event[]> {
  const out = new Map<string, Event>();
  for (const e of req.events ?? []) if (!out.has(e.id)) out.set(e.id, e);
  if ((req.tags?.length ?? 0) > 0 || out.size === 0) {
    const stored = await listEvents(store);
    const tagged = req.tags?.length ? stored.filter((e) => e.tags.some((t) => req.tags!.includes(t))) : stored;
    if (req.tags?.length && tagged.length === 0) {
      const known = [...new Set(stored.flatMap((e) => e.tags))].sort();
      throw new NotFoundError(`no stored event has tag ${req.tags.join(" or ")}${known.length ? `; known tags: ${known.join(", ")}` : ": import events first"}`);
    }
    for (const e of tagged) if (!out.has(e.id)) out.set(e.id, e);
  }
  if (out.size === 0) throw new InvalidInputError("no events: give --event DATE, --events-file FILE or --tag TAG, or import events with `rerate import events FILE`");
  for (const e of out.values()) parseEventTime(e.timestamp);
  return [...out.values()].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : 1));
}

