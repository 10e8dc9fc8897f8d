/**
 * The engine's loading, shown while it starts: a native <progress> (its name says what loads; its value the bytes of
 * the files received, engine-download.ts) and the same in words beside it ("Postgres 3.1 of 16.4 MB"). Neither is a
 * live region: the status region says once what is loading and how much, then "Ready", so a screen reader is not
 * read every percent.
 */
import type { EngineClient } from './engine-client.ts';
import { part } from '../parts.ts';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** What the toolbar says before the engine reports its files. */
const STARTING: Record<string, string> = {
  sql: 'Starting Postgres in your browser…',
  http: 'Starting Postgres and the JavaScript engine in your browser…',
  python: 'Starting Python in your browser…',
};

/** Shows `engine` loading in `root` (a lab workbench) until it is ready or failed. */
export function showEngineProgress(root: HTMLElement, engine: EngineClient, language: string) {
  const bar = part(root, '[data-engine-progress]', HTMLProgressElement);
  const state = part(root, '[data-engine-state]');
  const announce = part(root, '[data-announce]');
  state.textContent = STARTING[language] ?? 'Starting the JavaScript engine…';
  bar.removeAttribute('value'); // indeterminate until the first count
  bar.hidden = false;
  let said = false;
  engine.onProgress(({ what, loaded, total }) => {
    if (bar.hidden) return;
    bar.max = total;
    bar.value = loaded;
    bar.setAttribute('aria-label', `Loading ${what}`);
    // Downloaded is not ready: the engine compiles and starts after its last byte.
    state.textContent =
      loaded >= total ? `${what} downloaded (${mb(total)} MB), starting…` : `${what} ${mb(loaded)} of ${mb(total)} MB`;
    if (!said) announce.textContent = `Loading ${what}, ${mb(total)} MB…`;
    said = true;
  });
  const done = () => (bar.hidden = true);
  engine.ready.then(done, done);
}
