/**
 * Translations against their English sources (src/i18n/translations/): the loader fails a translation of an entry
 * that does not exist, one whose frontmatter holds more than words, and one whose body lost a code block, a link or
 * a heading; a changed English source reads as outdated, on the status and on the command line, until the
 * translation is updated and stamped again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { translationLoader } from '../../../src/i18n/translations/loader.ts';
import { translationSchema } from '../../../src/i18n/translations/schema.ts';
import { sourceHash } from '../../../src/i18n/translations/sources.ts';
import { stampTranslation, translationStatus } from '../../../src/i18n/translations/status.ts';
import { runLoader } from '../content/content-layer.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-translations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENGLISH = `---
title: HTTP
summary: HTTP is the request-response protocol of the web, stateless by design.
hours: 6
selfCheck:
  - { question: "Why is HTTP called stateless by its authors?", answer: "Each request stands alone: the server keeps nothing of the last one." }
---

HTTP carries [requests](/topics/request-response-cycle/) between clients and servers.

## How it works

\`\`\`js
// send a request
fetch('/orders/42');
\`\`\`
`;

const translated = (sha: string, extra = '', body = '') => `---
source: { sha256: "${sha}" }
title: HTTP
summary: O HTTP é o protocolo de requisição e resposta da web, sem estado por design.
searchTerms: [protocolo http]
selfCheck:
  - { question: "Por que os autores dizem que o HTTP não guarda estado?", answer: "Cada requisição é independente: o servidor não guarda nada da anterior." }
${extra}---

${
  body ||
  `O HTTP leva [requisições](/topics/request-response-cycle/) entre clientes e servidores.

## Como funciona

\`\`\`js
// envia uma requisição
fetch('/orders/42');
\`\`\`
`
}`;

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const TRANSLATION = 'translations/pt-br/topics/http.md';

/** The loader's verdict on the tree: '' when sound, else its message. */
async function load(): Promise<string> {
  try {
    await runLoader(translationLoader(root), 'translations', translationSchema);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  write('topics/http.md', ENGLISH);
  write(TRANSLATION, translated(sourceHash(ENGLISH)));
});

it('loads a translation that keeps its source’s shape, and reads as current', async () => {
  expect(await load()).toBe('');
  expect(translationStatus('pt-br', root)).toEqual([{ collection: 'topics', id: 'http', state: 'current' }]);
});

it('fails a translation whose English entry does not exist, naming the file', async () => {
  write('translations/pt-br/topics/gone.md', translated(sourceHash(ENGLISH)));
  expect(await load()).toMatch(
    /translations\/pt-br\/topics\/gone\.md: \(file\): translates topics\/gone, which does not exist/,
  );
});

it('fails frontmatter that holds more than words: ids, hours and links come from the English', async () => {
  write(TRANSLATION, translated(sourceHash(ENGLISH), 'hours: 8\nrelated: [sql]\n'));
  const message = await load();
  expect(message).toMatch(/http\.md: hours: is not text: it comes from .*topics\/http\.md/);
  expect(message).toMatch(/http\.md: related: is not text/);
});

it('fails a self-check with fewer items than the English', async () => {
  write(TRANSLATION, translated(sourceHash(ENGLISH)).replace(/selfCheck:\n.*\n/, 'selfCheck: []\n'));
  expect(await load()).toMatch(/http\.md: selfCheck: has 0 items where .*topics\/http\.md has 1/);
});

