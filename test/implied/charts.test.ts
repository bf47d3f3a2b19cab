import { describe, expect, it } from "vitest";
import { renderBandChartSvg } from "../../src/app/charts/band-chart.js";
import { renderWaterfallSvg } from "../../src/app/charts/waterfall.js";

const waterfall = () =>
  renderWaterfallSvg({
    title: "China platforms: 2025-01-02 → 2025-10-31 (USD)",
    steps: [{ label: "Earnings", value: 0.129 }, { label: "Multiple", value: 0.438 }, { label: "FX", value: -0.005 }, { label: "Dividends", value: 0.007 }],
    totalLabel: "Total",
  });

describe("renderWaterfallSvg(input)", () => {
  it("renderWaterfallSvg: same input, same SVG (snapshot)", () => {
    const svg = waterfall();
    expect(svg).toBe(waterfall());
    expect(svg).toMatchSnapshot();
  });

  it("renderWaterfallSvg: one bar per step plus the total, labelled with signed percentages", () => {
    const svg = waterfall();
    expect(svg.match(/fill="#2e7d32"/g)).toHaveLength(3); // three positive steps
    expect(svg.match(/fill="#c62828"/g)).toHaveLength(1); // FX
    expect(svg.match(/fill="#37474f"/g)).toHaveLength(1); // total
    for (const label of ["+12.9%", "+43.8%", "\u22120.5%", "+0.7%", "+56.9%"]) expect(svg).toContain(label);
  });
});

describe("renderBandChartSvg(input)", () => {
  it("renderBandChartSvg: a gap for an n.m. day, five band lines (snapshot)", () => {
    const input = { title: "9988.HK trailing P/E", dates: ["2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30", "2025-10-31"], values: [12, 13, null, 14, 15], mean: 13.5, sd: 1.29, seriesName: "P/E" };
    const svg = renderBandChartSvg(input);
    expect(svg).toBe(renderBandChartSvg(input));
    expect(svg).toMatchSnapshot();
    expect(svg).toContain("±2 sd");
  });
});
