import { getJson } from "../api.js";
import { chart } from "../chart.js";
import { field, h, mount, select, sortableTable } from "../dom.js";
import { EVENTS_MESSAGES } from "../../../src/i18n/messages-events.js";
import { fmtNumber, fmtP, fmtPercent, lang, local, t } from "../i18n.js";
import { errorBox, loading, type Page, redraw, view } from "./_shared.js";

interface StoredEvent { id: string; timestamp: string; title: unknown; securities: string[]; tags: string[] }
interface Study {
  synthetic: boolean; confidence: number;
  aggregates: { from: number; to: number; n: number; caar: number | null; tests: Record<string, number | null>; p: Record<string, number | null> }[];
  path: { day: number; n: number; caar: number; lower?: number; upper?: number }[];
  observations: { security: string; event: string; day0?: string; status: string; reason?: string; windows: { from: number; to: number; car: number | null; t: number | null; p: number | null }[] }[];
  warnings: string[];
}

const TESTS = ["csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ"] as const;
const testName = (k: (typeof TESTS)[number]) => EVENTS_MESSAGES[`events.test.${k}`][lang()];

const state = {
  events: undefined as StoredEvent[] | undefined,
  selected: new Set<string>(["h20-halt-2025-08-21"]),
  securities: "", windows: "0:1,-1:1,0:5", model: "market",
  study: undefined as Study | undefined, error: undefined as unknown, busy: false,
};

const win = (a: { from: number; to: number }) => `${a.from > 0 ? "+" : ""}${a.from}…${a.to > 0 ? "+" : ""}${a.to}`;

async function run(): Promise<void> {
  state.busy = true;
  state.error = undefined;
  redraw(eventsPage);
  try {
    if (state.selected.size === 0) throw new Error(t("dash.events.noneSelected"));
    state.study = await getJson<Study>("/api/event-study", { events: [...state.selected].join(","), securities: state.securities.trim() || undefined, windows: state.windows, model: state.model });
  } catch (e) {
    state.error = e;
    state.study = undefined;
  }
  state.busy = false;
  redraw(eventsPage);
}

function render(root: HTMLElement): void {
  if (state.events === undefined) {
    mount(root, h("h1", {}, t("dash.nav.events")), loading());
    getJson<StoredEvent[]>("/api/events").then((ev) => { state.events = ev; redraw(eventsPage); }, (e: unknown) => void (view.active === eventsPage && mount(root, errorBox(e))));
    return;
  }
  const list = h("fieldset", { class: "events", "data-testid": "event-list" }, h("legend", {}, t("dash.events.pick")),
    state.events.map((e) => {
      const box = h("input", { type: "checkbox", name: "event", value: e.id, checked: state.selected.has(e.id) });
      box.addEventListener("change", () => (box.checked ? state.selected.add(e.id) : state.selected.delete(e.id)));
      return h("label", { class: "event" }, box, h("span", { class: "date" }, e.timestamp.slice(0, 10)), " ", local(e.title), h("span", { class: "muted" }, ` (${e.securities.join(", ")})`));
    }));
  const secs = h("input", { name: "securities", value: state.securities, size: 36, placeholder: "0981.HK, 1347.HK, @china" });
  const wins = h("input", { name: "windows", value: state.windows, size: 18 });
  const form = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    state.securities = secs.value;
    state.windows = wins.value;
    void run();
  } },
    list,
    field(t("dash.events.securities"), secs), field(t("dash.events.windows"), wins),
    field(t("dash.events.model"), select("model", [["market", "market"], ["market-adjusted", "market-adjusted"], ["mean-adjusted", "mean-adjusted"]], state.model, (v) => (state.model = v))),
    h("button", { type: "submit", "data-testid": "run-study" }, t("dash.run")));
  mount(root, h("h1", {}, t("dash.nav.events")), form,
    state.busy ? loading() : null,
    state.error !== undefined ? errorBox(state.error) : null,
    state.study !== undefined && !state.busy ? results(state.study) : null);
}

function results(s: Study): HTMLElement {
  const p = s.path;
  const car = chart({
    grid: { left: 60, right: 20, top: 20, bottom: 30 },
    xAxis: { type: "category", data: p.map((x) => String(x.day)), name: "day" },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(0)}%` } },
    series: [
      { name: "lower", type: "line", data: p.map((x) => x.lower ?? null), lineStyle: { opacity: 0 }, showSymbol: false, stack: "band", stackStrategy: "all" },
      { name: "band", type: "line", data: p.map((x) => (x.upper !== undefined && x.lower !== undefined ? x.upper - x.lower : null)), lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, showSymbol: false, stack: "band", stackStrategy: "all" },
      { name: "CAAR", type: "line", data: p.map((x) => x.caar), markLine: { symbol: "none", data: [{ xAxis: "0" }], lineStyle: { type: "dashed" } } },
    ],
  }, "car-chart");
  const tests = h("table", { class: "data", "data-testid": "tests-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("dash.events.window")), s.aggregates.map((a) => h("th", { class: "num" }, `${win(a)} (n=${a.n})`)))),
    h("tbody", {},
      h("tr", {}, h("td", {}, "CAAR"), s.aggregates.map((a) => h("td", { class: "num" }, fmtPercent(a.caar, true, 2)))),
      TESTS.map((k) => h("tr", {}, h("td", {}, testName(k)), s.aggregates.map((a) => h("td", { class: "num" }, a.tests[k] == null ? "–" : `${fmtNumber(a.tests[k])} (p ${fmtP(a.p[k])})`))))));
  const first = s.aggregates.map((a) => ({ from: a.from, to: a.to }));
  const obs = sortableTable(
    [t("dash.col.security"), t("dash.col.event"), t("dash.col.day0"), ...first.map((w) => `CAR ${win(w)}`)],
    s.observations.map((o) => {
      const cars = first.map((w) => o.windows.find((x) => x.from === w.from && x.to === w.to)?.car ?? undefined);
      return { cells: [o.security, o.event, o.day0 ?? o.reason ?? "", ...cars.map((c) => fmtPercent(c, true, 2))], keys: [o.security, o.event, o.day0, ...cars] };
    }),
    "observations-table",
  );
  return h("div", {},
    h("h2", {}, t("dash.events.car", { level: fmtPercent(s.confidence, false, 0) })), car,
    h("h2", {}, t("dash.events.tests")), tests,
    h("h2", {}, t("dash.events.observations")), obs,
    s.warnings.length ? h("ul", { class: "muted" }, s.warnings.map((w) => h("li", {}, w))) : null);
}

export const eventsPage: Page = { render };
