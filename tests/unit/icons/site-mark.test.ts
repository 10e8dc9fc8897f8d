import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markPng } from '../../../src/lib/icons/site-icons.ts';
import { markSvg } from '../../../src/lib/icons/site-mark.ts';

describe('site mark', () => {
  it('public/favicon.svg is the mark drawn by src/lib/icons/site-mark.ts (one drawing)', () => {
    expect(readFileSync('public/favicon.svg', 'utf8').trim()).toBe(markSvg({ adaptive: true }));
  });

  it('renders touch icons as PNGs of the asked size', async () => {
    const png = await markPng(180, { tile: true });
    expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([180, 180]);
  });
});
