/**
 * <atlas-roadmap-view>: the interactive layer over a roadmap page that is complete without it (RoadmapView.astro).
 * It reads the map (map-model.ts) and wires the concerns, each in its own module: status on the nodes
 * (status.ts), progress and where to continue (progress-summary.ts), notes marks (notes-markers.ts), topics due for
 * review (review-due.ts), copy-link buttons on stages (stage-links.ts), the topic filter (map-filter.ts); progress links
 * (share-link.ts, loaded when a link is opened or made), the study planner (planner.ts), reset with undo (reset.ts)
 * and saving for offline (save-offline.ts), all loaded on first use; marks on topics changed since the last visit
 * (changes-marks.ts, loaded with its data only for a returning learner) and on passed labs (lab-marks.ts).
 */
import { fill, plural } from '../../core/format/fill.ts';
import { AtlasElement, defineElement } from '../element.ts';
import { wordsOf } from '../words.ts';
import { type TopicState } from '../../lib/progress/progress-store.ts';
import { withRoadmapWorked, withTopicStates } from '../../lib/progress/progress-edits.ts';
import { rememberVisit } from '../../lib/roadmap/roadmap-visits.ts';
import { WALK_KEYS } from '../../lib/roadmap/walk-keys.ts';
import { part } from '../parts.ts';
import { writeStored } from '../storage.ts';
import {
  getProgress,
  notify,
  onProgressChange,
  recordRoadmapWork,
  saveProgress,
  setTopicState,
  takeStorageProblem,
} from '../progress/progress.ts';
import { type MapModel, readMap } from './map-model.ts';
import { paintNotes } from './notes-markers.ts';
import { paintProgress } from './progress-summary.ts';
import { paintReviewDue } from './review-due.ts';
import { addStageLinks } from './stage-links.ts';
import type { RoadmapWords } from './roadmap-words.ts';
import { addStatusControls, paintStatus } from './status.ts';

const shareLink = () => import('./share-link.ts');

class RoadmapView extends AtlasElement {
  #map!: MapModel;
  #shared: Record<string, TopicState> | undefined;
  /** Labs passed on this roadmap's topics, once lab-marks.ts has counted them (only for a learner who passed one). */
  #labsPassed = 0;
  /** What it says, in the page's language. */
  #words!: RoadmapWords;

