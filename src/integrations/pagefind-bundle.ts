/**
 * Pagefind's Component UI script carries its interface strings in 46 languages, about a third of the bytes a
 * first search downloads as code. The site is written in English, so the build keeps English only
 * (src/integrations/pagefind.ts); the UI falls back to English for any page language, as it does for a language
 * it has no strings for.
 *
 * In the bundle each language is a module, `var X={};h(X,{comments:…,strings:…});var …;` one after another,
 * followed by the list of modules and the list of their file names: `var Ma=[We,Ye,…],Jt=Ma,Zt=["…/af.json",…];`.
 * The other languages' modules are cut and both lists reduced to English.
 *
 * The build also reads Pagefind's fragments here (`fragmentPages`): the search step for page ids, the offline
 * step for which file holds a page.
 */
import { gunzipSync } from 'node:zlib';

const LANGUAGE_MODULE = /var ([\w$]+)=\{\};[\w$]+\(\1,\{comments:/g;
const LANGUAGE_LISTS =
  /var ([\w$]+)=\[([\w$,]+)\],([\w$]+)=\1,([\w$]+)=\[((?:"[^"]*\/translations\/[^"]*\.json",?)+)\];/;

/** `code` with only the English strings; throws when the bundle is not laid out as this expects. */
export function englishOnly(code: string): string {
  const lists = LANGUAGE_LISTS.exec(code);
  if (!lists) throw new Error('Component UI: the list of translations was not found; has Pagefind changed its bundle?');
  const [whole, modulesVar, moduleList, aliasVar, namesVar, nameList] = lists as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const modules = moduleList.split(',');
  const names = nameList.split(',');
  const en = names.findIndex((name) => name.endsWith('/en.json"'));
  if (modules.length !== names.length || en < 0)
    throw new Error('Component UI: the translations do not pair with their file names');
  const starts = [...code.slice(0, lists.index).matchAll(LANGUAGE_MODULE)];
  if (starts.length !== modules.length)
    throw new Error(`Component UI: found ${starts.length} translation modules for ${modules.length} names`);
  const first = starts[0]!.index;
  // Modules follow one another up to the lists; anything between two starts belongs to the earlier one.
  const english = starts.findIndex((m) => m[1] === modules[en]);
  if (english < 0) throw new Error('Component UI: the English translation module was not found');
  const kept = code.slice(starts[english]!.index, starts[english + 1]?.index ?? lists.index);
  const list = `var ${modulesVar}=[${modules[en]}],${aliasVar}=${modulesVar},${namesVar}=[${names[en]}];`;
  return code.slice(0, first) + kept + list + code.slice(lists.index + whole.length);
}

/** What a Pagefind fragment says of a page, as far as the build reads it. */
export interface Fragment {
  url: string;
  meta: Record<string, string | undefined>;
}

/**
 * The pages of one fragment file (`name`, e.g. "en_1a2b3c4.pf_fragment"), by Pagefind page id (the id search
 * results carry). A fragment file is gzip'd "pagefind_dcd" + JSON: one page, whose id is the file's name, or,
 * when Pagefind bundles fragments, an object of pages by id.
 */
export function fragmentPages(name: string, gzipped: Buffer): [string, Fragment][] {
  const text = gunzipSync(gzipped).toString('utf8');
  const json = JSON.parse(text.slice(text.indexOf('{'))) as Fragment | Record<string, Fragment>;
  return typeof json.url === 'string'
    ? [[name.replace(/\.pf_fragment$/, ''), json as Fragment]]
    : Object.entries(json as Record<string, Fragment>);
}
