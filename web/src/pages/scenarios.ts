import { getJson, postJson, postNdjson } from "../api.js";
import { chart } from "../chart.js";
import { field, h, mount, select } from "../dom.js";
import { fmtNumber, fmtPercent, local, t } from "../i18n.js";
import { errorBox, loading, type Page, redraw, view } from "./_shared.js";

type Spec = { value?: number; dist?: Record<string, unknown>; byYear?: Record<string, unknown>; range?: [number, number] };
interface Driver extends Spec { unit: string; basis?: string; source?: string; label?: unknown }
interface Model { id: string; title?: unknown; years: number[]; drivers: Record<string, Driver>; scenarios: Record<string, { label?: unknown }>; outputs: (string | { name: string })[]; montecarlo?: { draws?: number; seed?: number } }
interface Series { name: string; year?: number; label: string; unit: string; threshold?: number; stats: { n: number; mean?: number; percentiles: { p: number; value: number }[]; probAbove?: number; histogram?: { edges: number[]; counts: number[] } } }
interface McResult { draws: number; seed: number; series: Series[] }
interface Tornado { base: number; bars: { driver: string; outputLow: number; outputHigh: number; swing: number }[] }

const state = {
  list: undefined as { id: string; title: unknown }[] | undefined,
  id: "", model: undefined as Model | undefined, edits: {} as Record<string, Spec>,
  draws: 20000, seed: 42, scenario: "base", output: "",
  progress: undefined as { done: number; total: number } | undefined,
  result: undefined as McResult | undefined, tornado: undefined as Tornado | undefined, error: undefined as unknown, busy: false,
};

const outputName = (o: string | { name: string }) => (typeof o === "string" ? o : o.name);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The numeric leaves of a driver's value, dist or byYear (not the distribution type), with their paths. */
function leaves(spec: Spec): { path: string[]; value: number }[] {
  const out: { path: string[]; value: number }[] = [];
  const walk = (x: unknown, path: string[]) => {
    if (typeof x === "number") out.push({ path, value: x });
    else if (x !== null && typeof x === "object") for (const [k, v] of Object.entries(x)) if (k !== "type") walk(v, [...path, k]);
  };
  for (const k of ["value", "dist", "byYear"] as const) if (spec[k] !== undefined) walk(spec[k], [k]);
  return out;
}

function setPath(spec: Spec, path: string[], v: number): Spec {
  const next = clone(spec) as Record<string, unknown>;
  let o = next;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[path[path.length - 1]!] = v;
  return next as Spec;
}

async function loadModel(id: string): Promise<void> {
  state.id = id;
  state.model = undefined;
  state.edits = {};
  state.result = undefined;
  state.tornado = undefined;
  try {
    const m = await getJson<Model>(`/api/scenarios/${encodeURIComponent(id)}`);
    state.model = m;
    state.output = outputName(m.outputs[0]!);
    state.draws = Math.min(m.montecarlo?.draws ?? 20000, 20000);
    state.seed = m.montecarlo?.seed ?? 42;
  } catch (e) {
    state.error = e;
  }
  redraw(scenariosPage);
}

async function run(root: HTMLElement): Promise<void> {
  state.busy = true;
  state.error = undefined;
  state.progress = { done: 0, total: state.draws };
  redraw(scenariosPage);
  const body = { draws: state.draws, seed: state.seed, scenario: state.scenario, drivers: state.edits };
  try {
    const tornado = postJson<Tornado>(`/api/scenarios/${encodeURIComponent(state.id)}/tornado`, { scenario: state.scenario, output: state.output, drivers: state.edits });
    await postNdjson(`/api/scenarios/${encodeURIComponent(state.id)}/run`, body, (line) => {
      const l = line as { type: string; done?: number; total?: number; result?: McResult; error?: { message: string; code: string } };
      if (l.type === "progress") {
        state.progress = { done: l.done!, total: l.total! };
        const bar = root.querySelector<HTMLProgressElement>("progress");
        if (bar) bar.value = l.done! / l.total!;
        const label = root.querySelector("[data-testid=progress-label]");
        if (label) label.textContent = t("dash.scen.progress", { done: fmtNumber(l.done!, 0), total: fmtNumber(l.total!, 0) });
      } else if (l.type === "result") state.result = l.result;
      else if (l.type === "error") throw new Error(`${l.error!.message} (${l.error!.code})`);
    });
    state.tornado = await tornado;
  } catch (e) {
    state.error = e;
  }
  state.busy = false;
  redraw(scenariosPage);
}

