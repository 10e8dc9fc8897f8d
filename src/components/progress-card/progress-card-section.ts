/**
 * <atlas-progress-card-section>: draws the chosen roadmap's progress card (src/lib/progress/progress-card.ts) as a preview and
 * downloads it as SVG, or as PNG drawn from the SVG on a canvas. Nothing leaves the browser.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { isoDay } from '../../core/format/dates.ts';
import { formatLocalDay } from '../../core/format/format.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardFileName,
  cardMarkdown,
  progressCardSvg,
} from '../../lib/progress/progress-card.ts';
import { roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { decodeOutlines, type OutlineBundle } from '../../lib/roadmap/roadmap-structure.ts';
import { part } from '../parts.ts';
import { downloadBlob } from '../progress/download.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

const dataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const NO_PNG = 'This browser could not draw the PNG; download the SVG instead.';

/** The card as a PNG at twice its size, drawn from its SVG on a canvas; null when the browser cannot. */
function drawPng(svg: string): Promise<Blob | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), {
        width: CARD_WIDTH * 2,
        height: CARD_HEIGHT * 2,
      });
      const context = canvas.getContext('2d')!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0, CARD_WIDTH, CARD_HEIGHT);
      canvas.toBlob(resolve, 'image/png');
    };
    image.onerror = () => resolve(null);
    image.src = dataUrl(svg);
  });
}

class ProgressCardSection extends AtlasElement {
  #roadmaps: OutlineBundle['roadmaps'] = {};
  #preview = Object.assign(document.createElement('img'), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    className: 'block h-auto w-full rounded-lg border border-border',
  });

  protected connect(signal: AbortSignal) {
    this.#roadmaps = decodeOutlines(document.querySelector('[data-outlines]')?.textContent).roadmaps;
    part(this, '[data-card-preview]').append(this.#preview);
    part(this, '[data-card-svg]', HTMLButtonElement).addEventListener('click', () => this.#downloadSvg(), { signal });
    part(this, '[data-card-png]', HTMLButtonElement).addEventListener('click', () => void this.#downloadPng(), {
      signal,
    });
    this.#select().addEventListener('change', () => this.#show(), { signal });
    onProgressChange(() => this.#show(), signal);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    this.#show();
  }

  #select() {
    return part(this, '[data-card-roadmap]', HTMLSelectElement);
  }

  #markdown() {
    return part(this, '[data-card-markdown]', HTMLInputElement);
  }

  #status(message: string) {
    part(this, '[data-card-status]').textContent = message;
  }

  /** The chosen roadmap's card: its title, its SVG and the file name to save it under. */
  #card() {
    const select = this.#select();
    const outline = this.#roadmaps[select.value];
    const p = roadmapProgress(outline?.stages ?? [], getProgress().topics);
    const title = outline?.title ?? select.selectedOptions[0]?.text ?? select.value;
    const day = formatLocalDay(new Date().toISOString());
    return {
      title,
      svg: progressCardSvg({ roadmap: title, finished: p.finished, total: p.total, day }),
      name: cardFileName(select.value),
    };
  }

  #show() {
    const { title, svg, name } = this.#card();
    this.#preview.src = dataUrl(svg);
    this.#preview.alt =
      new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('title')?.textContent ?? `${title} progress`;
    this.#markdown().value = cardMarkdown(title, this.#select().value, `${name}.svg`, location.origin);
  }

  #downloadSvg() {
    const { svg, name } = this.#card();
    downloadBlob(`${name}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
    this.#status(`Saved ${name}.svg. Put it beside your README and paste the Markdown above.`);
  }

  async #downloadPng() {
    const { svg, name } = this.#card();
    const blob = await drawPng(svg);
    if (!blob) return this.#status(NO_PNG);
    downloadBlob(`${name}.png`, blob);
    this.#markdown().value = cardMarkdown(this.#card().title, this.#select().value, `${name}.png`, location.origin);
    this.#status(`Saved ${name}.png (${isoDay(new Date())}).`);
  }
}

defineElement('progress-card-section', ProgressCardSection);
