/**
 * <atlas-checker-result data-project data-milestones>: on a project page, the project checker's result link
 * (`#checked=1.0.0:2026-11-27:1,2,4`, src/lib/project-check/result-link.ts) read when the page opens or the fragment
 * changes, checked like every link that carries learner data, and recorded on the project's portfolio entry; a link
 * that cannot be read is refused with the reason and the portfolio left as it was. Also shows the run recorded.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { part } from '../parts.ts';
import { checkerText } from '../../lib/progress/portfolio.ts';
import { withCheckerMark } from '../../lib/progress/checker-mark.ts';
import { readResultLink } from '../../lib/project-check/result-link.ts';
import { getProgress, notify, onProgressChange, saveProgress } from '../progress/progress.ts';

/** The latest calendar day anywhere on Earth (UTC+14): a run's day, written in UTC, is never after it. */
const latestDay = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

class CheckerResult extends AtlasElement {
  protected connect(signal: AbortSignal) {
    addEventListener('hashchange', () => this.#readLink(), { signal });
    onProgressChange(() => this.#render(), signal);
    this.#readLink();
    this.#render();
  }

  #readLink() {
    const project = this.dataset.project!;
    const of = Number(this.dataset.milestones);
    const read = readResultLink(location.hash, of, latestDay());
    if (!read) return;
    // The fragment has been read: a reload or a shared copy of the address does not apply it again.
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    const region = part(this, '[data-result-message]');
    if ('problem' in read) {
      notify(region, `This checker link was not used: ${read.problem} Your portfolio is as it was.`);
      return;
    }
    const mark = { ...read.result, of };
    const before = getProgress();
    const next = withCheckerMark(before, project, mark, new Date());
    if (next === before) {
      const kept = before.projects[project]?.checked?.day ?? '';
      notify(region, `Your portfolio already holds a later checker run, from ${kept}; this link changed nothing.`);
      return;
    }
    notify(
      region,
      saveProgress(next)
        ? `Recorded on your portfolio: ${checkerText(mark)}.`
        : 'This browser would not store the result (storage is full or blocked), so it lasts only until you leave the page.',
    );
    this.#render();
  }

  #render() {
    const mark = getProgress().projects[this.dataset.project!]?.checked;
    const shown = part(this, '[data-mark]');
    shown.hidden = !mark;
    if (mark) part(this, '[data-mark-text]').textContent = `Your last run here: ${checkerText(mark)}.`;
  }
}

defineElement('checker-result', CheckerResult);
