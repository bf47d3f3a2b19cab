import { serve, type ServerType } from "@hono/node-server";
import { parseNumberOption } from "../../app/comps-options.js";
import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { createApp } from "../../server/app.js";
import type { CliContext } from "../context.js";

export interface ServeOptions {
  port?: string;
  host?: string;
}

/**
 * `rerate serve`: the HTTP API on 127.0.0.1:8780 (unless told otherwise) until SIGINT or SIGTERM, then a clean
 * close. `--port 0` picks a free port (the line printed says which).
 */
export async function run(ctx: CliContext, o: ServeOptions, signal?: AbortSignal): Promise<void> {
  const port = parseNumberOption(o.port ?? "8780", "--port", (x) => Number.isInteger(x) && x >= 0 && x <= 65535, "must be a port number from 0 to 65535");
  const host = o.host ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw InvalidInputError.at({ column: "--host", value: host, reason: "is not a host name or address" });
  const store = await ctx.store();
  const app = createApp({ store: async () => store, now: ctx.now, lang: ctx.lang, logError: (e) => ctx.err(`${(e as Error)?.stack ?? String(e)}`) });
  let server: ServerType | undefined;
  await new Promise<void>((resolveListen, reject) => {
    server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      ctx.out(t(ctx.lang, "serve.listening", { url: `http://${shown}:${info.port}` }));
      resolveListen();
    });
    server.once("error", reject);
  });
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server?.close(() => done());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
}
