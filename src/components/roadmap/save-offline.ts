/**
 * Save this roadmap for offline (SaveOffline.astro): asks the service worker to fetch the roadmap's list of files
 * (written by the build, src/after-build/offline.ts) into its own cache, shows progress and size, and removes the
 * copy on request. Loaded on first use by roadmap-view.ts; it imports only parts.ts, which the roadmap page has
 * loaded already, so loading it costs one request.
 */
import { part } from '../parts.ts';
import { fill, plural } from '../../core/format/fill.ts';
import type { RoadmapWords } from './roadmap-words.ts';

/**
 * Human size: "840 KB", "1.3 MB" ("1,3 MB" in pt-BR, `locale`). (Here, not in src/lib/offline/cache-rules.ts:
 * importing that would add a shared chunk to the roadmap page.)
 */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (bytes < 1_000_000) return `${String(Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${(bytes / 1_000_000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

interface Status {
  saved?: boolean;
  pages?: number;
  bytes?: number;
  done?: number;
  total?: number;
  totalBytes?: number;
  error?: string;
}

/** Sends a message to the active worker; `onProgress` sees every reply until the last one (no `done`). */
async function ask(message: object, onProgress?: (status: Status) => void): Promise<Status | undefined> {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return undefined;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent<Status>) => {
      if (data.done !== undefined) onProgress?.(data);
      else resolve(data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

export class SaveOffline {
  #save: HTMLButtonElement;
  #remove: HTMLButtonElement;
  #progress: HTMLProgressElement;
  #status: HTMLElement;

  #roadmap: string;
  #words: RoadmapWords;

  constructor(root: HTMLElement, roadmap: string, words: RoadmapWords) {
    this.#roadmap = roadmap;
    this.#words = words;
    this.#save = part(root, '[data-offline-save]', HTMLButtonElement);
    this.#remove = part(root, '[data-offline-remove]', HTMLButtonElement);
    this.#progress = part(root, '[data-offline-progress]', HTMLProgressElement);
    this.#status = part(root, '[data-offline-status]');
  }

  async refresh() {
    this.#show((await ask({ type: 'roadmap-status', roadmap: this.#roadmap })) ?? {});
  }

  async run(action: 'save' | 'remove') {
    this.#save.disabled = this.#remove.disabled = true;
    const saving = action === 'save';
    if (saving) {
      this.#status.textContent = this.#words.offlineSaving;
      // Ask the browser to keep the copy under storage pressure (granted quietly or asked once, after this click).
      void navigator.storage?.persist?.().catch(() => false);
    }
    let tenth = -1;
    try {
      const result = await ask(
        { type: `${action}-roadmap`, roadmap: this.#roadmap },
        ({ done = 0, total = 1, bytes = 0, totalBytes = 0 }) => {
          this.#progress.hidden = false;
          this.#progress.max = total;
          this.#progress.value = done;
          // The status is announced: say it every tenth of the way, not at each of a hundred files.
          if (Math.floor((done / total) * 10) === tenth) return;
          tenth = Math.floor((done / total) * 10);
          this.#status.textContent = fill(this.#words.offlineProgress, {
            done,
            total,
            bytes: formatBytes(bytes, this.#words.dateLocale),
            totalBytes: formatBytes(totalBytes, this.#words.dateLocale),
          });
        },
      );
      if (!result) return this.#show({ error: this.#words.offlineNotRunning });
      this.#show(result, saving ? undefined : this.#words.offlineRemoved);
      // Loaded when used: the page has the progress module already, and Node tests import this file without a DOM.
      if (saving && result.saved)
        void import('../progress/progress.ts').then((m) => m.recordRoadmapWork(this.#roadmap));
    } catch (error) {
      this.#show({ error: (error as Error).message });
    }
  }

  #show({ saved = false, pages = 0, bytes = 0, error }: Status, message?: string) {
    this.#progress.hidden = true;
    this.#save.disabled = this.#remove.disabled = false;
    this.#save.hidden = saved;
    this.#remove.hidden = !saved;
    if (error) this.#status.textContent = fill(this.#words.offlineFailed, { error });
    else if (saved)
      this.#status.textContent = fill(this.#words.offlineSaved, {
        topics: plural(pages - 1, this.#words.topicOne, this.#words.topicMany),
        size: formatBytes(bytes, this.#words.dateLocale),
      });
    else this.#status.textContent = message ?? '';
  }
}
