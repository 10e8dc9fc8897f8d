/** <atlas-set-aside-copies> (SetAsideCopies.astro): one download per unreadable store that progress.ts set aside. */
import { AtlasElement, defineElement } from '../element.ts';
import { downloadText } from '../progress/download.ts';
import { BACKUP_KEY, backupKeys, getProgress } from '../progress/progress.ts';
import { part } from '../parts.ts';

class SetAsideCopies extends AtlasElement {
  protected connect(signal: AbortSignal) {
    getProgress(); // Reading the store first sets aside one that cannot be read, so it is listed too.
    let copies: { savedAt: string; text: string }[] = [];
    try {
      copies = backupKeys().map((key) => ({
        savedAt: key.slice(BACKUP_KEY.length + 1).replace(/\+*$/, ''),
        text: localStorage.getItem(key) ?? '',
      }));
    } catch {
      // Storage blocked: nothing was set aside either.
    }
    this.hidden = copies.length === 0;
    part(this, '[data-copies]').replaceChildren(
      ...copies.map(({ savedAt, text }, i) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn';
        button.textContent = savedAt
          ? `Download the copy set aside on ${new Date(savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })}`
          : 'Download the undated copy';
        const name = `backend-atlas-unreadable-${savedAt ? savedAt.slice(0, 19).replaceAll(':', '-') : 'undated'}-${i + 1}.txt`;
        button.addEventListener('click', () => downloadText(name, text, 'text/plain'), { signal });
        item.append(button, ` ${text.length.toLocaleString('en')} characters`);
        return item;
      }),
    );
  }
}

defineElement('set-aside-copies', SetAsideCopies);
