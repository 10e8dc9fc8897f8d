/**
 * A self-check answer teaches one step beyond the page: it may not repeat a sentence of the page's body (prose,
 * fenced code left out), or the card only tests whether the learner remembers the page. Sentences are compared
 * with case, punctuation and `code` marks ignored; sentences under six words ("It depends.") do not count.
 */
import type { ContentIssue, ParsedEntry } from './entries.ts';

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The sentences of a text, normalised, that are long enough to count. */
function sentencesOf(text: string): string[] {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map(normal)
    .filter((sentence) => sentence.split(' ').length >= 6);
}

export function checkSelfCheckRepeats(parsed: readonly ParsedEntry[]): ContentIssue[] {
  return parsed
    .filter(({ entry }) => entry.collection === 'topics')
    .flatMap(({ entry, data }) => {
      const body = new Set(sentencesOf(entry.body));
      return ((data.selfCheck ?? []) as { answer: string }[]).flatMap(({ answer }, i) => {
        const repeated = sentencesOf(answer).find((sentence) => body.has(sentence));
        return repeated
          ? [
              {
                file: entry.file,
                field: `selfCheck[${i}].answer`,
                message: `repeats a sentence of the page (“${repeated.slice(0, 80)}…”): ask the learner to apply the idea to a new case instead`,
              },
            ]
          : [];
      });
    });
}
