/**
 * <theme-toggle>: a button whose pressed state means "dark theme". The choice is stored in localStorage
 * (THEME_KEY) and read again before first paint by BaseLayout's inline script.
 */
import { THEME_KEY } from '../../lib/site/site.ts';

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
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // Storage may be unavailable (private mode, quota); the theme still applies for this page.
  }
}

class ThemeToggle extends HTMLElement {
  /** Ends the button's listener when the element leaves the page; a new one each time it is connected. */
  #abort = new AbortController();

  connectedCallback() {
    this.#abort = new AbortController();
    const button = this.querySelector('button');
    if (!button) return;
    const onClick = () => {
      toggleTheme();
      showPressed(button);
    };
    button.addEventListener('click', onClick, { signal: this.#abort.signal });
    // With no stored choice the page follows the system theme, which can change while the page is open.
    matchMedia(SYSTEM_DARK).addEventListener('change', () => showPressed(button), { signal: this.#abort.signal });
    showPressed(button);
    button.disabled = false;
  }

  disconnectedCallback() {
    this.#abort.abort();
  }
}

customElements.define('theme-toggle', ThemeToggle);
