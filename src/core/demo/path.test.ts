import { describe, expect, it } from "vitest";
import { clipDailyLimit, createProcessPath } from "./path.js";
import { addBridgeDrift, sessionLogReturn, setSessionLogReturn } from "./session-return.js";

describe("sessionLogReturn / setSessionLogReturn", () => {
  it("sums the half-steps since the previous close plus the offset change", () => {
    const inc = Float64Array.from([0.01, 0.02, -0.01, 0.03, 0.005, 0]);
    const ends = Int32Array.from([1, 3, 5]); // US-style closes at odd half-steps
    // session 1 covers half-steps 2 and 3: −0.01 + 0.03 = 0.02
    expect(sessionLogReturn(inc, ends, undefined, 1)).toBeCloseTo(0.02, 15);
    expect(sessionLogReturn(inc, ends, Float64Array.from([0, 0.1, 0.1]), 1)).toBeCloseTo(0.12, 15);
    setSessionLogReturn(inc, ends, undefined, 1, Math.log(1.1));
    expect(sessionLogReturn(inc, ends, undefined, 1)).toBeCloseTo(Math.log(1.1), 15);
    expect(inc[2]).toBe(-0.01); // only the closing half-step changes
  });

  it("addBridgeDrift moves the sum over the window to its target, leaving frozen steps alone", () => {
    const inc = Float64Array.from([0, 0.01, 0.02, 0.03, 0.04]);
    addBridgeDrift(inc, 0, 4, 0.2, new Set([2]));
    expect(inc[1]! + inc[2]! + inc[3]! + inc[4]!).toBeCloseTo(0.2, 15);
    expect(inc[2]).toBe(0.02);
  });

  it("clipDailyLimit caps each return at ±limit", () => {
    const log = Float64Array.from([0, Math.log(1.3), Math.log(1.3 * 0.95)]);
    clipDailyLimit(log, 0.2);
    expect(Math.exp(log[1]! - log[0]!)).toBeCloseTo(1.2, 12);
    expect(Math.exp(log[2]! - log[1]!)).toBeCloseTo(0.95, 12);
  });
});

describe("createProcessPath(input)", () => {
  const increments = Float64Array.from({ length: 40 }, (_, k) => 0.01 * Math.sin(k));
  const primary = { id: "HK", ends: Int32Array.from({ length: 20 }, (_, i) => 2 * i), shocks: [{ session: 10, logReturn: Math.log(1.2) }] };
  const adr = { id: "ADR", ends: Int32Array.from({ length: 20 }, (_, i) => 2 * i + 1), offsets: new Float64Array(20).fill(Math.log(2)), shocks: [] };

  it("hits the last price exactly, the first approximately, and the shock exactly", () => {
    const closes = createProcessPath({ increments, primary, others: [adr], firstPrice: 50, lastPrice: 80 });
    const hk = closes.get("HK")!;
    expect(hk[19]).toBeCloseTo(80, 10);
    expect(hk[0]! / 50).toBeGreaterThan(0.97);
    expect(hk[0]! / 50).toBeLessThan(1.03);
    expect(hk[10]! / hk[9]!).toBeCloseTo(1.2, 12);
    // the ADR sees the process half a day later, at twice the price (its offset is ln 2)
    const a = closes.get("ADR")!;
    expect(a[10]! / (2 * hk[10]!)).toBeCloseTo(Math.exp(increments[21]!), 1);
    expect(increments[20]).toBe(0.01 * Math.sin(20)); // input untouched
  });
});
