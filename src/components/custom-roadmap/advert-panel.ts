/**
 * "Start from a job advert": the learner pastes an advert; the matcher (src/lib/custom-roadmap/advert-match.ts)
 * finds our topics in it, here in the page — the text is sent nowhere and not kept. The panel lists what it found
 * with the words that matched and what the learner has finished already, the hours left and a finish date at their
 * pace, and proposes a roadmap of the ticked topics in our roadmaps' order (prerequisites.ts).
 */
import { getProgress, STATE_LABEL } from '../progress/progress.ts';
import { addDays, localDate } from '../../lib/format/dates.ts';
import { formatDay } from '../../lib/format/format.ts';
import { type AdvertMatch, type AdvertMatcher, compileCatalog } from '../../lib/custom-roadmap/advert-match.ts';
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, newRoadmapId } from '../../lib/custom-roadmap/model.ts';
import { proposeRoadmap } from '../../lib/custom-roadmap/proposal.ts';
import { h } from '../dom.ts';

export class AdvertPanel {
  private matches: AdvertMatch[] = [];
  private readonly matcher: AdvertMatcher;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly root: HTMLElement;
  private readonly catalog: Catalog;
  private readonly propose: (roadmap: CustomRoadmap) => void;

  constructor(root: HTMLElement, catalog: Catalog, propose: (roadmap: CustomRoadmap) => void) {
    this.root = root;
    this.catalog = catalog;
    this.propose = propose;
    this.matcher = compileCatalog(
      Object.entries(catalog.topics).map(([id, t]) => ({ id, title: t.title, terms: t.terms })),
    );
    const text = root.querySelector<HTMLTextAreaElement>('[data-advert-text]')!;
    text.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.match(text.value), 200);
    });
    root.querySelector('[data-pace]')!.addEventListener('input', () => this.summarise());
    root.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).matches('[data-advert-topic]')) this.summarise();
    });
    root.querySelector('[data-use-advert]')!.addEventListener('click', () => this.use());
    // Text pasted while the matcher was loading.
    if (text.value) this.match(text.value);
  }

  private match(text: string) {
    this.matches = this.matcher(text);
    const states = getProgress().topics;
    const list = this.root.querySelector('[data-advert-list]')!;
    list.replaceChildren(
      ...this.matches.map(({ id, words }) => {
        const state = states[id];
        const box = h('input', '', { type: 'checkbox', 'data-advert-topic': id, checked: true });
        const known = state ? h('span', 'badge', {}, `you: ${STATE_LABEL[state]}`) : '';
        return h(
          'li',
          'builder-match',
          {},
          h('label', 'font-semibold', {}, box, ` ${this.catalog.topics[id]!.title}`),
          ' ',
          known,
          h('span', 'builder-matched', {}, `matched ${words.map((w) => `“${w}”`).join(', ')}`),
        );
      }),
    );
    this.root.querySelector<HTMLElement>('[data-advert-result]')!.hidden = this.matches.length === 0;
    this.root.querySelector('[data-advert-none]')!.textContent =
      text.trim() && !this.matches.length
        ? 'No topic of ours is named in this text yet. Paste the whole advert, requirements included.'
        : '';
    this.summarise();
  }

  private picked(): string[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('[data-advert-topic]:checked')].map(
      (box) => box.dataset.advertTopic!,
    );
  }

  private summarise() {
    const states = getProgress().topics;
    const picked = this.picked();
    const finished = picked.filter((id) => states[id] === 'done' || states[id] === 'skipped');
    const hours = picked
      .filter((id) => !finished.includes(id))
      .reduce((n, id) => n + (this.catalog.topics[id]?.hours ?? 0), 0);
    const pace = Math.min(
      80,
      Math.max(1, Number(this.root.querySelector<HTMLInputElement>('[data-pace]')!.value) || 8),
    );
    const weeks = Math.ceil(hours / pace);
    const finish = formatDay(addDays(localDate(new Date()), weeks * 7));
    this.root.querySelector('[data-advert-summary]')!.textContent =
      `${this.matches.length} topics found, ${picked.length} ticked${finished.length ? `, ${finished.length} of them finished already` : ''}. ` +
      (hours
        ? `About ${hours} hours to learn the rest: ${weeks} ${weeks === 1 ? 'week' : 'weeks'} at ${pace} hours a week, finishing around ${finish}.`
        : 'Nothing left to learn among them.');
    const use = this.root.querySelector<HTMLButtonElement>('[data-use-advert]')!;
    use.disabled = picked.length === 0;
    use.textContent = `Make a roadmap of these ${picked.length} topics`;
  }

  private use() {
    const picked = this.picked();
    if (!picked.length) return;
    this.propose(
      proposeRoadmap(this.catalog, picked, {
        id: newRoadmapId(),
        title: 'From a job advert',
        summary: `The ${picked.length} topics a job advert asks for, in the order our roadmaps teach them.`,
      }),
    );
  }
}
