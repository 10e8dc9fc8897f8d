/**
 * <roadmap-view>: the interactive layer over a roadmap page that is complete without it (RoadmapView.astro).
 * It reads the map (map-model.ts) and wires the concerns, each in its own module: status on the nodes
 * (status.ts), notes marks (notes-markers.ts), topics due for review (review-due.ts), the progress link (share-link.ts, loaded
 * when a link is opened or made),
 * the study planner (planner.ts), reset with undo (reset.ts) and saving for offline (save-offline.ts), all loaded
 * on first use, marks on topics changed since the last visit (changes-marks.ts, loaded with its data only for a
 * returning learner); here: progress, where to continue, copy-link buttons on stages and the topic filter.
 */
import { type TopicState } from '../../lib/progress/progress-store.ts';
import { withTopicStates } from '../../lib/progress/progress-edits.ts';
import { remainingTopics, roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { rememberVisit } from '../../lib/roadmap/roadmap-visits.ts';
import { WALK_KEYS } from '../../lib/roadmap/roadmap-walk.ts';
import {
  getProgress,
  notify,
  onProgressChange,
  saveProgress,
  setTopicState,
  STATE_LABEL,
  takeStorageProblem,
} from '../progress/progress.ts';
import { type MapModel, readMap } from './map-model.ts';
import { filterMap } from './map-filter.ts';
import { paintNotes } from './notes-markers.ts';
import { paintReviewDue } from './review-due.ts';
import { addStatusControls, paintStatus } from './status.ts';

class RoadmapView extends HTMLElement {
  private map!: MapModel;
  private shared: Record<string, TopicState> | undefined;
  /** Labs passed on this roadmap's topics, once lab-marks.ts has counted them (only for a learner who passed one). */
  private labsPassed = 0;

  private $<T extends Element>(selector: string) {
    return this.querySelector<T>(selector);
  }

  connectedCallback() {
    this.map = readMap(this);
    try {
      // Topic pages walk the roadmap a learner last opened (src/components/topic/roadmap-walk.ts).
      localStorage.setItem(WALK_KEYS.last, this.dataset.roadmap ?? '');
    } catch {
      // Storage blocked: topic pages walk their primary roadmap.
    }
    // A returning learner sees what changed since the last visit; the dates are fetched only then (changes-marks.ts).
    const since = rememberVisit(this.dataset.roadmap ?? '');
    if (since) void import('./changes-marks.ts').then(({ markChanges }) => markChanges(this, this.map, since));
    const { labs } = getProgress();
    if (Object.values(labs).some((lab) => lab.passed))
      void import('./lab-marks.ts')
        .then(({ tickMapLabTags }) => tickMapLabTags(this.map, labs))
        .then((passed) => {
          this.labsPassed = passed;
          this.render();
        });
    addStatusControls(
      this,
      this.map,
      (id) => this.states()[id] ?? null,
      (id, state) => this.mark(id, state),
    );
    // A learner's roadmap lives in its link's fragment, which a stage anchor would replace.
    if (!this.hasAttribute('data-custom'))
      for (const meta of this.querySelectorAll<HTMLElement>('.rg-stage-meta'))
        meta.append(this.copyLinkButton(meta.closest<HTMLElement>('[data-stage]')!.id));

    const shareLink = () => import('./share-link.ts');
    if (location.hash.startsWith('#share='))
      void shareLink()
        .then(({ readShareLink }) => readShareLink(this.map.topicIds))
        .then((shared) => {
          if (shared && 'problem' in shared) notify(this.$('[data-notice]'), shared.problem);
          if (!shared || !('states' in shared)) return;
          this.shared = shared.states;
          this.$<HTMLElement>('[data-shared-banner]')!.hidden = false;
          if (shared.gone)
            notify(
              this.$('[data-notice]'),
              `The roadmap has changed since the link was made: ${shared.gone === 1 ? '1 topic in it is' : `${shared.gone} topics in it are`} no longer on it.`,
            );
          this.render();
        });
    const problem = takeStorageProblem();
    if (problem) notify(this.$('[data-notice]'), problem);

    this.$('[data-share]')?.addEventListener('click', () => void this.copyShareLink());
    this.$('[data-import-shared]')?.addEventListener('click', async () => {
      if (!this.shared) return;
      const { importShared } = await shareLink();
      saveProgress(withTopicStates(getProgress(), importShared(this.map.topicIds, this.shared)));
      this.leaveShared('The shared progress is now your own on this roadmap.');
    });
    this.$('[data-leave-shared]')?.addEventListener('click', () => this.leaveShared());
    this.$('[data-reset]')?.addEventListener('click', async () => {
      if (this.shared) return this.announce('This is someone else’s shared progress; go back to yours to reset it.');
      (await import('./reset.ts')).resetRoadmap(
        this,
        this.map,
        { id: this.dataset.roadmap!, title: this.dataset.title! },
        (m) => this.announce(m),
      );
    });
    this.$<HTMLInputElement>('[data-topic-filter]')?.addEventListener('input', (event) =>
      filterMap(this, this.map, (event.target as HTMLInputElement).value),
    );
    this.$<HTMLFormElement>('[data-planner]')?.addEventListener('submit', async (event) => {
      event.preventDefault();
      // The planner (and its calendar file) loads when a learner asks for a plan, not with the map.
      const { renderPlan } = await import('./planner.ts');
      const announcement = renderPlan(
        event.target as HTMLFormElement,
        this.$('[data-plan]')!,
        this.$('[data-ics]')!,
        this.map,
        getProgress().topics,
        {
          id: this.dataset.roadmap ?? 'roadmap',
          title: this.dataset.title ?? document.title,
        },
      );
      this.announce(announcement);
    });
    onProgressChange(() => this.render());
    this.wireSaveOffline();
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    for (const el of this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-enable]')) el.disabled = false;
    this.render();
  }

  /** "Save this roadmap for offline" (save-offline.ts, loaded on first use or when this roadmap is saved already). */
  private wireSaveOffline() {
    const root = this.$<HTMLElement>('[data-offline]');
    const roadmap = this.dataset.roadmap;
    if (!root || !roadmap || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let saver: Promise<import('./save-offline.ts').SaveOffline> | undefined;
    const load = () =>
      (saver ??= import('./save-offline.ts').then(({ SaveOffline }) => new SaveOffline(root, roadmap)));
    root.hidden = false;
    root.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('[data-offline-save], [data-offline-remove]');
      if (button) void load().then((saver) => saver.run(button.hasAttribute('data-offline-save') ? 'save' : 'remove'));
    });
    void caches.keys().then((names) => {
      if (names.some((name) => name.endsWith(`-roadmap-${roadmap}`))) void load().then((saver) => saver.refresh());
    });
  }

  private states(): Record<string, TopicState> {
    return this.shared ?? getProgress().topics;
  }

  private mark(id: string, state: TopicState | null) {
    if (this.shared) {
      this.announce('This is someone else’s shared progress; import it or go back to yours to make changes.');
      return;
    }
    setTopicState(id, state);
    this.announce(`${this.map.title(id)}: ${STATE_LABEL[state ?? 'none']}.`);
  }

  private render() {
    const states = this.states();
    paintStatus(this.map, states, !!this.shared);
    paintNotes(this.map, getProgress().notes);
    paintReviewDue(this.$('[data-review-due]'), this.dataset.roadmap ?? '', this.map.topicIds, getProgress());
    const progress = roadmapProgress(this.map.stages, states);
    const next = remainingTopics(this.map.stages, states)[0];
    const nextStage = this.map.stages.find((s) => s.topics.some((t) => t.id === next))?.id;
    const started = progress.done + progress.learning + progress.skipped > 0;
    for (const stage of progress.stages) {
      const el = this.$<HTMLElement>(`[data-stage="${stage.id}"]`);
      if (!el) continue;
      el.querySelector('[data-stage-progress]')!.textContent = stage.total
        ? `${stage.finished} of ${stage.total} finished`
        : '';
      el.toggleAttribute('data-finished', stage.total > 0 && stage.finished === stage.total);
      el.toggleAttribute('data-current', started && stage.id === nextStage);
    }
    for (const [id, node] of this.map.nodes) node.toggleAttribute('data-next', started && id === next);
    const bar = this.$<HTMLProgressElement>('[data-progress-bar]');
    if (bar) {
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.finished;
    }
    const summary = this.$('[data-progress-summary]');
    if (summary) {
      const labs = this.labsPassed ? ` · ${this.labsPassed} lab${this.labsPassed === 1 ? '' : 's'} passed` : '';
      summary.textContent = `${progress.finished} of ${progress.total} required finished · ${progress.done} done · ${progress.learning} learning · ${progress.skipped} skipped${labs}`;
    }
    const resume = this.$<HTMLElement>('[data-continue]');
    const link = this.$<HTMLAnchorElement>('[data-continue-link]');
    if (resume && link) {
      resume.hidden = !next;
      if (next) {
        link.href = this.map.nodes.get(next)?.querySelector('a')?.getAttribute('href') ?? `#${next}`;
        link.textContent = this.map.title(next);
      }
    }
  }

  private copyLinkButton(anchor: string) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rg-copy no-print';
    button.textContent = 'Copy link';
    button.setAttribute('aria-label', 'Copy link to this stage');
    button.addEventListener('click', async () => {
      const url = `${location.origin}${location.pathname}#${anchor}`;
      const copied = await (await import('./share-link.ts')).copyText(url);
      this.announce(copied ? 'Link to the stage copied.' : `Copying is blocked in this browser; the link is ${url}`);
      // Said on the button too, for everyone who sees it: "Copied ✓" for two seconds.
      if (!copied) return;
      button.textContent = 'Copied ✓';
      setTimeout(() => (button.textContent = 'Copy link'), 2000);
    });
    return button;
  }

  private leaveShared(message = 'Showing your own progress.') {
    this.shared = undefined;
    history.replaceState(null, '', location.pathname);
    this.$<HTMLElement>('[data-shared-banner]')!.hidden = true;
    this.render();
    this.announce(message);
  }

  private async copyShareLink() {
    const { copyText, shareUrl } = await import('./share-link.ts');
    const url = await shareUrl(this.map.topicIds, getProgress().topics);
    const copied = await copyText(url);
    this.announce(
      copied
        ? 'Progress link copied. Anyone who opens it sees your progress on this roadmap, read-only.'
        : 'Copying is blocked in this browser; the link is shown so you can copy it yourself.',
    );
    const field = this.$<HTMLInputElement>('[data-share-url]');
    if (field) {
      field.value = url;
      field.hidden = false;
    }
  }

  private announce(message: string) {
    const region = this.$('[data-announce]');
    if (region) region.textContent = message;
  }
}

customElements.define('roadmap-view', RoadmapView);
