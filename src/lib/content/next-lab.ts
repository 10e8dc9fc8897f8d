/**
 * The lab a learner is offered after passing one: the next lab of the same home topic (its first topic), else the
 * next lab of the whole list. Pure; `labs` comes in the order every list of labs uses (getLabs: easiest first, then
 * by title, the order of /practice/).
 */
export interface OrderedLab {
  id: string;
  data: { topics: readonly { id: string }[] };
}

/** The lab after `id`, or undefined after the last lab of the list. */
export function nextLab<T extends OrderedLab>(labs: readonly T[], id: string): T | undefined {
  const at = labs.findIndex((lab) => lab.id === id);
  if (at < 0) return undefined;
  const home = labs[at]!.data.topics[0]?.id;
  const later = labs.slice(at + 1);
  return later.find((lab) => lab.data.topics[0]?.id === home) ?? later[0];
}
