/**
 * The filters beside a search box: in the dialog a menu per filter (type, difficulty), on the /search/ page a group
 * of checkboxes per filter with how many of the current search's pages each value has. Values come from the index
 * (Pagefind's `filters()`), so a new type of page needs no change here.
 */
import type { FilterCounts } from './pagefind.ts';
import type { ChosenFilters } from './search-runner.ts';

export interface FilterControls {
  element: HTMLElement;
  /** Builds the controls from every value in the index, keeping what was chosen. */
  fill(totals: FilterCounts): void;
  /** Shows how many of the current search's pages each value has. */
  count(counts: FilterCounts): void;
  chosen(): ChosenFilters;
  choose(filters: ChosenFilters): void;
  /** Called when the learner changes a filter. */
  onChange?: () => void;
}

const LABELS: Record<string, string> = { type: 'Type', level: 'Level', difficulty: 'Difficulty', role: 'Role' };
const labelOf = (name: string) => LABELS[name] ?? name;
const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const sortedValues = (values: Record<string, number> = {}) => Object.keys(values).sort((a, b) => a.localeCompare(b));

/** A native menu per filter, "Any …" first: the dialog's compact filters. */
export function filterMenus(names: readonly string[]): FilterControls {
  const element = document.createElement('div');
  element.className = 'search-filters';
  let wanted: ChosenFilters = {};
  const menus = names.map((name) => {
    const select = document.createElement('select');
    select.className = 'search-filter-menu';
    select.name = name;
    select.setAttribute('aria-label', `Filter by ${labelOf(name).toLowerCase()}`);
    select.append(new Option(`Any ${labelOf(name).toLowerCase()}`, ''));
    select.addEventListener('change', () => controls.onChange?.());
    element.append(select);
    return select;
  });
  let filled = false;
  const controls: FilterControls = {
    element,
    fill(totals) {
      filled = true;
      for (const select of menus) {
        const values = sortedValues(totals[select.name]);
        select.replaceChildren(select.options[0]!, ...values.map((value) => new Option(capitalized(value), value)));
        select.value = wanted[select.name]?.[0] ?? '';
      }
    },
    count() {},
    // Until the menus have their values, what was asked for (from the URL, say) stands.
    chosen: () => (filled ? Object.fromEntries(menus.filter((s) => s.value).map((s) => [s.name, [s.value]])) : wanted),
    choose(filters) {
      wanted = filters;
      for (const select of menus) select.value = filters[select.name]?.[0] ?? '';
    },
  };
  return controls;
}

/** A group of checkboxes per filter, each value with its count: the /search/ page's filters. */
export function filterPane(names: readonly string[]): FilterControls {
  const element = document.createElement('div');
  element.className = 'search-filters search-filter-pane';
  let wanted: ChosenFilters = {};
  const boxes = () => [...element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  let filled = false;
  const controls: FilterControls = {
    element,
    fill(totals) {
      filled = true;
      element.replaceChildren(
        ...names
          .filter((name) => sortedValues(totals[name]).length > 0)
          .map((name) => {
            const group = document.createElement('fieldset');
            group.className = 'search-filter-group';
            const legend = document.createElement('legend');
            legend.textContent = labelOf(name);
            group.append(legend);
            for (const value of sortedValues(totals[name])) {
              const label = document.createElement('label');
              const box = Object.assign(document.createElement('input'), { type: 'checkbox', name, value });
              box.checked = wanted[name]?.includes(value) ?? false;
              box.addEventListener('change', () => controls.onChange?.());
              const count = document.createElement('span');
              count.className = 'search-filter-count';
              count.dataset.count = `${name}\u0000${value}`;
              label.append(box, ` ${capitalized(value)} `, count);
              group.append(label);
            }
            return group;
          }),
      );
      controls.count(totals);
    },
    count(counts) {
      for (const span of element.querySelectorAll<HTMLElement>('[data-count]')) {
        const [name, value] = span.dataset.count!.split('\u0000') as [string, string];
        span.textContent = String(counts[name]?.[value] ?? 0);
      }
    },
    chosen() {
      if (!filled) return wanted;
      const chosen: ChosenFilters = {};
      for (const box of boxes()) if (box.checked) (chosen[box.name] ??= []).push(box.value);
      return chosen;
    },
    choose(filters) {
      wanted = filters;
      for (const box of boxes()) box.checked = filters[box.name]?.includes(box.value) ?? false;
    },
  };
  return controls;
}
