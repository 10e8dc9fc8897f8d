/** PNG renderings of the site mark for browsers and home screens that want bitmaps (build time only). */
import { Resvg } from '@resvg/resvg-js';
import { markSvg } from './site-mark.ts';

/** Touch icons fill the square (the platform rounds the corners), with the drawing inset by a margin. */
export function markPng(size: number, { tile = false } = {}): Uint8Array {
  const svg = markSvg({ size, padding: tile ? 4 : 0 });
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}
