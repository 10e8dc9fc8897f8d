/**
 * "Copy as curl" in an API lab's request panel (src/components/lab/http-exchange.ts): the command a learner pastes
 * goes to where their own server listens in the language they write, wrangler dev's port for JavaScript and
 * TypeScript, uvicorn's for Python, with every part shell-quoted. The browser test (tests/e2e/api-labs.spec.ts) copies
 * it from the page in JavaScript.
 */
import { expect, it } from 'vitest';
import { curlOf } from '../../../src/components/lab/http-exchange.ts';

const request = {
  method: 'POST',
  path: '/hits?x=1',
  headers: [['Content-Type', 'application/json']] as [string, string][],
  body: `{"name":"it's"}`,
};

it("aims at wrangler dev's port by default and at uvicorn's for Python", () => {
  expect(curlOf(request)).toContain(`'http://localhost:8787/hits?x=1'`);
  const python = curlOf(request, 'http://127.0.0.1:8000');
  expect(python).toBe(
    `curl -i \\\n  -X POST \\\n  'http://127.0.0.1:8000/hits?x=1' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{"name":"it'\\''s"}'`,
  );
});
