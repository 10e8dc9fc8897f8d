/** Words of prose in a Markdown body, without fenced code blocks: what "a topic teaches at least 120 words" counts. */
export function countWords(body: string | undefined): number {
  return (body ?? '')
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
