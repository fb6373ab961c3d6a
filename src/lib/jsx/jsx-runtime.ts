// A tiny server-side JSX runtime: every element renders to an HTML string at once.
// Text and attribute values are escaped by default; only `raw()` bypasses escaping,
// and it is meant for markup this code built itself (never for user input).

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | bigint | boolean | null | undefined | readonly Child[];

type Props = Record<string, unknown> & { children?: Child };
type Component<P = Props> = (props: P) => Html;

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks already-safe markup. Never pass user input. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Serialises JSON for a `<script type="application/ld+json">` block without letting it close the tag. */
export function jsonForScript(data: unknown): Html {
  return new Html(
    JSON.stringify(data)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

export function renderChildren(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return '';
  if (child instanceof Html) return child.value;
  if (Array.isArray(child)) {
    let out = '';
    for (const c of child as readonly Child[]) out += renderChildren(c);
    return out;
  }
  return escapeHtml(String(child));
}

const ATTRIBUTE_NAME = /^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/;

function renderAttributes(props: Props): string {
  let out = '';
  for (const key in props) {
    if (key === 'children') continue;
    const value = props[key];
    if (value === undefined || value === null || value === false) continue;
    const name = key === 'className' ? 'class' : key === 'htmlFor' ? 'for' : key;
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Invalid attribute name: ${name}`);
    if (value === true) {
      out += ` ${name}`;
    } else {
      out += ` ${name}="${escapeHtml(String(value))}"`;
    }
  }
  return out;
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') return type(props);
  const attrs = renderAttributes(props);
  if (VOID_ELEMENTS.has(type)) return new Html(`<${type}${attrs}>`);
  return new Html(`<${type}${attrs}>${renderChildren(props.children)}</${type}>`);
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChildren(props.children));
}

export namespace JSX {
  export type Element = Html;
  export interface IntrinsicElements {
    [element: string]: Record<string, unknown>;
  }
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}
