import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { InvalidInputError } from "../errors.js";
import { MODEL_NAMES, type ModelName } from "./contract.js";
import { PROVIDERS } from "./registry.js";

/** Default config file, relative to the working directory. */
export const DEFAULT_CONFIG_PATH = ".rerate/config.json";

/**
 * The rerate config file: provider settings (the SEC contact) and the response cache. Strict: a misspelt key
 * is an error rather than a setting silently ignored.
 */
export const RerateConfig = z.strictObject({
  sec: z.strictObject({ userAgent: z.string().min(1).optional() }).optional(),
  cache: z.strictObject({
    dir: z.string().min(1).optional(),
    ttlSeconds: z.partialRecord(z.enum(MODEL_NAMES as [ModelName, ...ModelName[]]), z.number().int().nonnegative()).optional(),
  }).optional(),
});
export type RerateConfig = z.infer<typeof RerateConfig>;

/**
 * Reads the config file (explicit path, else RERATE_CONFIG, else .rerate/config.json); an absent default file is
 * an empty config.
 * @throws InvalidInputError naming the file and the key when it is not valid (values are not echoed: they may be contacts).
 */
export function loadConfig(explicit?: string, env: NodeJS.ProcessEnv = process.env): RerateConfig {
  const path = resolve(explicit ?? env.RERATE_CONFIG ?? DEFAULT_CONFIG_PATH);
  if (explicit === undefined && env.RERATE_CONFIG === undefined && !existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw InvalidInputError.at({ file: path, reason: `is not a readable JSON config file: ${(e as Error).message.replace(/ in JSON at.*/, "")}` });
  }
  const r = RerateConfig.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw InvalidInputError.at({ file: path, column: i.path.join(".") || "(file)", reason: i.message });
  }
  return r.data;
}

/**
 * Credential lookup: the environment variable first, then the config key the manifest names (`sec.userAgent`).
 * @example credentialLookup(process.env, loadConfig())("RERATE_SEC_USER_AGENT")
 */
export function credentialLookup(env: NodeJS.ProcessEnv, config: RerateConfig): (name: string) => string | undefined {
  return (name) => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv;
    const spec = PROVIDERS.flatMap((p) => p.credentials).find((c) => c.env === name);
    if (spec === undefined) return undefined;
    let v: unknown = config;
    for (const k of spec.config.split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
}
