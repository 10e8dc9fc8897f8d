/**
 * The CSP source that allows one inline <script> or <style>: its SHA-256, as Astro's `insertScriptHash` and
 * `insertStyleHash` take it. A component's hash must reach Astro before the page's <head> (which carries the
 * policy) is written: insert it from a page's frontmatter or from a component in the head slot.
 */
import { createHash } from 'node:crypto';

export const cspHash = (source: string): `sha256-${string}` =>
  `sha256-${createHash('sha256').update(source).digest('base64')}`;
