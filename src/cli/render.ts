import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import Table from "cli-table3";
import { InvalidInputError } from "../errors.js";

/** Renders rows as a boxed text table (CJK-aware widths come from cli-table3). */
export function renderTable(head: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], align?: readonly ("left" | "right")[]): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    ...(align ? { colAligns: [...align] } : {}),
  });
  for (const r of rows) table.push(r.map((c) => (c === null || c === undefined ? "" : String(c))));
  return table.toString();
}

/** JSON for stdout: stable two-space indentation, bigints as numbers. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v), 2);
}

/**
 * Writes a chart to `--svg PATH` when the option was given and returns the absolute path written.
 * @throws InvalidInputError with `emptyMessage` when there was nothing to chart.
 */
export function writeChartIfAsked(path: string | undefined, svg: () => string | undefined, emptyMessage: string): string | undefined {
  if (path === undefined) return undefined;
  const text = svg();
  if (text === undefined) throw new InvalidInputError(emptyMessage);
  const out = resolve(path);
  writeFileSync(out, text);
  return out;
}
