import { readFileSync } from "node:fs";
import { RerateError } from "../errors.js";

/** The process DuckDB names as holding a store's file lock. */
export interface LockHolder {
  pid?: number;
  /** Its command line as `rerate serve --port 8780` (Linux, from /proc), when it can be read. */
  command?: string;
}

/**
 * Whether an error from `DuckDBInstance.create` is another process's file lock, and who holds it.
 * DuckDB's message reads `Could not set lock on file "…": Conflicting lock is held in /usr/bin/node (PID 6870)`.
 * @returns the holder, or undefined when the error is not a lock conflict.
 * @example parseLockHolder('IO Error: Could not set lock on file "x": Conflicting lock is held in /usr/bin/node (PID 42).') // { pid: 42 }
 */
export function parseLockHolder(message: string): LockHolder | undefined {
  if (!/Could not set lock on file|Conflicting lock is held/i.test(message)) return undefined;
  const pid = /\(PID (\d+)\)/.exec(message)?.[1];
  return pid !== undefined ? { pid: Number(pid) } : {};
}

/** The command line of a process (Linux /proc), shortened: `node …/bin/rerate.js serve` reads `rerate serve`. */
export function commandOf(pid: number, read: (path: string) => string = (p) => readFileSync(p, "utf8")): string | undefined {
  let argv: string[];
  try {
    argv = read(`/proc/${pid}/cmdline`).split("\0").filter((a) => a !== "");
  } catch {
    return undefined;
  }
  const entry = argv.findIndex((a) => /(^|\/)(rerate(\.js)?|cli-child\.ts|main\.(js|ts))$/.test(a));
  const shown = entry >= 0 ? ["rerate", ...argv.slice(entry + 1)] : argv;
  const text = shown.join(" ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : text || undefined;
}

/** `pid 6870 (rerate serve --port 8780)`, or `another process` when DuckDB did not say. */
export function describeHolder(h: LockHolder): string {
  if (h.pid === undefined) return "another process";
  return h.command !== undefined ? `pid ${h.pid} (${h.command})` : `pid ${h.pid}`;
}

/** How to wait for a store another process holds. */
export interface LockWait {
  /** Longest wait in milliseconds before giving up with E_STORE_BUSY (0: do not wait). */
  waitMs: number;
  /** Called once, when the first attempt finds the store held, with who holds it. */
  onWait?: (holder: string, waitMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `open` until it does not fail on another process's lock, for up to `waitMs` (retries every 50 ms, growing
 * to 500 ms). Other errors pass through at once.
 * @throws RerateError E_STORE_BUSY naming the store, the holder (pid and command) and how long it waited.
 */
export async function withLockRetry<T>(path: string, open: () => Promise<T>, o: LockWait): Promise<T> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? pause;
  const start = now();
  let delay = 50;
  let told = false;
  for (;;) {
    try {
      return await open();
    } catch (e) {
      const holder = parseLockHolder(String((e as Error)?.message ?? e));
      if (holder === undefined) throw e;
      if (holder.pid !== undefined) {
        const command = commandOf(holder.pid);
        if (command !== undefined) holder.command = command;
      }
      const who = describeHolder(holder);
      const waited = now() - start;
      if (waited >= o.waitMs) {
        throw new RerateError(
          "E_STORE_BUSY",
          `store ${path} is in use by ${who}${o.waitMs > 0 ? `; waited ${(waited / 1000).toFixed(1)} s` : ""}. ` +
            "Reads can run beside `rerate serve`; a write needs the store to itself: retry when that process is idle or finished, " +
            "raise the wait with --lock-wait SECONDS (or RERATE_LOCK_WAIT), or stop it.",
          { cause: e },
        );
      }
      if (!told) {
        told = true;
        o.onWait?.(who, o.waitMs);
      }
      await sleep(Math.min(delay, o.waitMs - waited));
      delay = Math.min(500, delay * 2);
    }
  }
}