function render(root: HTMLElement): void {
  if (state.list === undefined) {
    mount(root, h("h1", {}, t("dash.nav.scenarios")), loading());
    getJson<{ id: string; title: unknown }[]>("/api/scenarios").then((l) => {
      state.list = l;
      if (l[0]) void loadModel(l[0].id);
      else redraw(scenariosPage);
    }, (e: unknown) => void (view.active === scenariosPage && mount(root, errorBox(e))));
    return;
  }
  const m = state.model;
  const draws = h("input", { type: "number", name: "draws", min: 1000, max: 1000000, step: 1000, value: state.draws });
  const seed = h("input", { type: "number", name: "seed", min: 0, value: state.seed });
  draws.addEventListener("change", () => (state.draws = Number(draws.value)));
  seed.addEventListener("change", () => (state.seed = Number(seed.value)));
  const controls = h("form", { class: "controls", onsubmit: (e: Event) => { e.preventDefault(); void run(root); } },
    field(t("dash.scen.model"), select("model", state.list.map((x) => [x.id, local(x.title) || x.id] as const), state.id, (v) => void loadModel(v))),
    m ? field(t("dash.scen.scenario"), select("scenario", [["base", "base"], ...Object.entries(m.scenarios).map(([k, s]) => [k, `${k}: ${local(s.label)}`] as const)], state.scenario, (v) => (state.scenario = v))) : null,
    m ? field(t("dash.scen.output"), select("output", m.outputs.map((o) => [outputName(o), outputName(o)] as const), state.output, (v) => (state.output = v))) : null,
    field(t("dash.scen.draws"), draws), field(t("dash.scen.seed"), seed),
    h("button", { type: "submit", "data-testid": "run-mc", disabled: state.busy }, t("dash.scen.run")),
    h("button", { type: "button", onclick: () => { state.edits = {}; redraw(scenariosPage); } }, t("dash.scen.reset")));
  mount(root, h("h1", {}, t("dash.nav.scenarios")), m ? h("p", { class: "headline" }, local(m.title)) : null, controls,
    state.busy && state.progress ? h("div", { class: "progress" }, h("progress", { value: state.progress.done / state.progress.total, max: 1, "data-testid": "mc-progress" }),
      h("span", { "data-testid": "progress-label" }, t("dash.scen.progress", { done: fmtNumber(state.progress.done, 0), total: fmtNumber(state.progress.total, 0) }))) : null,
    state.error !== undefined ? errorBox(state.error) : null,
    state.result && !state.busy ? results(state.result) : null,
    m ? driverEditor(root, m) : null);
}

function driverEditor(root: HTMLElement, m: Model): HTMLElement {
  return h("section", {}, h("h2", {}, t("dash.scen.drivers")),
    h("table", { class: "data drivers", "data-testid": "drivers" },
      h("tbody", {}, Object.entries(m.drivers).map(([name, d]) => {
        const spec: Spec = state.edits[name] ?? { ...(d.value !== undefined ? { value: d.value } : {}), ...(d.dist ? { dist: d.dist } : {}), ...(d.byYear ? { byYear: d.byYear } : {}) };
        const kind = spec.dist ? String(spec.dist.type) : spec.byYear ? "byYear" : "value";
        return h("tr", { class: state.edits[name] ? "edited" : "" },
          h("th", { scope: "row", title: d.source ?? "" }, name, h("div", { class: "muted" }, `${d.unit} · ${d.basis ?? ""} · ${kind}`)),
          h("td", {}, leaves(spec).map((leaf) => {
            const input = h("input", { type: "number", step: "any", value: leaf.value, name: `${name}.${leaf.path.join(".")}`, "aria-label": `${name} ${leaf.path.slice(1).join(" ") || "value"}` });
            input.addEventListener("change", () => {
              const v = Number(input.value);
              if (!Number.isFinite(v)) return;
              state.edits[name] = setPath(state.edits[name] ?? spec, leaf.path, v);
              input.closest("tr")?.classList.add("edited");
            });
            return h("label", { class: "leaf" }, h("span", {}, leaf.path.slice(1).join(".") || "value"), input);
          })));
      }))));
}

function results(r: McResult): HTMLElement {
  const pick = r.series.filter((s) => s.name === state.output);
  const s = pick[pick.length - 1] ?? r.series[0]!;
  const pct = (p: number) => s.stats.percentiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value;
  const hist = s.stats.histogram;
  const histogram = hist ? chart({
    tooltip: { renderMode: "richText", trigger: "axis" },
    grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: "category", name: s.unit, data: hist.counts.map((_, i) => fmtNumber((hist.edges[i]! + hist.edges[i + 1]!) / 2, 0)) },
    yAxis: { type: "value" },
    series: [{ name: s.label, type: "bar", barCategoryGap: "5%", data: hist.counts }],
  }, "histogram") : null;
  const tor = state.tornado;
  const tornado = tor ? chart({
    tooltip: { renderMode: "richText", trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 160, right: 30, top: 30, bottom: 30 },
    yAxis: { type: "category", inverse: true, data: tor.bars.map((b) => b.driver) },
    xAxis: { type: "value", name: s.unit },
    series: [
      { name: t("dash.scen.low"), type: "bar", stack: "x", data: tor.bars.map((b) => b.outputLow - tor.base) },
      { name: t("dash.scen.high"), type: "bar", stack: "x", data: tor.bars.map((b) => b.outputHigh - tor.base) },
    ],
  }, "tornado", Math.max(240, 28 * tor.bars.length + 60)) : null;
  return h("section", { "data-testid": "mc-result" },
    h("h2", {}, t("dash.scen.histogram", { output: s.label })),
    h("p", { "data-testid": "mc-summary" }, t("dash.scen.summary", { mean: fmtNumber(s.stats.mean, 1), p5: fmtNumber(pct(0.05), 1), p50: fmtNumber(pct(0.5), 1), p95: fmtNumber(pct(0.95), 1), unit: s.unit, n: fmtNumber(s.stats.n, 0) }),
      s.threshold !== undefined && s.stats.probAbove !== undefined ? ` ${t("dash.scen.probAbove", { threshold: s.threshold, p: fmtPercent(s.stats.probAbove) })}` : ""),
    histogram,
    tor ? h("h2", {}, t("dash.scen.tornado", { output: state.output })) : null,
    tornado);
}

export const scenariosPage: Page = { render };
