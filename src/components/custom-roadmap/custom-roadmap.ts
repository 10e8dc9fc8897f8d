/**
 * <atlas-custom-roadmap>: reads the roadmap in the page's link (#roadmap=…, roadmap-link.ts) or a file the learner opens,
 * draws it (custom-map.ts) inside a <atlas-roadmap-view> cloned from the page's template, and keeps it in "My roadmaps"
 * (the progress store's roadmaps section). Opening a link never overwrites anything: a roadmap this browser
 * already keeps in another version stays as it is, and the learner may keep the link's version as a copy.
 */
import { AtlasElement, defineElement } from '../element.ts';
import '../roadmap/roadmap-view.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { type Catalog, currentOutline, loadCatalog } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, newRoadmapId, sameRoadmap, usableRoadmap } from '../../lib/custom-roadmap/model.ts';
import {
  CHAT_LINK_LIMIT,
  codeFromHash,
  decodeRoadmap,
  parseRoadmapFile,
  roadmapLink,
  toRoadmapFile,
} from '../../lib/custom-roadmap/roadmap-link.ts';
import { formatCounts, roadmapCounts } from '../../lib/roadmap/roadmap-structure.ts';
import { part } from '../parts.ts';
import { drawCustomMap } from './custom-map.ts';
import { count } from '../../core/format/words.ts';

/** The facts line under the page's title (in PageIntro, outside this element). */
const facts = () => document.querySelector<HTMLElement>('[data-roadmap-facts]') ?? document.createElement('p');

class CustomRoadmapElement extends AtlasElement {
  #roadmap: CustomRoadmap | undefined;

  protected connect(signal: AbortSignal) {
    this.addEventListener('click', (event) => this.#onClick(event.target as Element), { signal });
    const file = part(this, '[data-roadmap-file]', HTMLInputElement);
    file.addEventListener('change', () => void this.#openFile(file), { signal });
    addEventListener('hashchange', () => location.reload(), { signal });
    void this.#openLink();
  }

  #onClick(target: Element) {
    if (target.closest('[data-copy-roadmap]')) void this.#copyLink();
    if (target.closest('[data-download-roadmap]') && this.#roadmap) void this.#download(this.#roadmap);
    if (target.closest('[data-keep-version]')) this.#keepAsCopy();
  }

  #status(message: string) {
    part(this, '[data-custom-status]').textContent = message;
  }

  #problem(message: string) {
    this.#status('');
    part(this, '[data-problem-text]').textContent = message;
    part(this, '[data-custom-problem]').hidden = false;
  }

