/**
 * <progress-card-section>: draws the chosen roadmap's progress card (src/lib/progress/progress-card.ts) as a preview and
 * downloads it as SVG, or as PNG drawn from the SVG on a canvas. Nothing leaves the browser.
 */
import { isoDay } from '../../lib/format/dates.ts';
import { formatLocalDay } from '../../lib/format/format.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardFileName,
  cardMarkdown,
  progressCardSvg,
} from '../../lib/progress/progress-card.ts';
import { roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { decodeOutlines } from '../../lib/roadmap/roadmap-structure.ts';
import { downloadBlob } from '../progress/download.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

const dataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

class ProgressCardSection extends HTMLElement {
  connectedCallback() {
    const { roadmaps } = decodeOutlines(document.querySelector('[data-outlines]')?.textContent);
    const $ = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    const select = $<HTMLSelectElement>('[data-card-roadmap]');
    const preview = Object.assign(document.createElement('img'), {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      className: 'block h-auto w-full rounded-lg border border-border',
    });
    $('[data-card-preview]').append(preview);
    const markdown = $<HTMLInputElement>('[data-card-markdown]');
    const status = $<HTMLElement>('[data-card-status]');
    const card = () => {
      const outline = roadmaps[select.value];
      const p = roadmapProgress(outline?.stages ?? [], getProgress().topics);
      const title = outline?.title ?? select.selectedOptions[0]?.text ?? select.value;
      const day = formatLocalDay(new Date().toISOString());
      return {
        title,
        svg: progressCardSvg({ roadmap: title, finished: p.finished, total: p.total, day }),
        name: cardFileName(select.value),
      };
    };
    const show = () => {
      const { title, svg, name } = card();
      preview.src = dataUrl(svg);
      preview.alt =
        new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('title')?.textContent ??
        `${title} progress`;
      markdown.value = cardMarkdown(title, select.value, `${name}.svg`, location.origin);
    };
    $('[data-card-svg]').addEventListener('click', () => {
      const { svg, name } = card();
      downloadBlob(`${name}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
      status.textContent = `Saved ${name}.svg. Put it beside your README and paste the Markdown above.`;
    });
    $('[data-card-png]').addEventListener('click', () => {
      const { svg, name } = card();
      const image = new Image();
      image.onload = () => {
        const canvas = Object.assign(document.createElement('canvas'), {
          width: CARD_WIDTH * 2,
          height: CARD_HEIGHT * 2,
        });
        const context = canvas.getContext('2d')!;
        context.scale(2, 2);
        context.drawImage(image, 0, 0, CARD_WIDTH, CARD_HEIGHT);
        canvas.toBlob((blob) => {
          if (!blob)
            return void (status.textContent = 'This browser could not draw the PNG; download the SVG instead.');
          downloadBlob(`${name}.png`, blob);
          markdown.value = cardMarkdown(card().title, select.value, `${name}.png`, location.origin);
          status.textContent = `Saved ${name}.png (${isoDay(new Date())}).`;
        }, 'image/png');
      };
      image.onerror = () => (status.textContent = 'This browser could not draw the PNG; download the SVG instead.');
      image.src = dataUrl(svg);
    });
    select.addEventListener('change', show);
    onProgressChange(show);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    show();
  }
}

customElements.define('progress-card-section', ProgressCardSection);
