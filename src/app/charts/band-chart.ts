import * as echarts from "echarts";
import { stableSvg } from "./_stable-svg.js";

export interface BandChartInput {
  title: string;
  subtitle?: string;
  /** Session dates (ISO) and the multiple on each (null when n.m.). */
  dates: readonly string[];
  values: readonly (number | null)[];
  /** Mean and standard deviation of the history. */
  mean: number;
  sd: number;
  /** Series name of the multiple, e.g. "Trailing P/E". */
  seriesName: string;
  /** Names of the lines: mean, ±1 sd, ±2 sd. */
  labels?: { mean: string; sd1: string; sd2: string };
  width?: number;
  height?: number;
}

/**
 * A multiple's history with its mean and ±1 / ±2 standard-deviation bands, as an SVG string (server-side ECharts).
 * Pure: the same input gives the same SVG. n.m. days are gaps in the line.
 *
 * @param input - dates, values (x), mean and sd, names.
 * @returns the SVG document.
 * @example renderBandChartSvg({ title: "9988.HK trailing P/E", dates, values, mean: 8.8, sd: 2.2, seriesName: "P/E" })
 */
export function renderBandChartSvg(input: BandChartInput): string {
  const labels = input.labels ?? { mean: "mean", sd1: "±1 sd", sd2: "±2 sd" };
  const flat = (y: number) => input.dates.map(() => Number(y.toFixed(4)));
  const { mean, sd } = input;
  const line = (name: string, y: number, color: string, type: "solid" | "dashed" | "dotted") => ({
    name, type: "line", data: flat(y), symbol: "none", lineStyle: { color, width: 1, type }, itemStyle: { color }, silent: true,
  });
  const finite = input.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(mean - 2 * sd, ...finite);
  const hi = Math.max(mean + 2 * sd, ...finite);
  const pad = (hi - lo) * 0.05 || 1;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: input.width ?? 900, height: input.height ?? 420 });
  try {
    chart.setOption({
      animation: false,
      title: { text: input.title, ...(input.subtitle ? { subtext: input.subtitle } : {}), left: "center" },
      legend: { bottom: 0, data: [input.seriesName, labels.mean, labels.sd1, labels.sd2] },
      grid: { left: 60, right: 30, top: input.subtitle ? 80 : 60, bottom: 70 },
      xAxis: { type: "category", data: [...input.dates], boundaryGap: false },
      yAxis: { type: "value", min: Number((lo - pad).toFixed(2)), max: Number((hi + pad).toFixed(2)), axisLabel: { formatter: (v: number) => `${v.toFixed(1)}x` } },
      series: [
        line(labels.sd2, mean + 2 * sd, "#c62828", "dotted"),
        line(labels.sd1, mean + sd, "#ef6c00", "dashed"),
        line(labels.mean, mean, "#455a64", "solid"),
        { ...line(labels.sd1, mean - sd, "#ef6c00", "dashed") },
        { ...line(labels.sd2, mean - 2 * sd, "#c62828", "dotted") },
        {
          name: input.seriesName, type: "line", data: input.values.map((v) => (v === null ? "-" : Number(v.toFixed(4)))), symbol: "none",
          connectNulls: false, lineStyle: { color: "#1565c0", width: 1.5 }, itemStyle: { color: "#1565c0" },
        },
      ],
    });
    return stableSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
