/**
 * <project-tracker data-project="…">: the learner's build of one project, saved through the progress store.
 * Ticks and status save at once, the link when the field is left (refused unless http(s)), the note as you type;
 * the status line says what was saved, or why not.
 */
import {
  changeEntry,
  checkProjectNote,
  checkProjectUrl,
  isProjectStatus,
  MAX_PROJECT_NOTE,
  type PortfolioEntry,
} from '../../lib/progress/portfolio-entry.ts';
import { withProject } from '../../lib/progress/progress-edits.ts';
import { getProgress, notify, onProgressChange, saveProgress, takeStorageProblem } from '../progress/progress.ts';

class ProjectTracker extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.project!;
    const saved = this.querySelector('[data-saved]');
    const statuses = [...this.querySelectorAll<HTMLInputElement>('[data-status]')];
    const boxes = [...this.querySelectorAll<HTMLInputElement>('[data-list]')];
    const url = this.querySelector<HTMLInputElement>('[data-url]')!;
    const urlMessage = this.querySelector('[data-url-message]')!;
    const note = this.querySelector<HTMLTextAreaElement>('[data-note]')!;
    const noteMessage = this.querySelector('[data-note-message]')!;
    const entry = () => getProgress().projects[id];

    const save = (change: Partial<Omit<PortfolioEntry, 'updated'>>, what: string) => {
      const now = new Date();
      const stored = saveProgress(withProject(getProgress(), id, changeEntry(entry(), change, now)));
      const time = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      notify(
        saved,
        stored
          ? `${what} Saved in this browser at ${time}.`
          : `${what} This browser would not store it (storage is full or blocked), so it lasts only until you leave the page.`,
      );
    };

    const render = () => {
      const e = entry();
      const status = e?.status ?? 'not-started';
      for (const radio of statuses) radio.checked = radio.value === status;
      for (const box of boxes)
        box.checked = (box.dataset.list === 'features' ? e?.features : e?.stretch)?.includes(box.value) ?? false;
      for (const list of ['features', 'stretch']) {
        const mine = boxes.filter((b) => b.dataset.list === list);
        this.querySelector(`[data-count="${list}"]`)!.textContent =
          `(${mine.filter((b) => b.checked).length} of ${mine.length})`;
      }
      // Never overwrite what the learner is typing, nor a refused link they are correcting.
      if (document.activeElement !== url && url.getAttribute('aria-invalid') !== 'true') url.value = e?.url ?? '';
      if (document.activeElement !== note) note.value = e?.note ?? '';
    };

    for (const radio of statuses) {
      radio.addEventListener('change', () => {
        if (radio.checked && isProjectStatus(radio.value))
          save({ status: radio.value }, `Status: ${radio.parentElement!.textContent!.trim()}.`);
      });
    }
    for (const box of boxes) {
      box.addEventListener('change', () => {
        const list = box.dataset.list as 'features' | 'stretch';
        const ticked = boxes.filter((b) => b.dataset.list === list && b.checked).map((b) => b.value);
        // Keep ticks of items this page no longer lists (rewritten by the authors): they are the learner's data.
        const others = (entry()?.[list] ?? []).filter(
          (t) => !boxes.some((b) => b.value === t && b.dataset.list === list),
        );
        const started = entry()?.status ?? 'not-started';
        const status = started === 'not-started' && box.checked ? 'building' : started;
        const label = box.parentElement!.textContent!.trim();
        save(
          { [list]: [...others, ...ticked], status },
          `${box.checked ? 'Ticked' : 'Unticked'} “${label}”${status !== started ? ', status set to building' : ''}.`,
        );
      });
    }

    const saveUrl = () => {
      const checked = checkProjectUrl(url.value);
      if (!checked.ok) {
        url.setAttribute('aria-invalid', 'true');
        urlMessage.textContent = `Not saved: ${checked.message}`;
        notify(saved, `The link was not saved: ${checked.message}`);
        return;
      }
      url.removeAttribute('aria-invalid');
      urlMessage.textContent =
        'An address starting with https:// or http://. Saved when you leave the field or press Enter.';
      if (checked.value === (entry()?.url ?? '')) return;
      url.value = checked.value;
      save({ url: checked.value }, checked.value ? 'Link saved.' : 'Link removed.');
    };
    url.addEventListener('change', saveUrl);
    url.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') saveUrl();
    });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const saveNote = () => {
      clearTimeout(timer);
      const checked = checkProjectNote(note.value);
      if (checked.ok) note.removeAttribute('aria-invalid');
      else note.setAttribute('aria-invalid', 'true');
      noteMessage.textContent = checked.ok
        ? `${note.value.length.toLocaleString('en')} of ${MAX_PROJECT_NOTE.toLocaleString('en')} characters.`
        : `Not saved: ${checked.message} Shorten it and it saves again.`;
      if (checked.ok && checked.value !== (entry()?.note ?? '')) save({ note: checked.value }, 'Note saved.');
    };
    note.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(saveNote, 400);
    });
    note.addEventListener('change', saveNote);
    // Leaving the page before the pause ends still keeps what was typed.
    addEventListener('pagehide', saveNote);
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-prompt]')) {
      button.addEventListener('click', () => {
        note.value = `${note.value.replace(/\s*$/, '')}${note.value.trim() ? '\n' : ''}${button.dataset.prompt}: `;
        note.focus();
        note.setSelectionRange(note.value.length, note.value.length);
        saveNote();
      });
    }

    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement>(
      'input, button, textarea',
    ))
      control.disabled = false;
    const problem = takeStorageProblem();
    if (problem) notify(saved, problem);
    onProgressChange(render);
    render();
  }
}

customElements.define('project-tracker', ProjectTracker);
