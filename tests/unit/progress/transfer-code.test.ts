import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progress } from '../arbitraries.ts';
import { emptyProgress, type Progress } from '../../../src/lib/progress/progress-store.ts';
import { crc32 } from '../../../src/lib/progress/link-pack.ts';
import {
  decodeTransfer,
  encodeTransfer,
  MAX_TRANSFER_LINK,
  QR_LIMIT,
} from '../../../src/lib/progress/transfer-code.ts';

const AT = new Date('2026-11-22T10:00:00.000Z');
const bytes = (text: string) => new TextEncoder().encode(text);

async function deflate(text: string): Promise<string> {
  const packed = new Uint8Array(
    await new Response(
      new Blob([bytes(text)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  return Buffer.from(packed).toString('base64url');
}

const WORDS =
  'the a index query cache latency retry timeout lock row page token key queue worker request response join plan scan write read replica shard batch limit error budget because when after before so but only never always measured slow fast p95 ms seconds rows'.split(
    ' ',
  );

/** Sentences of varied words (a fixed pseudo-random sequence), compressing about as well as real notes do. */
function prose(seed: number, words: number): string {
  let x = seed + 1;
  return Array.from({ length: words }, (_, i) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return `${WORDS[x % WORDS.length]}${i % 12 === 11 ? '.' : ''}`;
  }).join(' ');
}

/** 150 topics marked, each with a dated status, a topic review and a note of about 40 words (some 250 characters). */
function learnerWith150Topics(): Progress {
  const p = emptyProgress();
  for (let i = 0; i < 150; i++) {
    const id = `topic-number-${i}`;
    p.topics[id] = i % 3 === 0 ? 'learning' : 'done';
    p.topicTimes[id] = new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString();
    p.topicReviews[id] = {
      stability: 8.71940573,
      difficulty: 5.31877023,
      reps: 2,
      lapses: 0,
      due: '2026-11-28',
      reviewed: '2026-11-22',
    };
    p.notes[id] = {
      text: prose(i, 40),
      updated: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    };
  }
  return p;
}

describe('transfer link', () => {
  it('round-trips everything in the store', async () => {
    await fc.assert(
      fc.asyncProperty(progress, async (p) => {
        expect(await decodeTransfer(await encodeTransfer(p, AT))).toEqual({
          ok: true,
          progress: p,
          exportedAt: AT.toISOString(),
        });
      }),
      { numRuns: 100 },
    );
  });

  it('fits a QR code for a learner without notes, and measures 150 topics with notes', async () => {
    const full = learnerWith150Topics();
    const origin = 'https://backend-atlas.example/progress/#transfer=';
    const withNotes = `${origin}${await encodeTransfer(full, AT)}`;
    const statusesOnly = `${origin}${await encodeTransfer({ ...full, notes: {}, topicReviews: {} }, AT)}`;
    const noteChars = Object.values(full.notes).reduce((n, x) => n + x.text.length, 0);
    console.log(
      `transfer link, 150 topics with notes (${noteChars} characters) and reviews: ${withNotes.length} characters; statuses only: ${statusesOnly.length}; QR limit ${QR_LIMIT}`,
    );
    expect(statusesOnly.length).toBeLessThan(QR_LIMIT);
    expect(withNotes.length).toBeGreaterThan(QR_LIMIT);
    expect(withNotes.length).toBeLessThan(MAX_TRANSFER_LINK);
  });

  it('accepts or rejects any string without throwing', async () => {
    const valid = await encodeTransfer({ ...emptyProgress(), topics: { jwt: 'done' } }, AT);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{0,40}$/),
          fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
          fc
            .tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...'AZaz09-_'))
            .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
        ),
        async (code) => {
          const result = await decodeTransfer(code);
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects tampered, truncated, oversized and foreign data with a reason', async () => {
    const valid = await encodeTransfer({ ...emptyProgress(), topics: { jwt: 'done' } }, AT);
    const [, check, data] = valid.split('.') as [string, string, string];
    const reason = async (code: string) => {
      const result = await decodeTransfer(code);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(await reason(valid.slice(0, -6))).toMatch(/truncated|checksum|damaged/);
    expect(await reason(valid.slice(0, -8))).toMatch(/truncated|checksum/);
    expect(await reason(`1.${check}.${data.slice(0, 10)}${data[10] === 'X' ? 'Y' : 'X'}${data.slice(11)}`)).toMatch(
      /damaged|checksum/,
    );
    expect(await reason(`1.00000000.${data}`)).toMatch(/checksum/);
    expect(await reason(`2.${check}.${data}`)).toMatch(/another version/);
    expect(await reason(`1.${check}.${data}*`)).toMatch(/damaged/);
    expect(await reason('x'.repeat(MAX_TRANSFER_LINK + 1))).toMatch(/larger/);
    // A valid, checksummed payload that unpacks to more than the store could ever hold.
    const bomb = '{"kind":"backend-atlas-progress","pad":"' + ' '.repeat(9_000_000) + '"}';
    expect(await reason(`1.${crc32(bytes(bomb))}.${await deflate(bomb)}`)).toMatch(/more data than/);
    // Checksummed JSON of the wrong kind, and progress of a newer format.
    const foreign = JSON.stringify({ kind: 'someone-else', exportedAt: AT.toISOString(), version: 5 });
    expect(await reason(`1.${crc32(bytes(foreign))}.${await deflate(foreign)}`)).toMatch(
      /not hold Backend Atlas progress/,
    );
    const future = JSON.stringify({ kind: 'backend-atlas-progress', exportedAt: AT.toISOString(), version: 10 });
    expect(await reason(`1.${crc32(bytes(future))}.${await deflate(future)}`)).toMatch(/newer version/);
  });
});
