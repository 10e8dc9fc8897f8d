/**
 * SVG as plain data, drawn the same at build time (markup in the page) and in the browser (elements): the design
 * lab's diagram and charts. Attributes only, never `style`, so the page keeps its CSP; colours come from classes.
 * SHARED BY BUILD AND BROWSER CODE.
 */

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number | undefined>>;
  readonly children: readonly (SvgNode | string)[];
}

/** One SVG element: attributes left undefined are not written; strings among the children are text. */
export const svg = (
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (SvgNode | string | false | undefined)[]
): SvgNode => ({
  tag,
  attrs,
  children: children.filter((c): c is SvgNode | string => c !== false && c !== undefined),
});

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
/** A number as an attribute: two decimals at most, so the markup stays short and the same on every engine. */
const value = (v: string | number) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);

/** The node as markup (for the build). */
export function toMarkup(node: SvgNode | string): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, v]) => ` ${name}="${escape(value(v))}"`)
    .join('');
  const root = node.tag === 'svg' ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return `<${node.tag}${root}${attrs}>${node.children.map(toMarkup).join('')}</${node.tag}>`;
}

const NS = 'http://www.w3.org/2000/svg';
/** The node as elements (in the browser). */
export function toElement(node: SvgNode | string, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const element = doc.createElementNS(NS, node.tag);
  for (const [name, v] of Object.entries(node.attrs)) if (v !== undefined) element.setAttribute(name, value(v));
  for (const child of node.children) element.append(toElement(child, doc));
  return element;
}
