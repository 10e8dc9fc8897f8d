/**
 * beautiful-mermaid's SVG made fit for the site: its <style> element (with a web-font @import) and the style
 * attribute on <svg> go, since the CSP allows neither; every `fill="var(--_line)"`-like colour becomes a class
 * (`s-line`) that src/components/code/diagram.css paints with the design tokens, in both themes. Ids get a prefix
 * so two diagrams on a page cannot clash, long decimals are rounded, and the renderer's data-* attributes are read
 * (what it drew, for the check against the text) and dropped. Text stays <text>, so it can be selected and found.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { find, svg as svgSchema } from 'property-information';
import { optimize, type XastElement, type XastRoot } from 'svgo';
import type { Link } from './diagram-model.ts';

/**
 * The colour roles the renderer paints with (its CSS variables, beautiful-mermaid/src/theme.ts). Each has a fill
 * class `f-<role>` and a stroke class `s-<role>` in src/components/code/diagram.css; a colour outside this list fails the
 * build rather than turning up black.
 */
export const COLOUR_ROLES = [
  'bg',
  'text',
  'text-sec',
  'text-muted',
  'text-faint',
  'line',
  'arrow',
  'node-fill',
  'node-stroke',
  'group-fill',
  'group-hdr',
  'inner-stroke',
  'key-badge',
] as const;

/** What the renderer says it drew: the links (messages, edges, transitions) and the boxes with their labels. */
export interface Drawn {
  links: Link[];
  boxes: [id: string, label: string][];
}

const COLOUR = /^var\(--_?([\w-]+)\)$/;
const PAINT = new Set(['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color']);
/** Decimals beyond two are invisible at the sizes drawn; the renderer writes up to sixteen. */
const round = (value: string) => value.replace(/-?\d*\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))));

/** Rewrites the element's attributes as described above, and notes a link or box the renderer marked. */
function rewrite(node: XastElement, idPrefix: string, drawn: Drawn): void {
  const a = node.attributes;
  const kind = a['class'];
  if (kind === 'message' || kind === 'edge')
    drawn.links.push({ from: a['data-from'] ?? '', to: a['data-to'] ?? '', label: a['data-label'] ?? '' });
  if (kind === 'actor' || kind === 'node') drawn.boxes.push([a['data-id'] ?? '', a['data-label'] ?? '']);
  const classes: string[] = [];
  for (const [name, value] of Object.entries(a)) {
    delete a[name];
    if (name.startsWith('data-') || name === 'class' || name === 'style' || name === 'xmlns') continue;
    if (PAINT.has(name) && value !== 'none') {
      const role = COLOUR.exec(value)?.[1];
      if (!role || !(COLOUR_ROLES as readonly string[]).includes(role))
        throw new Error(`the diagram renderer used a colour the site does not map: ${name}="${value}"`);
      classes.push(`${name === 'fill' ? 'f' : 's'}-${role}`);
      continue;
    }
    if (name === 'id') a[name] = idPrefix + value;
    else a[name] = round(value.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${idPrefix}${id})`));
  }
  if (classes.length > 0) a['class'] = classes.join(' ');
}

function toHast(node: XastElement): Element {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(node.attributes)) {
    const info = find(svgSchema, name);
    properties[info.property] = info.spaceSeparated ? value.split(/\s+/) : value;
  }
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'element') children.push(toHast(child));
    else if (child.type === 'text') children.push({ type: 'text', value: child.value });
  }
  return { type: 'element', tagName: node.name, properties, children };
}

/** The renderer's SVG text as a hast <svg> element with classes for colours, and what it drew. */
export function classedSvg(svgText: string, idPrefix: string): { svg: Element; drawn: Drawn } {
  const drawn: Drawn = { links: [], boxes: [] };
  let root: XastRoot | undefined;
  optimize(svgText, {
    plugins: [
      {
        name: 'atlas-diagram-classes',
        fn: (ast: XastRoot) => {
          root = ast;
          return {
            element: {
              enter: (node: XastElement, parent: XastElement | XastRoot) => {
                if (node.name === 'style' || node.name === 'script')
                  parent.children = parent.children.filter((c) => c !== node);
                else rewrite(node, idPrefix, drawn);
              },
            },
          };
        },
      },
    ],
  });
  const svg = root?.children.find((c): c is XastElement => c.type === 'element' && c.name === 'svg');
  if (!svg) throw new Error('the diagram renderer returned no <svg> element');
  return { svg: toHast(svg), drawn };
}
