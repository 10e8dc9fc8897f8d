/** <atlas-portfolio-section>: the learner's built and building projects from local progress, and the portfolio as Markdown. */
import { AtlasElement, defineElement } from '../element.ts';
import { type PortfolioEntry, STATUS_LABEL } from '../../lib/progress/portfolio-entry.ts';
import {
  checkerText,
  completion,
  completionText,
  type PortfolioProject,
  portfolioItems,
  portfolioMarkdown,
} from '../../lib/progress/portfolio.ts';
import { jsonPart, part } from '../parts.ts';
import { downloadText } from '../progress/download.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { count } from '../../core/format/words.ts';

/** One project's card, from the section's template: its status, checklist completion, link and note. */
function projectCard(template: HTMLTemplateElement, project: PortfolioProject, entry: PortfolioEntry) {
  const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  const title = part(item, '[data-title]', HTMLAnchorElement);
  title.href = new URL(project.page).pathname;
  title.textContent = project.title;
  const status = part(item, '[data-status]');
  status.dataset.status = entry.status;
  status.textContent = STATUS_LABEL[entry.status];
  const done = completion(project, entry);
  const bar = part(item, '[data-bar]', HTMLProgressElement);
  bar.max = Math.max(done.featuresTotal, 1);
  bar.value = done.features;
  bar.setAttribute('aria-label', `Features done on ${project.title}`);
  part(item, '[data-completion]').textContent = completionText(done);
  const checker = part(item, '[data-checker]');
  if (entry.checked) checker.textContent = `Checked: ${checkerText(entry.checked)}.`;
  else checker.remove();
  const link = part(item, '[data-link]', HTMLAnchorElement);
  // The store only keeps http(s) links; text is set as text, never parsed as HTML.
  if (entry.url) {
    link.href = entry.url;
    link.rel = 'nofollow noopener noreferrer';
    link.textContent = entry.url;
  } else part(item, '[data-link-row]').remove();
  const note = part(item, '[data-note]');
  if (entry.note.trim()) note.textContent = entry.note;
  else note.remove();
  return item;
}

class PortfolioSection extends AtlasElement {
  #projects: PortfolioProject[] = [];

  protected connect(signal: AbortSignal) {
    this.#projects = jsonPart<PortfolioProject[]>(this, '[data-projects]');
    const copy = part(this, '[data-copy]', HTMLButtonElement);
    copy.addEventListener('click', () => void this.#copy(), { signal });
    const download = part(this, '[data-download]', HTMLButtonElement);
    download.addEventListener('click', () => this.#download(), { signal });
    copy.disabled = false;
    download.disabled = false;
    onProgressChange(() => this.#render(), signal);
    this.#render();
  }

  #items() {
    return portfolioItems(this.#projects, getProgress().projects);
  }

  #render() {
    const shown = this.#items();
    const template = part(this, 'template', HTMLTemplateElement);
    part(this, '[data-empty]').hidden = shown.length > 0;
    part(this, '[data-list]').replaceChildren(
      ...shown.map(({ project, entry }) => projectCard(template, project, entry)),
    );
  }

  #count() {
    const n = this.#items().length;
    return count(n, 'project');
  }

  #say(message: string) {
    part(this, '[data-portfolio-notice]').textContent = message;
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(portfolioMarkdown(this.#items()));
      this.#say(`Copied ${this.#count()} as Markdown.`);
    } catch {
      this.#say('This browser did not allow copying; use Download Markdown instead.');
    }
  }

  #download() {
    const name = `backend-portfolio-${new Date().toISOString().slice(0, 10)}.md`;
    downloadText(name, portfolioMarkdown(this.#items()), 'text/markdown');
    this.#say(`Downloaded ${this.#count()} as Markdown.`);
  }
}

defineElement('portfolio-section', PortfolioSection);
