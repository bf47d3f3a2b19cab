import { InvalidInputError } from "../../errors.js";
import { parseEventTime } from "./event-time.js";

/**
 * Reads a command-line event `DATE[THH:MM±HH:MM][=LABEL]`, e.g. `2025-09-24` or
 * `2025-09-24T10:00+08:00=Qwen3-Max`.
 * @param index 0-based position among the events given, for the generated id
 * @returns id (a slug of the label, or `event-N`), timestamp and title
 * @throws InvalidInputError naming the value when the timestamp is malformed or the label empty
 * @example parseEventArgument("2025-09-24T10:00+08:00=Qwen3-Max", 0) // { id: "qwen3-max", timestamp: "2025-09-24T10:00+08:00", title: "Qwen3-Max" }
 */
export function parseEventArgument(text: string, index: number): { id: string; timestamp: string; title: string } {
  const eq = text.indexOf("=");
  const timestamp = (eq < 0 ? text : text.slice(0, eq)).trim();
  const label = eq < 0 ? undefined : text.slice(eq + 1).trim();
  if (label !== undefined && label.length === 0) throw InvalidInputError.at({ column: "--event", value: text, reason: "has an empty label after '='" });
  parseEventTime(timestamp);
  const slug = label === undefined ? "" : label.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return { id: slug.length > 0 ? slug : `event-${index + 1}`, timestamp, title: label ?? timestamp };
}
