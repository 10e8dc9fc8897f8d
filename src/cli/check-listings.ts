/**
 * `npm run listings:check [-- <file or id> …] [--json report.json]`: runs every listing of the content whose page shows
 * its output (src/lib/listings/), compares what it printed with the page, and prints how many ran, passed and are
 * marked as not runnable here, with each reason. A listing whose output differs fails with its file, its line and a
 * diff; so does fence meta the check does not know. Exits 1 on any failure. Pass page paths (or parts of them) to
 * check only those pages.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_DIR } from '../lib/content/content-files.ts';
import { pageListings } from '../lib/listings/listings.ts';
import { type ListingResult, runPage } from '../lib/listings/run.ts';
import { parseVary } from '../lib/listings/compare.ts';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const wanted = args.filter((arg, i) => !arg.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));

/** Each page's scratch folder, outside the project (the project's packages are linked in, see run.ts). */
const SCRATCH = join(tmpdir(), `atlas-listings-${process.pid}`);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') && entry.name !== 'README.md' ? [path] : [];
  });
}

const files = markdownFiles(CONTENT_DIR)
  .sort()
  .filter((file) => wanted.length === 0 || wanted.some((w) => file.includes(w)));

interface PageReport {
  file: string;
  seconds: number;
  results: ListingResult[];
  problems: string[];
}

const pages: PageReport[] = [];
const queue = files.map((file) => {
  const markdown = readFileSync(file, 'utf8');
  const { listings, problems } = pageListings(markdown);
  const problemLines = problems.map((p) => `line ${p.line}: ${p.message}`);
  for (const listing of listings) {
    const unknown = parseVary(listing.output?.meta.vary).unknown;
    if (unknown.length) problemLines.push(`line ${listing.output!.line}: vary= does not know ${unknown.join(', ')}`);
  }
  return { file, listings, problems: problemLines };
});

const started = performance.now();
// Four pages at a time even on two cores: most of a listing's time is waiting (a server starting, a timer, a
// database), and pages that use the network take turns anyway (run.ts).
const workers = Math.max(4, availableParallelism());
let next = 0;
await Promise.all(
  Array.from({ length: workers }, async () => {
    while (next < queue.length) {
      const page = queue[next++]!;
      const rel = relative(CONTENT_DIR, page.file);
      const began = performance.now();
      const results = page.listings.some((l) => l.output)
        ? await runPage(page.listings, join(SCRATCH, rel.replace(/\.md$/, '')))
        : [];
      pages.push({
        file: relative('.', page.file),
        results,
        problems: page.problems,
        seconds: (performance.now() - began) / 1000,
      });
    }
  }),
);
pages.sort((a, b) => a.file.localeCompare(b.file));
rmSync(SCRATCH, { recursive: true, force: true });

const all = pages.flatMap((page) => page.results.map((result) => ({ file: page.file, ...result })));
const passed = all.filter((r) => r.verdict.status === 'passed');
const failed = all.filter((r) => r.verdict.status === 'failed');
const marked = all.filter((r) => r.verdict.status === 'marked');
const problems = pages.flatMap((page) => page.problems.map((p) => `${page.file}: ${p}`));

for (const r of failed)
  if (r.verdict.status === 'failed')
    console.log(`\n✗ ${r.file}:${r.listing.line} (${r.listing.lang}): ${r.verdict.message}`);
for (const problem of problems) console.log(`\n✗ ${problem}`);

const byRunner = (list: typeof all) =>
  Object.entries(Object.groupBy(list, (r) => r.listing.runner))
    .map(([runner, rs]) => `${runner} ${rs.length}`)
    .join(', ');
const reasons = Object.entries(Object.groupBy(marked, (r) => (r.verdict as { reason: string }).reason)).sort(
  (a, b) => b[1]!.length - a[1]!.length,
);
console.log(
  `\nListings whose page shows their output: ${all.length} (${byRunner(all)}). Ran ${failed.length + passed.length}: ${passed.length} passed, ${failed.length} failed. Marked as not runnable here: ${marked.length} (${all.length ? ((100 * marked.length) / all.length).toFixed(1) : 0} %).`,
);
if (reasons.length) console.log(reasons.map(([reason, rs]) => `  ${rs!.length} × ${reason}`).join('\n'));
const slowest = [...pages].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
console.log(
  `(${((performance.now() - started) / 1000).toFixed(1)} s; slowest pages: ${slowest.map((p) => `${p.file.replace(/^content\//, '')} ${p.seconds.toFixed(1)} s`).join(', ')})`,
);

if (jsonFile)
  writeFileSync(
    jsonFile,
    JSON.stringify({
      passed: passed.length,
      failed: failed.length + problems.length,
      marked: marked.length,
      failures: [
        // The whole message, diff included: the test run's summary is often all a CI log keeps.
        ...failed.map((r) => `${r.file}:${r.listing.line}: ${(r.verdict as { message: string }).message}`),
        ...problems,
      ],
    }),
  );
process.exit(failed.length + problems.length > 0 ? 1 : 0);
