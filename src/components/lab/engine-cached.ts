/**
 * Whether every engine a lab runs on is kept in this browser's Cache Storage (the service worker keeps the engines'
 * files once used, src/lib/offline/cache-rules.ts): a return visit then starts it at once, and the lab works offline.
 * Each engine is asked by its largest file, found by the start of its name: a page script naming an engine's hashed
 * file would put the engine in every page's offline shell (src/after-build/offline.ts follows names).
 */
import { fill } from '../../core/format/fill.ts';
import type { LabWords } from './lab-words.ts';
import { type LabLanguage, labKind } from '../../lib/labs/shared/lab-spec.ts';
import { kindOf, type LabSpec } from '../../lib/labs/lab-kinds.ts';
import type { EngineName } from '../../lib/labs/shared/lab-kind.ts';

const PGLITE = /\/_astro\/pglite\.[\w-]+\.wasm$/;
const QUICKJS = /\/_astro\/emscripten-module\.[\w-]+\.wasm$/;
const PYODIDE = /\/_astro\/pyodide-[\w-]+\/pyodide\.asm\.wasm$/;

const FILES: Record<EngineName, RegExp> = { pglite: PGLITE, quickjs: QUICKJS, pyodide: PYODIDE };

/** `lab` as it runs when written in `language`: an API lab whose handler the learner writes in Python runs on Pyodide. */
const asWritten = (lab: LabSpec, language: LabLanguage = lab.language): LabSpec =>
  lab.language === 'http' && language === 'python' ? { ...lab, runtime: 'python' } : lab;

/** The key files of the engines `lab` runs on when written in `language`: a lab with a database needs PGlite too. */
function engineFiles(lab: LabSpec, language?: LabLanguage): RegExp[] {
  const spec = asWritten(lab, language);
  return kindOf(spec)
    .engines(spec)
    .map((engine) => FILES[engine]);
}

export async function engineCached(lab: LabSpec, language?: LabLanguage): Promise<boolean> {
  if (!('caches' in globalThis)) return false;
  const missing = new Set(engineFiles(lab, language));
  try {
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys())
        for (const file of missing) if (file.test(new URL(request.url).pathname)) missing.delete(file);
      if (!missing.size) return true;
    }
  } catch {
    // Storage the browser refuses (a private window, a full disk) keeps nothing.
  }
  return false;
}

/**
 * The kind of engine a lab runs on, as the build lists its files (LAB_ENGINE_ENTRIES, src/lib/offline/cache-rules.ts):
 * Pyodide alone for a Python code lab, beside PGlite for a Python database lab and an API lab answered in Python.
 */
const engineListOf = (lab: LabSpec) => {
  const engines = kindOf(lab).engines(lab);
  return engines.includes('pyodide') ? (engines.includes('pglite') ? 'python-db' : 'python') : labKind(lab.language);
};

/**
 * Asks the service worker to keep the engine `lab` runs on: on a first visit the engine loaded before the worker
 * controlled the page, so none of it was kept. Waits for an active worker (forever where there is none); true once
 * every file is kept, which engineCached then sees.
 */
export async function keepEngine(lab: LabSpec): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const { active } = await navigator.serviceWorker.ready;
  if (!active) return false;
  const channel = new MessageChannel();
  const reply = new Promise<{ kept?: boolean }>((resolve) => {
    channel.port1.onmessage = ({ data }: MessageEvent<{ kept?: boolean }>) => resolve(data);
  });
  active.postMessage({ type: 'keep-engine', kind: engineListOf(lab) }, [channel.port2]);
  return (await reply).kept === true;
}

/**
 * What a learner reads when a lab cannot start. A download that failed is nearly always the network, or an engine
 * this browser has not kept yet while offline, where "reload" alone would not help (and `navigator.onLine` is not
 * to be trusted: a captive portal, or a reload under an emulated network, reads true).
 */
export function startFailure(what: 'lab' | 'engine', error: unknown, online: boolean, words: LabWords): string {
  const message = (error as Error).message;
  if (!online || /fetch|network|import/i.test(message)) return fill(words.startOffline, { what: words.what[what] });
  return fill(words.startFailed, { what: words.what[what], message });
}
