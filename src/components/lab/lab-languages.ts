/**
 * An API lab offered in Python too (its `python` field): the language the learner writes in, JavaScript, TypeScript
 * or Python, picked with the radio buttons of LabWorkbench.astro. Each language has its own starter and draft
 * (lab-progress.ts keeps them); JavaScript and TypeScript run in QuickJS, Python in Pyodide, against the same hidden
 * requests, and a pass in any of them is the lab's one pass. What the page shows for the language picked, before the
 * editor loads and after, is lab-language-view.ts.
 */
import type { LabSpec } from '../../lib/labs/lab-kinds.ts';
import type { StopWords } from '../../lib/labs/shared/stop-words.ts';
import { type EngineClient, startEngine, warmEngine } from './engine-client.ts';
import type { EditorLanguage } from './lab-language-view.ts';

/** The engine a language runs on: Python's spec says so, so the engine host starts Pyodide's worker. */
const specFor = (spec: LabSpec, language: EditorLanguage): LabSpec =>
  spec.language === 'http' ? { ...spec, runtime: language === 'python' ? 'python' : 'javascript' } : spec;

/** An engine per runtime, each started when its language is first picked: QuickJS for JavaScript, Pyodide for Python. */
export function labEngines(spec: LabSpec, stop: StopWords) {
  const engines = new Map<string, EngineClient>();
  const of = (language: EditorLanguage) => {
    const picked = specFor(spec, language);
    const key = picked.language === 'http' ? picked.runtime : picked.language;
    let engine = engines.get(key);
    if (!engine) engines.set(key, (engine = startEngine(picked, stop)));
    return engine;
  };
  return { of, close: () => engines.forEach((engine) => engine.close()) };
}

/** Starts loading the engine of the language picked, before "Start the lab" is pressed (labEngines takes it over). */
export const warmLab = (spec: LabSpec, language: EditorLanguage, stop: StopWords) =>
  warmEngine(specFor(spec, language), stop);
