import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiRunNote, envMembers, pythonAppMembers } from '../../../src/lib/labs/api/api-env.ts';

const HELPERS = readFileSync(new URL('../../../src/lib/labs/python/asgi_json.py', import.meta.url), 'utf8');
/** What a Python learner reads beside and under the editor: every member, then the run note. */
const pythonText = [
  ...pythonAppMembers({ JWT_SECRET: 's' }).flatMap((m) => [m.signature, m.meaning]),
  apiRunNote('python', 2, 20),
].join('\n');

describe("what an API lab's handler gets, in the language it is written in", () => {
  it('documents scope, receive, send and send_json for Python, each helper as asgi_json.py defines it', () => {
    const names = pythonAppMembers({}).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['scope', 'receive', 'send', 'send_json', 'db', 'now', 'print']));
    const helpers = [...HELPERS.matchAll(/^async def (\w+)\(([^)]*(?:\(\))?[^)]*)\):/gm)];
    expect(helpers.map(([, name]) => name)).toEqual(['read_body', 'read_json', 'send_json']);
    const sendJson = helpers.find(([, name]) => name === 'send_json')!;
    expect(pythonText).toContain(`send_json(${sendJson[2]})`);
    for (const [, name] of helpers) expect(pythonText).toContain(`${name}(`);
    expect(pythonText).toContain('os.environ["NAME"]');
    expect(pythonText).toContain('JWT_SECRET');
  });

  it('gives Python no JavaScript advice', () => {
    for (const javascript of ['console.log', 'env.db', 'env.', 'promise', 'Promise', 'afresh', 'fetch(request'])
      expect(pythonText, javascript).not.toContain(javascript);
    expect(apiRunNote('python', 2, 20)).toMatch(/loaded once for each hidden test/);
  });

  it('keeps the JavaScript side as the sandbox builds it', () => {
    expect(envMembers({}).map((m) => m.name)).toEqual(['db.query', 'db.transaction', 'now']);
    expect(apiRunNote('javascript', 2, 20)).toMatch(/Each request loads your module afresh/);
  });
});
