/**
 * <roadmap-view>: the interactive layer over a roadmap page that is complete without it.
 * - progress: a status button on every topic node, keyboard shortcuts (D done, L learning, S skipped,
 *   N not started) on the focused node, a progress bar overall and per stage;
 * - sharing: "Copy share link" puts this roadmap's progress in the URL fragment (#share=…); opening such a link
 *   shows that progress read-only with an offer to import it; a damaged link shows the plain roadmap and a notice;
 * - copy-link buttons on stage headings;
 * - the study planner: remaining topics laid out by week, downloadable as an .ics calendar.
 */
import { planToIcs } from '../lib/ics';
import type { TopicState } from '../lib/progress-store';
import { type ProgressStage, remainingTopics, roadmapProgress } from '../lib/roadmap-progress';
import { decodeShareCode, encodeShareCode } from '../lib/share-code';
import { planWeeks } from '../lib/study-planner';
import { getProgress, notify, onProgressChange, saveProgress, setTopicState, STATE_LABEL, takeStorageProblem } from './progress';

const CYCLE: (TopicState | null)[] = [null, 'learning', 'done', 'skipped'];
const GLYPH = { none: '○', learning: '◐', done: '✓', skipped: '–' } as const;
const SHORTCUTS: Record<string, TopicState | null> = { d: 'done', l: 'learning', s: 'skipped', n: null };

class RoadmapView extends HTMLElement {
  private stages: ProgressStage[] = [];
  private topicIds: string[] = [];
  private shared: Record<string, TopicState> | undefined;
  private nodes = new Map<string, HTMLElement>();

  private $<T extends Element>(selector: string) {
    return this.querySelector<T>(selector);
  }

