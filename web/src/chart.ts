import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { h } from "./dom.js";

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
const live = new Set<echarts.ECharts>();

/**
 * A chart in a new box. Canvas rendering and canvas tooltips (renderMode richText) keep it within the strict CSP:
 * no inline style attributes, no HTML strings.
 */
export function chart(option: ChartOption, testId: string, height = 340): HTMLDivElement {
  const box = h("div", { class: "chart", "data-testid": testId, role: "img" });
  box.style.height = `${height}px`;
  requestAnimationFrame(() => {
    const c = echarts.init(box, undefined, { renderer: "canvas" });
    live.add(c);
    c.setOption({ animation: false, textStyle: { fontFamily: "system-ui, sans-serif" }, tooltip: { renderMode: "richText", trigger: "axis" }, ...option });
    box.dataset.ready = "1";
  });
  return box;
}

/** Frees charts whose boxes left the page. */
export function disposeDetached(): void {
  for (const c of live) {
    if (!c.getDom().isConnected) {
      c.dispose();
      live.delete(c);
    }
  }
}

addEventListener("resize", () => {
  for (const c of live) c.resize();
});
