/**
 * Pyodide's files fetched by a Python lab's worker before Pyodide starts, with a count of the bytes posted to the
 * page for its progress bar ("Python 4.2 of 12.8 MB", engine-download.ts): Pyodide itself reports nothing while it
 * downloads. Pyodide then fetches them again and gets them from the browser's cache (the build serves /_astro/ as
 * immutable, and the service worker keeps them once kept), so nothing is downloaded twice. (Handing Pyodide the bytes
 * as a blob: URL would need `connect-src blob:`, which the site's CSP does not allow.)
 */
import { files, indexURL, lockInfo } from 'virtual:atlas-pyodide';
import { progressCounter, readCounting } from '../../lib/labs/shared/engine-download.ts';
import type { ServerPort } from '../../lib/labs/shared/worker-protocol.ts';

/** Fetches Pyodide's files to their end, posting progress to the page over `port`; then where Pyodide finds them. */
export async function downloadPython(port: ServerPort): Promise<{ indexURL: string; lockInfo: object }> {
  performance.mark('python: start');
  const responses = await Promise.all(files.map((file) => fetch(file.url)));
  const count = progressCounter(files, (progress) => port.post({ type: 'progress', what: 'Python', ...progress }));
  await Promise.all(responses.map((response) => readCounting(response, count)));
  performance.mark('python: files read');
  return { indexURL, lockInfo };
}
