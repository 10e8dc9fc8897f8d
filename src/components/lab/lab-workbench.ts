/**
 * <atlas-lab-workbench data-lab="…">: the lab page's light script. It reveals the controls, follows the language
 * picked from the first moment (its starter or the learner's draft, lab-language-view.ts), names the run keys of this
 * device (run-keys.ts), gives hints one at a time,
 * asks before showing the solution to a learner who has not run anything yet, shows the next step (the next lab, the
 * home topic) once the lab is passed, and on "Start the lab" loads the editor and the engine (workbench.ts, with
 * CodeMirror and a worker). The engine starts loading a moment earlier, on the learner's intent (the pointer on
 * "Start the lab", focus on it or in the starter code), or at once when this browser keeps it already: a reader who
 * only reads fetches nothing of it.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { fill } from '../../core/format/fill.ts';
import { formatLocalDay } from '../../core/format/format.ts';
import { jsonPart, part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { guardSolution, setUpHints } from './lab-hints.ts';
import {
  type EditorLanguage,
  initialLanguage,
  pickedLanguage,
  showDraftFor,
  showPartsFor,
  startLanguagePicker,
} from './lab-language-view.ts';
import { labWords } from './lab-words.ts';
import { showRunKeys, thisDevice } from './run-keys.ts';
import type { PageLab } from './workbench.ts';

class LabWorkbench extends AtlasElement {
  protected connect(signal: AbortSignal) {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    setUpHints(this, signal);
    const showPassed = () => this.#showPassed();
    showPassed();
    this.addEventListener('lab-run', showPassed, { signal });
    onProgressChange(showPassed, signal);
    guardSolution(this, () => (this.#record()?.runs ?? 0) > 0 || this.dataset.ran === 'true', signal);
    const start = part(this, '[data-start]', HTMLButtonElement);
    showRunKeys(this, thisDevice());
    this.#followLanguage(start, signal);
    start.disabled = false;
    this.#warmOnIntent(start, signal);
    start.addEventListener(
      'click',
      () => {
        if (!start.disabled) void this.#start(start);
      },
      { signal },
    );
  }

  /**
   * Before the editor loads, the page follows the language picked: that language's starter or the learner's draft in
   * it, what its handler gets, its run note and next lab, and "Continue the lab" where a draft waits.
   */
  #followLanguage(start: HTMLButtonElement, signal: AbortSignal) {
    const spec = jsonPart<PageLab>(this, '[data-lab-spec]');
    const show = (language: EditorLanguage) => {
      showPartsFor(this, language);
      const drafted = showDraftFor(this, spec.id, language);
      if (!start.hidden) start.textContent = drafted ? labWords(this).continue : labWords(this).start;
    };
    startLanguagePicker(this, initialLanguage(spec), show, signal);
    show(pickedLanguage(this, spec.language));
  }

  /** Starts loading the engine on the learner's first sign of intent, or at once when it is cached. */
  #warmOnIntent(start: HTMLButtonElement, signal: AbortSignal) {
    const spec = jsonPart<PageLab>(this, '[data-lab-spec]');
    const intent = new AbortController();
    const warm = () => {
      if (intent.signal.aborted || signal.aborted) return;
      intent.abort();
      // Through the workbench (it loads on "Start the lab" anyway): its module is where the engines' files begin.
      void import('./workbench.ts').then(({ warmLab }) =>
        warmLab(spec, pickedLanguage(this, spec.language), labWords(this).stop),
      );
    };
    const options = { signal: AbortSignal.any([signal, intent.signal]) };
    for (const type of ['pointerenter', 'focus', 'touchstart']) start.addEventListener(type, warm, options);
    part(this, '[data-editor-host]').addEventListener('focusin', warm, options);
    void import('./engine-cached.ts')
      .then(({ engineCached }) => engineCached(spec, pickedLanguage(this, spec.language)))
      .then((cached) => cached && warm());
  }

  #record() {
    return getProgress().labs[this.dataset.lab!];
  }

  /** Once the lab is passed: the next step, and the day it was passed at the head of the status line. */
  #showPassed() {
    const status = part(this, '[data-status-line]');
    const passed = this.#record()?.passed;
    if (passed) part(this, '[data-next-step]').hidden = false;
    if (passed && !status.querySelector('[data-passed-on]')) {
      const words = labWords(this);
      status.prepend(
        Object.assign(document.createElement('strong'), {
          className: 'text-done',
          textContent: fill(words.passedOn, { day: formatLocalDay(passed, words.dateLocale) }),
        }),
      );
      status.firstElementChild!.setAttribute('data-passed-on', '');
    }
  }

  async #start(button: HTMLButtonElement) {
    const state = part(this, '[data-engine-state]');
    button.disabled = true;
    const words = labWords(this);
    state.textContent = words.loadingEditor;
    part(this, '[data-engine-progress]').hidden = false; // indeterminate until the engine counts its bytes
    try {
      const spec = jsonPart<PageLab>(this, '[data-lab-spec]');
      const { startWorkbench } = await import('./workbench.ts');
      button.hidden = true;
      await startWorkbench(this, spec, this.signal);
    } catch (error) {
      button.disabled = false;
      state.textContent = '';
      part(this, '[data-engine-progress]').hidden = true; // the failure below is what the learner reads
      const say = (text: string) => (part(this, '[data-announce]').textContent = text);
      say(fill(words.couldNotStart, { message: (error as Error).message }));
      // Imported, not bundled in: a page script an engine chunk imports would drop out of the offline shell.
      import('./engine-cached.ts').then(
        ({ startFailure }) => say(startFailure('lab', error, navigator.onLine, words)),
        () => undefined, // not loaded either: the message above stands
      );
    }
  }
}

defineElement('lab-workbench', LabWorkbench);
