/**
 * The browser side of QuestionFilterFields.astro, shared by the question list and practice: the form's choices as
 * filters, and filters (from the URL) put into the form, keeping only values it offers, since an old or mistyped
 * id would silently empty the set.
 */
import { FACETS, type Facet, type Filters } from '../../lib/questions/question-filters.ts';

export function filterFields(form: HTMLFormElement) {
  const select = (facet: Facet) => form.elements.namedItem(facet) as HTMLSelectElement;
  const due = form.elements.namedItem('due') as HTMLInputElement;
  return {
    select,
    read(): Filters {
      const filters: Filters = {};
      for (const f of FACETS) if (select(f).value) filters[f] = select(f).value;
      if (due.checked) filters.due = true;
      return filters;
    },
    show(filters: Filters): void {
      for (const f of FACETS) {
        select(f).value = filters[f] ?? '';
        if (select(f).value !== (filters[f] ?? '')) select(f).value = '';
      }
      due.checked = !!filters.due;
    },
  };
}
