/**
 * A QR code of a transfer link, drawn in this browser as SVG. The encoding is uqr's (unjs/uqr: a maintained,
 * dependency-free QR encoder), loaded only when a learner asks for the code; the drawing is one <path> built here,
 * so no markup from elsewhere is inserted into the page.
 */
import { QR_LIMIT } from '../../lib/progress/transfer-code.ts';

interface QrMatrix {
  size: number;
  data: boolean[][];
}
type Encode = (text: string, options: { ecc: 'L'; border: number }) => QrMatrix;

/** uqr, in a chunk of its own fetched on first use (never with the page). */
async function loadEncoder(): Promise<Encode | undefined> {
  try {
    const library = (await import('uqr')) as unknown as { encode?: Encode };
    return library.encode;
  } catch {
    return undefined;
  }
}

export type QrResult = { ok: true; svg: SVGSVGElement } | { ok: false; reason: string };

/** The QR code of `text` (lowest error correction, so the longest links fit; quiet zone of 4 modules). */
export async function drawQrCode(text: string, label: string): Promise<QrResult> {
  if (text.length > QR_LIMIT)
    return {
      ok: false,
      reason: `the link is ${text.length.toLocaleString('en')} characters and a QR code holds at most ${QR_LIMIT.toLocaleString('en')}`,
    };
  const encode = await loadEncoder();
  if (!encode) return { ok: false, reason: 'the QR code library could not be loaded' };
  let qr: QrMatrix;
  try {
    qr = encode(text, { ecc: 'L', border: 4 });
  } catch {
    return { ok: false, reason: 'the link could not be encoded as a QR code' };
  }
  let d = '';
  qr.data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x} ${y}h1v1h-1z` : '')));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  // Dense codes (long links) are drawn wider, so each module stays a few pixels across for a camera.
  if (qr.size > 80) svg.dataset.dense = '';
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return { ok: true, svg };
}
