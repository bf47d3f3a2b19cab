import type { Event } from "../models/event.js";
import type { Store } from "./open.js";
import type { TableSpec } from "./upsert.js";

export const EVENTS_TABLE: TableSpec = {
  table: "events",
  key: ["id"],
  columns: [
    { name: "id", type: "varchar" },
    { name: "ts", type: "varchar" },
    { name: "title_en", type: "varchar" },
    { name: "title_zh_hant", type: "varchar" },
    { name: "title_zh_hans", type: "varchar" },
    { name: "tags", type: "varchar[]" },
    { name: "securities", type: "varchar[]" },
    { name: "expected_sign", type: "integer" },
    { name: "event_source", type: "varchar" },
    { name: "notes", type: "varchar" },
  ],
};

export function eventToRow(e: Event): (string | number | null | readonly string[])[] {
  return [
    e.id, e.timestamp, e.title.en, e.title["zh-Hant"] ?? null, e.title["zh-Hans"] ?? null, e.tags, e.securities, e.expectedSign,
    e.source ?? null, e.notes ?? null,
  ];
}

/** All events sorted by timestamp. */
export async function listEvents(store: Store): Promise<Event[]> {
  const rows = await store.all<Record<string, unknown>>("SELECT * FROM events ORDER BY ts, id");
  return rows.map((r) => {
    const e: Event = {
      id: String(r.id),
      timestamp: String(r.ts),
      title: { en: String(r.title_en) },
      tags: (r.tags as string[]) ?? [],
      securities: (r.securities as string[]) ?? [],
      expectedSign: Number(r.expected_sign) as Event["expectedSign"],
    };
    if (r.title_zh_hant !== null) e.title["zh-Hant"] = String(r.title_zh_hant);
    if (r.title_zh_hans !== null) e.title["zh-Hans"] = String(r.title_zh_hans);
    if (r.event_source !== null) e.source = String(r.event_source);
    if (r.notes !== null) e.notes = String(r.notes);
    return e;
  });
}
