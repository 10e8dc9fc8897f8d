/**
 * <atlas-lab-list>: filters a list of labs by what they practise, the languages they take, topic, difficulty and pass
 * (lab-facets.ts decides), and marks the passed ones. The filters are kept in the URL's query (?kind=sql&status=open)
 * so a filtered list can be shared or reloaded.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { part } from '../parts.ts';
import { type LabFilter, type LabKind, labMatches } from '../../lib/labs/shared/lab-facets.ts';
import { markPassedLabs } from './lab-status.ts';

class LabList extends AtlasElement {
  protected connect(signal: AbortSignal) {
    const form = part(this, '[data-filters]', HTMLFormElement);
    const count = part(this, '[data-count]');
    const announce = part(this, '[data-filter-announce]');
    const items = [...this.querySelectorAll<HTMLLIElement>('[data-labs] > li')];
    // The URL's filters win; without any, a choice the learner made before this script loaded (or the browser
    // restored on going back) is kept and written to the URL, not reset.
    const params = new URLSearchParams(location.search);
    // A link from before API labs were listed under the languages they take: ?language=http meant the API labs.
    if (params.get('language') === 'http') {
      params.delete('language');
      params.set('kind', 'api');
    }
    const selects = [...form.querySelectorAll('select')];
    const fromUrl = selects.some((select) => params.has(select.name));
    if (fromUrl) for (const select of selects) select.value = params.get(select.name) ?? '';

    /** Filters and counts; the live region speaks only when the learner changed a filter, not on load. */
    const apply = (announced = false) => {
      const passed = getProgress().labs;
      const want = Object.fromEntries(new FormData(form)) as LabFilter;
      let shown = 0;
      for (const item of items) {
        const { lab = '', kind, labLanguages = '', difficulty = '', topics = '' } = item.dataset;
        const visible = labMatches(
          {
            kind: kind as LabKind,
            languages: labLanguages.split(' '),
            difficulty,
            topics: topics.split(' '),
            passed: !!passed[lab]?.passed,
          },
          want,
        );
        item.hidden = !visible;
        if (visible) shown++;
      }
      const passedCount = items.filter((i) => passed[i.dataset.lab ?? '']?.passed).length;
      count.textContent = `${shown} of ${items.length} labs shown · ${passedCount} passed`;
      if (announced) announce.textContent = `${shown} of ${items.length} labs shown`;
      markPassedLabs(this);
    };
    const filtered = () => {
      const query = new URLSearchParams(
        [...new FormData(form)].filter(([, v]) => v !== '') as [string, string][],
      ).toString();
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
      apply(true);
    };
    form.addEventListener('change', filtered, { signal });
    form.addEventListener('submit', (event) => event.preventDefault(), { signal });
    onProgressChange(() => apply(), signal);
    if (!fromUrl && selects.some((select) => select.value !== '')) filtered();
    else apply();
  }
}

defineElement('lab-list', LabList);
