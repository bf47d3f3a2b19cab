import type { Lang } from "../models/common.js";
import { t } from "../i18n/index.js";
import { openStore, resolveDbPath, type Store } from "../store/open.js";
import { storeHasSynthetic } from "../store/synthetic.js";

/** What every command receives: where the store is, the language, and where to write. */
export interface CliContext {
  dbPath: string;
  lang: Lang;
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean;
  /** The clock, injected so tests can fix it. */
  now: () => Date;
  store: () => Promise<Store>;
  /** Closes the store if a command opened it. */
  close: () => Promise<void>;
}

/** Seconds a command waits for a store another process holds (RERATE_LOCK_WAIT, default 30). */
export const DEFAULT_LOCK_WAIT_SECONDS = 30;

/**
 * Builds a command's context. `readOnly` commands open the store READ_ONLY, so they run beside `rerate serve` and
 * other readers; writers open it read-write and wait up to `lockWaitSeconds` for other processes to let go.
 * @param opts.defaultDb the store when --db is not given (the demo's own, ignoring RERATE_DB)
 * @param opts.syntheticNotice false: do not say on stderr that the store holds the synthetic demo (the demo says so itself)
 */
export function createContext(
  opts: { db?: string; lang: Lang; json: boolean; readOnly?: boolean; lockWaitSeconds?: number; defaultDb?: string; syntheticNotice?: boolean },
  io?: Partial<Pick<CliContext, "out" | "err" | "interactive" | "now">>,
): CliContext {
  const dbPath = resolveDbPath(opts.db ?? opts.defaultDb);
  let store: Promise<Store> | undefined;
  const err = io?.err ?? ((s: string) => void process.stderr.write(s.endsWith("\n") ? s : s + "\n"));
  return {
    dbPath,
    lang: opts.lang,
    json: opts.json,
    out: io?.out ?? ((s) => void process.stdout.write(s.endsWith("\n") ? s : s + "\n")),
    err,
    interactive: io?.interactive ?? Boolean(process.stderr.isTTY),
    now: io?.now ?? (() => new Date()),
    store: () => (store ??= openStore(dbPath, {
      readOnly: opts.readOnly === true,
      lock: {
        waitMs: 1000 * (opts.lockWaitSeconds ?? DEFAULT_LOCK_WAIT_SECONDS),
        onWait: (holder, waitMs) => err(t(opts.lang, "store.waiting", { path: dbPath, holder, seconds: String(Math.round(waitMs / 1000)) })),
      },
    }).then((s) => {
      const removed = Object.entries(s.recovered);
      if (removed.length > 0) err(t(opts.lang, "store.recovered", { path: s.path, detail: removed.map(([table, n]) => `${table}: ${n}`).join(", ") }));
      return s;
    }).then(async (s) => {
      // Whatever a command reads from a store holding the demo market may be synthetic: say so once, on stderr.
      if (opts.syntheticNotice !== false && (await storeHasSynthetic(s))) err(t(opts.lang, "synthetic.notice", { path: s.path }));
      return s;
    })),
    close: async () => {
      if (!store) return;
      const s = await store.catch(() => undefined);
      s?.close();
    },
  };
}
