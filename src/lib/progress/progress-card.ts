/**
 * The progress card a learner downloads from /progress/ for a README or a CV: a self-contained SVG (its own
 * colours and fonts, no links, no images, nothing fetched when it is shown) with the roadmap's title, a bar, the
 * finished count and the day it was made. The page turns the same SVG into a PNG in a canvas.
 */
import { SITE_NAME } from '../site/site.ts';

export interface ProgressCard {
  roadmap: string;
  finished: number;
  total: number;
  /** The day the card was made, as the learner reads it ("23 November 2026"). */
  day: string;
}

export const CARD_WIDTH = 640;
export const CARD_HEIGHT = 168;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]!};`);
/** A title cut to fit the card's width at its font size (about 0.55 em a character). */
const fit = (text: string, max = 38) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function progressCardSvg({ roadmap, finished, total, day }: ProgressCard): string {
  const share = total > 0 ? Math.min(1, Math.max(0, finished / total)) : 0;
  const barWidth = CARD_WIDTH - 64;
  const percent = Math.round(share * 100);
  const label = `${roadmap} roadmap: ${finished} of ${total} required topics finished (${percent}%), ${day}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="16" fill="#ffffff" stroke="#d3d9e4"/>`,
    `<text x="32" y="44" font-family="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="15" font-weight="600" fill="#4338ca">${escapeXml(SITE_NAME)}</text>`,
    `<text x="32" y="78" font-family="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="26" font-weight="800" fill="#161a23">${escapeXml(fit(roadmap))}</text>`,
    `<rect x="32" y="98" width="${barWidth}" height="14" rx="7" fill="#eef1f7"/>`,
    share > 0
      ? `<rect x="32" y="98" width="${Math.max(14, Math.round(barWidth * share))}" height="14" rx="7" fill="#1d7a3c"/>`
      : '',
    `<text x="32" y="142" font-family="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="16" fill="#161a23">${finished} of ${total} required topics finished · ${percent}%</text>`,
    `<text x="${CARD_WIDTH - 32}" y="142" text-anchor="end" font-family="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="14" fill="#4f586a">${escapeXml(day)}</text>`,
    '</svg>',
  ].join('');
}

/** The card's file name without extension: backend-developer-progress. */
export const cardFileName = (roadmapId: string) => `${roadmapId}-progress`;

/** The Markdown a learner pastes into a README next to the downloaded file. */
export const cardMarkdown = (roadmap: string, roadmapId: string, fileName: string, siteUrl: string) =>
  `[![${roadmap} roadmap progress](${fileName})](${new URL(`/roadmaps/${roadmapId}/`, siteUrl).href})`;