  #query<T extends Element>(selector: string) {
    return this.querySelector<T>(selector);
  }

  protected connect(signal: AbortSignal) {
    this.#map = readMap(this);
    this.#words = wordsOf<RoadmapWords>(this);
    // Topic pages walk the roadmap a learner last opened (src/components/topic/roadmap-walk.ts); storage blocked:
    // they walk their primary roadmap.
    writeStored('local', WALK_KEYS.last, this.dataset.roadmap ?? '');
    this.#markSinceLastVisit();
    const state = (id: string) => this.#states()[id] ?? null;
    addStatusControls(this, this.#map, state, (id, next) => this.#mark(id, next), this.#words, signal);
    // A learner's roadmap lives in its link's fragment, which a stage anchor would replace.
    if (!this.hasAttribute('data-custom')) addStageLinks(this, (m) => this.#announce(m), this.#words, signal);
    if (location.hash.startsWith('#share=')) void this.#openShareLink();
    const problem = takeStorageProblem(this.#words.storage);
    if (problem) notify(this.#query('[data-notice]'), problem);
    this.#wireTools(signal);
    onProgressChange(() => this.#render(), signal);
    this.#wireSaveOffline(signal);
    for (const el of this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-enable]')) el.disabled = false;
    // The map's buttons, wired above (MapNode.astro says why they are aria-disabled, not disabled).
    for (const el of this.querySelectorAll('[aria-disabled]')) el.removeAttribute('aria-disabled');
    this.#render();
  }

  /** What changed since the last visit (fetched only for a returning learner), and the labs passed here. */
  #markSinceLastVisit() {
    const since = rememberVisit(this.dataset.roadmap ?? '');
    if (since)
      void import('./changes-marks.ts').then(({ markChanges }) => markChanges(this, this.#map, since, this.#words));
    const { labs } = getProgress();
    if (Object.values(labs).some((lab) => lab.passed))
      void import('./lab-marks.ts')
        .then(({ tickMapLabTags }) => tickMapLabTags(this.#map, labs))
        .then((passed) => {
          this.#labsPassed = passed;
          this.#render();
        });
  }

  /** Someone's progress from a share link (#share=…), shown read-only until imported or left. */
  async #openShareLink() {
    const shared = await (await shareLink()).readShareLink(this.#map.topicIds);
    if (shared && 'problem' in shared)
      notify(
        this.#query('[data-notice]'),
        fill(this.#words.unreadable, { reason: this.#words.shareProblems[shared.problem] }),
      );
    if (!shared || !('states' in shared)) return;
    this.#shared = shared.states;
    part(this, '[data-shared-banner]').hidden = false;
    if (shared.gone)
      notify(this.#query('[data-notice]'), plural(shared.gone, this.#words.goneOne, this.#words.goneMany));
    this.#render();
  }

  /** The tools above and below the map: share, import or leave shared progress, reset, filter and planner. */
  #wireTools(signal: AbortSignal) {
    const on = <K extends keyof HTMLElementEventMap>(
      selector: string,
      type: K,
      listener: (event: HTMLElementEventMap[K]) => void,
    ) => this.#query<HTMLElement>(selector)?.addEventListener(type, listener, { signal });
    on('[data-share]', 'click', () => void this.#copyShareLink());
    on('[data-import-shared]', 'click', () => void this.#importShared());
    on('[data-leave-shared]', 'click', () => this.#leaveShared());
    on('[data-reset]', 'click', () => void this.#reset());
    // The filter loads with the first letter typed: most visits never use it.
    on('[data-topic-filter]', 'input', (event) => {
      const text = (event.target as HTMLInputElement).value;
      void import('./map-filter.ts').then(({ filterMap }) => filterMap(this, this.#map, text));
    });
    on('[data-planner]', 'submit', (event) => void this.#plan(event));
  }

  /** "Save this roadmap for offline" (save-offline.ts, loaded on first use or when this roadmap is saved already). */
  #wireSaveOffline(signal: AbortSignal) {
    const root = this.#query<HTMLElement>('[data-offline]');
    // The page's own list: a translated roadmap saves its pages in its language.
    const roadmap = this.dataset.roadmap && root?.dataset.offline;
    if (!root || !roadmap || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let saver: Promise<import('./save-offline.ts').SaveOffline> | undefined;
    const load = () =>
      (saver ??= import('./save-offline.ts').then(({ SaveOffline }) => new SaveOffline(root, roadmap, this.#words)));
    root.hidden = false;
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element).closest('[data-offline-save], [data-offline-remove]');
      if (button) void load().then((saver) => saver.run(button.hasAttribute('data-offline-save') ? 'save' : 'remove'));
    };
    root.addEventListener('click', onClick, { signal });
    void caches.keys().then((names) => {
      if (names.some((name) => name.endsWith(`-roadmap-${roadmap}`))) void load().then((saver) => saver.refresh());
    });
  }

  /** This roadmap's id when it is one of ours: work on a learner's own roadmap is dated in its own record. */
  #ours() {
    return this.hasAttribute('data-custom') ? undefined : this.dataset.roadmap;
  }

  #states(): Record<string, TopicState> {
    return this.#shared ?? getProgress().topics;
  }

  #mark(id: string, state: TopicState | null) {
    if (this.#shared) {
      this.#announce(this.#words.sharedReadOnly);
      return;
    }
    setTopicState(id, state, this.#ours());
    this.#announce(
      fill(this.#words.marked, { title: this.#map.title(id), state: this.#words.states[state ?? 'none'] }),
    );
  }

  #render() {
    const states = this.#states();
    paintStatus(this.#map, states, !!this.#shared, this.#words);
    paintNotes(this.#map, getProgress().notes);
    paintReviewDue(
      this.#query('[data-review-due]'),
      this.dataset.roadmap ?? '',
      this.#map.topicIds,
      getProgress(),
      this.#words,
    );
    paintProgress(this, this.#map, states, this.#labsPassed, this.#words);
  }

  async #importShared() {
    if (!this.#shared) return;
    const { importShared } = await shareLink();
    const taken = withTopicStates(getProgress(), importShared(this.#map.topicIds, this.#shared));
    saveProgress(withRoadmapWorked(taken, this.#ours(), new Date()));
    this.#leaveShared(this.#words.imported);
  }

  #leaveShared(message = this.#words.showingOwn) {
    this.#shared = undefined;
    history.replaceState(null, '', location.pathname);
    part(this, '[data-shared-banner]').hidden = true;
    this.#render();
    this.#announce(message);
  }

  async #reset() {
    if (this.#shared) return this.#announce(this.#words.sharedNoReset);
    void (await import('./reset.ts')).resetRoadmap(
      this,
      this.#map,
      { id: this.dataset.roadmap!, title: this.dataset.title! },
      (m) => this.#announce(m),
      this.#words,
      this.signal,
    );
  }

  /** The planner (and its calendar file) loads when a learner asks for a plan, not with the map. */
  async #plan(event: SubmitEvent) {
    event.preventDefault();
    const { renderPlan } = await import('./planner.ts');
    const announcement = renderPlan(
      event.target as HTMLFormElement,
      part(this, '[data-plan]'),
      part(this, '[data-ics]', HTMLAnchorElement),
      this.#map,
      getProgress().topics,
      {
        id: this.dataset.roadmap ?? 'roadmap',
        title: this.dataset.title ?? document.title,
      },
      this.#words,
    );
    recordRoadmapWork(this.#ours());
    this.#announce(announcement);
  }

  async #copyShareLink() {
    const { copyText, shareUrl } = await shareLink();
    const url = await shareUrl(this.#map.topicIds, getProgress().topics);
    const copied = await copyText(url);
    this.#announce(copied ? this.#words.linkCopied : this.#words.copyBlocked);
    const field = this.#query<HTMLInputElement>('[data-share-url]');
    if (field) {
      field.value = url;
      field.hidden = false;
    }
  }

  #announce(message: string) {
    const region = this.#query('[data-announce]');
    if (region) region.textContent = message;
  }
}

defineElement('roadmap-view', RoadmapView);
