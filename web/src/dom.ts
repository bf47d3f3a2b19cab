/** A tiny view layer: `h("div", { class: "x", onclick }, child…)` builds DOM nodes; no framework, no innerHTML. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = String(v);
    else if (k === "checked" && "checked" in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "object" ? (c as Node) : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A labelled form field. */
export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

/** A select with options `[value, label]`. */
export function select(name: string, options: readonly (readonly [string, string])[], value: string, onchange?: (v: string) => void): HTMLSelectElement {
  const s = h("select", { name }, ...options.map(([v, l]) => h("option", { value: v, selected: v === value }, l)));
  s.value = value;
  if (onchange) s.addEventListener("change", () => onchange(s.value));
  return s;
}

/** A sortable table: click a header to sort by it (numbers numerically, n.m. last). */
export function sortableTable(headers: readonly string[], rows: readonly { cells: readonly string[]; keys: readonly (number | string | undefined)[] }[], testId?: string): HTMLTableElement {
  let sortCol = -1;
  let dir = 1;
  const tbody = h("tbody");
  const render = () => {
    const sorted = sortCol < 0 ? rows : [...rows].sort((a, b) => {
      const x = a.keys[sortCol];
      const y = b.keys[sortCol];
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * dir;
    });
    mount(tbody, sorted.map((r) => h("tr", {}, r.cells.map((c, i) => h("td", { class: i > 0 && typeof r.keys[i] === "number" ? "num" : "" }, c)))));
  };
  const ths = headers.map((label, i) => {
    const th = h("th", { scope: "col", tabindex: 0, "aria-sort": "none" }, label);
    const sortBy = () => {
      dir = sortCol === i ? -dir : 1;
      sortCol = i;
      for (const other of ths) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      render();
    };
    th.addEventListener("click", sortBy);
    th.addEventListener("keydown", (e) => (e.key === "Enter" ? sortBy() : undefined));
    return th;
  });
  render();
  return h("table", { class: "data", "data-testid": testId }, h("thead", {}, h("tr", {}, ths)), tbody);
}
