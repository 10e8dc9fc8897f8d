/**
 * A worker thread of the share-cards build step: draws the cards it is sent into the card cache and answers when it is
 * drawn (or with the error), so drawing runs on the other cores while Astro renders pages.
 * Loaded by Node directly, hence the `.ts` import.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedCardPng, type CardInput } from '../lib/cards/link-preview-card.ts';

// The lowest priority, for this thread only (Linux gives each thread its own): Astro's thread is the build's
// longest path, so a card is drawn with what the other steps leave idle instead of slowing them down.
setPriority(19);

const { cacheDir } = workerData as { cacheDir: string };
parentPort!.on('message', async ({ input }: { input: CardInput }) => {
  try {
    await cachedCardPng(input, cacheDir);
    parentPort!.postMessage({});
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
