/** The running lab, loaded on "Start the lab": the editor replaces the starter, the engine starts in a worker, and
 * every run is checked, shown and recorded in the progress store (a pass, the runs, the draft saved as it is typed).
 * A screen reader hears everything once, from the status region; the toolbar's note only shows progress. */
import type { EditorView } from '@codemirror/view';
import { draftProblem, labDraft, withLabDraft, withLabRun } from '../../lib/labs/shared/lab-progress.ts';
import { kindOf, type LabSpec } from '../../lib/labs/lab-kinds.ts';
import { LAB_LANGUAGE_LABEL, type LabRun } from '../../lib/labs/shared/lab-spec.ts';
import { fill } from '../../core/format/fill.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { createEditor } from './editor.ts';
import type { EngineClient } from './engine-client.ts';
import { engineCached, startFailure } from './engine-cached.ts';
import { showEngineProgress } from './engine-progress.ts';
export { warmLab } from './lab-languages.ts';
import { labEngines } from './lab-languages.ts';
import { type EditorLanguage, otherLanguage, pickedLanguage, startLanguagePicker } from './lab-language-view.ts';
import { editorNote, readyMessage, thisDevice } from './run-keys.ts';
import { startStopButton } from './run-stop.ts';
import { renderRun, starterFailed, starterSummary, summaryOf } from './results.ts';
import { type LabWords, labWords } from './lab-words.ts';

const DRAFT_DELAY_MS = 400;

/** The lab as its page hands it over (LabWorkbench.astro): what the runner needs, the starter, the task in a sentence. */
export type PageLab = LabSpec & { starter: string; task: string; pythonStarter?: string };

/**
 * Starts the editor and the engine in `root` (a <atlas-lab-workbench>). When `signal` ends (the element left the page) the
 * draft is kept, and the editor and the engine's worker stop.
 */
export async function startWorkbench(root: HTMLElement, spec: PageLab, signal: AbortSignal) {
  if (!signal.aborted) await new Workbench(root, spec, signal).start();
}

class Workbench {
  readonly #engines: ReturnType<typeof labEngines>;
  #editor: EditorView;
  #language: EditorLanguage;
  readonly #runButton: HTMLButtonElement;
  /** Runs and requests of the request panel, with Stop enabled while they wait for the engine. */
  readonly #whileBusy: <T>(work: Promise<T>) => Promise<T>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the learner has heard that this browser does not save. */
  #unsaved = false;
  #running = false;

  readonly #root: HTMLElement;
  readonly #words: LabWords;
  readonly #spec: PageLab;
  readonly #signal: AbortSignal;

