/**
 * The library entry as a user imports it (`import … from "rerate"`: the package's own name, resolved through
 * its "exports" to the built dist/; `npm test` builds first): the README's example, and an event study on worker
 * threads through the exported runner.
 */
import { describe, expect, it } from "vitest";

describe('import … from "rerate"', () => {
  it("runs the README's example: the demo's trailing P/E discount of China tech to US tech", async () => {
    const { openStore, loadDemo, computeComps, DEMO_GROUPS } = await import("rerate");
    const store = await openStore(":memory:");
    await loadDemo(store, "2026-01-01T00:00:00Z");
    const comps = await computeComps(store, { groups: DEMO_GROUPS });
    const discount = comps.gap.trailingPE.median?.discount;
    expect(discount).toBeLessThan(-0.2); // the calibrated ~15x vs ~22x wall
    expect(discount).toBeGreaterThan(-0.45);
    expect(comps.synthetic).toBe(true);
    store.close();
  });

  it("exports the event study: core, store-backed, and on worker threads", async () => {
    const lib = await import("rerate");
    expect(typeof lib.computeEventStudy).toBe("function");
    expect(typeof lib.events.runEventStudy).toBe("function");
    expect(lib.eventStudyThreads(lib.PARALLEL_MIN_OBSERVATIONS - 1)).toBe(1);
    await lib.closeEventStudyWorkers();
  });
});
