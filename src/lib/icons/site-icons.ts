/** PNG renderings of the site mark for browsers and home screens that want bitmaps (build time only). */
import sharp from 'sharp';
import { markSvg } from './site-mark.ts';

/**
 * Touch icons fill the square (the platform rounds the corners), with the drawing inset by a margin. Maskable
 * icons keep the drawing inside the central 80 % circle the platform may crop to (the W3C "safe zone").
 */
export async function markPng(size: number, { tile = false, maskable = false } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const svg = markSvg({ size, padding: maskable ? 6 : tile ? 4 : 0 });
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** The icons the web app manifest lists. */
export const APP_ICONS = [
  { size: 192, maskable: false },
  { size: 512, maskable: false },
  { size: 512, maskable: true },
] as const;
