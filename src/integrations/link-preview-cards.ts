import type { AstroIntegration } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { existsSync, mkdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type RawEntry, readContentDir } from '../lib/content/content-files.ts';
import { SCHEMAS } from '../lib/content/integrity.ts';
import { CARD_CACHE_DIR, cachedCardPng, cardKey, type CardInput } from '../lib/cards/link-preview-card.ts';
import {
  CARD_COLLECTIONS,
  type CardCollection,
  cardInput,
  cardUrl,
  SITE_CARD,
} from '../lib/cards/link-preview-content.ts';

/**
 * Share cards (the 1200×630 PNGs behind og:image) for every roadmap, topic, role, question and project, and the
 * site's own card. Drawing them is most of what a page costs, so it starts as soon as the content is checked and
 * runs in worker threads beside the content sync, Vite's bundling and Astro's page rendering; cards are cached
 * across builds by a key of everything drawn (src/lib/cards/link-preview-card.ts), and copied into the build when it is done.
 * `astro dev` draws a card when asked.
 */

/** One card: where it goes in the build and what it shows. */
export interface CardJob {
  /** Path in the build output, e.g. "og/topics/jwt.png". */
  path: string;
  input: CardInput;
}

/** Every card the site has, from the content files (checked by content-integrity before this runs). */
export function planCards(entries: readonly RawEntry[]): CardJob[] {
  const jobs: CardJob[] = [{ path: cardUrl().slice(1), input: SITE_CARD }];
  for (const entry of entries) {
    if (!(CARD_COLLECTIONS as string[]).includes(entry.collection)) continue;
    const collection = entry.collection as CardCollection;
    const parsed = SCHEMAS[collection].safeParse(entry.data);
    if (!parsed.success) throw new Error(`${entry.file}: its share card cannot be drawn: ${parsed.error.message}`);
    // cardInput reads only plain fields of `data`, which the schema gives exactly as Astro's collection does.
    const card = cardInput(collection, { id: entry.id, data: parsed.data } as CollectionEntry<CardCollection>);
    jobs.push({ path: cardUrl(collection, entry.id).slice(1), input: card });
  }
  return jobs;
}

/** Draws one card into the card cache. */
export type DrawCard = (input: CardInput) => Promise<void>;

/** Draws each distinct card the cache lacks, all at once (the drawer limits how many run); returns how many. */
export async function drawMissing(jobs: readonly CardJob[], cacheDir: string, draw: DrawCard): Promise<number> {
  const missing = new Map<string, CardInput>();
  for (const { input } of jobs) {
    const key = cardKey(input);
    if (!missing.has(key) && !existsSync(join(cacheDir, `${key}.png`))) missing.set(key, input);
  }
  await Promise.all([...missing.values()].map(draw));
  return missing.size;
}

/** Copies every card from the cache to its place in the build output (on libuv's threads, off the main one). */
export async function copyCards(jobs: readonly CardJob[], cacheDir: string, outDir: string): Promise<void> {
  for (const dir of new Set(jobs.map((j) => dirname(join(outDir, j.path))))) mkdirSync(dir, { recursive: true });
  await Promise.all(
    jobs.map(({ path, input }) => copyFile(join(cacheDir, `${cardKey(input)}.png`), join(outDir, path))),
  );
}

/**
 * `threads` worker threads that draw cards into `cacheDir`, each taking the next card when it is free; `grow`
 * adds threads up to a new total. A worker keeps the process alive only while it has a card to draw, so a failed
 * build never lingers on it.
 */
export function cardPool(
  threads: number,
  cacheDir: string,
): { draw: DrawCard; grow: (threads: number) => void; close: () => Promise<void> } {
  type Task = { input: CardInput; resolve: () => void; reject: (error: Error) => void };
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  const idle: Worker[] = [];
  const next = (worker: Worker) => {
    const task = queue.shift();
    if (!task) {
      busy.delete(worker);
      idle.push(worker);
      worker.unref();
      return;
    }
    busy.set(worker, task);
    worker.ref();
    worker.postMessage({ input: task.input });
  };
  const start = () => {
    const worker = new Worker(new URL('./link-preview-worker.ts', import.meta.url), { workerData: { cacheDir } });
    worker.on('message', ({ error }: { error?: string }) => {
      const task = busy.get(worker)!;
      if (error) task.reject(new Error(`share card "${task.input.title}" could not be drawn: ${error}`));
      else task.resolve();
      next(worker);
    });
    worker.on('error', (error) => {
      busy.get(worker)?.reject(error);
      for (const task of queue.splice(0)) task.reject(error);
    });
    next(worker);
  };
  const grow = (total: number) => {
    for (let i = busy.size + idle.length; i < total; i++) start();
  };
  grow(threads);
  return {
    draw: (input) =>
      new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        const worker = idle.shift();
        if (worker) next(worker);
      }),
    grow,
    close: async () => {
      await Promise.all([...busy.keys(), ...idle].map((worker) => worker.terminate()));
    },
  };
}

/**
 * Worker threads for cards while Astro renders pages: one per core but the one Astro keeps busy (it is the
 * build's longest path; on 2 cores, 1 thread built 2,678 pages in 82.6 s against 87.9 s with 2). Once the pages
 * are written, the cards still to draw get every core.
 */
const FIXED_THREADS = Number(process.env.ATLAS_CARD_THREADS) || undefined;
const THREADS = FIXED_THREADS ?? Math.max(1, availableParallelism() - 1);
const THREADS_AFTER_PAGES = FIXED_THREADS ?? availableParallelism();

export default function shareCards(): AstroIntegration {
  let drawing: Promise<{ jobs: CardJob[]; drawn: number; seconds: number }> | undefined;
  let pool: ReturnType<typeof cardPool> | undefined;
  return {
    name: 'backend-atlas:share-cards',
    hooks: {
      // Drawing starts as soon as the config is read: content-integrity (the first integration) has checked
      // the content by then, and the content sync and Vite's bundling that follow leave a core idle.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' || drawing) return;
        const started = performance.now();
        const jobs = planCards(readContentDir());
        const cards = (pool = cardPool(THREADS, CARD_CACHE_DIR));
        drawing = drawMissing(jobs, CARD_CACHE_DIR, cards.draw)
          .then((drawn) => ({ jobs, drawn, seconds: (performance.now() - started) / 1000 }))
          .finally(cards.close);
        drawing.catch(() => {}); // reported by astro:build:done; this only keeps Node from calling it unhandled meanwhile
      },
      // Pages are written: Astro's thread is free, so the cards still to draw take every core (the other
      // integrations' build:done steps run meanwhile; this one comes last).
      'astro:build:generated': () => pool?.grow(THREADS_AFTER_PAGES),
      'astro:build:done': async ({ dir, logger }) => {
        const { jobs, drawn, seconds } = await drawing!;
        await copyCards(jobs, CARD_CACHE_DIR, fileURLToPath(dir));
        logger.info(
          `${jobs.length} share cards: ${drawn} drawn in ${THREADS} worker threads, ${THREADS_AFTER_PAGES} once the pages were written (${seconds.toFixed(1)} s), ${jobs.length - drawn} from the cache`,
        );
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const path = request.url?.split('?')[0]?.slice(1);
          if (!path?.startsWith('og/')) return next();
          const job = planCards(readContentDir()).find((j) => j.path === path);
          if (!job) return next();
          try {
            response.setHeader('Content-Type', 'image/png');
            response.end(await cachedCardPng(job.input));
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
