import { getJson } from "../api.js";
import { chart } from "../chart.js";
import { field, h, mount, select, sortableTable } from "../dom.js";
import { fmtMultiple, fmtNumber, fmtPercent, local, nmLabel, t, type Key } from "../i18n.js";
import { errorBox, loading, type Page, redraw } from "./_shared.js";

interface Multiple { value?: number; nm?: string; message?: string }
interface Wall {
  asOf: string; metric: string; statistic: string; synthetic: boolean;
  a: { id: string; name: unknown }; b: { id: string; name: unknown };
  comps: {
    metrics: string[];
    rows: { group: string; security: { id: string; name: unknown; currency: string }; multiples: Record<string, Multiple>; marketCap?: Multiple }[];
    aggregates: Record<string, Record<string, Record<string, number | undefined> | undefined>>;
  };
  gaps: Record<string, Record<string, { discount?: number } | undefined> | undefined>;
  closing: { id: string; currency: string; price: number; multiple?: number; target?: number }[];
  history?: { points: { date: string; a?: number; b?: number; discount?: number }[]; percentile?: number };
}

const METRICS = ["forwardPENtm", "trailingPE", "forwardPEFy1", "evToEbitda", "priceToSales"] as const;
const STATS = ["median", "harmonicMean", "capWeighted", "mean"] as const;

const state = { a: "@china", b: "@us", metric: "forwardPENtm", stat: "median", close: 0.5, wall: undefined as Wall | undefined, error: undefined as unknown, busy: false };

const metricLabel = (m: string) => (METRICS as readonly string[]).includes(m) ? t(`dash.metric.${m}` as Key) : m;

async function load(): Promise<void> {
  state.busy = true;
  state.error = undefined;
  redraw(compsPage);
  try {
    state.wall = await getJson<Wall>("/api/wall", { a: state.a, b: state.b, metric: state.metric, stat: state.stat, history: "2024-01-01:", every: "week" });
  } catch (e) {
    state.error = e;
  }
  state.busy = false;
  redraw(compsPage);
}

function render(root: HTMLElement): void {
  if (state.wall === undefined && state.error === undefined && !state.busy) {
    void load();
    return;
  }
  const a = h("input", { name: "a", value: state.a, size: 28 });
  const b = h("input", { name: "b", value: state.b, size: 28 });
  const form = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    state.a = a.value;
    state.b = b.value;
    void load();
  } },
    field(t("dash.groupA"), a), field(t("dash.groupB"), b),
    field(t("dash.metric"), select("metric", METRICS.map((m) => [m, metricLabel(m)] as const), state.metric, (v) => { state.metric = v; void load(); })),
    field(t("dash.statistic"), select("stat", STATS.map((s) => [s, t(`dash.stat.${s}` as Key)] as const), state.stat, (v) => { state.stat = v; void load(); })),
    h("button", { type: "submit" }, t("dash.update")));
  const w = state.wall;
  mount(root, h("h1", {}, t("dash.nav.comps")), form,
    state.busy ? loading() : null,
    state.error !== undefined ? errorBox(state.error) : null,
    w !== undefined && !state.busy ? body(w) : null);
}

