import type { Hono } from "hono";
import type { AppDeps } from "../app.js";
import { storeHasSynthetic } from "../../store/synthetic.js";

/** The notice every API answer carries when the store holds the synthetic demo market. */
export const SYNTHETIC_NOTICE = "this store holds the SYNTHETIC DEMO market (made-up prices and figures); results that use it are not real";

/**
 * Says whether the store holds the synthetic demo: the header `X-Rerate-Synthetic: true` on every /api answer of
 * such a store, and `GET /api/store` → `{ synthetic, notice? }` for the dashboard.
 */
export function registerStoreInfoRoutes(app: Hono, deps: Pick<AppDeps, "store">): void {
  app.use("/api/*", async (c, next) => {
    await next();
    // A store that cannot be opened says nothing here: the route itself reports that.
    const synthetic = await deps.store().then(storeHasSynthetic).catch(() => false);
    if (synthetic) c.header("X-Rerate-Synthetic", "true");
  });
  app.get("/api/store", async (c) => {
    const synthetic = await storeHasSynthetic(await deps.store());
    return c.json({ synthetic, ...(synthetic ? { notice: SYNTHETIC_NOTICE } : {}) });
  });
}
