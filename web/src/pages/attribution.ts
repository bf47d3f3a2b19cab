import { getJson } from "../api.js";
import { chart } from "../chart.js";
import { field, h, mount, select, sortableTable } from "../dom.js";
import { fmtMultiple, fmtPercent, t, type Key } from "../i18n.js";
import { errorBox, loading, type Page, redraw } from "./_shared.js";

interface Report {
  from: string; to: string; currency: string; synthetic: boolean;
  rows: { security: string; result: { nm?: string; simple?: Record<string, number>; simpleReturn?: number; peFrom?: number; peTo?: number } }[];
  waterfall: { part: "earnings" | "multiple" | "fx" | "dividends"; value: number }[] | null;
  notes: string[];
}

const state = { symbols: "@china", from: "2025-01-02", to: "2025-10-31", basis: "trailing", report: undefined as Report | undefined, error: undefined as unknown, busy: false };

async function load(): Promise<void> {
  state.busy = true;
  state.error = undefined;
  redraw(attributionPage);
  try {
    state.report = await getJson<Report>("/api/attribution", { symbols: state.symbols, from: state.from, to: state.to, basis: state.basis });
  } catch (e) {
    state.error = e;
    state.report = undefined;
  }
  state.busy = false;
  redraw(attributionPage);
}

function render(root: HTMLElement): void {
  if (state.report === undefined && state.error === undefined && !state.busy) {
    void load();
    return;
  }
  const symbols = h("input", { name: "symbols", value: state.symbols, size: 28 });
  const from = h("input", { type: "date", name: "from", value: state.from });
  const to = h("input", { type: "date", name: "to", value: state.to });
  const form = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    Object.assign(state, { symbols: symbols.value, from: from.value, to: to.value });
    void load();
  } },
    field(t("dash.attr.symbols"), symbols), field(t("dash.attr.from"), from), field(t("dash.attr.to"), to),
    field(t("dash.attr.basis"), select("basis", [["trailing", "trailing"], ["forward", "forward"]], state.basis, (v) => (state.basis = v))),
    h("button", { type: "submit" }, t("dash.update")));
  mount(root, h("h1", {}, t("dash.nav.attribution")), form,
    state.busy ? loading() : null,
    state.error !== undefined ? errorBox(state.error) : null,
    state.report && !state.busy ? body(state.report) : null);
}

function body(r: Report): HTMLElement {
  const parts = ["earnings", "multiple", "fx", "dividends"] as const;
  const label = (p: string) => t(`dash.attr.${p}` as Key);
  let waterfall: HTMLElement;
  if (r.waterfall) {
    // A waterfall: an invisible base bar lifts each step to where the previous ones left off.
    let run = 0;
    const base: number[] = [];
    const up: (number | null)[] = [];
    const down: (number | null)[] = [];
    for (const s of r.waterfall) {
      base.push(s.value >= 0 ? run : run + s.value);
      up.push(s.value >= 0 ? s.value : null);
      down.push(s.value < 0 ? -s.value : null);
      run += s.value;
    }
    base.push(Math.min(0, run));
    up.push(run >= 0 ? run : null);
    down.push(run < 0 ? -run : null);
    waterfall = chart({
      tooltip: { renderMode: "richText", trigger: "item" },
      grid: { left: 60, right: 20, top: 20, bottom: 30 },
      xAxis: { type: "category", data: [...r.waterfall.map((s) => label(s.part)), label("total")] },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        { type: "bar", stack: "w", data: base, itemStyle: { color: "transparent" }, tooltip: { show: false } },
        { name: "+", type: "bar", stack: "w", data: up, itemStyle: { color: "#2e7d32" } },
        { name: "−", type: "bar", stack: "w", data: down, itemStyle: { color: "#c62828" } },
      ],
    }, "waterfall");
  } else waterfall = h("p", { class: "muted" }, t("dash.attr.none"));
  const table = sortableTable(
    [t("dash.col.security"), ...parts.map(label), t("dash.attr.total"), t("dash.attr.peFrom"), t("dash.attr.peTo")],
    r.rows.map((row) => {
      const s = row.result.simple;
      const vals = parts.map((p) => (row.result.nm ? undefined : s?.[p]));
      return {
        cells: [row.security, ...vals.map((v) => fmtPercent(v, true)), fmtPercent(row.result.simpleReturn, true), fmtMultiple(row.result.peFrom), fmtMultiple(row.result.peTo)],
        keys: [row.security, ...vals, row.result.simpleReturn, row.result.peFrom, row.result.peTo],
      };
    }),
    "attribution-table",
  );
  return h("div", {}, h("h2", {}, `${t("dash.attr.waterfall")} · ${r.from} → ${r.to} (${r.currency})`), waterfall, table,
    r.notes.length ? h("ul", { class: "muted" }, r.notes.map((n) => h("li", {}, n))) : null);
}

export const attributionPage: Page = { render };
