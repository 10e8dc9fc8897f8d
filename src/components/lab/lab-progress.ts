/** <atlas-lab-progress> on /progress/ (LabProgress.astro): the labs this browser passed, of each kind, and when. */
import { AtlasElement, defineElement } from '../element.ts';
import { formatLocalDay } from '../../core/format/format.ts';
import { part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { type LabKind, passedByPractice } from '../../lib/labs/shared/lab-facets.ts';

class LabProgress extends AtlasElement {
  protected connect() {
    const show = () => this.#show();
    show();
    onProgressChange(show, this.signal);
  }

  #show() {
    const summary = part(this, '[data-labs-summary]');
    const items = [...this.querySelectorAll<HTMLLIElement>('[data-lab]')];
    const labs = getProgress().labs;
    for (const item of items) {
      const passed = labs[item.dataset.lab!]?.passed;
      item.hidden = !passed;
      if (passed) part(item, '[data-when]').textContent = `passed ${formatLocalDay(passed)}`;
    }
    const passedOf = passedByPractice(
      items.map((i) => ({ kind: i.dataset.kind as LabKind, passed: !!labs[i.dataset.lab!]?.passed })),
    );
    const total = passedOf.sql + passedOf.code + passedOf.api + passedOf.design;
    const started = items.filter((i) => labs[i.dataset.lab!] && !labs[i.dataset.lab!]!.passed).length;
    summary.textContent = `You passed ${total} of ${items.length} labs (${passedOf.sql} SQL, ${passedOf.code} code, ${passedOf.api} HTTP API, ${passedOf.design} system design)${started ? `, and started ${started} more` : ''}.`;
    summary.append(
      ' ',
      Object.assign(document.createElement('a'), { href: '/labs/?status=open', textContent: 'Labs to do next' }),
    );
  }
}
defineElement('lab-progress', LabProgress);
