/**
 * A custom element's parts: the elements of its markup its script works with, found by selector. A part that is
 * missing, or is another kind of element, is a mistake in the markup, so the lookup throws at once and says which
 * element lacks what (`<atlas-lab-workbench> is missing [data-run]`) instead of failing later on a null.
 */

/** The custom element `root` is (or is inside), as markup names it (`<atlas-lab-workbench>`), else `root` itself. */
function ownerOf(root: ParentNode): string {
  let element = root instanceof Element ? root : null;
  while (element && !element.localName.includes('-')) element = element.parentElement;
  element ??= root instanceof Element ? root : null;
  return element ? `<${element.localName}>` : 'The page';
}

/**
 * The first element in `root` that `selector` finds; it must be a `kind` (HTMLButtonElement, HTMLInputElement…),
 * an HTMLElement when no kind is given.
 */
export function part(root: ParentNode, selector: string): HTMLElement;
export function part<T extends Element>(root: ParentNode, selector: string, kind: abstract new () => T): T;
export function part(root: ParentNode, selector: string, kind: abstract new () => Element = HTMLElement): Element {
  const found = root.querySelector(selector);
  const tag = found?.localName;
  if (found instanceof kind) return found;
  const what = tag ? `has ${selector} as a <${tag}>, not a ${kind.name}` : `is missing ${selector}`;
  throw new Error(`${ownerOf(root)} ${what}`);
}

/** The JSON a part holds as text (a `<script type="application/json">` the page wrote). */
export const jsonPart = <T>(root: ParentNode, selector: string): T =>
  JSON.parse(part(root, selector, Element).textContent ?? '') as T;
