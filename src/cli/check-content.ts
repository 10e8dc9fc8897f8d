/**
 * `npm run content:check`: checks content/ without building, in about a second.
 * Prints every problem as "file: field: message" and exits 1 if there is any.
 */
import { checkContent, formatIssues, topicFloorsFromEnv } from '../lib/content/integrity.ts';
import { CONTENT_DIR, readContentDir } from '../lib/content/content-files.ts';

const entries = readContentDir(process.argv[2] ?? CONTENT_DIR);
const issues = checkContent(entries, { topicFloors: topicFloorsFromEnv() });
if (issues.length > 0) {
  console.error(formatIssues(issues));
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${entries.length} content files.`);
  process.exit(1);
}
console.log(`${entries.length} content files checked: no problems.`);
