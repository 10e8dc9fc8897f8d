/**
 * <atlas-roadmap-builder> at /roadmaps/new/: one roadmap value, edited through the pure functions of
 * src/lib/custom-roadmap/edit.ts and re-rendered after each edit (builder-view.ts), kept in "My roadmaps" as the
 * learner works, and opened or shared as a link. It starts from: a roadmap of ours to copy (?from=<id>), one of
 * the learner's to edit (?edit=<id>), a roadmap link (#roadmap=…: the learner's own is edited, anyone else's
 * copied), or nothing. The job-advert panel (advert-panel.ts) proposes one.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { type Catalog, loadCatalog } from '../../lib/custom-roadmap/catalog.ts';
import * as edit from '../../lib/custom-roadmap/edit.ts';
import { type CustomRoadmap, customTopicIds, LIMITS, newRoadmapId } from '../../lib/custom-roadmap/model.ts';
import { prerequisiteHints } from '../../lib/custom-roadmap/prerequisites.ts';
import { startingRoadmap } from './builder-start.ts';
import { clickAction } from './builder-actions.ts';
import { cleanedRoadmap, groupName, readLinkForm } from './builder-fields.ts';
import { showTopicResults } from './builder-search.ts';
import { renderStages } from './builder-view.ts';
import { renderHints } from './builder-hints.ts';
import { part } from '../parts.ts';
import { count } from '../../core/format/words.ts';

/** The link codec, loaded when the roadmap is opened, copied, downloaded or read from a file. */
const link = () => import('../../lib/custom-roadmap/roadmap-link.ts');

