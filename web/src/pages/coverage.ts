import { getJson } from "../api.js";
import { field, h, mount, sortableTable } from "../dom.js";
import { COVERAGE_MESSAGES } from "../../../src/i18n/messages-coverage.js";
import { fmtMultiple, lang, local, t } from "../i18n.js";
import { errorBox, loading, type Page, redraw } from "./_shared.js";

interface Todo { security: string; code: string; detail: Record<string, string | number>; commands: string[] }
interface Figure { metric: string; fiscalPeriod: string; periodEnd: string; periodAgeDays: number }
interface Coverage {
  security: { id: string; name: unknown };
  prices?: { first: string; last: string; rows: number; basis: string; ageDays: number };
  fundamentals: Figure[];
  estimates: { metric: string; asOf: string; ageDays: number }[];
  fx: { pair: string; stored?: { last: string }; ageDays?: number }[];
  multiples: { kind: string; value?: number; nm?: string }[];
}
interface Report { asOf: string; synthetic: boolean; securities: Coverage[]; todo: Todo[] }

/**
 * `symbols`/`asOf` are what the last request asked; `draft` is what the user is typing (kept across redraws, so an
 * answer arriving while they type does not wipe the form); `request` numbers the requests, so only the latest lands.
 */
const state = {
  symbols: "", asOf: "", draft: { symbols: "", asOf: "" }, request: 0,
  report: undefined as Report | undefined, error: undefined as unknown, busy: false,
};

/** A to-do item in the current language, from the CLI's own message templates. */
function todoText(x: Todo): string {
  const template = (COVERAGE_MESSAGES as Record<string, Record<string, string>>)[`coverage.todo.${x.code}`]?.[lang()] ?? x.code;
  const vars: Record<string, string | number> = { security: x.security, ...x.detail };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

async function load(): Promise<void> {
  const request = ++state.request;
  state.busy = true;
  state.error = undefined;
  redraw(coveragePage);
  let report: Report | undefined;
  let error: unknown;
  try {
    report = await getJson<Report>("/api/coverage", { symbols: state.symbols, asOf: state.asOf });
  } catch (e) {
    error = e;
  }
  if (request !== state.request) return; // a later request was made meanwhile: its answer is the one to show
  state.report = report;
  state.error = error;
  state.busy = false;
  redraw(coveragePage);
}

function render(root: HTMLElement): void {
  if (state.report === undefined && state.error === undefined && !state.busy) {
    void load();
    return;
  }
  const symbols = h("input", { name: "symbols", value: state.draft.symbols, size: 28 });
  const asOf = h("input", { name: "asOf", value: state.draft.asOf, size: 12, placeholder: "YYYY-MM-DD" });
  symbols.addEventListener("input", () => (state.draft.symbols = symbols.value));
  asOf.addEventListener("input", () => (state.draft.asOf = asOf.value));
  const form = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    state.symbols = symbols.value.trim();
    state.asOf = asOf.value.trim();
    void load();
  } }, field(t("dash.coverage.symbols"), symbols), field(t("dash.coverage.asOf"), asOf), h("button", { type: "submit" }, t("dash.update")));
  const r = state.report;
  const days = (n: number | undefined) => (n === undefined ? "–" : t("dash.coverage.days", { n }));
  const rows = (r?.securities ?? []).map((c) => {
    const eps = c.fundamentals.find((f) => f.metric === "epsDiluted") ?? c.fundamentals.find((f) => f.metric === "epsBasic");
    const est = c.estimates[0];
    const nm = c.multiples.filter((m) => m.value === undefined).map((m) => `${m.kind}: ${m.nm}`).join("; ");
    const values = c.multiples.filter((m) => m.value !== undefined).map((m) => `${m.kind} ${fmtMultiple(m.value)}`).join("; ");
    return {
      cells: [
        `${c.security.id} ${local(c.security.name)}`,
        c.prices ? `${c.prices.first} … ${c.prices.last} (${c.prices.rows})` : "–",
        c.prices?.basis ?? "–",
        eps ? `${eps.fiscalPeriod} · ${eps.periodEnd} · ${days(eps.periodAgeDays)}` : "–",
        est ? `${est.asOf} · ${days(est.ageDays)}` : "–",
        c.fx.map((f) => `${f.pair} ${f.stored?.last ?? "–"}`).join("; ") || "USD",
        [values, nm].filter((s) => s !== "").join(" | "),
      ],
      keys: [c.security.id, c.prices?.last, c.prices?.basis, eps?.periodAgeDays, est?.ageDays, c.fx.length, nm],
    };
  });
  mount(root, h("h1", {}, t("dash.nav.coverage")), form,
    state.busy ? loading() : null,
    state.error !== undefined ? errorBox(state.error) : null,
    r ? h("p", { class: "muted" }, `${t("dash.asOf")} ${r.asOf}`) : null,
    r ? sortableTable([t("dash.coverage.security"), t("dash.coverage.prices"), t("dash.coverage.basis"), t("dash.coverage.eps"), t("dash.coverage.estimates"), t("dash.coverage.fx"), t("dash.coverage.nm")], rows, "coverage-table") : null,
    r ? h("h2", {}, t("dash.coverage.todo")) : null,
    r ? (r.todo.length === 0 ? h("p", { class: "muted" }, t("dash.coverage.none"))
      : h("ul", { "data-testid": "coverage-todo" }, r.todo.map((x) => h("li", {}, todoText(x), " — ", x.commands.map((c, i) => [i > 0 ? " / " : "", h("code", {}, c)]))))) : null);
}

export const coveragePage: Page = { render };
