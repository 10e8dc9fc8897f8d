/**
 * The English pages served under each other language's prefix until translated (src/after-build/fallback-pages.ts):
 * each is the English page with one line in that language; a translated page is left as it is; a redirect is copied
 * as it is; a page with no main element fails the build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFallbackPages } from '../../../src/after-build/fallback-pages.ts';

let dist: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
};
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const page = (body: string) =>
  `<html lang="en"><head><title>x</title></head><body><main id="main">${body}</main></body></html>`;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'atlas-fallback-'));
  put('index.html', page('Home'));
  put('topics/kafka/index.html', page('<h1>Apache Kafka</h1>'));
  put('topics/http/index.html', page('<h1>HTTP</h1>'));
  put('pt-br/topics/http/index.html', '<html lang="pt-BR"><main>O HTTP</main></html>');
  put('pt-br/index.html', '<html lang="pt-BR"><main>Início</main></html>');
  put('offline/index.html', page('You are offline'));
  put('404.html', page('Not found'));
  put('topics/old-name/index.html', '<meta http-equiv="refresh" content="0;url=/topics/kafka/">');
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const all = () =>
  writeFallbackPages(dist, [
    'index.html',
    'topics/kafka/index.html',
    'topics/http/index.html',
    'pt-br/topics/http/index.html',
    'pt-br/index.html',
    'offline/index.html',
    '404.html',
    'topics/old-name/index.html',
  ]);

it('serves an untranslated page under /pt-br/ as the English page with a line in Portuguese that links it', () => {
  expect(all()).toBe('Fallback pages: 2 English pages served under /pt-br until translated');
  const copy = read('pt-br/topics/kafka/index.html');
  expect(copy).toMatch(/^<html lang="en">/);
  expect(copy).toContain('<h1>Apache Kafka</h1>');
  expect(copy).toMatch(
    /<main id="main"><p [^>]*lang="pt-BR" data-untranslated[^>]*>Esta página ainda não foi traduzida; esta é a versão em inglês\. <a href="\/topics\/kafka\/" hreflang="en">Ler a página em inglês<\/a> · <a href="\/pt-br\/">As páginas em português<\/a><\/p><h1>/,
  );
  expect(copy.replace(/<p [^>]*data-untranslated[^>]*>.*?<\/p>/, '')).toBe(read('topics/kafka/index.html'));
});

it('leaves a translated page, the offline page and the not-found page alone, and copies a redirect as it is', () => {
  all();
  expect(read('pt-br/topics/http/index.html')).toBe('<html lang="pt-BR"><main>O HTTP</main></html>');
  expect(read('pt-br/index.html')).toContain('Início');
  expect(existsSync(join(dist, 'pt-br/offline/index.html'))).toBe(false);
  expect(existsSync(join(dist, 'pt-br/404.html'))).toBe(false);
  expect(read('pt-br/topics/old-name/index.html')).toBe(read('topics/old-name/index.html'));
});

it('fails on a page with no main element, naming it', () => {
  put('roles/x/index.html', '<html><body><p>no main</p></body></html>');
  expect(() => writeFallbackPages(dist, ['roles/x/index.html'])).toThrow('roles/x/index.html has no <main>');
});
