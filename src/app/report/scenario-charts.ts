import * as echarts from "echarts";
import type { Histogram, TornadoResult } from "../../core/scenario/index.js";
import { stableSvg } from "../charts/_stable-svg.js";

const render = (option: Record<string, unknown>, width: number, height: number): string => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return stableSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
};

/**
 * A Monte Carlo histogram as SVG (server-side ECharts): one bar per bin, labelled by its midpoint, with the
 * threshold's bin marked. Pure: the same histogram gives the same SVG.
 *
 * @param h - edges and counts (see summarizeSeries).
 * @param o - title, axis unit, optional threshold and a label formatter for bin midpoints.
 * @returns the SVG document.
 * @example renderHistogramSvg(stats.histogram, { title: "Domestic revenue", unit: "RMB bn", threshold: 300 })
 */
export function renderHistogramSvg(h: Histogram, o: { title: string; subtitle?: string; unit: string; threshold?: number; format?: (x: number) => string; width?: number; height?: number }): string {
  const fmt = o.format ?? ((x: number) => x.toFixed(0));
  const mids = h.counts.map((_, k) => (h.edges[k]! + h.edges[k + 1]!) / 2);
  const total = h.counts.reduce((s, c) => s + c, 0) + h.below + h.above;
  const share = h.counts.map((c) => Number(((100 * c) / Math.max(total, 1)).toFixed(3)));
  const above = (k: number) => o.threshold !== undefined && h.edges[k]! >= o.threshold;
  return render({
    title: { text: o.title, subtext: o.subtitle ?? "", left: "center", textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 10 } },
    grid: { left: 60, right: 30, top: 70, bottom: 50 },
    xAxis: { type: "category", data: mids.map(fmt), name: o.unit, nameLocation: "middle", nameGap: 30, axisLabel: { fontSize: 9 } },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [{ type: "bar", barCategoryGap: "5%", data: share.map((v, k) => ({ value: v, itemStyle: { color: above(k) ? "#2e7d32" : "#607d8b" } })) }],
  }, o.width ?? 900, o.height ?? 380);
}

/**
 * A tornado chart as SVG: for each driver (widest swing on top) a bar from the output at its low setting to the output
 * at its high setting, around the base value. Pure.
 *
 * @param r - the tornado (see runTornado).
 * @param o - title and a value formatter.
 * @returns the SVG document.
 * @example renderTornadoSvg(tornadoScenarioModel(model), { title: "Domestic revenue" })
 */
export function renderTornadoSvg(r: TornadoResult, o: { title: string; subtitle?: string; format?: (x: number) => string; width?: number; height?: number; maxBars?: number }): string {
  const bars = r.bars.slice(0, o.maxBars ?? 10).reverse();
  const round = (x: number) => Number(x.toFixed(4));
  const lows = bars.map((b) => Math.min(b.outputLow, b.outputHigh));
  const highs = bars.map((b) => Math.max(b.outputLow, b.outputHigh));
  return render({
    title: { text: o.title, subtext: o.subtitle ?? "", left: "center", textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 10 } },
    grid: { left: 160, right: 40, top: 70, bottom: 40 },
    xAxis: { type: "value", scale: true },
    yAxis: { type: "category", data: bars.map((b) => b.driver), axisLabel: { fontSize: 10 } },
    series: [
      { type: "bar", stack: "t", data: lows.map(round), itemStyle: { color: "transparent" }, silent: true },
      {
        type: "bar", stack: "t", data: highs.map((h, k) => round(h - lows[k]!)), itemStyle: { color: "#1565c0" },
        markLine: { symbol: "none", data: [{ xAxis: round(r.base) }], lineStyle: { color: "#37474f", type: "dashed" }, label: { formatter: o.format ? o.format(r.base) : String(round(r.base)) } },
      },
    ],
  }, o.width ?? 900, o.height ?? Math.max(260, 90 + 28 * bars.length));
}
