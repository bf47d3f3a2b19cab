import { ApiError } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";

/** The red box an API error becomes (the server's message names the bad parameter). */
export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof ApiError ? `${e.message} (${e.code}, HTTP ${e.status})` : e instanceof Error ? e.message : String(e);
  return h("div", { class: "error", role: "alert", "data-testid": "error" }, `${t("dash.error")}: ${message}`);
}

export const loading = (): HTMLElement => h("p", { class: "muted", "data-testid": "loading" }, t("dash.loading"));

/** What every page exports: draw into the root from its own state (also after a language switch). */
export interface Page {
  render(root: HTMLElement): void;
}

/** The page on screen and where it draws; set by main.ts on every navigation. */
export const view: { active?: Page; root?: HTMLElement } = {};

/**
 * Redraws a page if it is still the one on screen: async work (a fetch, a Monte Carlo) finishing after the user moved
 * to another page must not draw over it.
 */
export function redraw(page: Page): void {
  if (view.active === page && view.root) page.render(view.root);
}
