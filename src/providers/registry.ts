import { RerateError } from "../errors.js";
import type { Fetcher, ModelName, ProviderManifest } from "./contract.js";
import { FX_PROVIDER } from "./fx/manifest.js";
import { SEC_PROVIDER } from "./sec/manifest.js";
import { YAHOO_PROVIDER } from "./yahoo/manifest.js";

/** Every live provider. Adding one is a folder with a manifest and one line here. */
export const PROVIDERS: readonly ProviderManifest[] = [YAHOO_PROVIDER, SEC_PROVIDER, FX_PROVIDER];

/** Models a provider serves, in a stable order. */
export function modelsOf(p: ProviderManifest): ModelName[] {
  return (Object.keys(p.fetchers) as ModelName[]).filter((m) => p.fetchers[m] !== undefined);
}

/**
 * The provider with this id.
 * @throws RerateError E_NOT_FOUND listing the providers there are.
 */
export function getProvider(id: string): ProviderManifest {
  const p = PROVIDERS.find((x) => x.id === id);
  if (p === undefined) throw new RerateError("E_NOT_FOUND", `no provider "${id}"; available: ${PROVIDERS.map((x) => x.id).join(", ")}`);
  return p;
}

/**
 * The fetcher of a provider for a model.
 * @throws RerateError E_NOT_FOUND listing what the provider serves (and who serves the model, if anyone).
 */
export function getFetcher<M extends ModelName>(providerId: string, model: M): { provider: ProviderManifest; fetcher: Fetcher<M> } {
  const provider = getProvider(providerId);
  const fetcher = provider.fetchers[model] as Fetcher<M> | undefined;
  if (fetcher === undefined) {
    const others = PROVIDERS.filter((p) => p.fetchers[model] !== undefined).map((p) => p.id);
    throw new RerateError("E_NOT_FOUND", `provider ${providerId} does not serve "${model}"; it serves ${modelsOf(provider).join(", ")}${others.length ? `; "${model}" comes from ${others.join(", ")}` : ""}`);
  }
  return { provider, fetcher };
}

/** A provider as `rerate providers` shows it: no values of credentials, only whether each is set. */
export interface ProviderDescription {
  id: string;
  name: string;
  description: string;
  url: string;
  requestsPerSecond: number;
  symbols: string;
  credentials: { env: string; config: string; description: string; set: boolean }[];
  models: { model: ModelName; description: string; cacheTtlSeconds: number }[];
}

/** Describes every provider; `isSet(env)` says whether a credential is configured (its value is never read out). */
export function describeProviders(isSet: (env: string) => boolean = () => false): ProviderDescription[] {
  return PROVIDERS.map((p) => ({
    id: p.id, name: p.name, description: p.description, url: p.url, requestsPerSecond: p.requestsPerSecond, symbols: p.symbols,
    credentials: p.credentials.map((c) => ({ env: c.env, config: c.config, description: c.description, set: isSet(c.env) })),
    models: modelsOf(p).map((m) => ({ model: m, description: p.fetchers[m]!.description, cacheTtlSeconds: p.fetchers[m]!.ttlSeconds })),
  }));
}