  constructor(root: HTMLElement, spec: PageLab, signal: AbortSignal) {
    this.#root = root;
    this.#words = labWords(root);
    this.#spec = spec;
    this.#signal = signal;
    this.#runButton = part(root, '[data-run]', HTMLButtonElement);
    this.#engines = labEngines(spec, this.#words.stop);
    // Picked before "Start the lab" (lab-workbench.ts checked the one last picked, and shows the page for each pick).
    this.#language = pickedLanguage(root, spec.language);
    this.#editor = this.#mountEditor();
    startLanguagePicker(root, this.#language, (language) => this.#pick(language), signal);
    addEventListener('pagehide', () => this.#keepDraft(), { signal });
    signal.addEventListener('abort', () => this.#stop(), { once: true });
    const resetButton = part(root, '[data-reset]', HTMLButtonElement);
    resetButton.hidden = false;
    resetButton.addEventListener('click', () => this.#resetToStarter(), { signal });
    this.#runButton.hidden = false;
    this.#runButton.disabled = true;
    this.#runButton.addEventListener('click', () => void this.#run(), { signal });
    this.#whileBusy = startStopButton(root, () => void this.#engine().stop(), signal);
    this.#editor.focus();
  }

  /** Waits for the engine, showing it load, then lets the learner run; an API lab also gets its request panel. */
  async start() {
    const loading = performance.now();
    try {
      showEngineProgress(this.#root, this.#engine(), this.#spec.language, this.#words);
      await this.#engine().ready;
      const offline = await engineCached(this.#spec, this.#language);
      this.#say(readyMessage(performance.now() - loading, offline, thisDevice(), this.#words));
      this.#runButton.disabled = false;
      if (this.#spec.language === 'http') {
        const { startPanel } = await import('./request-panel.ts');
        // The panel sends to the engine of the language picked when it sends.
        const send: EngineClient['send'] = (...args) => this.#whileBusy(this.#engine().send(...args));
        startPanel(this.#root, { send }, () => this.#code(), this.#signal);
      }
      this.#root.dataset.ready = 'true';
    } catch (error) {
      this.#say(startFailure('engine', error, navigator.onLine, this.#words));
    }
  }

  #mountEditor() {
    const host = part(this.#root, '[data-editor-host]');
    const note = editorNote(thisDevice(), this.#words);
    const keyboardNote = h('p', 'px-3 py-1 text-xs text-muted border-t border-border', {}, note);
    keyboardNote.id = `${this.#spec.id}-editor-keys`;
    const editorHost = document.createElement('div');
    host.replaceChildren(editorHost);
    const editor = createEditor(editorHost, {
      doc: labDraft(getProgress().labs[this.#spec.id], otherLanguage(this.#language)) ?? this.#starter(),
      language: this.#language,
      label: fill(this.#words.editorLabel, {
        language: LAB_LANGUAGE_LABEL[this.#spec.pythonStarter === undefined ? this.#spec.language : this.#language],
      }),
      description: note,
      onChange: (text) => this.#saveDraft(text),
      onRun: () => void this.#run(),
    });
    host.append(keyboardNote);
    return editor;
  }

  #code() {
    return this.#editor.state.doc.toString();
  }

  /** The starter of the language being written: an API lab's Python one, else the lab's (a Python lab's is Python). */
  #starter() {
    return this.#language === 'python' ? (this.#spec.pythonStarter ?? this.#spec.starter) : this.#spec.starter;
  }

  #engine() {
    return this.#engines.of(this.#language);
  }

  /** Another language: the draft so far is kept, the editor holds that language's draft (or starter), its engine starts. */
  #pick(language: EditorLanguage) {
    this.#keepDraft();
    this.#editor.destroy();
    this.#language = language;
    this.#editor = this.#mountEditor();
    this.#store(this.#code());
    const name = LAB_LANGUAGE_LABEL[language];
    this.#say(fill(this.#words.pickStarting, { language: name }));
    const ready = () => this.#language === language && this.#say(fill(this.#words.pickReady, { language: name }));
    this.#engine().ready.then(ready, () => {});
  }

  /**
   * Stores the draft (and a run, when given). Returns what the learner must hear about it: a draft too long to keep,
   * or, once, that the browser does not save.
   */
  #store(text: string, ran?: { passed: boolean }): string[] {
    const id = this.#spec.id;
    const progress = getProgress();
    const problem = draftProblem(progress.labs, id, text);
    const notes = problem ? [problem] : [];
    let labs = withLabDraft(progress.labs, id, text, new Date(), otherLanguage(this.#language));
    if (ran) labs = withLabRun(labs, id, ran.passed);
    if (!saveProgress({ ...progress, labs }) && !this.#unsaved) {
      this.#unsaved = true;
      notes.push(this.#words.notSaving);
    }
    return notes;
  }

  #saveDraft(text: string) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const notes = this.#store(text);
      if (notes.length) this.#say(notes.join(' '));
    }, DRAFT_DELAY_MS);
  }

  /** Stores the draft now, if it changed: the page is being left. */
  #keepDraft() {
    clearTimeout(this.#timer);
    const text = this.#code();
    const kept = labDraft(getProgress().labs[this.#spec.id], otherLanguage(this.#language)) ?? this.#starter();
    if (text !== kept) this.#store(text);
  }

  /** The element left the page: the draft is kept, and the editor and the engine's worker end. */
  #stop() {
    this.#keepDraft();
    this.#editor.destroy();
    this.#engines.close();
  }

  /** Says something in the status region (ready, failures, storage), in place of the toolbar's progress note. */
  #say(message: string) {
    const announce = part(this.#root, '[data-announce]');
    part(this.#root, '[data-engine-state]').textContent = '';
    announce.removeAttribute('data-passed');
    announce.textContent = message;
  }

  #resetToStarter() {
    if (!confirm(this.#words.resetConfirm)) return;
    this.#editor.dispatch({ changes: { from: 0, to: this.#editor.state.doc.length, insert: this.#starter() } });
    this.#editor.focus();
  }

  async #run() {
    if (this.#running) return;
    this.#running = true;
    this.#runButton.disabled = true;
    const state = part(this.#root, '[data-engine-state]');
    state.textContent = this.#words.running;
    part(this.#root, '[data-announce]').textContent = ''; // so the same summary twice is announced twice
    const code = this.#code();
    const started = performance.now();
    try {
      const outcome = await this.#whileBusy(this.#engine().run(code));
      this.#root.dataset.ran = 'true';
      clearTimeout(this.#timer);
      const notes = this.#store(code, { passed: outcome.passed });
      this.#showOutcome(outcome, code, notes);
      this.#root.dispatchEvent(
        new CustomEvent('lab-run', {
          bubbles: true,
          detail: { passed: outcome.passed, ms: performance.now() - started },
        }),
      );
      state.textContent = fill(this.#words.checkedIn, { ms: Math.round(performance.now() - started) });
    } catch (error) {
      this.#say(fill(this.#words.engineFailed, { message: (error as Error).message }));
    } finally {
      this.#running = false;
      this.#runButton.disabled = false;
    }
  }

  /** The run's summary in the status region (with the storage notes), its results below, the next step on a pass. */
  #showOutcome(outcome: LabRun, code: string, notes: string[]) {
    const announce = part(this.#root, '[data-announce]');
    const nextStep = part(this.#root, '[data-next-step]');
    // The unchanged starter stops on its own placeholders: its error is about them, not about an answer.
    const starter = starterFailed(outcome, code, this.#starter());
    const words = this.#words;
    const summary = starter
      ? starterSummary(outcome, this.#spec.task, words)
      : [summaryOf(outcome, kindOf(this.#spec).words.graders, words)];
    if (outcome.passed) {
      // The links show right below; a screen reader hears of them here, since revealing them announces nothing.
      const shown = nextStep.querySelector<HTMLElement>('[data-say]:not([hidden])') ?? nextStep;
      summary.push(h('span', 'sr-only', {}, ` ${shown.dataset.say}`));
      nextStep.hidden = false;
    }
    announce.dataset.passed = String(outcome.passed);
    announce.replaceChildren(...summary, ...notes.map((note) => ` ${note}`));
    renderRun(part(this.#root, '[data-result]'), outcome, kindOf(this.#spec).words.graders, words, starter);
  }
}