class RoadmapBuilder extends AtlasElement {
  #roadmap!: CustomRoadmap;
  #catalog!: Catalog;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  protected async connect(signal: AbortSignal) {
    try {
      this.#catalog = await loadCatalog();
    } catch (error) {
      part(this, '[data-builder-status]').textContent =
        `The builder could not start: ${(error as Error).message}. Reload when you are back online.`;
      return;
    }
    const { roadmap, problem } = await startingRoadmap(this.#catalog, location);
    if (signal.aborted) return;
    this.#roadmap = roadmap;
    if (problem) this.#announce(problem);
    part(this, '[data-field="title"]', HTMLInputElement).value = this.#roadmap.title;
    part(this, '[data-field="summary"]', HTMLTextAreaElement).value = this.#roadmap.summary;
    this.addEventListener('click', (event) => this.#onClick(event), { signal });
    this.addEventListener('input', (event) => this.#onInput(event.target as HTMLInputElement), { signal });
    this.addEventListener('change', (event) => this.#onChange(event.target as HTMLInputElement), { signal });
    this.addEventListener('submit', (event) => this.#onSubmit(event), { signal });
    this.#loadAdvertPanel(signal);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    part(this, '[data-builder-status]').textContent = '';
    this.#render();
  }

  override disconnectedCallback() {
    if (this.#saveTimer !== undefined) this.#save();
    clearTimeout(this.#searchTimer);
    super.disconnectedCallback();
  }

  /** The advert matcher loads when the learner opens its panel. */
  #loadAdvertPanel(signal: AbortSignal) {
    const advert = part(this, '[data-advert]', HTMLDetailsElement);
    const panel = () =>
      void import('./advert-panel.ts').then(
        ({ AdvertPanel }) => new AdvertPanel(advert, this.#catalog, (proposal) => this.#useProposal(proposal), signal),
      );
    if (advert.open) panel();
    else advert.addEventListener('toggle', panel, { once: true, signal });
  }

  #render(focus?: string) {
    const key = focus ?? (document.activeElement as HTMLElement | null)?.dataset.key;
    renderStages(part(this, '[data-stages]'), this.#roadmap, this.#catalog);
    renderHints(part(this, '[data-hints]'), prerequisiteHints(this.#catalog, this.#roadmap), this.#catalog);
    const topics = customTopicIds(this.#roadmap).filter((id) => this.#catalog.topics[id]);
    const hours = topics.reduce((n, id) => n + this.#catalog.topics[id]!.hours, 0);
    part(this, '[data-builder-summary]').textContent =
      `${count(this.#roadmap.stages.length, 'stage')} · ${count(topics.length, 'topic')} · about ${count(hours, 'hour')}`;
    if (key) this.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  /** Applies an edit, saves it, re-renders, and says what happened. */
  #change(next: CustomRoadmap, message?: string, focus?: string) {
    this.#roadmap = next;
    this.#render(focus);
    if (message) this.#announce(message);
    this.#scheduleSave();
  }

  #onClick(event: Event) {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    const result = target && clickAction(this.#roadmap, this.#catalog, target, (question) => confirm(question));
    if (!result) return;
    if ('tool' in result) return void this[result.tool]();
    this.#change(result.next, result.message, result.focus);
  }

  #onInput(input: HTMLInputElement) {
    const field = input.dataset.field;
    if (field === 'title' || field === 'summary')
      this.#roadmap = { ...this.#roadmap, [field]: input.value.slice(0, LIMITS[field]) };
    else if (field === 'stage-title')
      this.#roadmap = edit.renameStage(this.#roadmap, Number(input.dataset.stage), input.value);
    else if (input.dataset.topicSearch !== undefined) return this.#search(input);
    else return;
    this.#scheduleSave();
  }

  #onChange(input: HTMLInputElement) {
    const at = { stage: Number(input.dataset.stage), index: Number(input.dataset.index) };
    if (input.dataset.field === 'optional')
      this.#change(edit.setTopicFlags(this.#roadmap, at, { optional: input.checked }));
    if (input.dataset.field === 'group') {
      const group = groupName(input.value);
      this.#change(
        edit.setTopicFlags(this.#roadmap, at, { alternative: group }),
        group ? `In the pick-one group “${group}”.` : 'Not in a pick-one group.',
      );
    }
    if (input.dataset.roadmapFile !== undefined) void this.#openFile(input);
  }

  #onSubmit(event: SubmitEvent) {
    const form = (event.target as HTMLElement).closest<HTMLFormElement>('[data-link-form]');
    if (!form) return;
    event.preventDefault();
    const read = readLinkForm(form);
    if (!read.ok) return void (part(form, '[data-link-error]').textContent = read.reason);
    const stage = Number(form.dataset.linkForm);
    this.#change(
      edit.addLink(this.#roadmap, stage, read.link),
      `Your link “${read.link.title}” added to stage ${stage + 1}.`,
      `search:${stage}`,
    );
  }

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #search(input: HTMLInputElement) {
    clearTimeout(this.#searchTimer);
    const stage = Number(input.dataset.topicSearch);
    this.#searchTimer = setTimeout(
      () =>
        void showTopicResults(
          part(this, `[data-search-results="${stage}"]`),
          input.value,
          stage,
          this.#catalog,
          this.#roadmap,
        ),
      150,
    );
  }

  #useProposal(proposal: CustomRoadmap) {
    const empty = customTopicIds(this.#roadmap).length === 0;
    // A roadmap with topics already stays in My roadmaps as it is; the proposal becomes a new one.
    const next = { ...proposal, id: empty ? this.#roadmap.id : newRoadmapId() };
    part(this, '[data-field="title"]', HTMLInputElement).value = next.title;
    part(this, '[data-field="summary"]', HTMLTextAreaElement).value = next.summary;
    this.#change(
      next,
      `A roadmap of ${count(customTopicIds(next).length, 'topic')} in ${count(next.stages.length, 'stage')} is below${empty ? '' : '; your previous roadmap stays in My roadmaps'}.`,
      'title',
    );
    part(this, '[data-stages]').scrollIntoView({ block: 'start' });
  }

  #scheduleSave() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), 300);
  }

  #save() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const progress = getProgress();
    const roadmap = cleanedRoadmap(this.#roadmap);
    const stored = saveProgress({
      ...progress,
      roadmaps: { ...progress.roadmaps, [roadmap.id]: { roadmap, origin: 'made', updated: new Date().toISOString() } },
    });
    part(this, '[data-saved]').textContent = stored
      ? `Kept in this browser (Your progress › My roadmaps) at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
      : 'This browser does not let the site save; open or copy the link to keep your roadmap.';
    return roadmap;
  }

  private async open() {
    location.assign(await (await link()).roadmapLink(location.origin, this.#save()));
  }

  private async download() {
    const [{ toRoadmapFile }, { downloadText }] = await Promise.all([link(), import('../progress/download.ts')]);
    downloadText(`${this.#roadmap.id}.roadmap.json`, toRoadmapFile(cleanedRoadmap(this.#roadmap)));
  }

  private async copy() {
    const { roadmapLink, CHAT_LINK_LIMIT } = await link();
    const url = await roadmapLink(location.origin, this.#save());
    const copied = await (await import('../roadmap/share-link.ts')).copyText(url);
    const long = url.length > CHAT_LINK_LIMIT;
    this.#announce(
      `${copied ? 'Link copied' : 'Copying is blocked here; copy the link from the field below'} (${url.length.toLocaleString('en')} characters).${long ? ` Some chat apps cut links over ${CHAT_LINK_LIMIT.toLocaleString('en')} characters: if it arrives broken, send the file (Download as file).` : ''}`,
    );
    const field = part(this, '[data-link-field]', HTMLInputElement);
    field.value = url;
    field.hidden = copied && !long;
  }

  async #openFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed =
      file.size > 1_000_000
        ? { ok: false as const, reason: 'the file is larger than any roadmap file' }
        : (await link()).parseRoadmapFile(await file.text());
    if (!parsed.ok)
      return this.#announce(`That file could not be opened: ${parsed.reason}. Your roadmap is unchanged.`);
    this.#useProposal({ ...parsed.value });
  }

  #announce(message: string) {
    part(this, '[data-builder-announce]').textContent = message;
  }
}

defineElement('roadmap-builder', RoadmapBuilder);
