/**
 * An API lab offered in Python too (its `python` field): the language the learner writes in, JavaScript, TypeScript
 * or Python, picked with the radio buttons of LabWorkbench.astro. Each language has its own starter and draft
 * (lab-progress.ts keeps them); JavaScript and TypeScript run in QuickJS, Python in Pyodide, against the same hidden
 * requests, and a pass in any of them is the lab's one pass.
 */
import type { OtherLabLanguage } from '../../lib/labs/lab-progress.ts';
import type { LabLanguage, LabSpec } from '../../lib/labs/lab-spec.ts';
import { getProgress } from '../progress/progress.ts';
import { type EngineClient, startEngine, warmEngine } from './engine-client.ts';

/** What the editor holds and highlights: the lab's own language, or one the learner picked. */
export type EditorLanguage = LabLanguage;

/** A picked language as the progress store names it: undefined for the lab's own (JavaScript). */
export const otherLanguage = (language: EditorLanguage): OtherLabLanguage | undefined =>
  language === 'typescript' || language === 'python' ? language : undefined;

/** The language the editor opens in: the lab's own, or for a lab offered in Python too, the one last picked. */
export const initialLanguage = (spec: LabSpec & { pythonStarter?: string }): EditorLanguage =>
  spec.pythonStarter === undefined ? spec.language : (getProgress().labs[spec.id]?.language ?? 'javascript');

/** The engine a language runs on: Python's spec says so, so the engine host starts Pyodide's worker. */
const specFor = (spec: LabSpec, language: EditorLanguage): LabSpec =>
  spec.language === 'http' ? { ...spec, runtime: language === 'python' ? 'python' : 'javascript' } : spec;

/** An engine per runtime, each started when its language is first picked: QuickJS for JavaScript, Pyodide for Python. */
export function labEngines(spec: LabSpec) {
  const engines = new Map<string, EngineClient>();
  const of = (language: EditorLanguage) => {
    const picked = specFor(spec, language);
    const key = picked.language === 'http' ? picked.runtime : picked.language;
    let engine = engines.get(key);
    if (!engine) engines.set(key, (engine = startEngine(picked)));
    return engine;
  };
  return { of, close: () => engines.forEach((engine) => engine.close()) };
}

/** Starts loading the engine the editor will open with, before "Start the lab" is pressed (labEngines takes it over). */
export const warmLab = (spec: LabSpec & { pythonStarter?: string }) => warmEngine(specFor(spec, initialLanguage(spec)));

/**
 * Enables the picker in `root` with `initial` checked, and calls `onPick` when the learner picks another language.
 * Returns false when the lab has no picker.
 */
export function startLanguagePicker(
  root: HTMLElement,
  initial: EditorLanguage,
  onPick: (language: EditorLanguage) => void,
  signal: AbortSignal,
): boolean {
  const picker = root.querySelector<HTMLFieldSetElement>('[data-languages]');
  if (!picker) return false;
  for (const input of picker.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    input.disabled = false;
    input.checked = input.value === initial;
    input.addEventListener('change', () => input.checked && onPick(input.value as EditorLanguage), { signal });
  }
  return true;
}

/** Shows what the handler gets in the language being written: `env` in JavaScript and TypeScript, scope["state"] in Python. */
export function showEnvFor(root: HTMLElement, language: EditorLanguage) {
  for (const panel of root.querySelectorAll<HTMLElement>('[data-env]'))
    panel.hidden = (panel.dataset.env === 'python') !== (language === 'python');
}
