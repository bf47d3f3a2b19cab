import * as echarts from "echarts";
import { stableSvg } from "./_stable-svg.js";

/** One bar of a waterfall: a signed contribution. */
export interface WaterfallStep {
  label: string;
  value: number;
}

export interface WaterfallChartInput {
  title: string;
  subtitle?: string;
  steps: readonly WaterfallStep[];
  /** Label of the closing bar (the sum of the steps). */
  totalLabel: string;
  /** How values print on the bars and axis; default percent with one decimal (0.123 → +12.3%). */
  format?: (x: number) => string;
  width?: number;
  height?: number;
}

const UP = "#2e7d32";
const DOWN = "#c62828";
const TOTAL = "#37474f";

const percent = (x: number) => `${x >= 0 ? "+" : "\u2212"}${Math.abs(x * 100).toFixed(1)}%`;

/**
 * A waterfall chart as an SVG string (server-side ECharts, no DOM): each step a floating bar from the running sum
 * before it to the running sum after it (green up, red down), then a total bar from zero. Pure: the same input
 * gives the same SVG.
 *
 * @param input - title, steps (e.g. earnings, multiple, FX, dividends as simple-return contributions), total label.
 * @returns the SVG document.
 * @example renderWaterfallSvg({ title: "BABA", steps: [{ label: "Earnings", value: 0.15 }, { label: "Multiple", value: 0.4 }], totalLabel: "Total" })
 */
export function renderWaterfallSvg(input: WaterfallChartInput): string {
  const format = input.format ?? percent;
  const bars: { low: number; high: number; value: number; color: string }[] = [];
  let running = 0;
  for (const s of input.steps) {
    const next = running + s.value;
    bars.push({ low: Math.min(running, next), high: Math.max(running, next), value: s.value, color: s.value >= 0 ? UP : DOWN });
    running = next;
  }
  bars.push({ low: Math.min(0, running), high: Math.max(0, running), value: running, color: TOTAL });
  const labels = [...input.steps.map((s) => s.label), input.totalLabel];
  const lo = Math.min(0, ...bars.map((b) => b.low));
  const hi = Math.max(0, ...bars.map((b) => b.high));
  const pad = (hi - lo) * 0.12 || 0.01;

  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: input.width ?? 720, height: input.height ?? 420 });
  try {
    chart.setOption({
      animation: false,
      title: { text: input.title, ...(input.subtitle ? { subtext: input.subtitle } : {}), left: "center" },
      grid: { left: 70, right: 30, top: input.subtitle ? 80 : 60, bottom: 50 },
      xAxis: { type: "category", data: labels, axisTick: { show: false } },
      yAxis: { type: "value", min: lo - pad, max: hi + pad, axisLabel: { formatter: (v: number) => format(v) }, splitLine: { lineStyle: { type: "dashed" } } },
      series: [
        {
          type: "custom",
          data: bars.map((b, i) => [i, b.low, b.high, b.value]),
          renderItem: (params: { dataIndex: number }, api: { coord: (p: number[]) => number[]; size: (p: number[]) => number[] }) => {
            const b = bars[params.dataIndex]!;
            const [x, yHigh] = api.coord([params.dataIndex, b.high]) as [number, number];
            const [, yLow] = api.coord([params.dataIndex, b.low]) as [number, number];
            const width = (api.size([1, 0])[0] ?? 40) * 0.6;
            return {
              type: "group",
              children: [
                { type: "rect", shape: { x: x - width / 2, y: yHigh, width, height: Math.max(1, yLow - yHigh) }, style: { fill: b.color } },
                {
                  type: "text",
                  style: { text: format(b.value), x, y: b.value >= 0 ? yHigh - 4 : yLow + 4, align: "center", verticalAlign: b.value >= 0 ? "bottom" : "top", fill: "#222", fontSize: 12 },
                },
              ],
            };
          },
        },
      ],
    });
    return stableSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
