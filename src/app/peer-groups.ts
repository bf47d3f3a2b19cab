import { basename, extname } from "node:path";
import { parseJsonSafely, parseYamlSafely } from "./yaml-safe.js";
import { z } from "zod";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { LocalizedText, SecurityId } from "../models/common.js";
import type { Store } from "../store/open.js";
import { getPeerGroup, listPeerGroups } from "../store/peer-groups.js";
import type { PeerGroup } from "./comps.js";
import { DEMO_GROUPS } from "./demo.js";
import { limitReason, readConfigFile } from "./config-file.js";
import { resolveInputPath } from "./example-files.js";

/** A group as a file may write it: a list of symbols, or an object with id, name and securities. */
const GroupShape = z.union([
  z.array(SecurityId).min(1),
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/).optional(),
    name: z.union([z.string().min(1), LocalizedText]).optional(),
    securities: z.array(SecurityId).min(1),
  }),
]);
/** A peer-group file: one group, a list of groups, or `groups:` as a list or a map from id to group. */
const GroupFile = z.union([
  GroupShape,
  z.looseObject({ groups: z.union([z.array(GroupShape).min(1), z.record(z.string(), GroupShape)]) }),
]);

const GROUP_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const FILE_EXT = new Set([".csv", ".txt", ".json", ".yaml", ".yml"]);

/** Checks a group id typed by a user (`rerate groups save NAME …`). */
export function checkGroupId(id: string, option = "NAME"): string {
  if (!GROUP_ID.test(id)) throw InvalidInputError.at({ column: option, value: id, reason: "must be 1–64 letters, digits, _ . or - (e.g. china_internet)" });
  return id;
}

/** Normalises a symbol the way the store spells it (upper case), refusing anything that is not a symbol. */
export function checkSymbol(token: string, option: string): string {
  const s = token.trim().toUpperCase();
  if (!SecurityId.safeParse(s).success) throw InvalidInputError.at({ column: option, value: token, reason: "is not a symbol (letters, digits and . ^ = - _), a @group or a group file" });
  return s;
}

function toGroup(shape: z.infer<typeof GroupShape>, fallbackId: string): PeerGroup {
  if (Array.isArray(shape)) return { id: fallbackId, name: { en: fallbackId }, securities: shape.map((s) => s.toUpperCase()) };
  const id = shape.id ?? fallbackId;
  const name = shape.name === undefined ? { en: id } : typeof shape.name === "string" ? { en: shape.name } : shape.name;
  return { id, name, securities: shape.securities.map((s) => s.toUpperCase()) };
}

/**
 * Reads the peer groups of a file: YAML or JSON (one group, a list, or `groups:` as a list or a map from id to
 * group), or CSV / plain text (symbols separated by commas, spaces or new lines; a `symbol` header and `#` comments
 * are skipped).
 * @throws NotFoundError when the file does not exist; InvalidInputError naming the file for anything malformed.
 */
export function readPeerGroupFile(path: string): PeerGroup[] {
  const text = readConfigFile(path, "peer-group file").replace(/^\uFEFF/, "");
  const stem = basename(path, extname(path));
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    const tokens = text.split(/\r?\n/).filter((l) => !l.trim().startsWith("#")).flatMap((l) => l.split(/[,\s;]+/)).map((s) => s.trim()).filter((s) => s.length > 0);
    const symbols = tokens.filter((s, i) => !(i === 0 && /^(symbol|security|ticker|id)$/i.test(s))).map((s) => checkSymbol(s, path));
    if (symbols.length === 0) throw InvalidInputError.at({ file: path, reason: "lists no symbol" });
    return [{ id: stem, name: { en: stem }, securities: symbols }];
  }
  let raw: unknown;
  try {
    raw = ext === ".json" ? parseJsonSafely(text, path) : parseYamlSafely(text, path).raw;
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    const message = String((e as Error)?.message ?? e);
    throw InvalidInputError.at({ file: path, reason: limitReason(message) ?? `is not valid ${ext === ".json" ? "JSON" : "YAML"}: ${message.split("\n")[0]!.slice(0, 200)}` });
  }
  const parsed = GroupFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw InvalidInputError.at({ file: path, column: issue?.path.join(".") || undefined, reason: `is not a peer-group file: ${issue?.message ?? "unknown shape"} (expected securities: [...] or groups: …)` });
  }
  const v = parsed.data;
  if (Array.isArray(v) || !("groups" in v)) return [toGroup(v as z.infer<typeof GroupShape>, stem)];
  const groups = v.groups;
  return Array.isArray(groups) ? groups.map((g, i) => toGroup(g, `${stem}-${i + 1}`)) : Object.entries(groups).map(([id, g]) => toGroup(g, id));
}

/** A saved (store) or built-in (demo) group by id, saved first. */
export async function findPeerGroup(store: Store, id: string): Promise<(PeerGroup & { origin: "saved" | "builtin" }) | undefined> {
  const saved = await getPeerGroup(store, id);
  if (saved !== undefined) return { id: saved.id, name: saved.name, securities: saved.securities, origin: "saved" };
  const builtin = DEMO_GROUPS.find((g) => g.id === id);
  return builtin !== undefined ? { ...builtin, origin: "builtin" } : undefined;
}

