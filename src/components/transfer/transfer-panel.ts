/**
 * The transfer panel of <atlas-transfer-section> (transfer-section.ts loads it on first use): makes a transfer link of
 * everything in this browser's store, with a QR code on request (qr-code.ts, loaded when asked), and opens one:
 * decode (transfer-code.ts), preview what a merge would change (progress-merge.ts), then merge or cancel.
 */
import {
  changesNothing,
  type Conflict,
  KIND_LABEL,
  MERGE_KINDS,
  type MergeKind,
  mergeProgress,
} from '../../lib/progress/progress-merge.ts';
import { type Progress } from '../../lib/progress/progress-store.ts';
import { toExportFile } from '../../lib/progress/export-file.ts';
import {
  decodeTransfer,
  encodeTransfer,
  MAX_TRANSFER_LINK,
  QR_LIMIT,
  TRANSFER_PREFIX,
} from '../../lib/progress/transfer-code.ts';
import { downloadText, exportFileName } from '../progress/download.ts';
import { getProgress, recordCopy, saveProgress } from '../progress/progress.ts';
import { part } from '../parts.ts';
import { count } from '../../core/format/words.ts';

const under = (section: string) => (id: string) => `/${section}/${id}/`;
const ITEM_URL: Record<MergeKind, (id: string) => string> = {
  topics: under('topics'),
  topicReviews: under('topics'),
  notes: under('topics'),
  reviews: under('questions'),
  projects: under('projects'),
  labs: under('labs'),
  // A learner's roadmap has no page of its own: its edit form shows it.
  roadmaps: (id) => `/roadmaps/new/?edit=${id}`,
};
const ITEM_NOUN: Record<MergeKind, string> = {
  topics: 'status of topic',
  topicReviews: 'review of topic',
  notes: 'note on topic',
  reviews: 'review of question',
  projects: 'portfolio entry',
  labs: 'record of lab',
  roadmaps: 'your roadmap',
};

