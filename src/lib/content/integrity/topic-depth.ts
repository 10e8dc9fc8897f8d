/**
 * Topics teach in depth: every topic has at least `words` words of prose (fenced code not counted), and the median
 * over all topics is at least `medianWords`. A page under the floor names itself and its count.
 */
import { countWords } from '../words.ts';
import type { ContentIssue, ParsedEntry } from './entries.ts';
import { topicFloorsOff } from '../../../environment.ts';

export interface TopicFloors {
  /** Words of prose every topic must reach. */
  words: number;
  /** Words of prose the median topic must reach. */
  medianWords: number;
}

/** The site's floors: a topic explains the mechanism, works an example and names the pitfalls. */
export const TOPIC_FLOORS: TopicFloors = { words: 500, medianWords: 750 };

/**
 * The floors a build or `content:check` applies: the site's, unless ATLAS_TOPIC_FLOORS=off, which the unit tests'
 * builds of their few-sentence fixture trees set (ATLAS_CONTENT_DIR points those builds at the fixtures).
 */
export const topicFloorsFromEnv = (): TopicFloors => (topicFloorsOff() ? { words: 0, medianWords: 0 } : TOPIC_FLOORS);

export function checkTopicDepth(parsed: readonly ParsedEntry[], floors: TopicFloors): ContentIssue[] {
  const topics = parsed
    .filter(({ entry }) => entry.collection === 'topics')
    .map(({ entry }) => ({ file: entry.file, words: countWords(entry.body) }));
  const issues: ContentIssue[] = topics
    .filter((t) => t.words < floors.words)
    .map((t) => ({
      file: t.file,
      field: 'body',
      message: `${t.words} words of prose (code blocks not counted); a topic teaches in at least ${floors.words}: how it works, a worked example, pitfalls`,
    }));
  const sorted = topics.map((t) => t.words).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length
    ? sorted.length % 2
      ? sorted[Math.floor(mid)]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2
    : 0;
  if (sorted.length && median < floors.medianWords)
    issues.push({
      file: 'content/topics/',
      field: '(all topics)',
      message: `the median topic has ${median} words of prose; the floor is ${floors.medianWords}: deepen the shortest topics`,
    });
  return issues;
}
