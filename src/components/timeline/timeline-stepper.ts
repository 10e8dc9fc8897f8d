/**
 * <timeline-stepper> around a timeline's table: the learner predicts each step before it is revealed. Future steps
 * are hidden, the current step shows its statement, and the panel asks what it will do (finish, block or fail) and,
 * where it returns rows, which rows. Reveal shows the recorded outcome and why, and says whether the prediction was
 * right. "Show every step" reveals the lot. Without JavaScript the table shows every step; nothing is stored.
 */
import { h } from '../dom.ts';

type Prediction = 'finishes' | 'blocks' | 'fails';
const SAID: Record<Prediction, string> = { finishes: 'it finishes', blocks: 'it blocks', fails: 'it fails' };

class TimelineStepper extends HTMLElement {
  #abort = new AbortController();

  connectedCallback() {
    const part = <T extends HTMLElement>(selector: string): T => {
      const found = this.querySelector<T>(selector);
      if (!found) throw new Error(`<timeline-stepper> is missing ${selector}`);
      return found;
    };
    const rows = [...this.querySelectorAll<HTMLTableRowElement>('tr[data-step]')];
    const panel = part<HTMLElement>('[data-panel]');
    const form = part<HTMLFormElement>('[data-predict]');
    const feedback = part<HTMLElement>('[data-feedback]');
    const verdict = part<HTMLElement>('[data-verdict]');
    const rowsQuestion = part<HTMLFieldSetElement>('[data-rows-question]');
    const rowsOptions = part<HTMLElement>('[data-rows-options]');
    const after = [...document.querySelectorAll<HTMLElement>('[data-timeline-after]')];
    const signal = this.#abort.signal;
    let current = 0;
    let right = 0;

    const reveal = (row: HTMLTableRowElement, shown: boolean) => {
      for (const outcome of row.querySelectorAll<HTMLElement>('[data-reveal]')) outcome.hidden = !shown;
    };
    /** A step's row choices (a step that returns rows), as the page wrote them. */
    const choicesOf = (row: HTMLTableRowElement) =>
      row.dataset.choices ? (JSON.parse(row.dataset.choices) as string[]) : [];
    const finish = (summary: string) => {
      rows.forEach((row) => {
        row.hidden = false;
        reveal(row, true);
      });
      panel.hidden = false;
      form.hidden = true;
      feedback.hidden = true;
      verdict.textContent = summary;
      for (const el of after) el.hidden = false;
    };
    const ask = () => {
      const row = rows[current]!;
      row.hidden = false;
      reveal(row, false);
      form.reset();
      form.hidden = false;
      feedback.hidden = true;
      verdict.textContent = '';
      part<HTMLElement>('[data-question]').textContent =
        `Step ${current + 1} of ${rows.length}: session ${row.dataset.session} runs`;
      part<HTMLElement>('[data-statement]').textContent = row.querySelector('td code')?.textContent ?? '';
      const choices = choicesOf(row);
      rowsQuestion.hidden = choices.length === 0;
      rowsOptions.replaceChildren(
        ...choices.map((choice, i) =>
          h(
            'label',
            'flex min-h-11 cursor-pointer items-center gap-2',
            {},
            h('input', 'size-4', { type: 'radio', name: 'rows', value: i, required: true }),
            h('code', 'font-mono', {}, choice),
          ),
        ),
      );
    };

    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        const row = rows[current]!;
        const data = new FormData(form);
        const said = data.get('outcome') as Prediction;
        const expect = row.dataset.expect as Prediction;
        const choices = choicesOf(row);
        const answer = Number(row.dataset.answer);
        const outcomeRight = said === expect;
        const rowsRight = choices.length === 0 || Number(data.get('rows')) === answer;
        if (outcomeRight && rowsRight) right++;
        const rowsText = choices.length
          ? ` The rows: ${choices[answer]}${rowsRight ? '' : ` (you picked ${choices[Number(data.get('rows'))]})`}.`
          : '';
        reveal(row, true);
        form.hidden = true;
        const last = current === rows.length - 1;
        verdict.textContent = `${outcomeRight && rowsRight ? 'Right' : 'Not quite'}: ${SAID[expect]}${outcomeRight ? '' : `, not ${SAID[said].replace('it ', '')}`}.${rowsText}${last ? ` You predicted ${right} of ${rows.length} steps.` : ''}`;
        if (last) {
          for (const el of after) el.hidden = false;
          feedback.hidden = true;
        } else {
          feedback.hidden = false;
          part<HTMLButtonElement>('[data-next]').focus();
        }
      },
      { signal },
    );
    part<HTMLButtonElement>('[data-next]').addEventListener(
      'click',
      () => {
        current++;
        ask();
        form.querySelector<HTMLInputElement>('input[name="outcome"]')?.focus();
      },
      { signal },
    );
    part<HTMLButtonElement>('[data-show-all]').addEventListener(
      'click',
      () => finish('Every step is shown, with what the server did.'),
      { signal },
    );

    rows.forEach((row, i) => {
      row.hidden = i > 0;
    });
    for (const el of after) el.hidden = true;
    panel.hidden = false;
    ask();
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }
}

customElements.define('timeline-stepper', TimelineStepper);