  async #openLink() {
    const code = codeFromHash(location.hash);
    if (code === undefined) {
      this.#status('');
      const intro = document.querySelector('h1');
      if (intro) intro.textContent = 'Open a roadmap';
      facts().textContent =
        'This page shows a roadmap carried in its link, or one you open from a file. Make your own on the roadmap builder.';
      return;
    }
    this.#status('Reading the roadmap in this link…');
    const decoded = await decodeRoadmap(code);
    if (!decoded.ok) return this.#problem(`This link could not be opened: ${decoded.reason}.`);
    await this.#show(decoded.value, 'link');
  }

  async #openFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 1_000_000)
      return this.#problem('That file is larger than any roadmap file this site makes, so it was not opened.');
    const parsed = parseRoadmapFile(await file.text());
    if (!parsed.ok) return this.#problem(`That file could not be opened: ${parsed.reason}.`);
    history.replaceState(null, '', location.pathname);
    const link = await roadmapLink(location.origin, parsed.value);
    // The file becomes this page's link, so the map, the walk and a reload all see it.
    location.replace(link);
  }

  async #show(roadmap: CustomRoadmap, from: 'link') {
    let catalog: Catalog;
    try {
      catalog = await loadCatalog();
    } catch (error) {
      return this.#problem(
        `The roadmap could not be drawn: ${(error as Error).message}. Reload when you are back online.`,
      );
    }
    this.#roadmap = roadmap;
    part(this, '[data-custom-problem]').hidden = true;
    const { map, gone } = drawCustomMap(roadmap, catalog);
    const h1 = document.querySelector('h1');
    if (h1) h1.textContent = roadmap.title;
    document.title = `${roadmap.title} · a learner's roadmap · Backend Atlas`;
    const counts = roadmapCounts(currentOutline(roadmap, catalog));
    const links = roadmap.stages.reduce((n, s) => n + s.items.filter((i) => i.kind === 'link').length, 0);
    facts().textContent = [
      roadmap.summary,
      `${count(roadmap.stages.length, 'stage')} · ${count(counts.topics, 'topic')} (${formatCounts(counts)})${links ? ` · ${links} of the author's own links` : ''}`,
    ]
      .filter(Boolean)
      .join(' — ');

    const view = (part(this, 'template[data-view]', HTMLTemplateElement).content.cloneNode(true) as DocumentFragment)
      .firstElementChild as HTMLElement;
    view.dataset.roadmap = roadmap.id;
    view.dataset.title = roadmap.title;
    // Progress links and offline copies are for our roadmaps' pages; this roadmap's own link is above.
    for (const extra of view.querySelectorAll('[data-share], [data-share-url], [data-offline]')) extra.remove();
    part(view, '[data-topic-count]').textContent = String(counts.topics);
    part(view, '[data-counts]').textContent = formatCounts(counts);
    part(view, '[data-map-slot]').replaceWith(map);
    part(this, '[data-open-file]').hidden = true;
    this.append(view);
    this.#status(
      gone.length
        ? `${gone.length === 1 ? '1 topic in this roadmap is' : `${gone.length} topics in this roadmap are`} no longer on the site; the rest is shown.`
        : '',
    );
    if (from === 'link') this.#keep(roadmap);
    const edit = part(this, '[data-edit-roadmap]', HTMLAnchorElement);
    edit.href = `/roadmaps/new/${location.hash}`;
    edit.textContent = getProgress().roadmaps[roadmap.id]?.origin === 'made' ? 'Edit this roadmap' : 'Edit a copy';
    void this.#warnIfLong();
  }

  /** Keeps an opened roadmap in My roadmaps, unless this browser keeps another version of it already. */
  #keep(roadmap: CustomRoadmap) {
    const progress = getProgress();
    const saved = progress.roadmaps[roadmap.id];
    const mine = usableRoadmap(saved);
    if (mine && sameRoadmap(mine, roadmap)) return;
    if (saved) {
      this.#status(
        `Your browser keeps another version of “${mine?.title ?? saved.roadmap.title}” (in Your progress, My roadmaps); it stays as it was. This page shows the version in the link.`,
      );
      part(this, '[data-keep-version]').hidden = false;
      return;
    }
    if (Object.keys(progress.roadmaps).length >= 200)
      return this.#status(
        'My roadmaps is full (200 roadmaps), so this one is shown but not kept. Delete one in Your progress to keep it.',
      );
    saveProgress({
      ...progress,
      roadmaps: {
        ...progress.roadmaps,
        [roadmap.id]: { roadmap, origin: 'opened', updated: new Date().toISOString() },
      },
    });
  }

  #keepAsCopy() {
    if (!this.#roadmap) return;
    const copy = { ...this.#roadmap, id: newRoadmapId() };
    const progress = getProgress();
    saveProgress({
      ...progress,
      roadmaps: {
        ...progress.roadmaps,
        [copy.id]: { roadmap: copy, origin: 'opened', updated: new Date().toISOString() },
      },
    });
    part(this, '[data-keep-version]').hidden = true;
    this.#status(`This version is kept in My roadmaps as a copy, beside the one you had.`);
  }

  async #download(roadmap: CustomRoadmap) {
    (await import('../progress/download.ts')).downloadText(`${roadmap.id}.roadmap.json`, toRoadmapFile(roadmap));
  }

  async #warnIfLong() {
    if (!this.#roadmap) return;
    const link = await roadmapLink(location.origin, this.#roadmap);
    const warning = part(this, '[data-link-warning]');
    warning.hidden = link.length <= CHAT_LINK_LIMIT;
    warning.textContent = `This link is ${link.length.toLocaleString('en')} characters long; some chat apps and mail programs cut links over ${CHAT_LINK_LIMIT.toLocaleString('en')}. If it arrives broken, send the roadmap as a file (Download as file) instead.`;
  }

  async #copyLink() {
    if (!this.#roadmap) return;
    const link = await roadmapLink(location.origin, this.#roadmap);
    const copied = await (await import('../roadmap/share-link.ts')).copyText(link);
    this.#status(
      copied
        ? `Link copied (${link.length.toLocaleString('en')} characters). Whoever opens it sees this roadmap with their own progress.`
        : 'Copying is blocked in this browser; the link is shown below so you can copy it yourself.',
    );
    const field = part(this, '[data-roadmap-url]', HTMLInputElement);
    field.value = link;
    field.hidden = copied;
  }
}

defineElement('custom-roadmap', CustomRoadmapElement);
