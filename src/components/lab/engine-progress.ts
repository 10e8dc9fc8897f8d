/**
 * The engine's loading, shown while it starts: a native <progress> (its name says what loads; its value the bytes of
 * the files received, engine-download.ts) and the same in words beside it ("Postgres 3.1 of 16.4 MB"). Neither is a
 * live region: the status region says once what is loading and how much, then "Ready", so a screen reader is not
 * read every percent.
 */
import type { EngineClient } from './engine-client.ts';
import { fill } from '../../core/format/fill.ts';
import { part } from '../parts.ts';
import type { LabWords } from './lab-words.ts';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** Shows `engine` loading in `root` (a lab workbench) until it is ready or failed. */
export function showEngineProgress(root: HTMLElement, engine: EngineClient, language: string, words: LabWords) {
  const bar = part(root, '[data-engine-progress]', HTMLProgressElement);
  const state = part(root, '[data-engine-state]');
  const announce = part(root, '[data-announce]');
  // What the toolbar says before the engine reports its files.
  const { sql, http, python, code } = words.starting;
  state.textContent = ({ sql, http, python } as Record<string, string>)[language] ?? code;
  bar.removeAttribute('value'); // indeterminate until the first count
  bar.hidden = false;
  let said = false;
  engine.onProgress(({ what, loaded, total }) => {
    if (bar.hidden) return;
    bar.max = total;
    bar.value = loaded;
    bar.setAttribute('aria-label', fill(words.loading, { what }));
    // Downloaded is not ready: the engine compiles and starts after its last byte.
    state.textContent =
      loaded >= total
        ? fill(words.downloaded, { what, mb: mb(total) })
        : fill(words.progress, { what, loaded: mb(loaded), total: mb(total) });
    if (!said) announce.textContent = fill(words.loadingSaid, { what, mb: mb(total) });
    said = true;
  });
  const done = () => (bar.hidden = true);
  engine.ready.then(done, done);
}
