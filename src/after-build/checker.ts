/**
 * The project checker the site serves: every project's contract bundled with the checker into dist/atlas-check.mjs
 * (src/checker/bundle.ts), its report's links pointing at the site's own origin. Written after `astro build`, which
 * has already checked the contracts (src/lib/content/integrity/contracts.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleChecker, CHECKER_FILE } from '../checker/bundle.ts';
import { CONTENT_DIR } from '../lib/content/content-files.ts';
import { formatIssues } from '../lib/content/integrity.ts';
import { readContracts } from '../lib/content/integrity/contracts.ts';

/** Writes the checker into `dist`; a line saying its size, with the projects inside. */
export async function writeChecker(dist: string, site: string): Promise<string> {
  const { contracts, issues } = await readContracts(CONTENT_DIR);
  if (issues.length > 0) throw new Error(`The project contracts have problems:\n${formatIssues(issues)}`);
  const text = await bundleChecker(
    contracts.map((c) => c.contract),
    site,
  );
  writeFileSync(join(dist, CHECKER_FILE), text);
  const gzip = gzipSync(text).length;
  return `Project checker: /${CHECKER_FILE}, ${(gzip / 1024).toFixed(1)} KB gzip, ${contracts.length} project contracts`;
}
