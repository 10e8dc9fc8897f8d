/** The server code of a build reads Astro's content store from its file, with the same result as the inlined store. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { CONTENT_STORE_MODULE, storeFromDisk } from '../../../src/integrations/content-store-from-disk.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store as Astro writes it (devalue's flat JSON), with text a plain JSON string literal would have to escape. */
const json = JSON.stringify([
  ['Map', 1],
  ['topics', 2],
  ['Map', 3],
  'jwt',
  { html: '<p>“Tokens” — </script> \\ \u2028 end</p>' },
]);
const file = join(dir, 'data-store.json');
writeFileSync(file, json);

type Load = { handler: (this: unknown, id: string) => { code: string } | null };
const load = (consumer: 'server' | 'client', store = file) =>
  (storeFromDisk(store).load as unknown as Load).handler.call(
    { environment: { config: { consumer } } },
    CONTENT_STORE_MODULE,
  );

/** Runs a module's code as Node would run the bundled server code, and gives its default export. */
async function run(code: string, name: string): Promise<unknown> {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, code);
  return ((await import(pathToFileURL(path).href)) as { default: unknown }).default;
}

it('gives the server code the store from its file, equal to the store Astro would have inlined', async () => {
  const module = load('server');
  expect(module).not.toBeNull();
  expect(module!.code.length).toBeLessThan(300);
  const inlined = await run(`export default JSON.parse(${JSON.stringify(json)})`, 'inlined');
  expect(await run(module!.code, 'from-disk')).toEqual(inlined);
});

it("leaves the browser's build, and a build with no store file, to Astro", () => {
  expect(load('client')).toBeNull();
  expect(load('server', join(dir, 'missing.json'))).toBeNull();
});
