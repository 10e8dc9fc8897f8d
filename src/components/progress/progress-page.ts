/** <atlas-progress-page>: progress on every roadmap, plus export to and import from a JSON file. */
import { readStored } from '../storage.ts';
import { AtlasElement, defineElement } from '../element.ts';
import { showRoadmapProgress } from '../roadmap/progress-line.ts';
import { parseExportFile, toExportFile } from '../../lib/progress/export-file.ts';
import { rankRoadmaps, startedSentence } from '../../lib/roadmap/started-roadmaps.ts';
import { VISITS_KEY } from '../../lib/roadmap/walk-keys.ts';
import { decodeOutlines, type OutlineBundle } from '../../lib/roadmap/roadmap-structure.ts';
import { isDue } from '../../lib/progress/review-due.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { part } from '../parts.ts';
import { downloadText, exportFileName } from './download.ts';
import { getProgress, notify, onProgressChange, recordCopy, saveProgress, takeStorageProblem } from './progress.ts';
import { copyReminder, LAST_COPY_KEY } from '../../lib/progress/keep-data.ts';

const UNSAID = 'This browser does not say whether it will keep this site’s data.';

/** What the browser decided about keeping this site's storage (navigator.storage.persisted). */
const persistedText = (granted: boolean | undefined) =>
  granted === undefined
    ? UNSAID
    : granted
      ? 'This browser has agreed to keep this site’s data, even when space runs low.'
      : 'This browser has not promised to keep this site’s data: it may clear it when space runs low, and Safari clears it after 7 days without a visit unless the site is installed. Keep a copy.';

/** The learner's roadmap visits as stored (anything: started-roadmaps.ts reads them defensively), or none. */
function readVisits(): unknown {
  try {
    return JSON.parse(readStored('local', VISITS_KEY) ?? '{}');
  } catch {
    return {};
  }
}

class ProgressPage extends AtlasElement {
  #roadmaps: OutlineBundle['roadmaps'] = {};

  protected connect(signal: AbortSignal) {
    this.#roadmaps = decodeOutlines(this.querySelector('[data-outlines]')?.textContent).roadmaps;
    const persisted = part(this, '[data-persisted]');
    void (navigator.storage?.persisted?.() ?? Promise.resolve(undefined)).then(
      (granted) => (persisted.textContent = persistedText(granted)),
      () => (persisted.textContent = UNSAID),
    );
    this.#showKeeping();
    const exportButton = part(this, '[data-export]', HTMLButtonElement);
    exportButton.addEventListener('click', () => this.#export(), { signal });
    const input = part(this, '[data-import]', HTMLInputElement);
    input.addEventListener('change', () => void this.#import(input), { signal });
    exportButton.disabled = false;
    input.disabled = false;
    const problem = takeStorageProblem(this);
    if (problem) notify(this.#notice(), problem);
    onProgressChange(() => this.#render(), signal);
    onProgressChange(() => this.#showKeeping(), signal);
    addEventListener('atlas-copy-made', () => this.#showKeeping(), { signal });
    this.#render();
  }

  #notice() {
    return this.querySelector('[data-notice]');
  }

  #render() {
    // The roadmaps worked on lead, the latest first; then those holding topics marked elsewhere; the rest fold to names.
    const list = this.querySelector('[data-roadmap-list]');
    const items = new Map(
      [...this.querySelectorAll<HTMLElement>('[data-roadmap-list] > [data-roadmap]')].map((i) => [
        i.dataset.roadmap!,
        i,
      ]),
    );
    // In the catalog's order (the outlines'), whatever order the last render left the list in.
    const outlines = Object.entries(this.#roadmaps)
      .filter(([id]) => items.has(id))
      .map(([id, { stages }]) => ({ id, stages }));
    const ranked = rankRoadmaps(outlines, getProgress(), readVisits());
    for (const { id, standing, progress: p } of ranked) {
      const item = items.get(id)!;
      // "Started" names the roadmaps the sentence above counts, apart from those that only share marked topics.
      const started = standing === 'worked' ? 'Started · ' : '';
      showRoadmapProgress(item, p, `${started}${p.finished} of ${p.total} required finished · ${p.learning} learning`);
      item.toggleAttribute('data-untouched', standing === 'untouched');
    }
    list?.append(...ranked.map((r) => items.get(r.id)!));
    part(this, '[data-roadmaps-started]').textContent = startedSentence(ranked);
    const reviews = Object.values(getProgress().reviews);
    const today = localDate(new Date());
    const due = reviews.filter((r) => isDue(r, today)).length;
    part(this, '[data-reviews]').textContent =
      `${reviews.length} question${reviews.length === 1 ? '' : 's'} reviewed · ${due} due for review today`;
  }

  /** Keeping it: a reminder to take a copy, when the last one is old or was never taken. */
  #showKeeping() {
    // Storage blocked: treated as never copied.
    const lastCopy = readStored('local', LAST_COPY_KEY);
    const reminder = part(this, '[data-copy-reminder]');
    reminder.textContent = copyReminder(getProgress(), lastCopy, new Date()) ?? '';
    reminder.hidden = reminder.textContent === '';
  }

  #export() {
    downloadText(exportFileName(new Date()), toExportFile(getProgress(), new Date()));
    recordCopy();
    notify(this.#notice(), 'Progress exported.');
    this.#showKeeping();
  }

  async #import(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    // A full export is at most a few MB: notes alone may hold 1,000,000 characters (up to 3 bytes each, more when escaped).
    const text = file.size > 8_000_000 ? '' : await file.text();
    const parsed = parseExportFile(text);
    input.value = '';
    if (!parsed.ok) {
      notify(this.#notice(), `That file was not imported: ${parsed.reason}. Your progress is unchanged.`);
      return;
    }
    saveProgress(parsed.progress);
    const count = (section: keyof typeof parsed.progress) => Object.keys(parsed.progress[section]).length;
    notify(
      this.#notice(),
      `Imported progress on ${count('topics')} topics, ${count('projects')} portfolio projects, ${count('notes')} notes, ${count('reviews')} reviewed questions and ${count('labs')} labs.`,
    );
  }
}

defineElement('progress-page', ProgressPage);