  connectedCallback() {
    this.stages = [...this.querySelectorAll<HTMLElement>('[data-stage]')].map((stage) => ({
      id: stage.dataset.stage!,
      topics: [...stage.querySelectorAll<HTMLElement>('[data-topic]')].map((node) => {
        this.nodes.set(node.dataset.topic!, node);
        return { id: node.dataset.topic!, optional: node.hasAttribute('data-optional'), alternative: node.dataset.alternative };
      }),
    }));
    this.topicIds = this.stages.flatMap((s) => s.topics.map((t) => t.id));
    for (const [id, node] of this.nodes) node.append(this.statusButton(id));
    for (const heading of this.querySelectorAll<HTMLElement>('.rg-stage-title')) heading.append(this.copyLinkButton(heading.closest<HTMLElement>('[data-stage]')!.id));

    this.readShareLink();
    const problem = takeStorageProblem();
    if (problem) notify(this.$('[data-notice]'), problem);

    this.addEventListener('keydown', (event) => this.onKey(event));
    this.$('[data-share]')?.addEventListener('click', () => void this.copyShareLink());
    this.$('[data-import-shared]')?.addEventListener('click', () => this.importShared());
    this.$('[data-leave-shared]')?.addEventListener('click', () => this.leaveShared());
    this.$<HTMLInputElement>('[data-topic-filter]')?.addEventListener('input', (event) => this.filter((event.target as HTMLInputElement).value));
    this.$<HTMLFormElement>('[data-planner]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.plan();
    });
    onProgressChange(() => this.render());
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    for (const el of this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-enable]')) el.disabled = false;
    this.render();
  }

  private states(): Record<string, TopicState> {
    return this.shared ?? getProgress().topics;
  }

  private topicTitle(id: string) {
    return this.nodes.get(id)?.querySelector('a')?.textContent?.trim() ?? id;
  }

  private statusButton(id: string) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rg-status no-print';
    button.dataset.status = id;
    button.addEventListener('click', () => {
      const now = this.states()[id] ?? null;
      this.mark(id, CYCLE[(CYCLE.indexOf(now) + 1) % CYCLE.length]!);
    });
    return button;
  }

  private copyLinkButton(anchor: string) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rg-copy no-print';
    button.textContent = 'Copy link';
    button.setAttribute('aria-label', `Copy link to this stage`);
    button.addEventListener('click', () => void this.copy(`${location.origin}${location.pathname}#${anchor}`, 'Link to the stage copied.'));
    return button;
  }

  private mark(id: string, state: TopicState | null) {
    if (this.shared) {
      this.announce('This is someone else’s shared progress; import it or go back to yours to make changes.');
      return;
    }
    setTopicState(id, state);
    this.announce(`${this.topicTitle(id)}: ${STATE_LABEL[state ?? 'none']}.`);
  }

  private onKey(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (!(key in SHORTCUTS)) return;
    const node = (event.target as Element).closest<HTMLElement>('[data-topic]');
    if (!node || (event.target as Element).closest('input, textarea, select')) return;
    event.preventDefault();
    this.mark(node.dataset.topic!, SHORTCUTS[key]!);
  }

  private render() {
    const states = this.states();
    for (const [id, node] of this.nodes) {
      const state = states[id];
      if (state) node.dataset.state = state;
      else delete node.dataset.state;
      const button = node.querySelector<HTMLButtonElement>('[data-status]')!;
      const label = STATE_LABEL[state ?? 'none'];
      button.textContent = GLYPH[state ?? 'none'];
      button.setAttribute('aria-label', `${this.topicTitle(id)}: ${label}. Change status`);
      button.title = `Status: ${label} (keys: D done, L learning, S skipped, N not started)`;
      button.disabled = !!this.shared;
    }
    const progress = roadmapProgress(this.stages, states);
    for (const stage of progress.stages) {
      const slot = this.$(`[data-stage="${stage.id}"] [data-stage-progress]`);
      if (slot) slot.textContent = stage.total ? `${stage.finished} of ${stage.total} finished` : '';
    }
    const bar = this.$<HTMLProgressElement>('[data-progress-bar]');
    if (bar) {
      bar.max = progress.total;
      bar.value = progress.finished;
    }
    const summary = this.$('[data-progress-summary]');
    if (summary) {
      summary.textContent = `${progress.finished} of ${progress.total} finished · ${progress.done} done · ${progress.learning} learning · ${progress.skipped} skipped`;
    }
  }

  /** Narrows the graph to topics whose name contains the text; the graph turns into a list while filtering. */
  private filter(text: string) {
    const needle = text.trim().toLowerCase();
    const graph = this.$<HTMLElement>('.rg')!;
    graph.toggleAttribute('data-filtering', needle.length > 0);
    let shown = 0;
    for (const [id, node] of this.nodes) {
      const match = !needle || this.topicTitle(id).toLowerCase().includes(needle);
      node.hidden = !match;
      if (match) shown++;
    }
    for (const stage of this.querySelectorAll<HTMLElement>('[data-stage]')) {
      stage.hidden = !!needle && !stage.querySelector('[data-topic]:not([hidden])');
    }
    const status = this.$('[data-filter-status]');
    if (status) status.textContent = needle ? `${shown} of ${this.nodes.size} topics match “${text.trim()}”.` : '';
  }

  private readShareLink() {
    const match = /^#share=(.*)$/.exec(location.hash);
    if (!match) return;
    const decoded = decodeShareCode(decodeURIComponent(match[1]!), this.topicIds);
    if (!decoded.ok) {
      notify(this.$('[data-notice]'), `This share link could not be read (${decoded.reason}), so the roadmap is shown without it.`);
      return;
    }
    this.shared = decoded.states;
    const banner = this.$<HTMLElement>('[data-shared-banner]');
    if (banner) banner.hidden = false;
  }

  private importShared() {
    if (!this.shared) return;
    const topics = { ...getProgress().topics };
    for (const id of this.topicIds) {
      if (this.shared[id]) topics[id] = this.shared[id]!;
    }
    saveProgress({ ...getProgress(), topics });
    this.leaveShared('The shared progress is now your own on this roadmap.');
  }

  private leaveShared(message = 'Showing your own progress.') {
    this.shared = undefined;
    history.replaceState(null, '', location.pathname);
    const banner = this.$<HTMLElement>('[data-shared-banner]');
    if (banner) banner.hidden = true;
    this.render();
    this.announce(message);
  }

  private async copyShareLink() {
    const url = `${location.origin}${location.pathname}#share=${encodeShareCode(this.topicIds, getProgress().topics)}`;
    await this.copy(url, 'Share link copied. Anyone who opens it sees your progress on this roadmap, read-only.');
    const field = this.$<HTMLInputElement>('[data-share-url]');
    if (field) {
      field.value = url;
      field.hidden = false;
    }
  }

  private async copy(text: string, confirmation: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.announce(confirmation);
    } catch {
      this.announce('Copying is blocked in this browser; the link is shown so you can copy it yourself.');
    }
  }

  private announce(message: string) {
    const region = this.$('[data-announce]');
    if (region) region.textContent = message;
  }

  private plan() {
    const form = this.$<HTMLFormElement>('[data-planner]')!;
    const hours = Number((form.elements.namedItem('hours') as HTMLInputElement).value);
    const startValue = (form.elements.namedItem('start') as HTMLInputElement).value;
    const output = this.$<HTMLElement>('[data-plan]')!;
    if (!(hours > 0 && hours <= 80)) {
      output.textContent = 'Enter between 1 and 80 hours a week.';
      return;
    }
    const start = startValue ? new Date(`${startValue}T00:00:00Z`) : new Date();
    const topics = remainingTopics(this.stages, getProgress().topics).map((id) => ({
      id,
      title: this.topicTitle(id),
      hours: Number(this.nodes.get(id)?.dataset.hours ?? 1),
    }));
    const weeks = planWeeks(topics, hours, start);
    output.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'font-semibold';
    heading.textContent = weeks.length
      ? `${topics.length} topics left: ${weeks.length} weeks at ${hours} h a week, starting ${weeks[0]!.start}.`
      : 'Nothing left to plan: every topic is finished.';
    const list = document.createElement('ol');
    list.className = 'mt-2 space-y-1';
    for (const week of weeks) {
      const item = document.createElement('li');
      item.textContent = `Week ${week.week} (${week.start}): ${week.items.map((i) => `${i.title} ${i.hours} h${i.continues ? ' (cont.)' : ''}`).join(', ')}`;
      list.append(item);
    }
    output.append(heading, list);
    const download = this.$<HTMLAnchorElement>('[data-ics]')!;
    const title = this.dataset.title ?? document.title;
    const ics = planToIcs({ weeks, roadmapTitle: title, url: `${location.origin}${location.pathname}`, now: new Date() });
    if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    download.download = `${this.dataset.roadmap ?? 'roadmap'}-study-plan.ics`;
    download.hidden = weeks.length === 0;
    this.announce(heading.textContent);
  }
}

customElements.define('roadmap-view', RoadmapView);
