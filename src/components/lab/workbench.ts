/**
 * The running lab, loaded on "Start the lab": the editor replaces the starter code, the engine starts in a worker,
 * and every run is checked, shown and recorded in the progress store (a pass, the number of runs, the draft, which
 * is saved as the learner types). Whatever a screen reader must hear goes to the one status region, once: the
 * toolbar's note beside the buttons only shows progress (loading, running, the time a check took).
 */
import { draftProblem, withLabDraft, withLabRun } from '../../lib/labs/lab-progress.ts';
import { LAB_LANGUAGE_LABEL, type LabSpec } from '../../lib/labs/lab-spec.ts';
import { h } from '../dom.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { createEditor } from './editor.ts';
import { startEngine } from './engine-client.ts';
import { renderRun, STARTER_MESSAGE, starterFailed, summaryOf } from './results.ts';

const DRAFT_DELAY_MS = 400;

/** The lab as its page hands it over (LabWorkbench.astro): what the runner needs, the starter, the task in a sentence. */
export type PageLab = LabSpec & { starter: string; task: string };

export async function startWorkbench(root: HTMLElement, spec: PageLab) {
  const id = spec.id;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const state = $('[data-engine-state]');
  const runButton = $<HTMLButtonElement>('[data-run]');
  const resetButton = $<HTMLButtonElement>('[data-reset]');
  const announce = $('[data-announce]');
  const result = $('[data-result]');
  const host = $('[data-editor-host]');
  const nextStep = $('[data-next-step]');

  const engine = startEngine(spec);
  const kind = spec.language === 'sql' ? 'checks' : 'tests';
  const starting =
    {
      sql: 'Starting Postgres in your browser…',
      http: 'Starting Postgres and the JavaScript engine in your browser…',
    }[spec.language as string] ?? 'Starting the JavaScript engine…';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved = false;
  /**
   * Stores the draft (and a run, when given). Returns what the learner must hear about it: a draft too long to keep,
   * or, once, that the browser does not save.
   */
  const store = (text: string, ran?: { passed: boolean }): string[] => {
    const progress = getProgress();
    const problem = draftProblem(progress.labs, id, text);
    const notes = problem ? [problem] : [];
    let labs = withLabDraft(progress.labs, id, text);
    if (ran) labs = withLabRun(labs, id, ran.passed);
    if (!saveProgress({ ...progress, labs }) && !unsaved) {
      unsaved = true;
      notes.push(
        'This browser is not saving (storage is full or blocked): your draft and passes last only until you leave this page. Export your progress from Your progress to keep them.',
      );
    }
    return notes;
  };
  const saveDraft = (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const notes = store(text);
      if (notes.length) say(notes.join(' '));
    }, DRAFT_DELAY_MS);
  };
  /** Says something in the status region (ready, failures, storage), in place of the toolbar's progress note. */
  const say = (message: string) => {
    state.textContent = '';
    announce.removeAttribute('data-passed');
    announce.textContent = message;
  };

  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    runButton.disabled = true;
    state.textContent = 'Running…';
    announce.textContent = ''; // so the same summary twice is announced twice
    const code = editor.state.doc.toString();
    const started = performance.now();
    try {
      const outcome = await engine.run(code);
      root.dataset.ran = 'true';
      clearTimeout(timer);
      const notes = store(code, { passed: outcome.passed });
      // The unchanged starter stops on its own placeholders: its error is about them, not about an answer.
      const starter = starterFailed(outcome, code, spec.starter);
      const summary = starter
        ? [`Not yet: ${STARTER_MESSAGE} `, h('span', 'lab-summary-detail', {}, `Your task: ${spec.task}`)]
        : [summaryOf(outcome, kind)];
      if (outcome.passed) {
        // The links show right below; a screen reader hears of them here, since revealing them announces nothing.
        summary.push(h('span', 'sr-only', {}, ` ${nextStep.dataset.say}`));
        nextStep.hidden = false;
      }
      announce.dataset.passed = String(outcome.passed);
      announce.replaceChildren(...summary, ...notes.map((note) => ` ${note}`));
      renderRun(result, outcome, kind, starter);
      root.dispatchEvent(
        new CustomEvent('lab-run', {
          bubbles: true,
          detail: { passed: outcome.passed, ms: performance.now() - started },
        }),
      );
      state.textContent = `Checked in ${Math.round(performance.now() - started)} ms.`;
    } catch (error) {
      say(`The engine failed: ${(error as Error).message}`);
    } finally {
      running = false;
      runButton.disabled = false;
    }
  };

  const keyboardNote = Object.assign(document.createElement('p'), {
    id: `${id}-editor-keys`,
    className: 'px-3 py-1 text-xs text-muted border-t border-border',
    textContent:
      'Tab indents. Press Escape, then Tab, to leave the editor. Ctrl+Enter (⌘+Enter on a Mac) runs the checks.',
  });
  const editorHost = document.createElement('div');
  host.replaceChildren(editorHost);
  const editor = createEditor(editorHost, {
    doc: getProgress().labs[id]?.draft ?? spec.starter,
    language: spec.language,
    label: `Your ${LAB_LANGUAGE_LABEL[spec.language]}`,
    description: keyboardNote.textContent,
    onChange: saveDraft,
    onRun: () => void run(),
  });
  host.append(keyboardNote);
  addEventListener('pagehide', () => {
    clearTimeout(timer);
    const text = editor.state.doc.toString();
    if (text !== (getProgress().labs[id]?.draft ?? spec.starter)) store(text);
  });

  resetButton.hidden = false;
  resetButton.addEventListener('click', () => {
    if (!confirm('Replace your answer with the starter code? Your current draft will be lost.')) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: spec.starter } });
    editor.focus();
  });
  runButton.hidden = false;
  runButton.disabled = true;
  runButton.addEventListener('click', () => void run());
  editor.focus();

  state.textContent = starting;
  const loading = performance.now();
  try {
    await engine.ready;
    say(
      `Ready (${((performance.now() - loading) / 1000).toFixed(1)} s). Write your answer, then run it with Ctrl+Enter.`,
    );
    runButton.disabled = false;
    if (spec.language === 'http') {
      const { startPanel } = await import('./request-panel.ts');
      startPanel(root, engine, () => editor.state.doc.toString());
    }
    root.dataset.ready = 'true';
  } catch (error) {
    say(`The engine could not start: ${(error as Error).message}. Reload the page to try again.`);
  }
}
