/** <progress-page>: progress on every roadmap, plus export to and import from a JSON file. */
import { showRoadmapProgress } from '../roadmap/progress-line.ts';
import { parseExportFile, toExportFile } from '../../lib/progress/export-file.ts';
import { roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { decodeOutlines } from '../../lib/roadmap/roadmap-structure.ts';
import { isDue, localDate } from '../../lib/progress/spaced-repetition.ts';
import { downloadText, exportFileName } from './download.ts';
import { getProgress, notify, onProgressChange, recordCopy, saveProgress, takeStorageProblem } from './progress.ts';
import { copyReminder, LAST_COPY_KEY } from '../../lib/progress/keep-data.ts';

class ProgressPage extends HTMLElement {
  connectedCallback() {
    const { roadmaps } = decodeOutlines(this.querySelector('[data-outlines]')?.textContent);
    const notice = this.querySelector('[data-notice]');
    const render = () => {
      const states = getProgress().topics;
      // The roadmaps the learner has started lead, furthest along first; the others follow, folded to their names.
      const list = this.querySelector('[data-roadmap-list]');
      const ranked = [...this.querySelectorAll<HTMLElement>('[data-roadmap-list] > [data-roadmap]')].map((item) => {
        const p = roadmapProgress(roadmaps[item.dataset.roadmap!]?.stages ?? [], states);
        showRoadmapProgress(item, p, `${p.finished} of ${p.total} required finished · ${p.learning} learning`);
        const started = p.done + p.learning + p.skipped > 0;
        item.toggleAttribute('data-untouched', !started);
        return { item, started, share: p.finished / Math.max(p.total, 1) };
      });
      ranked.sort((a, b) => Number(b.started) - Number(a.started) || b.share - a.share);
      list?.append(...ranked.map((r) => r.item));
      const started = ranked.filter((r) => r.started).length;
      this.querySelector('[data-roadmaps-started]')!.textContent = started
        ? `You have started ${started} of ${ranked.length} roadmaps; they come first.`
        : `You have not marked a topic on any of the ${ranked.length} roadmaps yet: open one and press Done on a topic you know.`;
      const reviews = Object.values(getProgress().reviews);
      const today = localDate(new Date());
      const due = reviews.filter((r) => isDue(r, today)).length;
      this.querySelector('[data-reviews]')!.textContent =
        `${reviews.length} question${reviews.length === 1 ? '' : 's'} reviewed · ${due} due for review today`;
    };
    // Keeping it: whether the browser agreed to keep this site's storage, and a reminder to take a copy.
    const persisted = this.querySelector<HTMLElement>('[data-persisted]')!;
    const reminder = this.querySelector<HTMLElement>('[data-copy-reminder]')!;
    const showKeeping = () => {
      let lastCopy: string | null = null;
      try {
        lastCopy = localStorage.getItem(LAST_COPY_KEY);
      } catch {
        // Storage blocked: treated as never copied.
      }
      reminder.textContent = copyReminder(getProgress(), lastCopy, new Date()) ?? '';
      reminder.hidden = reminder.textContent === '';
    };
    void (navigator.storage?.persisted?.() ?? Promise.resolve(undefined)).then(
      (granted) => {
        persisted.textContent =
          granted === undefined
            ? 'This browser does not say whether it will keep this site’s data.'
            : granted
              ? 'This browser has agreed to keep this site’s data, even when space runs low.'
              : 'This browser has not promised to keep this site’s data: it may clear it when space runs low, and Safari clears it after 7 days without a visit unless the site is installed. Keep a copy.';
      },
      () => (persisted.textContent = 'This browser does not say whether it will keep this site’s data.'),
    );
    showKeeping();
    const exportButton = this.querySelector<HTMLButtonElement>('[data-export]')!;
    exportButton.addEventListener('click', () => {
      downloadText(exportFileName(new Date()), toExportFile(getProgress(), new Date()));
      recordCopy();
      notify(notice, 'Progress exported.');
      showKeeping();
    });
    const input = this.querySelector<HTMLInputElement>('[data-import]')!;
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      // A full export is at most a few MB: notes alone may hold 1,000,000 characters (up to 3 bytes each, more when escaped).
      const text = file.size > 8_000_000 ? '' : await file.text();
      const parsed = parseExportFile(text);
      input.value = '';
      if (!parsed.ok) {
        notify(notice, `That file was not imported: ${parsed.reason}. Your progress is unchanged.`);
        return;
      }
      saveProgress(parsed.progress);
      const count = (section: keyof typeof parsed.progress) => Object.keys(parsed.progress[section]).length;
      notify(
        notice,
        `Imported progress on ${count('topics')} topics, ${count('projects')} portfolio projects, ${count('notes')} notes, ${count('reviews')} reviewed questions and ${count('labs')} labs.`,
      );
    });
    exportButton.disabled = false;
    input.disabled = false;
    const problem = takeStorageProblem();
    if (problem) notify(notice, problem);
    onProgressChange(render);
    onProgressChange(showKeeping);
    addEventListener('atlas-copy-made', showKeeping);
    render();
  }
}

customElements.define('progress-page', ProgressPage);
