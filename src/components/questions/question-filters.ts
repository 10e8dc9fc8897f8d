/**
 * <question-filters>: filters the plain question list by the form's choices, kept in the URL (replaceState, so
 * a filtered list can be shared and Back is not flooded), updates each option's count, announces the result
 * count, and marks questions due for review from the flashcard schedule in this browser.
 */
import {
  FACETS,
  facetCounts,
  matches,
  parseFilters,
  practiceUrl,
  type QuestionFacets,
  toSearch,
} from '../../lib/questions/question-filters.ts';
import { isDue, localDate } from '../../lib/progress/spaced-repetition.ts';
import { filterFields } from './filter-fields.ts';
import { getProgress, notify, onProgressChange, takeStorageProblem } from '../progress/progress.ts';

class QuestionFilters extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('[data-filters]')!;
    const result = this.querySelector('[data-result]')!;
    const practice = this.querySelector<HTMLAnchorElement>('[data-practice]')!;
    const items = [...this.querySelectorAll<HTMLElement>('[data-questions] > li')].map((el) => {
      const d = el.dataset;
      const facets: QuestionFacets = {
        id: d.id!,
        difficulty: d.difficulty!,
        type: d.type!,
        topics: d.topics!.split(' '),
        roles: d.roles!.split(' ').filter(Boolean),
      };
      return { el, facets, due: el.querySelector<HTMLElement>('[data-due]')! };
    });
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

    form.addEventListener('change', render);
    form.addEventListener('submit', (event) => event.preventDefault());
    // The reset event fires before the controls are cleared.
    form.addEventListener('reset', () => setTimeout(render));
    const problem = takeStorageProblem();
    if (problem) notify(this.querySelector('[data-notice]'), problem);
    onProgressChange(render);
    render();
  }
}

customElements.define('question-filters', QuestionFilters);
