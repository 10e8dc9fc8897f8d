/**
 * `npm run preview` (after `npm run build`): serves the build as a static host would (src/dev/static-host.ts),
 * with `dist/_headers` applied. The browser tests run against it (playwright.config.ts).
 * Options: `--dir` (default ATLAS_DIST or dist), `--port` (default PORT or 4321), `--host` (default 127.0.0.1),
 * `--no-compression` (every file as it is stored, as a host without compression sends it).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { staticHost } from '../dev/static-host.ts';
import { distDir, port } from '../environment.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: distDir() },
    port: { type: 'string', default: String(port(4321)) },
    host: { type: 'string', default: '127.0.0.1' },
    // Files as they are stored, uncompressed, as a host without compression sends them.
    'no-compression': { type: 'boolean', default: false },
  },
});
const dir = resolve(values.dir);
if (!existsSync(`${dir}/index.html`)) {
  console.error(`${dir} has no index.html: run \`npm run build\` first.`);
  process.exit(1);
}
const server = staticHost(() => dir, { compress: !values['no-compression'] });
server.on('error', (error) => {
  console.error(`Cannot serve on ${values.host}:${values.port}: ${error.message}`);
  process.exit(1);
});
server.listen(Number(values.port), values.host, () =>
  console.log(`Serving ${dir} at http://${values.host}:${values.port}/ (with its _headers)`),
);
