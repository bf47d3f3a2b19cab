import "./styles.css";
import { disposeDetached } from "./chart.js";
import { h, mount } from "./dom.js";
import { LANG_NAMES, LANGS, lang, onLangChange, setLang, t, type Key, type Lang } from "./i18n.js";
import { attributionPage } from "./pages/attribution.js";
import { compsPage } from "./pages/comps.js";
import { eventsPage } from "./pages/events.js";
import { scenariosPage } from "./pages/scenarios.js";
import { thesesPage } from "./pages/theses.js";
import { coveragePage } from "./pages/coverage.js";
import { view, type Page } from "./pages/_shared.js";
import { loadStoreInfo, onStoreSyntheticChange, storeSynthetic } from "./store-state.js";

const PAGES: Record<string, Page> = { comps: compsPage, events: eventsPage, scenarios: scenariosPage, attribution: attributionPage, theses: thesesPage, coverage: coveragePage };
const current = (): string => {
  const id = location.hash.replace(/^#\/?/, "");
  return id in PAGES ? id : "comps";
};

const app = document.getElementById("app")!;
const main = h("main", { id: "page" });
/**
 * The app-wide banner of a store holding the synthetic demo (issue 13), on every page. It stays in the DOM as a live
 * region (role="status"), empty and hidden for a real store, so a screen reader hears it when it appears.
 * `data-store-synthetic` on the app root says what is known: "unknown" until /api/store answers, then "true"/"false".
 */
const banner = h("div", { class: "banner synthetic-store", role: "status", "aria-live": "polite", "data-testid": "synthetic" });

function renderBanner(): void {
  const synthetic = storeSynthetic();
  app.dataset.storeSynthetic = synthetic === undefined ? "unknown" : String(synthetic);
  banner.hidden = synthetic !== true;
  banner.textContent = synthetic === true ? t("dash.synthetic.store") : "";
}

function renderShell(): void {
  document.title = t("dash.title");
  document.documentElement.lang = lang();
  const langSelect = h("select", { name: "lang", "aria-label": t("dash.language"), "data-testid": "lang" },
    LANGS.map((l) => h("option", { value: l, selected: l === lang() }, LANG_NAMES[l])));
  langSelect.value = lang();
  langSelect.addEventListener("change", () => setLang(langSelect.value as Lang));
  const nav = h("nav", {}, Object.keys(PAGES).map((id) =>
    h("a", { href: `#/${id}`, class: id === current() ? "active" : "", "data-testid": `nav-${id}`, "aria-current": id === current() ? "page" : null }, t(`dash.nav.${id}` as Key))));
  mount(app, h("header", {}, h("strong", { class: "brand" }, "rerate"), nav, h("span", { class: "spacer" }), h("a", { href: "/api/docs", class: "muted" }, t("dash.api")), langSelect), banner, main);
  renderBanner();
}

function renderPage(): void {
  renderShell();
  view.active = PAGES[current()]!;
  view.root = main;
  view.active.render(main);
  disposeDetached();
}

addEventListener("hashchange", renderPage);
onLangChange(renderPage);
onStoreSyntheticChange(renderBanner);
renderPage();
void loadStoreInfo();
