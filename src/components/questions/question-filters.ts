/**
 * <atlas-question-filters>: filters the plain question list by the form's choices, kept in the URL (replaceState, so
 * a filtered list can be shared and Back is not flooded), updates each option's count, announces the result
 * count, and marks questions due for review from the flashcard schedule in this browser.
 */
import { AtlasElement, defineElement } from '../element.ts';
import {
  FACETS,
  facetCounts,
  matches,
  parseFilters,
  practiceUrl,
  type QuestionFacets,
  toSearch,
} from '../../lib/questions/question-filters.ts';
import { isDue } from '../../lib/progress/review-due.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { filterFields } from './filter-fields.ts';
import { part } from '../parts.ts';
import { getProgress, notify, onProgressChange, takeStorageProblem } from '../progress/progress.ts';

/** A question of the list, with the facets it is filtered by and its "due" mark. */
function listed(el: HTMLElement) {
  const d = el.dataset;
  const facets: QuestionFacets = {
    id: d.id!,
    difficulty: d.difficulty!,
    type: d.type!,
    topics: d.topics!.split(' '),
    roles: d.roles!.split(' ').filter(Boolean),
  };
  return { el, facets, due: part(el, '[data-due]') };
}

class QuestionFilters extends AtlasElement {
  protected connect(signal: AbortSignal) {
    const form = part(this, '[data-filters]', HTMLFormElement);
    const result = part(this, '[data-result]');
    const practice = part(this, '[data-practice]', HTMLAnchorElement);
    const items = [...this.querySelectorAll<HTMLElement>('[data-questions] > li')].map(listed);
    const facets = items.map((i) => i.facets);
    const fields = filterFields(form);
    fields.show(parseFilters(location.search));

    const render = () => {
      const filters = fields.read();
      const today = localDate(new Date());
      const reviews = getProgress().reviews;
      const due = (id: string) => isDue(reviews[id], today);
      let shown = 0;
      let dueShown = 0;
      for (const item of items) {
        const show = matches(item.facets, filters, due);
        item.el.hidden = !show;
        item.due.hidden = !due(item.facets.id);
        if (show) shown++;
        if (show && !item.due.hidden) dueShown++;
      }
      const counts = facetCounts(facets, filters, due);
      for (const f of FACETS) {
        for (const option of fields.select(f).options)
          option.textContent = `${option.dataset.label} (${counts[f].get(option.value) ?? 0})`;
      }
      const text = `Showing ${shown} of ${items.length} questions${dueShown ? ` · ${dueShown} due for review` : ''}.`;
      if (result.textContent !== text) result.textContent = text;
      practice.href = practiceUrl(filters);
      practice.hidden = shown === 0;
      const search = toSearch(filters);
      if (search !== location.search)
        history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    };

    form.addEventListener('change', render, { signal });
    form.addEventListener('submit', (event) => event.preventDefault(), { signal });
    // The reset event fires before the controls are cleared: render once they are, unless the element has left.
    const afterReset = () => {
      if (!signal.aborted) render();
    };
    form.addEventListener('reset', () => setTimeout(afterReset), { signal });
    const problem = takeStorageProblem(this);
    if (problem) notify(this.querySelector('[data-notice]'), problem);
    onProgressChange(render, signal);
    render();
  }
}

defineElement('question-filters', QuestionFilters);
