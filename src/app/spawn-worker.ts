import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread on a module next to the caller: the compiled `.js` file when there is one (an
 * installed or built rerate), else (tests, benchmarks run from sources) the `.ts` source through tsx.
 * @param name the module's file name without extension, e.g. "scenario-worker"
 * @param base the caller's `import.meta.url`
 * @example spawnModuleWorker("event-study-worker", import.meta.url)
 */
export function spawnModuleWorker(name: string, base: string): Worker {
  const js = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL(`./${name}.ts`, base);
  // Running from sources: tsx (a dev dependency) registers its loader inside the worker first. Its ESM
  // entry is found through its package.json (its CommonJS entry cannot register from an eval worker).
  const require = createRequire(base);
  const pkg = require.resolve("tsx/package.json");
  const entry = (require("tsx/package.json") as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  const tsx = pathToFileURL(join(dirname(pkg), entry)).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`, { eval: true });
}
