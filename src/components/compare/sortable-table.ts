/**
 * <atlas-sortable-table>: makes a comparison table sortable by any column. Each column header gets a button inside its
 * th; pressing it sorts the rows ascending, pressing it again reverses. The sorted th carries aria-sort and a
 * status region announces the new order. Number and ordinal cells carry their sort key (data-sort-value, computed
 * at build time from the column's kind and scale); text sorts alphabetically. Without JavaScript the table reads
 * in source order.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { type SortDirection, sortedOrder, sortKey } from '../../core/format/table-sort.ts';
import { part } from '../parts.ts';

const ARROW: Record<SortDirection | 'none', string> = { none: '↕', ascending: '↑', descending: '↓' };

/** The button a column header gets: its own content and an arrow for its order. */
function sortButton(header: HTMLTableCellElement) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'inline-flex cursor-pointer items-start gap-1 text-left font-semibold text-fg hover:underline';
  const arrow = document.createElement('span');
  arrow.dataset.sortArrow = '';
  arrow.setAttribute('aria-hidden', 'true');
  arrow.className = 'text-muted';
  arrow.textContent = ARROW.none;
  button.append(...header.childNodes, arrow);
  return button;
}

class SortableTable extends AtlasElement {
  protected connect() {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    const headers = [...(table?.tHead?.rows[0]?.cells ?? [])];
    if (!body || headers.length === 0) return;
    headers.forEach((header, column) => {
      const button = sortButton(header);
      header.append(button);
      button.addEventListener('click', () => this.#sort(body, headers, column), { signal: this.signal });
    });
    this.querySelector<HTMLElement>('[data-sort-hint]')?.removeAttribute('hidden');
  }

  #sort(body: HTMLTableSectionElement, headers: HTMLTableCellElement[], column: number) {
    const header = headers[column]!;
    const direction: SortDirection = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    const textual = (header.dataset.kind ?? 'text') === 'text';
    const rows = [...body.rows];
    const keys = rows.map((row) => {
      const cell = row.cells[column];
      if (!cell) return undefined;
      if (textual) return sortKey('text', cell.textContent ?? '');
      return cell.dataset.sortValue === undefined ? undefined : Number(cell.dataset.sortValue);
    });
    body.append(...sortedOrder(keys, direction).map((i) => rows[i]!));
    for (const h of headers) {
      h.removeAttribute('aria-sort');
      part(h, '[data-sort-arrow]', HTMLElement).textContent = ARROW.none;
    }
    header.setAttribute('aria-sort', direction);
    part(header, '[data-sort-arrow]', HTMLElement).textContent = ARROW[direction];
    const order = textual
      ? direction === 'ascending'
        ? 'A to Z'
        : 'Z to A'
      : direction === 'ascending'
        ? 'lowest first'
        : 'highest first';
    const status = this.querySelector('[data-sort-status]');
    if (status) status.textContent = `Sorted by ${header.textContent?.replace(/[↕↑↓]/g, '').trim()}, ${order}.`;
  }
}

defineElement('sortable-table', SortableTable);
