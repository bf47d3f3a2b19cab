import { loadDemo } from "../../src/app/demo.js";
import { openStore, type Store } from "../../src/store/open.js";

let shared: Promise<Store> | undefined;

/** An in-memory store with the demo universe loaded (once per test file). */
export function demoStore(): Promise<Store> {
  return (shared ??= openStore(":memory:").then(async (s) => {
    await loadDemo(s, "2025-11-01T00:00:00Z");
    return s;
  }));
}
