import { en } from '../../../src/i18n/dictionary/en.ts';
import { describe, expect, it } from 'vitest';
import { editorNote, readyHint, runKeys } from '../../../src/components/lab/run-keys.ts';

const PC = { mac: false, touchOnly: false };
const MAC = { mac: true, touchOnly: false };
const PHONE = { mac: false, touchOnly: true };
const IPHONE = { mac: true, touchOnly: true };

describe('the keys a lab names, by device', () => {
  it('names Ctrl+Enter on a PC and ⌘+Enter on a Mac', () => {
    expect(runKeys(PC)).toBe('Ctrl+Enter');
    expect(runKeys(MAC)).toBe('⌘+Enter');
    expect(readyHint(MAC, en.labView)).toBe('Write your answer, then run it with ⌘+Enter.');
    expect(editorNote(PC, en.labView)).toContain('Ctrl+Enter runs the checks');
    expect(editorNote(MAC, en.labView)).not.toContain('Ctrl');
  });

  it('names no key on a touch screen without a keyboard, only the button', () => {
    for (const device of [PHONE, IPHONE]) {
      expect(runKeys(device)).toBeUndefined();
      for (const text of [readyHint(device, en.labView), editorNote(device, en.labView)]) {
        expect(text).not.toMatch(/Ctrl|⌘|Enter|Tab|Escape/);
        expect(text).toContain('Run and check');
      }
    }
  });
});
