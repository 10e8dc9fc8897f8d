/**
 * The project checker's bounds, measured from the build (`npm run measure` prints them): the size of
 * dist/atlas-check.mjs in gzip bytes, the time from launching it to its first check starting, and the time of every
 * check of each beginner project against its Node reference server (tests/fixtures/servers/), restarts included.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHECKER_FILE } from '../checker/bundle.ts';
import { CONTENT_DIR, readContentDir } from '../lib/content/content-files.ts';
import { checkReference, referenceServers } from '../dev/reference-servers.ts';
import { readContracts } from '../lib/content/integrity/contracts.ts';

/** The bounds: 150 KB gzip, the first check within 1 s, a beginner project's checks within 15 s. */
const BOUNDS = { gzipKb: 150, firstCheckMs: 1000, beginnerRunMs: 15_000 };

export async function measureChecker(dist: string) {
  const file = join(dist, CHECKER_FILE);
  if (!existsSync(file)) return console.log(`\nproject checker: ${file} is missing; run \`npm run build\` first`);
  const gzip = gzipSync(readFileSync(file)).length / 1024;
  console.log(`\nproject checker: ${CHECKER_FILE} ${gzip.toFixed(1)} KB gzip (bound ${BOUNDS.gzipKb} KB)`);
  const beginners = readContentDir(CONTENT_DIR, ['projects'])
    .filter((p) => (p.data as { level?: string }).level === 'beginner')
    .map((p) => p.id);
  const { contracts } = await readContracts(CONTENT_DIR);
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-measure-checker-'));
  try {
    for (const project of beginners) {
      const node = referenceServers(project).find((l) => l.name === 'Node');
      if (!node) {
        console.log(`  ${project.padEnd(26)} no Node reference server`);
        continue;
      }
      let firstCheck: number | undefined;
      const started = performance.now();
      const { report } = await checkReference({
        checker: file,
        project,
        language: node,
        dataDir,
        upstreamEnv: contracts.find((c) => c.contract.project === project)?.contract.upstream?.env,
        onProgress: (text, ms) => {
          if (firstCheck === undefined && text.includes('Checking ')) firstCheck = ms;
        },
      });
      const ms = performance.now() - started;
      const passed = report.checks.filter((c) => c.status === 'passed').length;
      console.log(
        `  ${project.padEnd(26)} first check after ${firstCheck?.toFixed(0) ?? '?'} ms (bound ${BOUNDS.firstCheckMs}), ${report.checks.length} checks (${passed} passed) in ${(ms / 1000).toFixed(1)} s (bound ${BOUNDS.beginnerRunMs / 1000} s), server start included`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
