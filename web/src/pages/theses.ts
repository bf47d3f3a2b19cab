import { getJson } from "../api.js";
import { field, h, mount, select } from "../dom.js";
import { fmtMultiple, fmtNumber, fmtP, fmtPercent, local, t, type Key } from "../i18n.js";
import { errorBox, loading, type Page, redraw, view } from "./_shared.js";

interface Claim { id: string; kind: string; text: unknown; wrongIf?: unknown }
interface Listed { id: string; title: unknown; claims: Claim[] }
interface Result { claim: Claim; verdict: "holds" | "fails" | "insufficient"; figure?: { value: number; format: string; unit?: string }; p?: number; reason?: string }
interface Checked { id: string; asOf: string; results: Result[] }

const state = { list: undefined as Listed[] | undefined, id: "", checked: undefined as Checked | undefined, error: undefined as unknown, busy: false };

function figure(f: Result["figure"]): string {
  if (!f) return "–";
  switch (f.format) {
    case "percent": return fmtPercent(f.value);
    case "multiple": return fmtMultiple(f.value);
    case "probability": return fmtPercent(f.value);
    default: return `${fmtNumber(f.value, 1)}${f.unit ? ` ${f.unit}` : ""}`;
  }
}

async function check(): Promise<void> {
  state.busy = true;
  state.error = undefined;
  redraw(thesesPage);
  try {
    state.checked = await getJson<Checked>(`/api/theses/${encodeURIComponent(state.id)}`);
  } catch (e) {
    state.error = e;
  }
  state.busy = false;
  redraw(thesesPage);
}

function render(root: HTMLElement): void {
  if (state.list === undefined) {
    mount(root, h("h1", {}, t("dash.nav.theses")), loading());
    getJson<Listed[]>("/api/theses").then((l) => {
      state.list = l;
      state.id = l[0]?.id ?? "";
      redraw(thesesPage);
    }, (e: unknown) => void (view.active === thesesPage && mount(root, h("h1", {}, t("dash.nav.theses")), errorBox(e))));
    return;
  }
  if (state.list.length === 0) {
    mount(root, h("h1", {}, t("dash.nav.theses")), h("p", { class: "muted" }, t("dash.thesis.none")));
    return;
  }
  const thesis = state.list.find((x) => x.id === state.id) ?? state.list[0]!;
  const verdicts = state.checked?.id === thesis.id ? new Map(state.checked.results.map((r) => [r.claim.id, r])) : undefined;
  const form = h("form", { class: "controls", onsubmit: (e: Event) => { e.preventDefault(); void check(); } },
    field(t("dash.thesis.pick"), select("thesis", state.list.map((x) => [x.id, local(x.title) || x.id] as const), thesis.id, (v) => { state.id = v; redraw(thesesPage); })),
    h("button", { type: "submit", "data-testid": "check-thesis" }, t("dash.thesis.check")));
  mount(root, h("h1", {}, t("dash.nav.theses")), h("p", { class: "headline" }, local(thesis.title)), form,
    state.busy ? loading() : null,
    state.error !== undefined ? errorBox(state.error) : null,
    verdicts ? h("p", { class: "muted" }, `${t("dash.asOf")} ${state.checked!.asOf}`) : null,
    h("table", { class: "data", "data-testid": "claims-table" },
      h("thead", {}, h("tr", {}, h("th", {}, t("dash.thesis.claim")), h("th", {}, t("dash.thesis.wrongIf")), h("th", {}, t("dash.thesis.verdict")), h("th", { class: "num" }, t("dash.thesis.figure")))),
      h("tbody", {}, thesis.claims.map((c) => {
        const r = verdicts?.get(c.id);
        return h("tr", {},
          h("td", {}, local(c.text), h("div", { class: "muted" }, `${c.id} · ${c.kind}`)),
          h("td", {}, local(c.wrongIf)),
          h("td", { class: r ? `verdict ${r.verdict}` : "muted" }, r ? t(`dash.thesis.${r.verdict}` as Key) : "…", r?.reason ? h("div", { class: "muted" }, r.reason) : null),
          h("td", { class: "num" }, r ? figure(r.figure) : "", r?.p !== undefined ? h("div", { class: "muted" }, `p ${fmtP(r.p)}`) : null));
      }))));
}

export const thesesPage: Page = { render };