const when = (time: string) => {
  if (!time) return 'undated';
  const date = new Date(time.length === 10 ? `${time}T00:00:00` : time);
  return time.length === 10
    ? date.toLocaleDateString('en-GB', { dateStyle: 'medium' })
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

export class TransferPanel {
  #incoming: Progress | undefined;

  #root: HTMLElement;

  /** `signal` ends the panel's listeners: its section's, which ends when the section leaves the page. */
  constructor(root: HTMLElement, signal: AbortSignal) {
    this.#root = root;
    const on = (selector: string, click: () => void) =>
      part(root, selector, HTMLButtonElement).addEventListener('click', click, { signal });
    on('[data-copy-link]', () => void this.#copyLink());
    on('[data-show-qr]', () => void this.#showQr());
    on('[data-offer-file]', () => this.#exportFile());
    on('[data-merge]', () => this.#merge());
    on('[data-cancel]', () => this.#closeIncoming('Cancelled: the link was not merged and nothing changed.'));
  }

  #exportFile() {
    downloadText(exportFileName(new Date()), toExportFile(getProgress(), new Date()));
    recordCopy();
    dispatchEvent(new CustomEvent('atlas-copy-made'));
    this.#say('Progress exported as a file: open Your progress on the other device and import it there.');
  }

  #say(message: string) {
    part(this.#root, '[data-transfer-status]').textContent = message;
  }

  async makeLink() {
    let url: string;
    try {
      url = `${location.origin}/progress/${TRANSFER_PREFIX}${await encodeTransfer(getProgress(), new Date())}`;
    } catch {
      this.#say('This browser cannot compress a transfer link; export a file instead.');
      part(this.#root, '[data-offer-file]', HTMLButtonElement).hidden = false;
      return;
    }
    const tooLong = url.length > MAX_TRANSFER_LINK;
    const forQr = url.length <= QR_LIMIT;
    if (!tooLong) {
      recordCopy();
      dispatchEvent(new CustomEvent('atlas-copy-made'));
    }
    part(this.#root, '[data-link-panel]').hidden = false;
    part(this.#root, '[data-transfer-url]', HTMLInputElement).value = tooLong ? '' : url;
    part(this.#root, '[data-copy-link]', HTMLButtonElement).hidden = tooLong;
    part(this.#root, '[data-show-qr]', HTMLButtonElement).hidden = !forQr;
    part(this.#root, '[data-offer-file]', HTMLButtonElement).hidden = forQr;
    part(this.#root, '[data-qr]').hidden = true;
    const size = `${url.length.toLocaleString('en')} characters`;
    part(this.#root, '[data-link-size]').textContent = tooLong
      ? `At ${size} this is too large for a link; export a file and import it on the other device.`
      : forQr
        ? `${size}: short enough for a QR code.`
        : `${size}: too long for a QR code (at most ${QR_LIMIT.toLocaleString('en')}), so copy the link or export a file instead.`;
    this.#say(
      tooLong
        ? 'Too large for a link.'
        : 'Transfer link ready. Anyone who has it can read your progress and notes, so send it only to yourself.',
    );
  }

  async #copyLink() {
    const url = part(this.#root, '[data-transfer-url]', HTMLInputElement).value;
    try {
      await navigator.clipboard.writeText(url);
      this.#say('Transfer link copied.');
    } catch {
      part(this.#root, '[data-transfer-url]', HTMLInputElement).select();
      this.#say('Copying is blocked in this browser; the link is selected so you can copy it yourself.');
    }
  }

  async #showQr() {
    const { drawQrCode } = await import('./qr-code.ts');
    const drawn = await drawQrCode(
      part(this.#root, '[data-transfer-url]', HTMLInputElement).value,
      'QR code of the transfer link',
    );
    if (!drawn.ok) {
      this.#say(`No QR code: ${drawn.reason}. Copy the link or export a file instead.`);
      part(this.#root, '[data-offer-file]', HTMLButtonElement).hidden = false;
      return;
    }
    part(this.#root, '[data-qr-image]').replaceChildren(drawn.svg);
    part(this.#root, '[data-qr]').hidden = false;
    this.#say('QR code drawn.');
  }

  /** Reads the transfer link this page was opened with and shows what merging it would change. */
  async openFromLocation() {
    let code = location.hash.slice(TRANSFER_PREFIX.length);
    try {
      code = decodeURIComponent(code);
    } catch {
      // Not percent-encoded: read as it is.
    }
    const decoded = await decodeTransfer(code);
    if (!decoded.ok)
      return this.#closeIncoming(`This transfer link could not be used: ${decoded.reason}. Nothing was changed.`);
    const plan = mergeProgress(getProgress(), decoded.progress);
    if (!plan.ok)
      return this.#closeIncoming(`This transfer link could not be merged: ${plan.reason}. Nothing was changed.`);
    this.#incoming = decoded.progress;
    const holds = MERGE_KINDS.map((k) => `${Object.keys(decoded.progress[k]).length} ${KIND_LABEL[k]}`).join(', ');
    part(this.#root, '[data-incoming-summary]').textContent =
      `Made on ${when(decoded.exportedAt)}, it holds ${holds}. ${
        changesNothing(plan)
          ? 'Everything in it is already here, so merging changes nothing.'
          : 'Check what would change, then merge or cancel: nothing changes until you choose.'
      }`;
    part(this.#root, '[data-incoming-counts]').replaceChildren(
      ...MERGE_KINDS.map((kind) => {
        const row = document.createElement('tr');
        const head = document.createElement('th');
        head.scope = 'row';
        head.className = 'pr-4 text-left font-normal';
        head.textContent = KIND_LABEL[kind];
        row.append(head);
        for (const n of [plan.counts[kind].added, plan.counts[kind].replaced, plan.counts[kind].kept]) {
          const cell = document.createElement('td');
          cell.className = 'pr-4 text-right tabular-nums';
          cell.textContent = String(n);
          row.append(cell);
        }
        return row;
      }),
    );
    const conflicts = part(this.#root, '[data-incoming-conflicts]', HTMLDetailsElement);
    conflicts.hidden = plan.conflicts.length === 0;
    part(this.#root, '[data-conflict-summary]').textContent =
      `${plan.conflicts.length} ${plan.conflicts.length === 1 ? 'item differs' : 'items differ'} on the two devices: see which version is kept`;
    part(this.#root, '[data-conflict-list]').replaceChildren(...plan.conflicts.map((c) => this.#conflictItem(c)));
    const region = part(this.#root, '[data-incoming]');
    region.hidden = false;
    region.focus();
  }

  #conflictItem(c: Conflict) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = ITEM_URL[c.kind](c.id);
    link.textContent = c.id;
    const side = (where: 'here' | 'incoming') => {
      const state = where === 'here' ? c.hereState : c.incomingState;
      const time = when(where === 'here' ? c.hereTime : c.incomingTime);
      return `${state === undefined ? '' : `${state || 'not started'}, `}${time}`;
    };
    const verdict =
      c.winner === 'incoming'
        ? `the link's version (${side('incoming')}) replaces this device's (${side('here')})`
        : `this device's version (${side('here')}) is kept over the link's (${side('incoming')})`;
    item.append(`${ITEM_NOUN[c.kind]} `, link, `: ${verdict}.`);
    return item;
  }

  #merge() {
    if (!this.#incoming) return;
    // Merged against the store as it is now, in case another tab changed it since the preview.
    const plan = mergeProgress(getProgress(), this.#incoming);
    if (!plan.ok) return this.#closeIncoming(`The link could not be merged: ${plan.reason}. Nothing was changed.`);
    const stored = saveProgress(plan.progress);
    const total = (key: 'added' | 'replaced' | 'kept') => Object.values(plan.counts).reduce((n, c) => n + c[key], 0);
    this.#closeIncoming(
      stored
        ? `Merged: ${count(total('added'), 'item')} added, ${total('replaced')} replaced by newer ones from the link, ${total('kept')} kept because they were newer here.`
        : 'Merged for this page, but this browser would not store it (storage is full or blocked).',
    );
  }

  #closeIncoming(message: string) {
    this.#incoming = undefined;
    part(this.#root, '[data-incoming]').hidden = true;
    if (location.hash.startsWith(TRANSFER_PREFIX)) history.replaceState(null, '', location.pathname);
    this.#say(message);
  }
}
