import * as echarts from "echarts";
import { localized, t } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import { metricLabel } from "./comps-display.js";
import type { Wall } from "./wall.js";

/**
 * The wall's history as an SVG line chart (ECharts server-side rendering, no browser): the gap A/B − 1 in percent
 * on each history date, with today's point and the period's median marked. Deterministic: the same wall gives the
 * same SVG.
 * @returns SVG text, or an empty chart with a title when the wall has no history.
 */
export function wallChartSvg(w: Wall, lang: Lang, size: { width: number; height: number } = { width: 900, height: 420 }): string {
  const points = w.history?.points ?? [];
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      title: {
        text: `${localized(w.a.name, lang)} / ${localized(w.b.name, lang)} − 1 (${metricLabel(w.metric, lang)}, ${t(lang, `comps.stat.${w.statistic}`)})`,
        subtext: w.synthetic ? t(lang, "synthetic.banner") : `${w.history?.from ?? ""} – ${w.history?.to ?? ""}`,
        left: "center",
        textStyle: { fontSize: 14 },
        subtextStyle: { fontSize: 10 },
      },
      grid: { left: 60, right: 30, top: 70, bottom: 40 },
      xAxis: { type: "category", data: points.map((p) => p.date), axisLabel: { fontSize: 10 } },
      yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      series: [{
        type: "line",
        showSymbol: false,
        data: points.map((p) => (p.discount === undefined ? null : Number((100 * p.discount).toFixed(3)))),
        markLine: w.history?.medianDiscount !== undefined ? { symbol: "none", data: [{ yAxis: Number((100 * w.history.medianDiscount).toFixed(3)), name: "median" }], label: { formatter: "median {c}%" } } : undefined,
        markPoint: w.history?.current?.discount !== undefined ? {
          data: [{ coord: [points.length - 1, Number((100 * w.history.current.discount).toFixed(3))], value: `${(100 * w.history.current.discount).toFixed(1)}% (p${(w.history.percentile ?? 0).toFixed(0)})` }],
          symbolSize: 44,
          label: { fontSize: 9 },
        } : undefined,
      }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
