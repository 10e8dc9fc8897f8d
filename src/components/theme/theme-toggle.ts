/**
 * <atlas-theme-toggle>: a button whose pressed state means "dark theme". The choice is stored in localStorage
 * (THEME_KEY) and read again before first paint by BaseLayout's inline script.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { THEME_KEY } from '../../lib/site/site.ts';
import { writeStored } from '../storage.ts';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';
const systemDark = () => matchMedia(SYSTEM_DARK).matches;

function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark() ? 'dark' : 'light';
}

const showPressed = (button: HTMLButtonElement) =>
  button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));

/** Switches to the other theme and stores the choice. */
function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  // Storage may be unavailable (private mode, quota); the theme still applies for this page.
  writeStored('local', THEME_KEY, next);
}

class ThemeToggle extends AtlasElement {
  protected connect() {
    const button = this.querySelector('button');
    if (!button) return;
    const onClick = () => {
      toggleTheme();
      showPressed(button);
    };
    button.addEventListener('click', onClick, { signal: this.signal });
    // With no stored choice the page follows the system theme, which can change while the page is open.
    matchMedia(SYSTEM_DARK).addEventListener('change', () => showPressed(button), { signal: this.signal });
    showPressed(button);
    button.disabled = false;
  }
}

defineElement('theme-toggle', ThemeToggle);
