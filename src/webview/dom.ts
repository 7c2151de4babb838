/**
 * Building the panel's DOM. Article text reaches the page only as text nodes (`textContent`), never as markup:
 * there is no innerHTML anywhere in the webview.
 */

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * An element with attributes (false/null/undefined left out) and children (strings become text nodes). A `style`
 * is applied property by property through the CSSOM: the panel's Content Security Policy forbids inline style
 * attributes, not styles set from its own script.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'style') {
      for (const declaration of String(value).split(';')) {
        const at = declaration.indexOf(':');
        if (at > 0) el.style.setProperty(declaration.slice(0, at).trim(), declaration.slice(at + 1).trim());
      }
      continue;
    }
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A button that runs `action` on click (and Enter/Space, as buttons do). */
export function button(label: string, action: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attributes }, label);
  b.addEventListener('click', action);
  return b;
}

/** A percentage as the panel writes it: "12%", "<1%" for a trace, "—" for none. */
export function percent(share: number): string {
  if (share <= 0) return '—';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** A labelled drop-down; `change` gets the chosen value. */
export function select(label: string, value: string, options: [string, string][], change: (value: string) => void): HTMLLabelElement {
  const s = h('select', {}, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  s.addEventListener('change', () => change(s.value));
  return h('label', { class: 'select' }, `${label} `, s);
}