it('fails a body that lost a code block, changed a link or dropped a heading', async () => {
  write(TRANSLATION, translated(sourceHash(ENGLISH), '', 'O HTTP leva [requisições](/topics/http-methods/).\n'));
  const message = await load();
  expect(message).toMatch(/\(body\) heading levels: differ from the English: missing ##/);
  expect(message).toMatch(/\(body\) code blocks: differ from the English: missing js/);
  expect(message).toMatch(
    /\(body\) links: differ from the English: missing \/topics\/request-response-cycle\/; not in the English: \/topics\/http-methods\//,
  );
});

it('reads a translation as outdated once the English changes, and current again once stamped', async () => {
  const changed = ENGLISH.replace('stateless by design', 'stateless by design, in every version');
  write('topics/http.md', changed);
  expect(await load()).toBe(''); // an outdated translation still builds: its page says so
  expect(translationStatus('pt-br', root)[0]?.state).toBe('outdated');
  const status = () => {
    try {
      return {
        code: 0,
        out: execFileSync(process.execPath, ['src/cli/translations.ts', 'status', 'pt-br'], {
          env: { ...process.env, ATLAS_CONTENT_DIR: root },
          encoding: 'utf8',
        }),
      };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { code: failed.status, out: failed.stdout };
    }
  };
  expect(status()).toEqual({
    code: 1,
    out: expect.stringMatching(/outdated\s+topics\/http\n.*0 current, 1 outdated/) as string,
  });
  write(TRANSLATION, stampTranslation(readFileSync(join(root, TRANSLATION), 'utf8'), changed));
  expect(translationStatus('pt-br', root)[0]?.state).toBe('current');
  expect(status().code).toBe(0);
});

it('lists the topics of a translated roadmap that have no translation as missing', () => {
  const roadmap =
    '---\ntitle: Beginner Path\nsummary: From nothing to a tested REST API with a database and a login.\nstages:\n  - { id: s1, title: One, goal: Learn it all, topics: [http, { topic: sql, optional: true }] }\n---\n\nBody.\n';
  write('roadmaps/beginner-path.md', roadmap);
  write(
    'translations/pt-br/roadmaps/beginner-path.md',
    `---\nsource: { sha256: "${sourceHash(roadmap)}" }\ntitle: Trilha Iniciante\n---\n\nCorpo.\n`,
  );
  expect(translationStatus('pt-br', root)).toEqual([
    { collection: 'topics', id: 'http', state: 'current' },
    { collection: 'roadmaps', id: 'beginner-path', state: 'current' },
    { collection: 'topics', id: 'sql', state: 'missing' },
  ]);
});

it('fails a roadmap whose stage ids or pick-one groups differ from the English, and loads one that keeps them', async () => {
  const roadmap =
    '---\ntitle: Beginner Path\nsummary: From nothing to a tested REST API with a database and a login.\nstages:\n  - { id: s1, title: One, goal: Learn it all, topics: [http, { topic: sql, alternative: language }, { topic: php, alternative: language }] }\n---\n\nBody.\n';
  write('roadmaps/beginner-path.md', roadmap);
  const translation = (stage: string, groups: string) =>
    `---\nsource: { sha256: "${sourceHash(roadmap)}" }\ntitle: Trilha Iniciante\nsummary: Do zero a uma API REST testada, com banco de dados e login.\nstages:\n  - { id: ${stage}, title: Um, goal: Aprender tudo isso }\n${groups}---\n\nCorpo.\n`;
  const file = 'translations/pt-br/roadmaps/beginner-path.md';
  write(file, translation('s1', 'groups: { language: uma linguagem }\n'));
  expect(await load()).toBe('');
  write(file, translation('s2', 'groups: { language: uma linguagem }\n'));
  expect(await load()).toMatch(/beginner-path\.md.*stages/s);
  write(file, translation('s1', 'groups: { languages: linguagens }\n'));
  expect(await load()).toMatch(/beginner-path\.md.*groups.*missing language; not in the English: languages/s);
  write(file, translation('s1', ''));
  expect(await load()).toMatch(/groups.*missing language/s);
});

it('fails a lab translation that leaves out a text the English has, or whose lists differ in length, naming the field', async () => {
  const lab = `---
title: Find customers who never ordered
summary: Return every customer without an order, once, with an anti-join that survives NULLs.
hints:
  - Think about which rows of customers have no partner in orders.
  - NOT EXISTS ignores the NULL customer ids that break NOT IN.
explanation: NOT EXISTS keeps a customer when no order row matches, and a NULL customer_id matches nothing.
checks:
  - type: result
    name: Each customer without an order, once
    rule: Every customer without an order, once; customers with orders are not listed.
    probes:
      - { label: customers with only cancelled orders, sql: SELECT 1 }
  - { type: rejects, name: Emails are unique, sql: SELECT 1, message: Two customers must not share an email address. }
variants:
  - { case: an order whose customer_id is NULL, sql: SELECT 1 }
---

Body.
`;
  write('labs/customers-without-orders.md', lab);
  const file = 'translations/pt-br/labs/customers-without-orders.md';
  const translation = ({
    hints = '  - Pense em quais linhas de customers não têm par em orders.\n  - O NOT EXISTS ignora os customer_id NULL que quebram o NOT IN.\n',
    checks = '  - { name: "Cada cliente sem pedido, uma vez", rule: "Todo cliente sem pedido, uma vez; clientes com pedidos não aparecem.", probes: [clientes só com pedidos cancelados] }\n  - { name: Os e-mails são únicos, message: Dois clientes não podem ter o mesmo endereço de e-mail. }\n',
    variants = 'variants: [um pedido cujo customer_id é NULL]\n',
  } = {}) =>
    `---\nsource: { sha256: "${sourceHash(lab)}" }\ntitle: Encontre os clientes que nunca compraram\nsummary: Retorne cada cliente sem pedido, uma vez, com um anti-join que resiste a NULLs.\nhints:\n${hints}explanation: O NOT EXISTS mantém um cliente quando nenhuma linha de orders casa, e um customer_id NULL não casa com nada.\nchecks:\n${checks}${variants}---\n\nCorpo.\n`;
  write(file, translation());
  expect(await load()).toBe('');
  write(file, translation({ variants: '' }));
  expect(await load()).toMatch(/customers-without-orders\.md.*variants.*is missing/s);
  write(file, translation({ hints: '  - Pense em quais linhas de customers não têm par em orders.\n' }));
  expect(await load()).toMatch(/hints.*has 1 hints where .*has 2/s);
  write(
    file,
    translation({
      checks:
        '  - { name: "Cada cliente sem pedido, uma vez", probes: [clientes sem pedidos, clientes com pedidos] }\n  - { name: Os e-mails são únicos, message: Dois clientes não podem ter o mesmo e-mail. }\n',
    }),
  );
  const message = await load();
  expect(message).toMatch(/checks\[0\]\.rule.*is missing/s);
  expect(message).toMatch(/checks\[0\]\.probes.*has 2 probe labels where .*has 1/s);
});
