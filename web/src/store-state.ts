/**
 * Whether the store behind the API holds the synthetic demo market: `undefined` until `/api/store` answers, then kept
 * in step with the `X-Rerate-Synthetic` header that every successful /api answer of such a store carries.
 */
let synthetic: boolean | undefined;
const listeners = new Set<() => void>();

export const storeSynthetic = (): boolean | undefined => synthetic;

export function onStoreSyntheticChange(f: () => void): void {
  listeners.add(f);
}

function set(v: boolean): void {
  if (v === synthetic) return;
  synthetic = v;
  for (const f of listeners) f();
}

/**
 * Reads the header of an /api answer. Only successful answers count: an error answer (a store that cannot be opened,
 * a route that failed) may lack the header without the store having changed.
 */
export function noteApiResponse(res: Response): void {
  if (!res.ok || !new URL(res.url, location.href).pathname.startsWith("/api/")) return;
  set(res.headers.get("X-Rerate-Synthetic") === "true");
}

/** Asks `/api/store` once at start; a failure leaves the state unknown (no banner) until a later answer tells. */
export async function loadStoreInfo(): Promise<void> {
  try {
    const res = await fetch("/api/store", { headers: { Accept: "application/json" } });
    if (!res.ok) return;
    const body = (await res.json()) as { synthetic?: unknown };
    set(body.synthetic === true);
  } catch {
    // the server is down: the pages show their own errors
  }
}
