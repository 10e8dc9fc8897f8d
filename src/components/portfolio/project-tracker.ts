/**
 * <atlas-project-tracker data-project="…">: the learner's build of one project, saved through the progress store.
 * Ticks and status save at once, the link when the field is left (refused unless http(s)), the note as you type;
 * the status line says what was saved, or why not.
 */
import { AtlasElement, defineElement } from '../element.ts';
import {
  changeEntry,
  isProjectStatus,
  MAX_PROJECT_NOTE,
  type PortfolioEntry,
} from '../../lib/progress/portfolio-entry.ts';
import { checkProjectNote, checkProjectUrl } from '../../lib/progress/portfolio-input.ts';
import { withProject } from '../../lib/progress/progress-edits.ts';
import { part } from '../parts.ts';
import { getProgress, notify, onProgressChange, saveProgress, takeStorageProblem } from '../progress/progress.ts';

type List = 'features' | 'stretch';

/** The words of the label a control sits in, as the learner reads it. */
const labelOf = (control: HTMLElement) => control.parentElement?.textContent?.trim() ?? '';

class ProjectTracker extends AtlasElement {
  #id = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  get #url() {
    return part(this, '[data-url]', HTMLInputElement);
  }

  get #note() {
    return part(this, '[data-note]', HTMLTextAreaElement);
  }

  #statuses() {
    return [...this.querySelectorAll<HTMLInputElement>('[data-status]')];
  }

  #boxes() {
    return [...this.querySelectorAll<HTMLInputElement>('[data-list]')];
  }

  protected connect(signal: AbortSignal) {
    this.#id = this.dataset.project!;
    for (const radio of this.#statuses()) radio.addEventListener('change', () => this.#statusChosen(radio), { signal });
    for (const box of this.#boxes()) box.addEventListener('change', () => this.#ticked(box), { signal });
    const url = this.#url;
    url.addEventListener('change', () => this.#saveUrl(), { signal });
    const enter = (event: KeyboardEvent) => {
      if (event.key === 'Enter') this.#saveUrl();
    };
    url.addEventListener('keydown', enter, { signal });
    const note = this.#note;
    const typed = () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#saveNote(), 400);
    };
    note.addEventListener('input', typed, { signal });
    note.addEventListener('change', () => this.#saveNote(), { signal });
    // Leaving the page before the pause ends still keeps what was typed.
    addEventListener('pagehide', () => this.#saveNote(), { signal });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-prompt]'))
      button.addEventListener('click', () => this.#addPrompt(button.dataset.prompt ?? ''), { signal });
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement>(
      'input, button, textarea',
    ))
      control.disabled = false;
    const problem = takeStorageProblem(this);
    if (problem) notify(this.querySelector('[data-saved]'), problem);
    onProgressChange(() => this.#render(), signal);
    this.#render();
  }

  /** A note typed just before the element left is kept, as when the page is hidden; then the listeners end. */
  override disconnectedCallback() {
    if (this.#timer !== undefined) this.#saveNote();
    super.disconnectedCallback();
  }

  #entry() {
    return getProgress().projects[this.#id];
  }

  #save(change: Partial<Omit<PortfolioEntry, 'updated'>>, what: string) {
    const now = new Date();
    const stored = saveProgress(withProject(getProgress(), this.#id, changeEntry(this.#entry(), change, now)));
    const time = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    notify(
      this.querySelector('[data-saved]'),
      stored
        ? `${what} Saved in this browser at ${time}.`
        : `${what} This browser would not store it (storage is full or blocked), so it lasts only until you leave the page.`,
    );
  }

  #render() {
    const e = this.#entry();
    const status = e?.status ?? 'not-started';
    for (const radio of this.#statuses()) radio.checked = radio.value === status;
    const boxes = this.#boxes();
    for (const box of boxes)
      box.checked = (box.dataset.list === 'features' ? e?.features : e?.stretch)?.includes(box.value) ?? false;
    for (const list of ['features', 'stretch']) {
      const mine = boxes.filter((b) => b.dataset.list === list);
      part(this, `[data-count="${list}"]`).textContent = `(${mine.filter((b) => b.checked).length} of ${mine.length})`;
    }
    // Never overwrite what the learner is typing, nor a refused link they are correcting.
    const url = this.#url;
    if (document.activeElement !== url && url.getAttribute('aria-invalid') !== 'true') url.value = e?.url ?? '';
    if (document.activeElement !== this.#note) this.#note.value = e?.note ?? '';
  }

  #statusChosen(radio: HTMLInputElement) {
    if (radio.checked && isProjectStatus(radio.value))
      this.#save({ status: radio.value }, `Status: ${labelOf(radio)}.`);
  }

  #ticked(box: HTMLInputElement) {
    const boxes = this.#boxes();
    const list = box.dataset.list as List;
    const ticked = boxes.filter((b) => b.dataset.list === list && b.checked).map((b) => b.value);
    // Keep ticks of items this page no longer lists (rewritten by the authors): they are the learner's data.
    const others = (this.#entry()?.[list] ?? []).filter(
      (t) => !boxes.some((b) => b.value === t && b.dataset.list === list),
    );
    const started = this.#entry()?.status ?? 'not-started';
    const status = started === 'not-started' && box.checked ? 'building' : started;
    this.#save(
      { [list]: [...others, ...ticked], status },
      `${box.checked ? 'Ticked' : 'Unticked'} “${labelOf(box)}”${status !== started ? ', status set to building' : ''}.`,
    );
  }

  #saveUrl() {
    const url = this.#url;
    const message = part(this, '[data-url-message]');
    const checked = checkProjectUrl(url.value);
    if (!checked.ok) {
      url.setAttribute('aria-invalid', 'true');
      message.textContent = `Not saved: ${checked.message}`;
      notify(this.querySelector('[data-saved]'), `The link was not saved: ${checked.message}`);
      return;
    }
    url.removeAttribute('aria-invalid');
    message.textContent =
      'An address starting with https:// or http://. Saved when you leave the field or press Enter.';
    if (checked.value === (this.#entry()?.url ?? '')) return;
    url.value = checked.value;
    this.#save({ url: checked.value }, checked.value ? 'Link saved.' : 'Link removed.');
  }

  #saveNote() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const note = this.#note;
    const checked = checkProjectNote(note.value);
    if (checked.ok) note.removeAttribute('aria-invalid');
    else note.setAttribute('aria-invalid', 'true');
    part(this, '[data-note-message]').textContent = checked.ok
      ? `${note.value.length.toLocaleString('en')} of ${MAX_PROJECT_NOTE.toLocaleString('en')} characters.`
      : `Not saved: ${checked.message} Shorten it and it saves again.`;
    if (checked.ok && checked.value !== (this.#entry()?.note ?? '')) this.#save({ note: checked.value }, 'Note saved.');
  }

  /** A prompt button starts a new line of the note with its words. */
  #addPrompt(prompt: string) {
    const note = this.#note;
    note.value = `${note.value.replace(/\s*$/, '')}${note.value.trim() ? '\n' : ''}${prompt}: `;
    note.focus();
    note.setSelectionRange(note.value.length, note.value.length);
    this.#saveNote();
  }
}

defineElement('project-tracker', ProjectTracker);
