/** The engine download's count (src/lib/labs/shared/engine-download.ts): what the page's progress bar is told, and when. */
import { describe, expect, it } from 'vitest';
import { asSent, type Progress, progressCounter, readCounting } from '../../../src/lib/labs/shared/engine-download.ts';

const files = [
  { url: '/a.wasm', bytes: 600 },
  { url: '/b.data', bytes: 400 },
];

describe('progressCounter', () => {
  it('reports the start, each hundredth of the total and the end, only ever forward', () => {
    const reports: Progress[] = [];
    const count = progressCounter(files, (progress) => reports.push(progress));
    for (let i = 0; i < 1000; i++) count(1);
    expect(reports[0]).toEqual({ loaded: 0, total: 1000 });
    expect(reports.at(-1)).toEqual({ loaded: 1000, total: 1000 });
    expect(reports.length).toBe(101);
    expect(reports.map((r) => r.loaded)).toEqual([...reports.map((r) => r.loaded)].sort((a, b) => a - b));
  });

  it('stretches the total when a host sends more than the build said (a .tar.gz decompressed on the way)', () => {
    const reports: Progress[] = [];
    const count = progressCounter(files, (progress) => reports.push(progress));
    count(1500);
    expect(reports.at(-1)).toEqual({ loaded: 1500, total: 1500 });
  });
});

describe('readCounting', () => {
  it('returns the body whole, counting every chunk', async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
    const body = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const counted: number[] = [];
    const bytes = await readCounting(new Response(body), (n) => counted.push(n));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counted).toEqual([2, 1, 3]);
  });

  it('fails on an HTTP error, naming it', async () => {
    await expect(readCounting(new Response('gone', { status: 404 }), () => {})).rejects.toThrow(/HTTP 404/);
  });
});

describe('asSent', () => {
  const cluster = { url: '/cluster.tar.gz', bytes: 1000, unpacked: 25_000 };
  it('counts a gzipped file at the size of what it holds when the host undoes the gzip on the way', () => {
    expect(asSent(cluster, new Response('', { headers: { 'Content-Encoding': 'br' } })).bytes).toBe(25_000);
    expect(asSent(cluster, new Response('')).bytes).toBe(1000);
  });
});
