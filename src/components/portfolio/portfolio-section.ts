/** <portfolio-section>: the learner's built and building projects from local progress, and the portfolio as Markdown. */
import { STATUS_LABEL } from '../../lib/progress/portfolio-entry.ts';
import {
  completion,
  completionText,
  type PortfolioProject,
  portfolioItems,
  portfolioMarkdown,
} from '../../lib/progress/portfolio.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

class PortfolioSection extends HTMLElement {
  connectedCallback() {
    const projects = JSON.parse(this.querySelector('[data-projects]')!.textContent!) as PortfolioProject[];
    const list = this.querySelector('[data-list]')!;
    const empty = this.querySelector<HTMLElement>('[data-empty]')!;
    const template = this.querySelector('template')!;
    const notice = this.querySelector('[data-portfolio-notice]')!;
    const items = () => portfolioItems(projects, getProgress().projects);

    const render = () => {
      const shown = items();
      empty.hidden = shown.length > 0;
      list.replaceChildren(
        ...shown.map(({ project, entry }) => {
          const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
          const title = item.querySelector<HTMLAnchorElement>('[data-title]')!;
          title.href = new URL(project.page).pathname;
          title.textContent = project.title;
          const status = item.querySelector<HTMLElement>('[data-status]')!;
          status.dataset.status = entry.status;
          status.textContent = STATUS_LABEL[entry.status];
          const done = completion(project, entry);
          const bar = item.querySelector<HTMLProgressElement>('[data-bar]')!;
          bar.max = Math.max(done.featuresTotal, 1);
          bar.value = done.features;
          bar.setAttribute('aria-label', `Features done on ${project.title}`);
          item.querySelector('[data-completion]')!.textContent = completionText(done);
          const link = item.querySelector<HTMLAnchorElement>('[data-link]')!;
          // The store only keeps http(s) links; text is set as text, never parsed as HTML.
          if (entry.url) {
            link.href = entry.url;
            link.rel = 'nofollow noopener noreferrer';
            link.textContent = entry.url;
          } else item.querySelector('[data-link-row]')!.remove();
          const note = item.querySelector('[data-note]')!;
          if (entry.note.trim()) note.textContent = entry.note;
          else note.remove();
          return item;
        }),
      );
    };

    const markdown = () => portfolioMarkdown(items());
    const count = () => `${items().length} project${items().length === 1 ? '' : 's'}`;
    const copy = this.querySelector<HTMLButtonElement>('[data-copy]')!;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(markdown());
        notice.textContent = `Copied ${count()} as Markdown.`;
      } catch {
        notice.textContent = 'This browser did not allow copying; use Download Markdown instead.';
      }
    });
    const download = this.querySelector<HTMLButtonElement>('[data-download]')!;
    download.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([markdown()], { type: 'text/markdown' }));
      link.download = `backend-portfolio-${new Date().toISOString().slice(0, 10)}.md`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      notice.textContent = `Downloaded ${count()} as Markdown.`;
    });
    copy.disabled = false;
    download.disabled = false;
    onProgressChange(render);
    render();
  }
}

customElements.define('portfolio-section', PortfolioSection);
