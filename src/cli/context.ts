import type { Lang } from "../models/common.js";
import { openStore, resolveDbPath, type Store } from "../store/open.js";

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

export function createContext(opts: { db?: string; lang: Lang; json: boolean }, io?: Partial<Pick<CliContext, "out" | "err" | "interactive" | "now">>): CliContext {
  const dbPath = resolveDbPath(opts.db);
  let store: Promise<Store> | undefined;
  return {
    dbPath,
    lang: opts.lang,
    json: opts.json,
    out: io?.out ?? ((s) => void process.stdout.write(s.endsWith("\n") ? s : s + "\n")),
    err: io?.err ?? ((s) => void process.stderr.write(s.endsWith("\n") ? s : s + "\n")),
    interactive: io?.interactive ?? Boolean(process.stderr.isTTY),
    now: io?.now ?? (() => new Date()),
    store: () => (store ??= openStore(dbPath)),
    close: async () => {
      if (!store) return;
      const s = await store.catch(() => undefined);
      s?.close();
    },
  };
}