/** Every group a user can refer to as `@id`: saved ones, then built-in ones not shadowed by a saved one. */
export async function listAllPeerGroups(store: Store): Promise<(PeerGroup & { origin: "saved" | "builtin" })[]> {
  const saved = (await listPeerGroups(store)).map((g) => ({ id: g.id, name: g.name, securities: g.securities, origin: "saved" as const }));
  const ids = new Set(saved.map((g) => g.id));
  return [...saved, ...DEMO_GROUPS.filter((g) => !ids.has(g.id)).map((g) => ({ ...g, origin: "builtin" as const }))];
}

/** Whether a token names a group file (by extension or a path separator) rather than a symbol. */
export const looksLikeFile = (token: string): boolean => {
  const hash = token.indexOf("#");
  const path = hash >= 0 ? token.slice(0, hash) : token;
  return FILE_EXT.has(extname(path).toLowerCase()) || path.includes("/") || path.includes("\\");
};

/**
 * Resolves what a user typed for a peer group into one group. Tokens may be comma-separated and mixed:
 * symbols (`9988.HK BABA`), `@name` for a saved or built-in group (`@china`), or a group file (`peers.yaml`,
 * `thesis.yaml#china` to pick one group of several, `peers.csv`). A single `@name` or file keeps its id and name;
 * anything else becomes a group named by `fallbackId` listing its symbols.
 *
 * @param tokens - the words typed.
 * @param opts - `option` names the option in errors (`--a`); `fallbackId` the id of an ad-hoc group; `cwd` resolves files;
 *   `allowFiles: false` refuses file tokens (the HTTP API must not read the server's files); `resolvePath` finds a
 *   group file (default `resolveInputPath`: a missing `examples/…` path is the package's own example).
 * @throws InvalidInputError for an empty list, a bad symbol or a multi-group file without `#id`; NotFoundError for
 *   an unknown `@name` or missing file.
 */
export async function resolveGroupTokens(
  store: Store,
  tokens: readonly string[],
  opts: { option: string; fallbackId: string; cwd?: string; allowFiles?: boolean; resolvePath?: (path: string) => string },
): Promise<PeerGroup> {
  const words = tokens.flatMap((t) => t.split(",")).map((t) => t.trim()).filter((t) => t.length > 0);
  if (words.length === 0) throw InvalidInputError.at({ column: opts.option, value: tokens.join(" "), reason: "names no security; give symbols, @group or a group file" });
  const parts: PeerGroup[] = [];
  for (const w of words) {
    if (w.startsWith("@")) {
      const g = await findPeerGroup(store, w.slice(1));
      if (g === undefined) {
        const known = (await listAllPeerGroups(store)).map((x) => `@${x.id}`).join(", ");
        throw new NotFoundError(`${opts.option} "${w}": no saved or built-in peer group of that name (known: ${known || "none"}; save one with rerate groups save)`);
      }
      parts.push({ id: g.id, name: g.name, securities: g.securities });
    } else if (looksLikeFile(w)) {
      if (opts.allowFiles === false) throw InvalidInputError.at({ column: opts.option, value: w, reason: "is a file; here give symbols or @group names" });
      const hash = w.indexOf("#");
      const given = hash >= 0 ? w.slice(0, hash) : w;
      const path = opts.resolvePath !== undefined ? opts.resolvePath(given) : resolveInputPath(given, opts.cwd ?? process.cwd()).path;
      const pick = hash >= 0 ? w.slice(hash + 1) : undefined;
      const groups = readPeerGroupFile(path);
      const g = pick !== undefined ? groups.find((x) => x.id === pick) : groups.length === 1 ? groups[0] : undefined;
      if (g === undefined) {
        const ids = groups.map((x) => x.id).join(", ");
        throw InvalidInputError.at({ column: opts.option, value: w, reason: pick !== undefined ? `has no group "${pick}" (has ${ids})` : `holds ${groups.length} groups (${ids}); pick one with ${w}#${groups[0]?.id}` });
      }
      parts.push(g);
    } else parts.push({ id: "", name: { en: "" }, securities: [checkSymbol(w, opts.option)] });
  }
  const securities = [...new Set(parts.flatMap((p) => p.securities))];
  if (parts.length === 1 && parts[0]!.id !== "") return { ...parts[0]!, securities };
  const shown = securities.length > 4 ? `${securities.slice(0, 3).join(", ")} +${securities.length - 3}` : securities.join(", ");
  return { id: opts.fallbackId, name: { en: shown }, securities };
}

/**
 * A peer group from one option value: a group id with or without `@` (`china`, `@china`, a saved name), or
 * anything {@link resolveGroupTokens} takes (symbols `9988.HK,0700.HK`, a group file).
 * @example await resolveGroupSpec(store, "china", "--group") // the demo's China platforms
 */
export async function resolveGroupSpec(store: Store, spec: string, option: string): Promise<PeerGroup> {
  const word = spec.trim();
  const bare = /^[a-z][a-z0-9_-]*$/.test(word) && (await findPeerGroup(store, word)) !== undefined;
  return resolveGroupTokens(store, [bare ? `@${word}` : word], { option, fallbackId: option.replace(/^-+/, "") });
}

