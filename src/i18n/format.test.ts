import { describe, expect, it } from "vitest";
import { formatAmount, formatMultiple, formatPercent, formatPoints, formatPrice } from "./format.js";

describe("formatters", () => {
  it("formatMultiple(x) prints one decimal and an x, n.m. when undefined", () => {
    expect(formatMultiple(15.24)).toBe("15.2x");
    expect(formatMultiple(22)).toBe("22.0x");
    expect(formatMultiple(undefined)).toBe("n.m.");
    expect(formatMultiple(undefined, "zh-Hans")).toBe("不适用");
    expect(formatMultiple(undefined, "zh-Hant")).toBe("不適用");
  });
  it("formatPercent(x) uses a true minus sign: −31.4%", () => {
    expect(formatPercent(-0.314)).toBe("\u221231.4%");
    expect(formatPercent(0.12, { sign: true })).toBe("+12.0%");
    expect(formatPercent(0.5)).toBe("50.0%");
  });
  it("formatAmount(380e9, CNY) reads RMB 380.0bn in English and 3,800億元 / 3,800亿元 in Chinese", () => {
    // 380e9 / 1e8 = 3800 (億)
    expect(formatAmount(380e9, "CNY", "en")).toBe("RMB 380.0bn");
    expect(formatAmount(380e9, "CNY", "zh-Hant")).toBe("3,800億元");
    expect(formatAmount(380e9, "CNY", "zh-Hans")).toBe("3,800亿元");
    expect(formatAmount(-2.5e12, "USD", "en")).toBe("\u2212USD 2.5tn");
  });
  it("formatPrice and formatPoints", () => {
    expect(formatPrice(174, "HKD")).toBe("HKD 174.00");
    expect(formatPoints(2.123)).toBe("2.1 pts");
    expect(formatPoints(-1.0, "zh-Hans")).toBe("\u22121.0 个百分点");
  });
});
