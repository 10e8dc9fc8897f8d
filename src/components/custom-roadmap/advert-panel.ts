/**
 * "Start from a job advert": the learner pastes an advert; the matcher (src/lib/custom-roadmap/advert-match.ts)
 * finds our topics in it, here in the page — the text is sent nowhere and not kept. The panel lists what it found
 * with the words that matched and what the learner has finished already, the hours left and a finish date at their
 * pace, and proposes a roadmap of the ticked topics in our roadmaps' order (prerequisites.ts).
 */
import { getProgress, STATE_LABEL } from '../progress/progress.ts';
import { addDays, localDate } from '../../core/format/dates.ts';
import { formatDay } from '../../core/format/format.ts';
import { type AdvertMatch, type AdvertMatcher, compileCatalog } from '../../lib/custom-roadmap/advert-match.ts';
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, newRoadmapId } from '../../lib/custom-roadmap/model.ts';
import { proposeRoadmap } from '../../lib/custom-roadmap/proposal.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import { count } from '../../core/format/words.ts';

export class AdvertPanel {
  #matches: AdvertMatch[] = [];
  readonly #matcher: AdvertMatcher;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #root: HTMLElement;
  readonly #catalog: Catalog;
  readonly #propose: (roadmap: CustomRoadmap) => void;

  /** `signal` ends the panel's listeners and its pending match: the builder's, which ends when it leaves the page. */
  constructor(root: HTMLElement, catalog: Catalog, propose: (roadmap: CustomRoadmap) => void, signal: AbortSignal) {
    this.#root = root;
    this.#catalog = catalog;
    this.#propose = propose;
    this.#matcher = compileCatalog(
      Object.entries(catalog.topics).map(([id, t]) => ({ id, title: t.title, terms: t.terms })),
    );
    const text = part(root, '[data-advert-text]', HTMLTextAreaElement);
    const typed = () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#match(text.value), 200);
    };
    const ticked = (event: Event) => {
      if ((event.target as HTMLElement).matches('[data-advert-topic]')) this.#summarise();
    };
    text.addEventListener('input', typed, { signal });
    part(root, '[data-pace]', HTMLInputElement).addEventListener('input', () => this.#summarise(), { signal });
    root.addEventListener('change', ticked, { signal });
    part(root, '[data-use-advert]', HTMLButtonElement).addEventListener('click', () => this.#use(), { signal });
    signal.addEventListener('abort', () => clearTimeout(this.#timer), { once: true });
    // Text pasted while the matcher was loading.
    if (text.value) this.#match(text.value);
  }

  #match(text: string) {
    this.#matches = this.#matcher(text);
    const states = getProgress().topics;
    const list = part(this.#root, '[data-advert-list]');
    list.replaceChildren(
      ...this.#matches.map(({ id, words }) => {
        const state = states[id];
        const box = h('input', '', { type: 'checkbox', 'data-advert-topic': id, checked: true });
        const known = state ? h('span', 'badge', {}, `you: ${STATE_LABEL[state]}`) : '';
        return h(
          'li',
          'builder-match',
          {},
          h('label', 'font-semibold', {}, box, ` ${this.#catalog.topics[id]!.title}`),
          ' ',
          known,
          h('span', 'builder-matched', {}, `matched ${words.map((w) => `“${w}”`).join(', ')}`),
        );
      }),
    );
    part(this.#root, '[data-advert-result]').hidden = this.#matches.length === 0;
    part(this.#root, '[data-advert-none]').textContent =
      text.trim() && !this.#matches.length
        ? 'No topic of ours is named in this text yet. Paste the whole advert, requirements included.'
        : '';
    this.#summarise();
  }

  #picked(): string[] {
    return [...this.#root.querySelectorAll<HTMLInputElement>('[data-advert-topic]:checked')].map(
      (box) => box.dataset.advertTopic!,
    );
  }

  #summarise() {
    const states = getProgress().topics;
    const picked = this.#picked();
    const finished = picked.filter((id) => states[id] === 'done' || states[id] === 'skipped');
    const hours = picked
      .filter((id) => !finished.includes(id))
      .reduce((n, id) => n + (this.#catalog.topics[id]?.hours ?? 0), 0);
    const pace = Math.min(80, Math.max(1, Number(part(this.#root, '[data-pace]', HTMLInputElement).value) || 8));
    const weeks = Math.ceil(hours / pace);
    const finish = formatDay(addDays(localDate(new Date()), weeks * 7));
    part(this.#root, '[data-advert-summary]').textContent =
      `${count(this.#matches.length, 'topic')} found, ${picked.length} ticked${finished.length ? `, ${finished.length} of them finished already` : ''}. ` +
      (hours
        ? `About ${count(hours, 'hour')} to learn the rest: ${count(weeks, 'week')} at ${count(pace, 'hour')} a week, finishing around ${finish}.`
        : 'Nothing left to learn among them.');
    const use = part(this.#root, '[data-use-advert]', HTMLButtonElement);
    use.disabled = picked.length === 0;
    use.textContent =
      picked.length === 1 ? 'Make a roadmap of this topic' : `Make a roadmap of these ${picked.length} topics`;
  }

  #use() {
    const picked = this.#picked();
    if (!picked.length) return;
    this.#propose(
      proposeRoadmap(this.#catalog, picked, {
        id: newRoadmapId(),
        title: 'From a job advert',
        summary: `The ${count(picked.length, 'topic')} a job advert asks for, in the order our roadmaps teach them.`,
      }),
    );
  }
}
