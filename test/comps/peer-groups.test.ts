import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPeerGroupFile, resolveGroupTokens } from "../../src/app/peer-groups.js";
import { SCHEMA_VERSION } from "../../src/store/migrate.js";
import type { Store } from "../../src/store/open.js";
import { deletePeerGroup, getPeerGroup, listPeerGroups, savePeerGroup } from "../../src/store/peer-groups.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let dir: string;
let cleanup: () => void;
beforeAll(async () => ({ store, dir, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const resolve = (tokens: string[]) => resolveGroupTokens(store, tokens, { option: "--a", fallbackId: "a", cwd: dir });

describe("saved peer groups (store)", () => {
  it("the store is at schema version 2 with a peer_groups table", async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const rows = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM peer_groups");
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("savePeerGroup / getPeerGroup / listPeerGroups / deletePeerGroup keep order, names and creation time", async () => {
    expect(await savePeerGroup(store, { id: "asic", name: { en: "ASIC", "zh-Hans": "专用芯片" }, securities: ["AVGO", "MRVL"] }, "2025-10-01T08:00:00.000Z")).toBe(true);
    expect(await savePeerGroup(store, { id: "asic", name: { en: "ASIC makers" }, securities: ["MRVL", "AVGO", "ALCHIP"] }, "2025-10-02T08:00:00.000Z")).toBe(false);
    expect(await getPeerGroup(store, "asic")).toEqual({
      id: "asic", name: { en: "ASIC makers" }, securities: ["MRVL", "AVGO", "ALCHIP"], createdAt: "2025-10-01T08:00:00Z", updatedAt: "2025-10-02T08:00:00Z",
    });
    expect((await listPeerGroups(store)).map((g) => g.id)).toEqual(["asic"]);
    expect(await deletePeerGroup(store, "asic")).toBe(true);
    expect(await deletePeerGroup(store, "asic")).toBe(false);
  });
});

describe("resolveGroupTokens(store, tokens, opts)", () => {
  it("reads symbols (upper-cased, comma or space separated, repeats dropped)", async () => {
    expect(await resolve(["baba,9988.hk", "AMZN", "BABA"])).toEqual({ id: "a", name: { en: "BABA, 9988.HK, AMZN" }, securities: ["BABA", "9988.HK", "AMZN"] });
  });

  it("reads @name: a saved group before a built-in one of the same name", async () => {
    expect(await resolve(["@us"])).toMatchObject({ id: "us", name: { en: "US platforms" }, securities: ["AMZN", "MSFT", "GOOGL", "META", "ORCL"] });
    await savePeerGroup(store, { id: "us", name: { en: "Mine" }, securities: ["AMZN"] }, "2025-10-01T08:00:00.000Z");
    expect(await resolve(["@us"])).toEqual({ id: "us", name: { en: "Mine" }, securities: ["AMZN"] });
    await deletePeerGroup(store, "us");
    // mixed with symbols: an ad-hoc group under the fallback id
    expect(await resolve(["@us", "BABA"])).toMatchObject({ id: "a", securities: ["AMZN", "MSFT", "GOOGL", "META", "ORCL", "BABA"] });
  });

  it("reads group files: YAML, JSON and CSV", async () => {
    const yaml = file("one.yaml", "id: platforms\nname: China platforms\nsecurities: [9988.HK, '0700.HK']\n");
    expect(await resolve([yaml])).toEqual({ id: "platforms", name: { en: "China platforms" }, securities: ["9988.HK", "0700.HK"] });
    const json = file("groups.json", JSON.stringify({ groups: [{ id: "x", securities: ["BABA"] }, { id: "y", name: { en: "Y", "zh-Hant": "乙" }, securities: ["AMZN"] }] }));
    expect(await resolve([`${json}#y`])).toEqual({ id: "y", name: { en: "Y", "zh-Hant": "乙" }, securities: ["AMZN"] });
    const csv = file("peers.csv", "\uFEFFsymbol\nbaba\n9988.HK, AMZN\n# a comment\n");
    expect(await resolve([csv])).toEqual({ id: "peers", name: { en: "peers" }, securities: ["BABA", "9988.HK", "AMZN"] });
    expect(readPeerGroupFile(file("list.yml", "- BABA\n- AMZN\n"))).toEqual([{ id: "list", name: { en: "list" }, securities: ["BABA", "AMZN"] }]);
  });

  it("refuses what it cannot read, naming the file or option and the value", async () => {
    await expect(resolve([])).rejects.toMatchObject({ message: '--a "" names no security; give symbols, @group or a group file' });
    await expect(resolve(["BA BA"])).rejects.toMatchObject({ message: expect.stringContaining('--a "BA BA" is not a symbol') });
    await expect(resolve(["B@D"])).rejects.toMatchObject({ code: "E_INVALID_INPUT", message: expect.stringContaining('--a "B@D" is not a symbol') });
    await expect(resolve(["@nope"])).rejects.toMatchObject({ code: "E_NOT_FOUND", message: expect.stringContaining("known: @china, @us") });
    await expect(resolve([join(dir, "missing.yaml")])).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    const bad = file("bad.yaml", "securities: [BABA, 'not a symbol!']\n");
    await expect(resolve([bad])).rejects.toMatchObject({ code: "E_INVALID_INPUT", message: expect.stringContaining(`${bad}: securities.1`) });
    const broken = file("broken.json", "{ nope");
    await expect(resolve([broken])).rejects.toMatchObject({ message: expect.stringContaining("is not valid JSON") });
    const two = file("two.yaml", "groups:\n  a: [BABA]\n  b: [AMZN]\n");
    await expect(resolve([`${two}#c`])).rejects.toMatchObject({ message: expect.stringContaining('has no group "c" (has a, b)') });
  });
});
