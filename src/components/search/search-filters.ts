/**
 * The filters beside a search box: in the dialog a menu per filter (type, difficulty), on the /search/ page a group
 * of checkboxes per filter with how many of the current search's pages each value has. Values come from the index
 * (Pagefind's `filters()`), so a new type of page needs no change here.
 */
import type { SearchWords } from './search-words.ts';
import { h } from '../dom.ts';
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

/** A filter's name, or one of its values, in the view's words. */
const nameOf = (words: SearchWords, name: string) => (words.filterNames as Record<string, string>)[name] ?? name;
const valueOf = (words: SearchWords, value: string) => (words.values as Record<string, string>)[value] ?? value;
const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const sortedValues = (values: Record<string, number> = {}) => Object.keys(values).sort((a, b) => a.localeCompare(b));

/** A native menu per filter, "Any …" first: the dialog's compact filters. `signal` ends their listeners. */
export function filterMenus(names: readonly string[], words: SearchWords, signal: AbortSignal): FilterControls {
  let wanted: ChosenFilters = {};
  const menus = names.map((name) => {
    const any = new Option(capitalized(words.anyOf.replace('{name}', nameOf(words, name))), '');
    const label = words.filterBy.replace('{name}', nameOf(words, name));
    const select = h('select', 'search-filter-menu', { name, 'aria-label': label }, any);
    select.addEventListener('change', () => controls.onChange?.(), { signal });
    return select;
  });
  const element = h('div', 'search-filters', {}, ...menus);
  let filled = false;
  const controls: FilterControls = {
    element,
    fill(totals) {
      filled = true;
      for (const select of menus) {
        const values = sortedValues(totals[select.name]);
        select.replaceChildren(
          select.options[0]!,
          ...values.map((value) => new Option(capitalized(valueOf(words, value)), value)),
        );
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

/** A group of checkboxes per filter, each value with its count: the /search/ page's filters. `signal` ends their listeners. */
export function filterPane(names: readonly string[], words: SearchWords, signal: AbortSignal): FilterControls {
  const element = h('div', 'search-filters search-filter-pane');
  let wanted: ChosenFilters = {};
  /** Each value's checkbox and the place its count goes. */
  let values: { box: HTMLInputElement; count: HTMLElement }[] = [];
  const boxes = () => values.map(({ box }) => box);
  let filled = false;
  const controls: FilterControls = {
    element,
    fill(totals) {
      filled = true;
      values = [];
      element.replaceChildren(
        ...names
          .filter((name) => sortedValues(totals[name]).length > 0)
          .map((name) =>
            h(
              'fieldset',
              'search-filter-group',
              {},
              h('legend', '', {}, capitalized(nameOf(words, name))),
              ...sortedValues(totals[name]).map((value) => {
                const box = h('input', '', { type: 'checkbox', name, value });
                box.checked = wanted[name]?.includes(value) ?? false;
                box.addEventListener('change', () => controls.onChange?.(), { signal });
                const count = h('span', 'search-filter-count');
                values.push({ box, count });
                return h('label', '', {}, box, ` ${capitalized(valueOf(words, value))} `, count);
              }),
            ),
          ),
      );
      controls.count(totals);
    },
    count(counts) {
      for (const { box, count } of values) count.textContent = String(counts[box.name]?.[box.value] ?? 0);
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
