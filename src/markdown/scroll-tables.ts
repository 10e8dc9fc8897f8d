/**
 * Tables in Markdown/MDX: each is wrapped in a region that scrolls sideways when the table is wider than the column
 * (a comparison of four options does not fit a 390 px phone), so the page itself never scrolls sideways. The region
 * is focusable and named after the table's header cells: a scrollable region must be reachable by keyboard (WCAG
 * 2.1.1, axe "scrollable-region-focusable") and say what it holds.
 */
import type { Element } from 'hast';

interface HastContext {
  textContent(node: unknown): string;
}

/** The text of the table's first row of header cells: "Anomaly, READ COMMITTED, REPEATABLE READ". */
function headerText(table: Readonly<Element>, ctx: HastContext): string {
  const rows: Element[] = [];
  const walk = (node: Readonly<Element>) => {
    for (const child of node.children)
      if (child.type === 'element') {
        if (child.tagName === 'tr') rows.push(child);
        else walk(child);
      }
  };
  walk(table);
  const cells = (rows[0]?.children ?? []).filter((c): c is Element => c.type === 'element' && c.tagName === 'th');
  return cells
    .map((c) => ctx.textContent(c).trim())
    .filter(Boolean)
    .join(', ');
}

/** The satteri hast plugin: wraps each <table> in a focusable, named region that scrolls sideways. */
export const scrollTables = () => ({
  name: 'scroll-tables',
  element: {
    filter: ['table'],
    visit(node: Readonly<Element>, ctx: HastContext): Element {
      const header = headerText(node, ctx);
      return {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: header ? `Table: ${header.length > 80 ? `${header.slice(0, 79)}…` : header}` : 'Table',
        },
        children: [node],
      };
    },
  },
});
