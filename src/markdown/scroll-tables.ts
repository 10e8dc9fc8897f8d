/**
 * Tables in Markdown/MDX: each is wrapped in a region that scrolls sideways when the table is wider than the column
 * (a comparison of four options does not fit a 390 px phone), so the page itself never scrolls sideways. The region
 * is focusable and named after the table's header cells: a scrollable region must be reachable by keyboard (WCAG
 * 2.1.1, axe "scrollable-region-focusable") and say what it holds. A comparison whose corner cell is empty ("| | Kafka
 * | RabbitMQ |") labels each row by its first cell: those cells become row headers, so every data cell has a header.
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

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';
const rowsOf = (node: Readonly<Element>, tag: string) =>
  node.children.filter((c): c is Element => isElement(c) && c.tagName === tag);

/** The table with each body row's first cell a row header when the header row's first cell is empty. */
function withRowHeaders(table: Readonly<Element>, ctx: HastContext): Element {
  const head = rowsOf(table, 'thead')[0];
  const corner = head && rowsOf(rowsOf(head, 'tr')[0] ?? head, 'th')[0];
  if (!corner || ctx.textContent(corner).trim()) return table;
  const headed = (row: Element): Element => {
    const first = row.children.findIndex(isElement);
    const cell = row.children[first];
    if (!isElement(cell) || cell.tagName !== 'td') return row;
    const th: Element = { ...cell, tagName: 'th', properties: { ...cell.properties, scope: 'row' } };
    return { ...row, children: row.children.map((c, i) => (i === first ? th : c)) };
  };
  const body = (section: Element): Element =>
    section.tagName === 'tbody'
      ? { ...section, children: section.children.map((r) => (isElement(r) ? headed(r) : r)) }
      : section;
  return { ...table, children: table.children.map((c) => (isElement(c) ? body(c) : c)) };
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
        children: [withRowHeaders(node, ctx)],
      };
    },
  },
});
