/** <atlas-portfolio-marks>: after each project link in its parent element, a badge with the learner's status (building / built). */
import { AtlasElement, defineElement } from '../element.ts';
import { STATUS_LABEL } from '../../lib/progress/portfolio-entry.ts';
import { part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

const PROJECT_PAGE = /^\/projects\/([a-z0-9-]+)\/$/;

class PortfolioMarks extends AtlasElement {
  protected connect() {
    const scope = this.parentElement;
    const template = this.querySelector('template');
    if (!scope || !template) return;
    const render = () => {
      for (const old of scope.querySelectorAll('[data-portfolio-mark]')) old.remove();
      const entries = getProgress().projects;
      for (const link of scope.querySelectorAll<HTMLAnchorElement>('a[href^="/projects/"]')) {
        const entry = entries[PROJECT_PAGE.exec(link.getAttribute('href') ?? '')?.[1] ?? ''];
        if (!entry || entry.status === 'not-started') continue;
        const badge = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
        badge.dataset.portfolioMark = '';
        badge.dataset.status = entry.status;
        part(badge, '[data-label]').textContent = STATUS_LABEL[entry.status];
        link.after(badge);
      }
    };
    onProgressChange(render, this.signal);
    render();
  }
}

defineElement('portfolio-marks', PortfolioMarks);
