/** <progress-page>: progress on every roadmap, plus export to and import from a JSON file. */
import { showRoadmapProgress } from '../components/roadmap/progress-line';
import { parseExportFile, toExportFile } from '../lib/progress-store';
import { roadmapProgress } from '../lib/roadmap-progress';
import { decodeOutlines } from '../lib/roadmap-structure';
import { isDue, localDate } from '../lib/spaced-repetition';
import { downloadText, exportFileName } from './download';
import { getProgress, notify, onProgressChange, saveProgress, takeStorageProblem } from './progress';

class ProgressPage extends HTMLElement {
  connectedCallback() {
    const { roadmaps } = decodeOutlines(this.querySelector('[data-outlines]')?.textContent);
    const notice = this.querySelector('[data-notice]');
    const render = () => {
      const states = getProgress().topics;
      for (const item of this.querySelectorAll<HTMLElement>('[data-roadmap]')) {
        const p = roadmapProgress(roadmaps[item.dataset.roadmap!]?.stages ?? [], states);
        showRoadmapProgress(item, p, `${p.finished} of ${p.total} required finished · ${p.learning} learning`);
      }
      const reviews = Object.values(getProgress().reviews);
      const today = localDate(new Date());
      const due = reviews.filter((r) => isDue(r, today)).length;
      this.querySelector('[data-reviews]')!.textContent = `${reviews.length} question${reviews.length === 1 ? '' : 's'} reviewed · ${due} due for review today`;
    };
    const exportButton = this.querySelector<HTMLButtonElement>('[data-export]')!;
    exportButton.addEventListener('click', () => {
      downloadText(exportFileName(new Date()), toExportFile(getProgress(), new Date()));
      notify(notice, 'Progress exported.');
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
      notify(notice, `Imported progress on ${Object.keys(parsed.progress.topics).length} topics, ${Object.keys(parsed.progress.projects).length} portfolio projects, ${Object.keys(parsed.progress.notes).length} notes and ${Object.keys(parsed.progress.reviews).length} reviewed questions.`);
    });
    exportButton.disabled = false;
    input.disabled = false;
    const problem = takeStorageProblem();
    if (problem) notify(notice, problem);
    onProgressChange(render);
    render();
  }
}

customElements.define('progress-page', ProgressPage);