function body(w: Wall): HTMLElement {
  const gap = w.gaps[w.metric]?.[w.statistic]?.discount;
  const va = w.comps.aggregates[w.a.id]?.[w.metric]?.[w.statistic];
  const vb = w.comps.aggregates[w.b.id]?.[w.metric]?.[w.statistic];
  const headline = gap === undefined ? "" : t("dash.gap", {
    a: local(w.a.name) || w.a.id, b: local(w.b.name) || w.b.id, gap: fmtPercent(Math.abs(gap)), side: t(gap < 0 ? "dash.discount" : "dash.premium"),
    metric: metricLabel(w.metric), stat: t(`dash.stat.${w.statistic}` as Key), va: fmtMultiple(va), vb: fmtMultiple(vb),
  });
  const metrics = w.comps.metrics;
  const table = sortableTable(
    [t("dash.col.security"), t("dash.col.name"), t("dash.col.group"), t("dash.col.marketCap"), ...metrics.map(metricLabel)],
    w.comps.rows.map((r) => {
      const cap = r.multiples.marketCapUsd?.value;
      const vals = metrics.map((m) => r.multiples[m]?.value);
      return {
        // n.m. with its reason in words (stale figures, negative earnings, …).
        cells: [r.security.id, local(r.security.name), r.group, fmtNumber(cap === undefined ? undefined : cap / 1e9, 1), ...metrics.map((m, k) => {
          const nm = r.multiples[m]?.nm;
          return vals[k] === undefined && nm !== undefined ? `${fmtMultiple(undefined)} (${nmLabel(nm)})` : fmtMultiple(vals[k]);
        })],
        keys: [r.security.id, local(r.security.name), r.group, cap, ...vals],
      };
    }),
    "comps-table",
  );
  const points = w.history?.points ?? [];
  const history = points.length === 0 ? null : chart({
    legend: { top: 0 },
    grid: { left: 50, right: 60, top: 36, bottom: 30 },
    xAxis: { type: "category", data: points.map((p) => p.date) },
    yAxis: [{ type: "value", name: "x", scale: true }, { type: "value", name: "%", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }],
    series: [
      { name: local(w.a.name) || "A", type: "line", showSymbol: false, data: points.map((p) => p.a ?? null) },
      { name: local(w.b.name) || "B", type: "line", showSymbol: false, data: points.map((p) => p.b ?? null) },
      { name: t("dash.discount"), type: "line", yAxisIndex: 1, showSymbol: false, lineStyle: { type: "dashed" }, data: points.map((p) => p.discount ?? null) },
    ],
  }, "gap-chart");
  const closingBox = h("div", { "data-testid": "closing" });
  const slider = h("input", { type: "range", min: 0, max: 1, step: 0.05, value: state.close, name: "close", "aria-label": t("dash.closing") });
  const drawClosing = () => {
    state.close = Number(slider.value);
    mount(closingBox, h("p", {}, t("dash.closeFraction", { x: fmtPercent(state.close, false, 0) })),
      sortableTable([t("dash.col.security"), t("dash.col.price"), metricLabel(w.metric), `${metricLabel(w.metric)} → ${fmtPercent(state.close, false, 0)}`, t("dash.col.implied"), t("dash.col.upside")],
        w.closing.map((c) => {
          // Same arithmetic as the server's closing scenarios: the multiple moves `close` of the way to B's aggregate.
          const m = c.multiple !== undefined && c.target !== undefined ? c.multiple + state.close * (c.target - c.multiple) : undefined;
          const price = m !== undefined && c.multiple ? c.price * (m / c.multiple) : undefined;
          const up = price !== undefined ? price / c.price - 1 : undefined;
          return {
            cells: [c.id, `${c.currency} ${fmtNumber(c.price)}`, fmtMultiple(c.multiple), fmtMultiple(m), price === undefined ? "n.m." : `${c.currency} ${fmtNumber(price)}`, fmtPercent(up, true)],
            keys: [c.id, c.price, c.multiple, m, price, up],
          };
        }), "closing-table"));
  };
  slider.addEventListener("input", drawClosing);
  drawClosing();
  return h("div", {},
    h("p", { class: "headline", "data-testid": "gap-headline" }, headline, " ", h("span", { class: "muted" }, `${t("dash.asOf")} ${w.asOf}`)),
    table,
    h("h2", {}, t("dash.history")),
    w.history?.percentile !== undefined ? h("p", { class: "muted" }, t("dash.historyPercentile", { p: Math.round(w.history.percentile) })) : null,
    history,
    h("h2", {}, t("dash.closing")), slider, closingBox);
}

export const compsPage: Page = { render };
